"""The SDMX view of the whole warehouse: one dataflow per exportable table, found without
computing any table, and the table behind a dataflow id."""

from __future__ import annotations

import duckdb

from migobs.exports.datasets import STOCK_TABLES, dataset_names
from migobs.exports.flows_table import SOURCE as FLOWS_SOURCE
from migobs.exports.sdmx.artefacts import Flow, table_dimensions
from migobs.exports.table import TableMeta
from migobs.indicators import registry
from migobs.indicators.definitions import definitions


def flows(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every dataflow id (``DF_…``) and the name of the table behind it, in listing order.

    The estimated flows (``migobs_flows/…``) are no dataflow: they are keyed by period, which
    no SDMX dimension of ours holds (listing them made every structure query fail once a
    warehouse had flow runs).
    """
    return {
        f"DF_{TableMeta(name=name, title='', unit='').sdmx_id}": name
        for name in dataset_names(con)
        if not name.startswith(f"{FLOWS_SOURCE}/")
    }


def flow_named(name: str) -> Flow:
    """The dataflow of table ``name`` (``<source>/<edition>/<table>`` or ``indicator/<code>``)."""
    sdmx_id = TableMeta(name=name, title="", unit="").sdmx_id
    if name.startswith("indicator/"):
        code = name.removeprefix("indicator/")
        columns: tuple[str, ...] = ("counterpart",) if registry.of_pairs(code) else ()
        return Flow(sdmx_id, definitions()[code].title, table_dimensions(columns))
    source, edition, table = name.split("/")
    kind = STOCK_TABLES[table]
    title = f"{kind.title} ({source} {edition})"
    return Flow(sdmx_id, title, table_dimensions(kind.dimensions))
