"""Load the area model: M49 countries and groupings, plus the areas and groupings of ``areas.yml``.

Fills ``areas`` and ``area_groups`` (schemes ``m49``: world, regions, sub-regions, intermediate
regions, LLDC, SIDS; ``development``: 901/902/941/934 from the file's columns; ``sdg``: the SDG
regions as unions of M49 groupings; ``composite`` and ``beside``: the stand-ins of ``areas.yml``)
and records the file's names and codes in ``area_names``.
"""

from __future__ import annotations

import pandas as pd

from migobs.errors import FileNotObtained
from migobs.sources import m49 as parser
from migobs.warehouse.areas import extra_areas, stand_in_pairs
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import held_files

SOURCE = "m49"
ORDER = 0
WORLD = 900
GROUP_LEVELS = (
    ("region_code", "region_name", "region"),
    ("subregion_code", "subregion_name", "subregion"),
    ("intermediate_code", "intermediate_name", "intermediate_region"),
)
FLAGS = (("lldc", 1636), ("sids", 1637))


def load(ctx: LoadContext) -> None:
    """Load the newest held M49 edition into ``areas``, ``area_groups`` and ``area_names``."""
    held = 0
    for file in held_files(ctx, SOURCE):
        held += 1
        rows = parser.read(file.path, file.edition)
        ctx.con.execute(
            "DELETE FROM area_groups WHERE scheme IN ('m49', 'development', 'sdg', 'composite', 'beside')"
        )
        ctx.con.execute("DELETE FROM areas")
        ctx.append("areas", _areas(rows))
        ctx.append("area_groups", _groups(rows))
        _note_names(ctx, rows)
    if not held:
        raise FileNotObtained(
            "No M49 file is held, and every source maps its areas with it. "
            + " ".join(ctx.not_held.values())
        )
    ctx.areas.refresh(ctx.con)


def _areas(rows: pd.DataFrame) -> pd.DataFrame:
    extra, _ = extra_areas()
    frames = [
        pd.DataFrame(
            {
                "m49": [a.m49 for a in extra],
                "iso3": [a.iso3 for a in extra],
                "iso2": [a.iso2 for a in extra],
                "name": [a.name for a in extra],
                "kind": [a.kind for a in extra],
            }
        ),
        pd.DataFrame(
            {
                "m49": rows["m49"].astype(int),
                "iso3": rows["iso3"].replace("", None),
                "iso2": rows["iso2"].replace("", None),
                "name": rows["name"],
                "kind": "country",
            }
        ),
    ]
    for code, name, kind in GROUP_LEVELS:
        level = rows[rows[code] != ""][[code, name]].drop_duplicates()
        frames.append(
            pd.DataFrame({"m49": level[code].astype(int), "name": level[name], "kind": kind})
        )
    areas = pd.concat(frames, ignore_index=True)
    return areas.drop_duplicates("m49", keep="first")


def _groups(rows: pd.DataFrame) -> pd.DataFrame:
    members = rows["m49"].astype(int)
    pairs: list[tuple[int, int, str]] = [(WORLD, int(m), "m49") for m in members]
    for code, _, _ in GROUP_LEVELS:
        has = rows[code] != ""
        pairs += [
            (int(g), int(m), "m49") for g, m in zip(rows[code][has], members[has], strict=True)
        ]
    for flag, group in FLAGS:
        pairs += [(group, int(m), "m49") for m in members[rows[flag] != ""]]
    pairs += _development(rows, members)
    pairs += _sdg(pairs)
    pairs += list(stand_in_pairs())
    frame = pd.DataFrame(pairs, columns=["group_m49", "member_m49", "scheme"])
    return frame.drop_duplicates()


def _development(rows: pd.DataFrame, members: pd.Series) -> list[tuple[int, int, str]]:
    developed = rows["development"] == "Developed"
    developing = rows["development"] == "Developing"
    ldc = rows["ldc"] != ""
    out = [(901, int(m), "development") for m in members[developed]]
    out += [(902, int(m), "development") for m in members[developing]]
    out += [(941, int(m), "development") for m in members[ldc]]
    out += [(934, int(m), "development") for m in members[developing & ~ldc]]
    return out


def _sdg(m49_pairs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    _, sdg_regions = extra_areas()
    members_of: dict[int, set[int]] = {}
    for group, member, _ in m49_pairs:
        members_of.setdefault(group, set()).add(member)
    return [
        (sdg, member, "sdg")
        for sdg, parts in sdg_regions.items()
        for part in parts
        for member in sorted(members_of.get(part, set()))
    ]


def _note_names(ctx: LoadContext, rows: pd.DataFrame) -> None:
    ctx.areas.note(SOURCE, "World", "001", WORLD)
    for name, code in zip(rows["name"], rows["m49"], strict=True):
        ctx.areas.note(SOURCE, name, code, int(code))
