"""Flows: what estimation reads (the origin x destination stock, WPP demography) and what the
faces read of the stored estimates (runs, flows, both directions of a corridor)."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from migobs.warehouse.read.listing import Slice, slice_of

_OD = """
SELECT m.year, m.origin, m.destination, coalesce(m.value, 0) AS value
FROM migrant_stock m
JOIN areas o ON o.m49 = m.origin AND o.kind = 'country'
JOIN areas d ON d.m49 = m.destination AND d.kind = 'country'
WHERE m.source = 'undesa_stock' AND m.edition = ? AND m.sex = ? AND m.origin <> 900
"""

_OD_SEXES = """
SELECT DISTINCT sex FROM migrant_stock
WHERE source = 'undesa_stock' AND edition = ? AND origin <> 900 ORDER BY sex
"""

_SERIES = """
SELECT s.area, s.year, s.period, s.value
FROM series s JOIN areas a ON a.m49 = s.area AND a.kind = 'country'
WHERE s.source = 'wpp' AND s.edition = ? AND s.variable = ? AND s.value IS NOT NULL
"""


def od_stock(con: duckdb.DuckDBPyConnection, edition: str, sex: str = "total") -> pd.DataFrame:
    """Foreign-born stock by origin and destination country (persons), every year held.

    Returns columns ``year, origin, destination, value`` (M49 codes; missing values as 0).
    """
    return con.execute(_OD, [edition, sex]).df()


def od_sexes(con: duckdb.DuckDBPyConnection, edition: str) -> list[str]:
    """The sexes (``total``, ``male``, ``female``) the edition's origin x destination table has."""
    return [row[0] for row in con.execute(_OD_SEXES, [edition]).fetchall()]


def wpp_series(con: duckdb.DuckDBPyConnection, edition: str, variable: str) -> pd.DataFrame:
    """A WPP series for countries: columns ``area, year, period, value`` (persons)."""
    return con.execute(_SERIES, [edition, variable]).df()


# What the faces read of the stored estimates (``flow_runs`` / ``flows``). Columns are selected
# by name, so columns added to ``flow_runs`` later do not change these reads; the run id is
# only ever compared whole, never parsed.

_RUN_COLUMNS = (
    "run_id, method, edition, demography, sex, year0, year1, "
    "CAST(year0 AS VARCHAR) || '-' || CAST(year1 AS VARCHAR) AS period"
)
RUN_ORDER = "edition, method, sex, year0, year1, run_id"
"""The stable order of runs: by edition, method, sex, then period."""

_RUNS = (
    f"(SELECT {_RUN_COLUMNS}, countries, total_flow, world_pop, options, diagnostics "
    "FROM flow_runs)"
)

_FLOWS = f"""(SELECT r.run_id, r.method, r.edition, r.sex, r.year0, r.year1, r.period,
    f.orig AS origin, o.name AS origin_name, f.dest AS destination, d.name AS destination_name,
    f.flow
 FROM flows f JOIN (SELECT {_RUN_COLUMNS} FROM flow_runs) r ON r.run_id = f.run_id
 LEFT JOIN areas o ON o.m49 = f.orig LEFT JOIN areas d ON d.m49 = f.dest)"""

# A run covers a country when the country has any flow in or out in it; for a covered pair a
# missing row is a flow of 0 (only non-zero flows are stored).
_CORRIDOR = f"""(SELECT r.run_id, r.method, r.edition, r.sex, r.year0, r.year1, r.period,
    o.m49 AS origin, o.name AS origin_name, d.m49 AS destination, d.name AS destination_name,
    coalesce(there.flow, 0) AS to_destination, coalesce(back.flow, 0) AS to_origin,
    coalesce(there.flow, 0) - coalesce(back.flow, 0) AS net
 FROM (SELECT {_RUN_COLUMNS} FROM flow_runs) r
 JOIN areas o ON o.m49 = ? JOIN areas d ON d.m49 = ?
 LEFT JOIN flows there ON there.run_id = r.run_id AND there.orig = o.m49 AND there.dest = d.m49
 LEFT JOIN flows back ON back.run_id = r.run_id AND back.orig = d.m49 AND back.dest = o.m49
 WHERE EXISTS (SELECT 1 FROM flows f WHERE f.run_id = r.run_id
               AND (f.orig = o.m49 OR f.dest = o.m49))
   AND EXISTS (SELECT 1 FROM flows f WHERE f.run_id = r.run_id
               AND (f.orig = d.m49 OR f.dest = d.m49)))"""


def run_index(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every stored run, in :data:`RUN_ORDER`.

    Returns columns ``run_id, method, edition, demography, sex, year0, year1, period``
    (``period`` is ``"<year0>-<year1>"``); empty when no flows have been estimated.
    """
    return con.execute(f"SELECT {_RUN_COLUMNS} FROM flow_runs ORDER BY {RUN_ORDER}").df()


def flow_runs(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: dict[str, Any] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Slice:
    """Stored runs matching ``filters`` (column → value; ``None`` values are ignored).

    Rows have the columns of :func:`run_index` and ``countries``, ``total_flow`` and
    ``world_pop`` (persons), ``options`` and ``diagnostics`` (JSON text).
    """
    return slice_of(con, _RUNS, filters or {}, RUN_ORDER, limit, offset)


def flows(
    con: duckdb.DuckDBPyConnection,
    *,
    filters: dict[str, Any] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Slice:
    """Estimated flows (persons moving from ``origin`` to ``destination`` in a run's period).

    ``filters`` keys: ``run_id, method, edition, sex, period, origin, destination``. Rows are
    in :data:`RUN_ORDER`, then by origin and destination, with the areas' names.
    """
    order = f"{RUN_ORDER}, origin, destination"
    return slice_of(con, _FLOWS, filters or {}, order, limit, offset)


def corridor_flows(
    con: duckdb.DuckDBPyConnection,
    origin: int,
    destination: int,
    *,
    filters: dict[str, Any] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Slice:
    """Both directions of one corridor in every run that covers both countries.

    One row per run: ``to_destination`` (origin → destination), ``to_origin`` (back) and
    ``net`` (their difference), in persons over the run's period; ``filters`` as for
    :func:`flow_runs` (``method, edition, sex, period, run_id``).
    """
    bound = (origin, destination)
    return slice_of(con, _CORRIDOR, filters or {}, RUN_ORDER, limit, offset, bound)
