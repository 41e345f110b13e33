"""The SDMX RESTful web services 2.1 at ``/sdmx/2.1/``: structures (dataflow, datastructure,
codelist, conceptscheme) and data, so that SDMX clients (sdmx1, rsdmx, .Stat) read the warehouse
as they read the UN SDG database.

Structures answer SDMX-ML 2.1 structure messages; data answers SDMX-ML 2.1 structure-specific
data by default, SDMX-CSV 1.0 with ``format=csv`` or an ``Accept`` asking for CSV. No match is a
404 with an SDMX-ML error message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from migobs.errors import ExportError
from migobs.exports.datasets import dataset
from migobs.exports.sdmx.artefacts import ATTRIBUTES
from migobs.exports.sdmx.data_xml import ALL_DIMENSIONS, data_xml, error_xml
from migobs.exports.sdmx.observations import observations
from migobs.exports.sdmx.query import (
    REFERENCES,
    QueryError,
    StructureQuery,
    flow_of_ref,
    no_match,
    select,
    structures,
    syntax,
)
from migobs.exports.sdmx.structure_xml import structure_xml
from migobs.http.deps import WarehouseDep
from migobs.spreadsheet import inert_frame

STRUCTURE_TYPE = "application/vnd.sdmx.structure+xml; version=2.1"
DATA_TYPE = "application/vnd.sdmx.structurespecificdata+xml; version=2.1"
CSV_TYPE = "application/vnd.sdmx.data+csv; version=1.0.0"
ERROR_TYPE = "application/xml"
DETAILS = ("full", "dataonly", "serieskeysonly", "nodata")
VARY = {"Vary": "Accept"}  # data answers by the Accept header

router = APIRouter(prefix="/sdmx/2.1", tags=["sdmx"])

XML_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {STRUCTURE_TYPE: {}}, "description": "SDMX-ML 2.1 structure message"},
    400: {"content": {ERROR_TYPE: {}}, "description": "SDMX-ML error message (syntax)"},
    404: {"content": {ERROR_TYPE: {}}, "description": "SDMX-ML error message (no results)"},
}
DATA_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {DATA_TYPE: {}, CSV_TYPE: {}, "text/csv": {}},
        "description": "SDMX-ML 2.1 structure-specific data, or SDMX-CSV 1.0",
    },
    400: XML_RESPONSE[400],
    404: XML_RESPONSE[404],
}


def _error(error: QueryError) -> Response:
    return Response(error_xml(error.code, str(error)), error.status, media_type=ERROR_TYPE)


def _structure(con: WarehouseDep, query: StructureQuery) -> Response:
    try:
        content = structures(con, query)
    except QueryError as error:
        return _error(error)
    body = structure_xml(content, f"{query.resource.upper()}_{query.id.upper()}")
    return Response(body, media_type=STRUCTURE_TYPE)


@dataclass(frozen=True)
class DataOptions:
    """The query parameters of a data query."""

    start: str | None
    end: str | None
    at_observation: str
    detail: str
    format: str | None


def data_options(
    startPeriod: Annotated[str | None, Query(description="first year")] = None,  # noqa: N803
    endPeriod: Annotated[str | None, Query(description="last year")] = None,  # noqa: N803
    dimensionAtObservation: Annotated[  # noqa: N803
        str,
        Query(
            description="TIME_PERIOD, another dimension, or AllDimensions",
            json_schema_extra={"pattern": "^[A-Za-z][A-Za-z0-9_]*$"},
        ),
    ] = "TIME_PERIOD",
    # the schema lists the values; another is answered with SDMX's own 400, not FastAPI's 422
    detail: Annotated[
        str, Query(description=", ".join(DETAILS), json_schema_extra={"enum": list(DETAILS)})
    ] = "full",
    format: Annotated[str | None, Query(description="csv for SDMX-CSV 1.0")] = None,
) -> DataOptions:
    """The options of a data query, as the SDMX web services name them."""
    return DataOptions(startPeriod, endPeriod, dimensionAtObservation, detail, format)


DataOptionsDep = Annotated[DataOptions, Depends(data_options)]
FlowRef = Annotated[str, Path(description="DF_…, MIGOBS,DF_… or MIGOBS,DF_…,1.0")]


@router.get("/data/{flow_ref}", response_class=Response, responses=DATA_RESPONSE)
def get_sdmx_data_all(
    request: Request, con: WarehouseDep, flow_ref: FlowRef, options: DataOptionsDep
) -> Response:
    """Every observation of a dataflow (within the period), as SDMX-ML or SDMX-CSV."""
    return _data(request, con, flow_ref, "all", options)


@router.get("/data/{flow_ref}/{key}", response_class=Response, responses=DATA_RESPONSE)
def get_sdmx_data(
    request: Request,
    con: WarehouseDep,
    flow_ref: FlowRef,
    key: Annotated[str, Path(description="all, or dimension codes joined by '.' (A+B: either)")],
    options: DataOptionsDep,
) -> Response:
    """Observations of a dataflow by key and period, as SDMX-ML or SDMX-CSV."""
    return _data(request, con, flow_ref, key, options)


def _data(
    request: Request, con: WarehouseDep, flow_ref: str, key: str, options: DataOptions
) -> Response:
    at_observation = options.at_observation
    try:
        flow, name = flow_of_ref(con, flow_ref)
        if options.detail not in DETAILS:
            raise syntax(f"detail={options.detail}: choose from {', '.join(DETAILS)}.")
        if at_observation not in (*flow.dimensions, "TIME_PERIOD", ALL_DIMENSIONS):
            raise syntax(
                f"dimensionAtObservation={at_observation}: choose TIME_PERIOD, "
                f"AllDimensions or one of {', '.join(flow.dimensions)}."
            )
        chosen = select(observations(dataset(con, name)), flow, key, options.start, options.end)
    except QueryError as error:
        return _error(error)
    except ExportError as error:  # the warehouse lacks the data the table is made from
        return _error(no_match(str(error)))
    if options.detail == "dataonly":
        chosen = chosen.drop(columns=list(ATTRIBUTES))
    accept = request.headers.get("accept", "")
    if options.format == "csv" or "csv" in accept:
        chosen.insert(0, "DATAFLOW", flow.urn)
        media = "text/csv" if "text/csv" in accept else CSV_TYPE
        return Response(inert_frame(chosen).to_csv(index=False), media_type=media, headers=VARY)
    series_only = options.detail in ("serieskeysonly", "nodata")
    if series_only and at_observation == ALL_DIMENSIONS:
        chosen = chosen.iloc[:0]
    body = data_xml(flow, chosen, at_observation, series_only=series_only)
    return Response(body, media_type=DATA_TYPE, headers=VARY)


Resource = Annotated[str, Path(description="dataflow, datastructure, codelist or conceptscheme")]
Agency = Annotated[str, Path(description="MIGOBS or all")]
ResourceId = Annotated[
    str, Path(description="an id, e.g. DF_UNDESA_STOCK_2019_BY_DESTINATION, or all")
]
Version = Annotated[str, Path(description="1.0, latest or all")]


@dataclass(frozen=True)
class StructureOptions:
    """The query parameters of a structure query."""

    references: str


def structure_options(
    references: Annotated[
        str,
        Query(
            description="none, children, descendants, parents, parentsandsiblings, all",
            json_schema_extra={"enum": sorted(REFERENCES)},
        ),
    ] = "none",
    detail: Annotated[str, Query(description="full (stubs are answered in full)")] = "full",
) -> StructureOptions:
    """The options of a structure query; every ``detail`` is answered in full."""
    del detail
    return StructureOptions(references)


StructureOptionsDep = Annotated[StructureOptions, Depends(structure_options)]


@router.get("/{resource}", response_class=Response, responses=XML_RESPONSE)
def get_sdmx_structures(
    con: WarehouseDep, resource: Resource, options: StructureOptionsDep
) -> Response:
    """Every artefact of one type (dataflow, datastructure, codelist, conceptscheme)."""
    return _structure(con, StructureQuery(resource, references=options.references))


@router.get("/{resource}/{agency}", response_class=Response, responses=XML_RESPONSE)
def get_sdmx_structures_of_agency(
    con: WarehouseDep, resource: Resource, agency: Agency, options: StructureOptionsDep
) -> Response:
    """Every artefact of one type of an agency."""
    return _structure(con, StructureQuery(resource, agency, references=options.references))


@router.get("/{resource}/{agency}/{resource_id}", response_class=Response, responses=XML_RESPONSE)
def get_sdmx_structure_latest(
    con: WarehouseDep,
    resource: Resource,
    agency: Agency,
    resource_id: ResourceId,
    options: StructureOptionsDep,
) -> Response:
    """One artefact (or all) of an agency, latest version."""
    query = StructureQuery(resource, agency, resource_id, references=options.references)
    return _structure(con, query)


@router.get(
    "/{resource}/{agency}/{resource_id}/{version}",
    response_class=Response,
    responses=XML_RESPONSE,
)
def get_sdmx_structure(
    con: WarehouseDep,
    resource: Resource,
    agency: Agency,
    resource_id: ResourceId,
    version: Version,
    options: StructureOptionsDep,
) -> Response:
    """One artefact (or all) of an agency at a version."""
    query = StructureQuery(resource, agency, resource_id, version, options.references)
    return _structure(con, query)
