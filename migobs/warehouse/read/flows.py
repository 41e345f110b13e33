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


def country_names(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """Every country's M49 code and English name."""
    rows = con.execute("SELECT m49, name FROM areas WHERE kind = 'country'").fetchall()
    return {int(code): str(name) for code, name in rows}


def type_of_data(con: duckdb.DuckDBPyConnection, edition: str) -> dict[int, str]:
    """UN DESA's "Type of data" of each destination of a stock edition (``"B R"``, ``"I"``);
    empty for an edition whose files state none."""
    rows = con.execute(
        "SELECT area, type_of_data FROM stock_type_of_data "
        "WHERE source = 'undesa_stock' AND edition = ?",
        [edition],
    ).fetchall()
    return {int(area): str(stated) for area, stated in rows}


def wpp_series(con: duckdb.DuckDBPyConnection, edition: str, variable: str) -> pd.DataFrame:
    """A WPP series for countries: columns ``area, year, period, value`` (persons)."""
    return con.execute(_SERIES, [edition, variable]).df()


# What the faces read of the stored estimates (``flow_runs`` / ``flows``). Columns are selected
# by name, so columns added to ``flow_runs`` later do not change these reads; the run id is
# only ever compared whole, never parsed.

_RUN_COLUMNS = (
    "run_id, method, edition, demography, sex, year0, year1, "
    "CAST(year0 AS VARCHAR) || '-' || CAST(year1 AS VARCHAR) AS period, "
    "year1 - year0 AS years, converged, margins_met"
)
RUN_ORDER = "edition, method, sex, year0, year1, run_id"
"""The stable order of runs: by edition, method, sex, then period."""

_RUNS = (
    f"(SELECT {_RUN_COLUMNS}, countries, total_flow, total_flow / (year1 - year0) "
    "AS total_flow_per_year, world_pop, options, diagnostics FROM flow_runs)"
)

_PERIOD = "r.run_id, r.method, r.edition, r.sex, r.year0, r.year1, r.period, r.years, " + (
    "r.converged, r.margins_met"
)

# The newest ensemble's interval of each stored flow (``flow_intervals``, keyed by run id);
# a stand-in without rows where the warehouse predates ensembles.
_INTERVALS = """(SELECT i.run_id, i.orig, i.dest, i.lower, i.upper
 FROM flow_intervals i JOIN flow_ensembles e USING (ensemble_id)
 QUALIFY row_number() OVER (PARTITION BY i.run_id, i.orig, i.dest ORDER BY e.finished_at DESC) = 1)"""
_NO_INTERVALS = (
    "(SELECT NULL::VARCHAR AS run_id, NULL::INTEGER AS orig, NULL::INTEGER AS dest, "
    "NULL::DOUBLE AS lower, NULL::DOUBLE AS upper WHERE false)"
)

_FLOWS = f"""(SELECT {_PERIOD},
    f.orig AS origin, o.name AS origin_name, f.dest AS destination, d.name AS destination_name,
    f.flow, f.flow / r.years AS flow_per_year, i.lower, i.upper
 FROM flows f JOIN (SELECT {_RUN_COLUMNS} FROM flow_runs) r ON r.run_id = f.run_id
 LEFT JOIN {{intervals}} i ON i.run_id = f.run_id AND i.orig = f.orig AND i.dest = f.dest
 LEFT JOIN areas o ON o.m49 = f.orig LEFT JOIN areas d ON d.m49 = f.dest)"""

# A run covers a country when the country has any flow in or out in it; for a covered pair a
# missing row is a flow of 0 (only non-zero flows are stored).
_CORRIDOR = f"""(SELECT {_PERIOD},
    o.m49 AS origin, o.name AS origin_name, d.m49 AS destination, d.name AS destination_name,
    coalesce(there.flow, 0) AS to_destination, coalesce(back.flow, 0) AS to_origin,
    coalesce(there.flow, 0) - coalesce(back.flow, 0) AS net,
    coalesce(there.flow, 0) / r.years AS to_destination_per_year,
    coalesce(back.flow, 0) / r.years AS to_origin_per_year,
    (coalesce(there.flow, 0) - coalesce(back.flow, 0)) / r.years AS net_per_year,
    i_there.lower, i_there.upper, i_back.lower AS to_origin_lower, i_back.upper AS to_origin_upper
 FROM (SELECT {_RUN_COLUMNS} FROM flow_runs) r
 JOIN areas o ON o.m49 = ? JOIN areas d ON d.m49 = ?
 LEFT JOIN flows there ON there.run_id = r.run_id AND there.orig = o.m49 AND there.dest = d.m49
 LEFT JOIN flows back ON back.run_id = r.run_id AND back.orig = d.m49 AND back.dest = o.m49
 LEFT JOIN {{intervals}} i_there
   ON i_there.run_id = r.run_id AND i_there.orig = o.m49 AND i_there.dest = d.m49
 LEFT JOIN {{intervals}} i_back
   ON i_back.run_id = r.run_id AND i_back.orig = d.m49 AND i_back.dest = o.m49
 WHERE EXISTS (SELECT 1 FROM flows f WHERE f.run_id = r.run_id
               AND (f.orig = o.m49 OR f.dest = o.m49))
   AND EXISTS (SELECT 1 FROM flows f WHERE f.run_id = r.run_id
               AND (f.orig = d.m49 OR f.dest = d.m49)))"""


def run_index(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every stored run, in :data:`RUN_ORDER`.

    Returns columns ``run_id, method, edition, demography, sex, year0, year1, period, years,
    converged, margins_met`` (``period`` is ``"<year0>-<year1>"``, ``years`` its length);
    empty when no flows have been estimated.
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

    Rows have the columns of :func:`run_index` and ``countries``, ``total_flow``,
    ``total_flow_per_year`` and ``world_pop`` (persons), ``options`` and ``diagnostics`` (JSON
    text).
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

    ``filters`` keys: ``run_id, method, edition, sex, period, converged, origin,
    destination``. Rows are in :data:`RUN_ORDER`, then by origin and destination, with the
    areas' names, the run's ``years``, ``converged`` and ``margins_met``, the flow per year
    (``flow_per_year``, so periods of different length compare), and the 90% interval of the
    newest ensemble covering the run (``lower``, ``upper``; NULL without one).
    """
    order = f"{RUN_ORDER}, origin, destination"
    return slice_of(con, _with_intervals(con, _FLOWS), filters or {}, order, limit, offset)


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
    ``net`` (their difference), in persons over the run's period, each also per year
    (``..._per_year``); the run's ``years``, ``converged`` and ``margins_met``; the newest
    ensemble's 90% interval of ``to_destination`` (``lower``, ``upper``) and of ``to_origin``
    (``to_origin_lower``, ``to_origin_upper``), NULL without one; ``filters`` as
    for :func:`flow_runs` (``method, edition, sex, period, converged, run_id``).
    """
    bound = (origin, destination)
    corridor = _with_intervals(con, _CORRIDOR)
    return slice_of(con, corridor, filters or {}, RUN_ORDER, limit, offset, bound)


def _with_intervals(con: duckdb.DuckDBPyConnection, query: str) -> str:
    """``query`` reading the newest ensemble's intervals, or none where the warehouse predates
    the ensemble tables."""
    held = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN "
        "('flow_intervals', 'flow_ensembles')"
    ).fetchone()
    return query.format(intervals=_INTERVALS if held and held[0] == 2 else _NO_INTERVALS)
