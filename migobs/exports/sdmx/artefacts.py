"""The artefacts of a table: its dataflow ``DF_<id>`` and data structure ``DSD_<id>``, and the
shared codelists and concept scheme they use.

Dimensions, in order: ``FREQ``, ``SERIES``, ``REF_AREA``, then the table's own (``ORIGIN``,
``COUNTERPART_AREA``, ``SEX``), then ``TIME_PERIOD``. Attributes (on each observation):
``UNIT_MEASURE``, ``UNIT_MULT`` and ``OBS_STATUS``. The measure is ``OBS_VALUE``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from migobs.errors import ExportError
from migobs.exports.sdmx import conventions as cv
from migobs.exports.sdmx.areas import area_codelist, areas_of_frame
from migobs.exports.table import TidyTable

DIMENSION_OF_COLUMN = {"origin": "ORIGIN", "counterpart": "COUNTERPART_AREA", "sex": "SEX"}
CODELIST_OF = {
    "FREQ": "CL_FREQ",
    "SERIES": "CL_SERIES",
    "REF_AREA": "CL_AREA",
    "ORIGIN": "CL_AREA",
    "COUNTERPART_AREA": "CL_AREA",
    "SEX": "CL_SEX",
    "UNIT_MEASURE": "CL_UNIT_MEASURE",
    "UNIT_MULT": "CL_UNIT_MULT",
    "OBS_STATUS": "CL_OBS_STATUS",
}
ATTRIBUTES = ("UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS")


@dataclass(frozen=True)
class Flow:
    """One dataflow and its data structure definition."""

    id: str  # the table's SDMX id, e.g. UNDESA_STOCK_2019_BY_DESTINATION
    name: str
    dimensions: tuple[str, ...]  # coded dimensions in order, TIME_PERIOD excluded

    @property
    def dataflow_id(self) -> str:
        """``DF_<id>``."""
        return f"DF_{self.id}"

    @property
    def dsd_id(self) -> str:
        """``DSD_<id>``."""
        return f"DSD_{self.id}"

    @property
    def urn(self) -> str:
        """The short reference SDMX-CSV uses, e.g. ``MIGOBS:DF_X(1.0)``."""
        return f"{cv.AGENCY}:{self.dataflow_id}({cv.VERSION})"

    @property
    def codelists(self) -> tuple[str, ...]:
        """The ids of the codelists its structure uses, each once."""
        used = [*self.dimensions, *ATTRIBUTES]
        return tuple(dict.fromkeys(CODELIST_OF[d] for d in used))


QUARTER = "quarter"
"""A table's quarter column: no dimension of its own, but quarterly ``FREQ`` (``Q``) and
``TIME_PERIOD`` (``2017-Q1``)."""


PERIOD = "period"
"""A table's period column (``2005-2010``, estimated flows): no dimension of its own, but
``FREQ`` ``_O`` (periods of several years) and ``TIME_PERIOD`` as a time range from mid-year
(``2005-07-01/P5Y``), as the stocks the flows are estimated between refer to 1 July."""

TIME_COLUMNS = (QUARTER, PERIOD)
"""Key columns SDMX writes in ``TIME_PERIOD`` rather than as dimensions."""


def table_dimensions(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The SDMX dimensions of a table with the further key ``columns``.

    Raises
    ------
    ExportError
        A column has no SDMX dimension.
    """
    unknown = [c for c in columns if c not in DIMENSION_OF_COLUMN]
    if unknown:
        raise ExportError(
            f"Column(s) {', '.join(unknown)} have no SDMX dimension; "
            f"known: {', '.join(DIMENSION_OF_COLUMN)}."
        )
    return ("FREQ", "SERIES", "REF_AREA", *(DIMENSION_OF_COLUMN[c] for c in columns))


def flow_of(table: TidyTable) -> Flow:
    """The dataflow of ``table``."""
    coded = tuple(d for d in table.dimensions if d not in TIME_COLUMNS)
    return Flow(table.meta.sdmx_id, table.meta.title, table_dimensions(coded))


def codelists(areas: pd.DataFrame) -> dict[str, cv.Codelist]:
    """Every shared codelist by id, ``CL_AREA`` made from ``areas`` (``m49, name, kind``)."""
    lists = [
        cv.FREQ,
        cv.series_codelist(),
        area_codelist(areas),
        cv.SEX,
        cv.UNIT_MEASURE,
        cv.UNIT_MULT,
        cv.OBS_STATUS,
    ]
    return {c.id: c for c in lists}


def table_areas(table: TidyTable) -> pd.DataFrame:
    """The area list for ``CL_AREA``: the warehouse's every area when the table carries it,
    else the areas the table names."""
    return table.areas if table.areas is not None else areas_of_frame(table.frame)
