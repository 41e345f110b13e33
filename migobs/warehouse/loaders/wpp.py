"""Load UN World Population Prospects into ``series`` (thousands converted once to persons).

Variables ``population`` (annual, ``ESTIMATES``), ``deaths`` and ``net_migrants`` (five-year
periods, ``ESTIMATES`` and ``MEDIUM VARIANT``; ``year`` is a period's first year). The files'
parent codes become ``area_groups`` with scheme ``wpp/<edition>``: each country is a member of
every aggregate above it (its parent, the parent's parent ...), which the aggregate check uses.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import pandas as pd

from migobs.sources import wpp as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import held_files
from migobs.warehouse.read_ahead import Read

SOURCE = "wpp"
ORDER = 20
UNIT_FACTORS = {"thousands": 1000.0}
COUNTRY_TYPE = "Country/Area"


def ahead(spec: FileSpec, path: Path) -> list[Read]:
    """The file's values, parsed in a worker while other loaders run (its layout described)."""
    if not parser.described(spec.edition, spec.key):
        return []
    return [(parser.read, (path, spec.edition, spec.key))]


def load(ctx: LoadContext) -> None:
    """Load every held WPP edition's files."""
    held = held_files(ctx, SOURCE, described=parser.described)
    for edition, files in groupby(held, key=lambda h: h.edition):
        parents: dict[int, int] = {}
        types: dict[int, str] = {}
        area: dict[int, int | None] = {}
        for file in files:
            frame = ctx.parsed(parser.read, file.path, edition, file.spec.key)
            area.update(_areas(ctx, frame))
            frame = frame.assign(area=frame["code"].map(area)).dropna(subset=["area"])
            ctx.append("series", _series(frame, edition, file.file_id))
            rows = frame.drop_duplicates("code")
            parents.update(zip(rows["code"], rows["parent_code"], strict=True))
            types.update(zip(rows["code"], rows["type"], strict=True))
        _load_groups(ctx, edition, parents, types, area)


def _areas(ctx: LoadContext, frame: pd.DataFrame) -> dict[int, int | None]:
    rows = frame.drop_duplicates("code")
    found: dict[int, int | None] = {}
    for code, name in zip(rows["code"], rows["name"], strict=True):
        found[int(code)] = ctx.areas.by_code(SOURCE, int(code))
        ctx.areas.note(SOURCE, str(name), str(code), found[int(code)])
    return found


def _series(frame: pd.DataFrame, edition: str, file_id: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": SOURCE,
            "edition": edition,
            "variable": frame["variable"],
            "area": frame["area"].astype(int),
            "year": frame["year"],
            "period": frame["period"],
            "value": frame["value"] * frame["unit"].map(UNIT_FACTORS),
            "unit": "persons",
            "file_unit": frame["unit"],
            "file_id": file_id,
            "sheet": frame["sheet"],
            "cell": frame["cell"],
        }
    )


def _load_groups(
    ctx: LoadContext,
    edition: str,
    parents: dict[int, int],
    types: dict[int, str],
    area: dict[int, int | None],
) -> None:
    pairs = set()
    for code, kind in types.items():
        if kind != COUNTRY_TYPE or area.get(code) is None:
            continue
        parent = parents.get(code, 0)
        while parent in parents and area.get(parent) is not None:
            pairs.add((area[parent], area[code]))
            parent = parents[parent]
    frame = pd.DataFrame(sorted(pairs), columns=["group_m49", "member_m49"])
    ctx.append("area_groups", frame.assign(scheme=f"{SOURCE}/{edition}"))
