"""Pages in the six languages in real headless Chromium: Mexico's name, the locale's number
separators in the text and in the charts, right-to-left Arabic that overflows nowhere, the
tracker's sign-in and commitment form with no English interface word left, and no serious axe
violation on the main page kinds in any language.

One browser serves the whole module (the session's ``browser``); each test opens one page and
walks it through several paths rather than starting a page per path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from babel.numbers import format_decimal

from migobs.config import Settings
from migobs.i18n import LANGUAGES
from migobs.i18n.messages import translations
from migobs.tracker.policy import SYSTEM
from migobs.tracker.service import Tracker
from tests.support.browser import PHONE, Visit, screenshot
from tests.web.test_accessibility import serious
from tests.web.test_languages import MEXICO

pytestmark = pytest.mark.browser

OTHERS = [lang for lang in LANGUAGES if lang != "en"]

SIGN_IN = {
    "en": "Sign in",
    "ar": "تسجيل الدخول",
    "zh": "登录",
    "fr": "Se connecter",
    "ru": "Войти",
    "es": "Iniciar sesión",
}

ENGLISH_LABELS = {
    "login": ["Sign in", "Email", "Password", "Skip to content", "Compact tracker"],
    "commitment": [
        "New commitment",
        "New review",
        "My State",
        "Sign out",
        "Title",
        "Text",
        "Type",
        "Status",
        "Start",
        "End",
        "Partners (one a line)",
        "Objectives",
        "Save draft",
        "commitment",
        "pledge",
        "planned",
        "in-progress",
        "completed",
    ],
}
"""Interface words of the sign-in page and the commitment form that must not be left in English
(unless the language writes them the same: French "Type")."""

MAIN_PAGES = [
    "/",
    "/world",
    "/country",
    "/corridor?origin=484&destination=840",
    "/report",
    "/indicators",
    "/indicators/stock.total",
    "/tracker",
]
"""The main page kinds, checked with axe and for overflow in every language."""

FOCAL_POINT = ("browser-focal@example.org", "a browser's long enough password")


@pytest.fixture(scope="module")
def focal_point(web_settings: Settings) -> Iterator[tuple[str, str]]:
    """A focal point of Mexico (484) in the live server's tracker."""
    tracker = Tracker.from_settings(web_settings)
    email, password = FOCAL_POINT
    tracker.add_user(SYSTEM, email, password, "focal-point", "484")
    yield FOCAL_POINT
    tracker.engine.dispose()


def english_left(page: object, labels: list[str]) -> list[str]:
    """The ``labels`` still on ``page`` in English, as whole words of its text, leaving out
    those its language writes the same way."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    lang = page.locator("html").get_attribute("lang") or "en"
    text = page.locator("body").inner_text()
    return [
        label
        for label in labels
        if translations(lang).gettext(label) != label
        and re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_page_in_each_language(visit: Visit, lang: str) -> None:
    page = visit(f"/{lang}/country/484")
    assert MEXICO[lang] in page.locator("h1").inner_text()
    assert page.locator("html").get_attribute("lang") == lang
    immigrants = format_decimal(1060707, locale=lang, numbering_system="default")
    assert immigrants in page.locator("main").inner_text()
    if immigrants != "1,060,707":  # French, Russian, Spanish: no English separators left
        assert "1,060,707" not in page.locator("main").inner_text()
    chart = page.locator("#stock svg.chart.wide desc").text_content() or ""
    assert immigrants in chart, chart  # the chart's summary speaks the locale too
    assert serious(page) == []
    screenshot(page, f"country-{lang}")


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_arabic_is_right_to_left_and_overflows_nowhere(visit: Visit, width: int) -> None:
    size = {"width": width, "height": 900}
    overflowing = {}
    for path in ["/country/484", *MAIN_PAGES, "/tracker/login"]:
        page = visit(f"/ar{path}", size)
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
        extra = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if extra > 0:
            overflowing[path] = extra
    assert overflowing == {}, f"pages wider than {width} px, by px: {overflowing}"
    page = visit("/ar/country/484")
    assert page.evaluate("getComputedStyle(document.querySelector('main svg')).direction") == "ltr"
    screenshot(page, f"country-ar-{width}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tracker_sign_in_in_each_language(visit: Visit, lang: str) -> None:
    page = visit(f"/{lang}/tracker/login")
    assert page.locator("h1").inner_text() == SIGN_IN[lang]
    if lang != "en":
        assert english_left(page, ENGLISH_LABELS["login"]) == []
    assert serious(page) == []
    assert (
        page.locator("form[method=post]").last.get_attribute("action") == f"/{lang}/tracker/login"
    )


@pytest.mark.parametrize("lang", OTHERS)
def test_commitment_form_in_each_language(
    visit: Visit,
    focal_point: tuple[str, str],
    lang: str,
) -> None:
    email, password = focal_point
    page = visit(f"/{lang}/tracker/login")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form.sign-in button").click()
    page.wait_for_url(f"{visit.base}/{lang}/tracker")
    visit(f"/{lang}/tracker/commitments/new")
    assert page.locator("html").get_attribute("lang") == lang
    assert "484" in page.locator("h1").inner_text()
    assert english_left(page, ENGLISH_LABELS["commitment"]) == []
    assert serious(page) == []
    screenshot(page, f"commitment-form-{lang}")


@pytest.mark.parametrize("lang", OTHERS)
def test_main_pages_have_no_serious_violation_in_each_language(visit: Visit, lang: str) -> None:
    found = {}
    for path in MAIN_PAGES:
        page = visit(f"/{lang}{path}")
        assert page.locator("html").get_attribute("lang") == lang
        violations = serious(page)
        if violations:
            found[path] = violations
    assert found == {}
