"""Every page kind at 1280 and 390 px in Chromium: nothing wider than the window, no table
column clipped (a table either fits, or sits in a visible, keyboard-focusable scroll region with
a scroll cue), and a screenshot of each kept in ``test-artifacts/``."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.browser import (
    DESKTOP,
    PAGE_KINDS,
    PHONE,
    Visit,
    clipped_tables,
    screenshot,
)
from tests.support.faces_warehouse import AREAS

pytestmark = pytest.mark.browser


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


LONG_TEXT = ["/indicators/remittances.corridor"]
"""Pages whose long words (API paths) must break to fit a phone."""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("path", [*PAGE_KINDS, *LONG_TEXT])
def test_page_fits_its_window_and_no_column_is_clipped(
    visit: Visit, path: str, size: dict[str, Any]
) -> None:
    page = visit(path, size)
    screenshot(page, f"{_slug(path)}-{size['width']}")
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"{path} is {wider} px wider than a {size['width']} px window"
    assert clipped_tables(page) == []


COUNTRIES = sorted(name for _, _, _, name, kind in AREAS if kind == "country")
COUNTRY_PICKERS = {
    "/country": {"m49": None},
    "/corridor?origin=484&destination=840": {
        "origin": "Mexico",
        "destination": "United States of America",
    },
}
"""Pages that pick a country: each field's name and the name it shows on opening."""

PICKER = """(name) => {
  const field = document.querySelector(`main input[name=${name}]`);
  return {
    type: field.type,
    offered: [...(field.list?.options ?? [])].map((option) => option.value).sort(),
    width: field.getBoundingClientRect().width,
    row: field.form.getBoundingClientRect().width,
    label: field.labels[0]?.textContent.trim(),
  };
}"""

SELECTED = """() => [...document.querySelectorAll("main select")].map(
  (select) => select.selectedOptions[0]?.textContent)"""


@pytest.mark.parametrize("path", COUNTRY_PICKERS)
def test_a_country_is_picked_in_a_field_offering_every_name_whole_at_390_px(
    visit: Visit, path: str
) -> None:
    """A select shows its chosen name cut to the select's width (United Kingdom of Great
    Britain and Northern Irel… at 390 px on the real data); the field the whole width of the
    row suggests every name whole, takes a name, an ISO3 or an M49 code, and holds the chosen
    name whole."""
    page = visit(path, PHONE)
    screenshot(page, f"{_slug(path)}-picker-390")
    assert not set(page.evaluate(SELECTED)) & set(COUNTRIES), "a country in a select"
    for name, shown in COUNTRY_PICKERS[path].items():
        field = page.evaluate(PICKER, name)
        assert field["type"] in ("text", "search") and field["label"]
        assert field["offered"] == COUNTRIES
        assert field["width"] >= field["row"] - 1, f"{name} is narrower than its row"
        assert page.input_value(f"main input[name={name}]") == (shown or "")
