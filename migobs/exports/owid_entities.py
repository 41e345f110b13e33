"""Our World in Data's entity names of the warehouse's areas (``owid_names.yml``, made from
OWID's own name lists with their source and licence): the Entity column of grapher CSVs.

OWID names a country its way (``United States``, ``Vietnam``, ``Taiwan``) and a grouping with its
institution (``Sub-Saharan Africa (UN)``, ``Sub-Saharan Africa (WB)``), so that two groupings of
the same name stay apart and one grouping held under two codes (M49's ``419`` and UN DESA's
``904`` and ``1830``, Latin America and the Caribbean) gets one name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from migobs.m49 import m49_text
from migobs.yaml_files import read_yaml

NAMES_FILE = Path(__file__).with_name("owid_names.yml")


@cache
def entities() -> dict[str, str]:
    """OWID's entity name of every area, by M49 code as text."""
    data: dict[str, Any] = read_yaml(NAMES_FILE)
    return {str(code): str(entry["entity"]) for code, entry in data["areas"].items()}


def entity(area: int | str, fallback: str) -> str:
    """OWID's name of ``area``; ``fallback`` (the table's own name) for an area the list lacks
    (a test checks that no area of the real warehouse does)."""
    return entities().get(m49_text(area), fallback)
