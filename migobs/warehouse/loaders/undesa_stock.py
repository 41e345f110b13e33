"""Load UN DESA International Migrant Stock, every held edition, into the warehouse.

- ``migrant_stock``: Table 1 of the totals workbooks (origin 900 = all origins, by sex) and the
  origin columns of the 2017 origin-destination table (origin mapped by name, sex total).
- ``stock_tables``: Table 2 population (thousands converted to persons), Tables 3 and 4 shares
  (percent), Table 6 refugees and their share, and the O-D table's own ``Total`` column
  (``origin_destination_total``, kept apart so it is not counted twice with Table 1).
- ``area_groups`` with scheme ``undesa_stock/<edition>``: the file's own groupings: countries
  under the region and sub-region headings they are listed under (row order of Table 1), and
  the ANNEX's Y/N group columns for countries (plus 934 = less developed and not least
  developed).
"""

from __future__ import annotations

import pandas as pd

from migobs.distinct import each_distinct
from migobs.sources import undesa_stock as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import held_files

SOURCE = "undesa_stock"
ORDER = 10
WORLD = 900
TOTAL_LABEL = "Total"
UNIT_FACTORS = {"persons": 1.0, "thousands": 1000.0, "percent": 1.0}
FACT_COLUMNS = ["year", "sex", "value", "unit", "sheet", "cell", "flag", "origin"]
"""The parsed columns a fact row is made of (:func:`_facts`), with the origin column's label."""
DEEPER_KINDS = {"sdg_subregion": 0.5}
"""Headings one notch below the level their spelling shows (2019: EUROPE under EUROPE AND
NORTHERN AMERICA)."""


def load(ctx: LoadContext) -> None:
    """Load every held edition's files of the migrant stock."""
    for held in held_files(ctx, SOURCE, described=parser.described):
        spec, layout = held.spec, parser.layout(held.edition, held.spec.key)
        frame = _with_areas(ctx, parser.read(held.path, held.edition, spec.key))
        if layout.kind == "by_origin":
            _load_origin_destination(ctx, spec, held.file_id, frame)
            continue
        _load_totals(ctx, spec, held.file_id, frame, layout.headings)
        if layout.annex is not None:
            _load_annex(ctx, spec, parser.read_annex(held.path, held.edition, spec.key))


def _with_areas(ctx: LoadContext, frame: pd.DataFrame) -> pd.DataFrame:
    codes = frame[["code", "name"]].drop_duplicates()
    area = {}
    for code, name in zip(codes["code"], codes["name"], strict=True):
        area[code] = ctx.areas.by_code(SOURCE, int(code))
        ctx.areas.note(SOURCE, str(name), str(code), area[code])
    return frame.assign(area=frame["code"].map(area))


def _facts(frame: pd.DataFrame, spec: FileSpec, file_id: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": SOURCE,
            "edition": spec.edition,
            "year": frame["year"],
            "sex": frame["sex"],
            "value": frame["value"] * each_distinct(frame["unit"], UNIT_FACTORS.get).astype(float),
            "file_id": file_id,
            "sheet": frame["sheet"],
            "cell": frame["cell"],
            "flag": frame["flag"].replace("", None),
        }
    )


def _load_totals(
    ctx: LoadContext, spec: FileSpec, file_id: int, frame: pd.DataFrame, headings: str
) -> None:
    frame = frame[frame["area"].notna()]
    stock = frame["variable"] == "migrant_stock"
    ctx.append(
        "migrant_stock",
        _facts(frame[stock], spec, file_id).assign(
            destination=frame.loc[stock, "area"].astype(int), origin=WORLD
        ),
    )
    other = frame[~stock]
    ctx.append(
        "stock_tables",
        _facts(other, spec, file_id).assign(
            variable=other["variable"],
            area=other["area"].astype(int),
            unit=other["unit"].replace("thousands", "persons"),
        ),
    )
    _load_positional_groups(ctx, spec, frame[stock & (frame["sex"] == "total")], headings)
    _load_type_of_data(ctx, spec, file_id, frame[stock])


