"""The SDG/SDMX conventions every MIGOBS dataflow shares: one agency, one version, and codelists
and concepts whose content is the same in every export (so that any two exports load into one
registry).

Codelists: ``CL_FREQ`` (``A`` annual, ``Q`` quarterly, ``_O`` periods of several years), ``CL_SEX`` (``F``, ``M``, ``_T``), ``CL_UNIT_MEASURE``
(the SDG Global Database's unit codes: ``NUMBER``, ``PT``, ``CU_USD``, ``PER_100000_POP``,
``RATIO``), ``CL_UNIT_MULT`` (power of ten, ``0``), ``CL_OBS_STATUS`` (SDMX's cross-domain codes)
and ``CL_SERIES`` (the SDG series code where one exists, see ``series.yml``, else our own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from migobs.errors import ExportError
from migobs.indicators.definitions import definitions
from migobs.yaml_files import read_yaml

AGENCY = "MIGOBS"
VERSION = "1.0"
STOCK_SERIES = "MIGRANT_STOCK"
FLOW_SERIES = "MIGRANT_FLOW_ESTIMATED"
FLOW_SOURCE = "migobs_flows/"
"""Tables of estimated flows (``migobs_flows/<edition>/<method>``) and their series."""
SERIES_FILE = Path(__file__).with_name("series.yml")


@dataclass(frozen=True)
class Code:
    """One code of a codelist, with optional annotations (type → text)."""

    id: str
    name: str
    description: str = ""
    annotations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Codelist:
    """A codelist of the agency at :data:`VERSION`."""

    id: str
    name: str
    codes: tuple[Code, ...] = field(default=())


@dataclass(frozen=True)
class Concept:
    """One concept of the scheme ``CS_MIGOBS``."""

    id: str
    name: str
    description: str = ""


CONCEPT_SCHEME = "CS_MIGOBS"
CONCEPTS = (
    Concept("FREQ", "Frequency of observation"),
    Concept("SERIES", "Series", "SDG Global Database series code where one exists."),
    Concept("REF_AREA", "Reference area", "UN M49 code; the destination or receiving end."),
    Concept("ORIGIN", "Country or area of origin", "UN M49 code of the migrants' origin."),
    Concept(
        "COUNTERPART_AREA",
        "Counterpart area (origin or sender)",
        "UN M49 code of the other end of a corridor: the origin of migrants or the sender of "
        "remittances; REF_AREA is the destination or receiver.",
    ),
    Concept("SEX", "Sex"),
    Concept("TIME_PERIOD", "Time period (year)"),
    Concept("OBS_VALUE", "Observation value"),
    Concept("UNIT_MEASURE", "Unit of measure"),
    Concept("UNIT_MULT", "Unit multiplier", "Power of ten by which OBS_VALUE is multiplied."),
    Concept(
        "OBS_STATUS",
        "Observation status",
        "A where a source publishes the value as it is; E where Migration Observatory computed "
        "it (a sum of members, a share, a change) or modelled it (estimated flows).",
    ),
)

FREQ = Codelist(
    "CL_FREQ",
    "Frequency",
    (
        Code("A", "Annual"),
        Code("Q", "Quarterly"),
        Code("_O", "Other: periods of several years (TIME_PERIOD gives each start and length)"),
    ),
)
SEX = Codelist("CL_SEX", "Sex", (Code("F", "Female"), Code("M", "Male"), Code("_T", "Total")))
SEX_CODES = {"female": "F", "male": "M", "total": "_T", "F": "F", "M": "M", "_T": "_T"}
UNITS = {
    "persons": Code("NUMBER", "Number"),
    "percent": Code("PT", "Percent"),
    "current_usd": Code("CU_USD", "Current United States dollars"),
    "current US$": Code("CU_USD", "Current United States dollars"),
    "per_100000": Code("PER_100000_POP", "Per 100,000 population"),
    "ratio": Code("RATIO", "Ratio"),
}
UNIT_MEASURE = Codelist(
    "CL_UNIT_MEASURE", "Unit of measure", tuple({c.id: c for c in UNITS.values()}.values())
)
UNIT_MULT = Codelist("CL_UNIT_MULT", "Unit multiplier", (Code("0", "Units"),))
OBS_STATUS = Codelist(
    "CL_OBS_STATUS",
    "Observation status",
    (
        Code("A", "Normal value"),
        Code("E", "Estimated value"),
        Code("I", "Imputed value"),
        Code("N", "Not for publication, restricted for internal use only"),
    ),
)


def unit_code(unit: str) -> str:
    """The SDMX code of one of our units, e.g. ``percent`` → ``PT``.

    Raises
    ------
    ExportError
        The unit has no code; add it to :data:`UNITS`.
    """
    if unit not in UNITS:
        raise ExportError(
            f"Unit {unit!r} has no SDMX UNIT_MEASURE code; add it to UNITS in {__file__}."
        )
    return UNITS[unit].id


def sex_code(value: str) -> str:
    """The SDMX code of a sex (``female`` → ``F``, ``total`` → ``_T``)."""
    if value not in SEX_CODES:
        raise ExportError(f"Sex {value!r} has no SDMX code; expected female, male or total.")
    return SEX_CODES[value]


@cache
def _sdg_series() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = read_yaml(SERIES_FILE)
    return loaded


def series_code(table_name: str) -> str:
    """The SERIES code of a table: the SDG series of its indicator where one exists
    (``indicator/sdg.10.c.1`` → ``SI_RMT_COST``), else the indicator code in capitals, and
    ``MIGRANT_STOCK`` for the migrant-stock tables, ``MIGRANT_FLOW_ESTIMATED`` for the
    estimated flows."""
    if table_name.startswith(FLOW_SOURCE):
        return FLOW_SERIES
    if not table_name.startswith("indicator/"):
        return STOCK_SERIES
    code = table_name.removeprefix("indicator/")
    known = _sdg_series().get(code)
    return known["series"] if known else code.upper().replace(".", "_")


def series_codelist() -> Codelist:
    """``CL_SERIES``: every indicator's series, ``MIGRANT_STOCK`` and
    ``MIGRANT_FLOW_ESTIMATED``."""
    codes = {
        STOCK_SERIES: Code(STOCK_SERIES, "International migrant stock"),
        FLOW_SERIES: Code(
            FLOW_SERIES,
            "Migration flows between countries, estimated from stocks by Migration Observatory",
        ),
    }
    for code, definition in definitions().items():
        series = series_code(f"indicator/{code}")
        known = _sdg_series().get(code)
        codes.setdefault(
            series,
            Code(series, known["name"] if known else definition.title, f"Indicator {code}"),
        )
    return Codelist("CL_SERIES", "Series", tuple(codes.values()))
