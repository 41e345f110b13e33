"""SDMX RESTful web services 2.1 queries answered from the warehouse: which artefacts a structure
query names, and which observations a data query keeps.

Every failure is a :class:`QueryError` carrying the HTTP status and the SDMX error code (100 no
results, 140 syntax error).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from migobs.exports.sdmx import conventions as cv
from migobs.exports.sdmx.artefacts import Flow, codelists
from migobs.exports.sdmx.catalogue import flow_named, flows
from migobs.exports.sdmx.structure_xml import Structures
from migobs.warehouse.read import atlas

RESOURCES = ("dataflow", "datastructure", "codelist", "conceptscheme")
WITH_CHILDREN = {"children", "descendants", "all"}
WITH_PARENTS = {"parents", "parentsandsiblings", "all"}
REFERENCES = WITH_CHILDREN | WITH_PARENTS | {"none"}


class QueryError(Exception):
    """A query that cannot be answered: HTTP ``status``, SDMX error ``code`` and the message."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def no_match(message: str) -> QueryError:
    """404 with SDMX code 100 (no results found)."""
    return QueryError(404, 100, message)


def syntax(message: str) -> QueryError:
    """400 with SDMX code 140 (syntax error)."""
    return QueryError(400, 140, message)


@dataclass(frozen=True)
class StructureQuery:
    """``/{resource}/{agency}/{id}/{version}?references=…``."""

    resource: str
    agency: str = "all"
    id: str = "all"
    version: str = "latest"
    references: str = "none"


def structures(con: duckdb.DuckDBPyConnection, query: StructureQuery) -> Structures:
    """The artefacts ``query`` names, with those it references when asked.

    Raises
    ------
    QueryError
        Unknown agency, id or version (404), or an unknown ``references`` value (400).
    """
    _check_common(query)
    every_flow = [flow_named(name) for name in flows(con).values()]
    every_list = codelists(atlas.areas(con)[["m49", "name", "kind"]])
    if query.resource in ("dataflow", "datastructure"):
        prefix = "DF_" if query.resource == "dataflow" else "DSD_"
        chosen = [f for f in every_flow if query.id in ("all", prefix + f.id)]
        if not chosen:
            raise no_match(f"No {query.resource} {query.id!r} of agency {cv.AGENCY}.")
        return _around_flows(chosen, every_list, query)
    if query.resource == "codelist":
        lists = [c for c in every_list.values() if query.id in ("all", c.id)]
        if not lists:
            raise no_match(f"No codelist {query.id!r}; known: {', '.join(every_list)}.")
        users = [f for f in every_flow if {c.id for c in lists} & set(f.codelists)]
        parents = tuple(users) if query.references in WITH_PARENTS else ()
        return Structures(codelists=tuple(lists), structures=parents)
    if query.id not in ("all", cv.CONCEPT_SCHEME):
        raise no_match(f"No concept scheme {query.id!r}; the one is {cv.CONCEPT_SCHEME}.")
    parents = tuple(every_flow) if query.references in WITH_PARENTS else ()
    return Structures(concepts=True, structures=parents)


def _check_common(query: StructureQuery) -> None:
    if query.resource not in RESOURCES:
        raise no_match(f"Unknown resource {query.resource!r}; known: {', '.join(RESOURCES)}.")
    if query.agency not in ("all", cv.AGENCY):
        raise no_match(f"No agency {query.agency!r}; every artefact belongs to {cv.AGENCY}.")
    if query.version not in ("all", "latest", cv.VERSION):
        raise no_match(f"No version {query.version!r}; every artefact is {cv.VERSION}.")
    if query.references not in REFERENCES:
        raise syntax(f"references={query.references}: choose from {', '.join(sorted(REFERENCES))}.")


def _around_flows(
    chosen: list[Flow], every_list: dict[str, cv.Codelist], query: StructureQuery
) -> Structures:
    children = query.references in WITH_CHILDREN
    used = tuple(dict.fromkeys(c for f in chosen for c in f.codelists))
    lists = tuple(every_list[c] for c in used) if children else ()
    if query.resource == "dataflow":
        return Structures(tuple(chosen), lists, children, tuple(chosen) if children else ())
    parents = tuple(chosen) if query.references in WITH_PARENTS else ()
    return Structures(parents, lists, children, tuple(chosen))


def flow_of_ref(con: duckdb.DuckDBPyConnection, flow_ref: str) -> tuple[Flow, str]:
    """The dataflow a ``flowRef`` (``DF_X``, ``MIGOBS,DF_X`` or ``MIGOBS,DF_X,1.0``) names, and
    the table behind it.

    Raises
    ------
    QueryError
        Unknown agency, dataflow or version (404).
    """
    parts = flow_ref.split(",")
    agency, flow_id, version = (
        (cv.AGENCY, parts[0], "latest") if len(parts) == 1 else (parts + ["latest"])[:3]
    )
    _check_common(StructureQuery("dataflow", agency, flow_id, version))
    known = flows(con)
    if flow_id not in known:
        raise no_match(f"No dataflow {flow_id!r}; GET /sdmx/2.1/dataflow lists them.")
    return flow_named(known[flow_id]), known[flow_id]


def select(
    observations: pd.DataFrame,
    flow: Flow,
    key: str,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """The observations matching ``key`` (``all``, or one part per dimension joined by ``.``,
    each empty or codes joined by ``+``) within ``start``-``end`` (years).

    Raises
    ------
    QueryError
        A malformed key or period (400), or no observation matches (404).
    """
    keep = pd.Series(True, index=observations.index)
    if key != "all":
        parts = key.split(".")
        if len(parts) != len(flow.dimensions):
            raise syntax(
                f"Key {key!r} has {len(parts)} part(s); {flow.dataflow_id} has "
                f"{len(flow.dimensions)} dimensions: {'.'.join(flow.dimensions)}."
            )
        for dimension, part in zip(flow.dimensions, parts, strict=True):
            if part:
                keep &= observations[dimension].isin(part.split("+"))
    years = observations["TIME_PERIOD"].astype(int)
    if start:
        keep &= years >= _year(start, "startPeriod")
    if end:
        keep &= years <= _year(end, "endPeriod")
    chosen = observations[keep]
    if chosen.empty:
        raise no_match(f"No observations of {flow.dataflow_id} match key {key!r} and period.")
    return chosen


def _year(period: str, parameter: str) -> int:
    if len(period) < 4 or not period[:4].isdigit():
        raise syntax(f"{parameter}={period}: give a year, e.g. 2019.")
    return int(period[:4])