def _load_type_of_data(ctx: LoadContext, spec: FileSpec, file_id: int, stock: pd.DataFrame) -> None:
    """Each destination's "Type of data", once per area (the cell of its first row)."""
    typed = stock[stock["type_of_data"] != ""].drop_duplicates("area")
    if typed.empty:
        return
    letters = {t.sheet: t.columns.get("type") for t in parser.layout(spec.edition, spec.key).tables}
    ctx.append(
        "stock_type_of_data",
        pd.DataFrame(
            {
                "source": SOURCE,
                "edition": spec.edition,
                "area": typed["area"].astype(int),
                "type_of_data": typed["type_of_data"],
                "file_id": file_id,
                "sheet": typed["sheet"],
                "cell": typed["sheet"].map(letters) + typed["row"].astype(str),
            }
        ),
    )


def _load_origin_destination(
    ctx: LoadContext, spec: FileSpec, file_id: int, frame: pd.DataFrame
) -> None:
    labels = frame["origin"].drop_duplicates()
    origin = {label: ctx.areas.by_name(SOURCE, label) for label in labels if label != TOTAL_LABEL}
    # the columns the tables take, filtered once per table (each filter copies every column)
    frame = frame[[*FACT_COLUMNS, "area"]].assign(
        origin_m49=each_distinct(frame["origin"], origin.get).astype(float)
    )
    mapped = frame["area"].notna()
    total = frame[mapped & (frame["origin"] == TOTAL_LABEL)]
    ctx.append(
        "stock_tables",
        _facts(total, spec, file_id).assign(
            variable="origin_destination_total", area=total["area"].astype(int), unit="persons"
        ),
    )
    rest = frame[mapped & frame["origin_m49"].notna()]
    ctx.append(
        "migrant_stock",
        _facts(rest, spec, file_id).assign(
            destination=rest["area"].astype(int), origin=rest["origin_m49"].astype(int)
        ),
    )


def _load_positional_groups(
    ctx: LoadContext, spec: FileSpec, stock: pd.DataFrame, rule: str
) -> None:
    """Countries under every heading open above them in Table 1; ``rule`` is how the edition
    shows a heading's depth (the layout's ``headings``: ``case`` or ``indent``)."""
    kinds = _kinds(ctx)
    rows = stock.drop_duplicates("row").sort_values("row")
    open_headings: list[tuple[int, float]] = []
    pairs: set[tuple[int, int]] = set()
    for area, name, indent in zip(
        rows["area"].astype(int), rows["name"], rows["indent"], strict=True
    ):
        if kinds.get(area) == "country":
            pairs.update((heading, area) for heading, _ in open_headings)
            continue
        level = _level(rule, area, name, int(indent)) + DEEPER_KINDS.get(kinds.get(area, ""), 0)
        while open_headings and open_headings[-1][1] >= level:
            open_headings.pop()
        open_headings.append((area, level))
    _append_groups(ctx, spec.edition, pairs)


def _level(rule: str, area: int, name: str, indent: int) -> float:
    if area == WORLD:
        return 0
    if rule == "indent":
        return indent
    return 1 if name.isupper() else 2


def _kinds(ctx: LoadContext) -> dict[int, str]:
    return {
        int(m49): str(kind)
        for m49, kind in ctx.con.execute("SELECT m49, kind FROM areas").fetchall()
    }


def _load_annex(ctx: LoadContext, spec: FileSpec, annex: pd.DataFrame) -> None:
    group = {label: ctx.areas.by_name(SOURCE, label) for label in annex["group"].unique()}
    members = annex[annex["member"] == "Y"]
    members = members.assign(
        group_m49=members["group"].map(group),
        member_m49=members["code"].map(lambda code: ctx.areas.by_code(SOURCE, code)),
    ).dropna(subset=["group_m49", "member_m49"])
    kinds = _kinds(ctx)
    pairs = {
        (int(g), int(m))
        for g, m in zip(members["group_m49"], members["member_m49"], strict=True)
        if kinds.get(int(m)) == "country"
    }
    less = {m for g, m in pairs if g == 902}
    least = {m for g, m in pairs if g == 941}
    pairs |= {(934, m) for m in less - least}
    _append_groups(ctx, spec.edition, pairs)


def _append_groups(ctx: LoadContext, edition: str, pairs: set[tuple[int, int]]) -> None:
    scheme = f"{SOURCE}/{edition}"
    known = {
        (int(g), int(m))
        for g, m in ctx.con.execute(
            "SELECT group_m49, member_m49 FROM area_groups WHERE scheme = ?", [scheme]
        ).fetchall()
    }
    new = sorted(pairs - known)
    frame = pd.DataFrame(new, columns=["group_m49", "member_m49"]).assign(scheme=scheme)
    ctx.append("area_groups", frame)
