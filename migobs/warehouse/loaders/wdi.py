"""Load World Bank WDI extracts into ``series`` and their country metadata into ``wdi_economies``.

Variables: ``remittances_received`` (BX.TRF.PWKR.CD.DT), ``remittances_paid``
(BM.TRF.PWKR.CD.DT), ``oda_received`` (DT.ODA.ALLD.CD), ``gdp`` (NY.GDP.MKTP.CD), all in current
US$ as the files state them. Empty fields are not stored; the Metadata_Indicator file is verified
but not loaded (the extract itself names its indicator). Economies map by ISO3 (World Bank codes
such as XKX and CHI through ``area_names/wdi.yml``), aggregates through the same names table.
Memberships the metadata states (World, regions, income groups) become ``area_groups`` with
scheme ``wdi/<edition>``, which the aggregate check sums. An edition without its own metadata
takes the memberships of the edition ``groupings_from`` in ``area_names/wdi.yml`` names (the
2021-09-15 remittances paid: those of 2025-07-01).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from migobs.sources import wdi as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.areas import NAMES_DIR
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import add_areas, held_files, map_codes
from migobs.warehouse.read_ahead import Read
from migobs.yaml_files import read_yaml

SOURCE = "wdi"
ORDER = 30
VARIABLES = {
    "BX.TRF.PWKR.CD.DT": "remittances_received",
    "BM.TRF.PWKR.CD.DT": "remittances_paid",
    "DT.ODA.ALLD.CD": "oda_received",
    "NY.GDP.MKTP.CD": "gdp",
}
WORLD = 900
UNIONS = {9122: (1500, 1501, 1502), 1517: (1501, 1502)}
"""World Bank aggregates that unite income groups: Low & middle income (LMY) = low, lower-middle
and upper-middle income; Middle income (MIC) = lower-middle and upper-middle income. The
metadata names only the four income groups, so their members are the members of those."""


def ahead(spec: FileSpec, path: Path) -> list[Read]:
    """The extract or its country metadata, parsed in a worker while other loaders run."""
    if spec.key == "metadata_indicator":
        return []
    read = parser.read_countries if spec.key == "metadata_country" else parser.read_indicator
    return [(read, (path, spec.edition))]


def load(ctx: LoadContext) -> None:
    """Load every held WDI extract and its country metadata."""
    add_areas(ctx, SOURCE)
    for held in held_files(ctx, SOURCE, skip=("metadata_indicator",)):
        if held.spec.key == "metadata_country":
            rows = ctx.parsed(parser.read_countries, held.path, held.edition)
            _load_countries(ctx, rows, held.file_id, held.edition)
        else:
            indicator = ctx.parsed(parser.read_indicator, held.path, held.edition)
            _load_indicator(ctx, indicator, held.file_id)
    borrow_groupings(ctx.con)


def groupings_from() -> dict[str, str]:
    """Edition without metadata -> the edition whose metadata gives its aggregates' members."""
    data = read_yaml(NAMES_DIR / f"{SOURCE}.yml") or {}
    return {str(k): str(v) for k, v in (data.get("groupings_from") or {}).items()}


def borrow_groupings(con: duckdb.DuckDBPyConnection) -> None:
    """Give each loaded edition of :func:`groupings_from` without memberships the other's."""
    for edition, other in groupings_from().items():
        con.execute(
            "INSERT INTO area_groups SELECT group_m49, member_m49, 'wdi/' || $edition "
            "FROM area_groups WHERE scheme = 'wdi/' || $other "
            "AND EXISTS (SELECT 1 FROM series WHERE source = 'wdi' AND edition = $edition) "
            "AND NOT EXISTS (SELECT 1 FROM area_groups WHERE scheme = 'wdi/' || $edition)",
            {"edition": edition, "other": other},
        )


def _load_indicator(ctx: LoadContext, indicator: parser.Indicator, file_id: int) -> None:
    values = indicator.values.dropna(subset=["value"])
    area = map_codes(ctx, SOURCE, values["country_code"], values["country_name"])
    values = values.assign(area=area).dropna(subset=["area"])
    frame = pd.DataFrame(
        {
            "source": SOURCE,
            "edition": indicator.last_updated,
            "variable": VARIABLES[indicator.code],
            "area": values["area"].astype(int),
            "year": values["year"],
            "period": None,
            "value": values["value"],
            "unit": "current_usd",
            "file_unit": "current US$",
            "file_id": file_id,
            "sheet": None,
            "cell": values["cell"],
        }
    )
    ctx.append("series", frame)


def _load_countries(ctx: LoadContext, rows: pd.DataFrame, file_id: int, edition: str) -> None:
    m49 = map_codes(ctx, SOURCE, rows["code"], rows["name"])
    economies = pd.DataFrame(
        {
            "edition": edition,
            "code": rows["code"],
            "m49": m49,
            "name": rows["name"],
            "region": rows["region"].replace("", None),
            "income_group": rows["income_group"].replace("", None),
            "special_notes": rows["special_notes"].replace("", None),
            "is_aggregate": rows["region"] == "",
            "file_id": file_id,
            "row_number": rows["row"],
        }
    )
    ctx.append("wdi_economies", economies)
    ctx.append("area_groups", _groups(economies, edition))


def _groups(economies: pd.DataFrame, edition: str) -> pd.DataFrame:
    """World, region and income-group memberships as the metadata states them, and the
    aggregates of :data:`UNIONS` (LMY, MIC) as unions of income groups."""
    aggregates = economies[economies["is_aggregate"] & economies["m49"].notna()]
    by_name = dict(zip(aggregates["name"], aggregates["m49"].astype(int), strict=True))
    members = economies[~economies["is_aggregate"] & economies["m49"].notna()]
    pairs = [(WORLD, int(m)) for m in members["m49"]]
    for column in ("region", "income_group"):
        pairs += [
            (by_name[group], int(m))
            for group, m in zip(members[column], members["m49"], strict=True)
            if group in by_name
        ]
    pairs += [
        (union, member)
        for union, parts in UNIONS.items()
        for group, member in list(pairs)
        if group in parts
    ]
    frame = pd.DataFrame(pairs, columns=["group_m49", "member_m49"]).drop_duplicates()
    return frame.assign(scheme=f"wdi/{edition}")
