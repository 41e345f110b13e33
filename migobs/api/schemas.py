"""Response models of the API (Public family: what a client reads; the warehouse is read-only).

Every list is a ``ListOf[Model]``: ``{"data": [...], "count": N}`` where ``count`` is the number
of rows matching the filters, not only those on the page.

Every M49 code is text as M49 writes it (:data:`M49`, ``"004"``); a corridor's two ends say their
direction in their names (``origin``/``destination``) or, for ``counterpart``, in its description.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from migobs.claims.check import Verdict
from migobs.m49 import PATTERN, query_as_text, written
from migobs.warehouse.findings import CODE_KEYS

T = TypeVar("T")


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_utc)]
"""A moment the warehouse stores in UTC without a zone, written with its ``Z`` (RFC 3339 asks
for the offset, and the OpenAPI ``date-time`` format with it)."""


def m49_field(description: str) -> Any:
    """An M49 code as text (``"004"``), described for OpenAPI."""
    return Field(description=description, examples=["004"])


M49 = Annotated[
    str,
    StringConstraints(pattern=PATTERN),
    BeforeValidator(written),
    m49_field("UN M49 code as text, e.g. 004"),
]
"""An M49 code as text (``"004"``; four digits for groupings M49 lacks, ``"1503"``)."""

COUNTERPART = (
    "UN M49 code (text) of the other end of a corridor: the origin (migrant stock) or the sender "
    "(remittances); area is the destination or the receiver"
)
Counterpart = Annotated[M49, m49_field(COUNTERPART)]
"""The other end of a corridor, its direction in its description."""


FindingRows = Annotated[
    list[dict[str, Any]],
    WithJsonSchema(
        {
            "type": "array",
            "description": "the rows or cells involved; their keys depend on the finding's type",
            "items": {
                "type": "object",
                "properties": {
                    key: {
                        "type": "string",
                        "pattern": PATTERN,
                        "description": f"UN M49 code (text) of the {key} area",
                    }
                    for key in CODE_KEYS
                },
                "additionalProperties": True,
            },
        }
    ),
]
"""A finding's rows: free-form records, their areas as M49 text under the keys of
:data:`~migobs.warehouse.findings.CODE_KEYS`."""


class ListOf(BaseModel, Generic[T]):
    """A page of a list and how many rows match in all."""

    data: list[T]
    count: int


# An area as a row of a list.
class AreaPublic(BaseModel):
    m49: M49
    iso3: str | None
    iso2: str | None
    name: str
    kind: str


# A grouping an area belongs to, and by which classification.
class AreaGroupPublic(BaseModel):
    m49: M49
    name: str
    kind: str
    scheme: str


# One area with its groupings and, for a grouping, how many members it has.
class AreaDetailPublic(AreaPublic):
    groups: list[AreaGroupPublic]
    members: int


# One file of an edition as the catalogue lists it, and whether the warehouse holds it.
class SourceFilePublic(BaseModel):
    key: str
    name: str
    url: str
    sha256: str | None
    licence: str
    loaded: bool


# One edition of a source.
class EditionPublic(BaseModel):
    source: str
    edition: str
    citation: str
    licence: str
    note: str
    files: list[SourceFilePublic]


# A source with its editions.
class SourcePublic(BaseModel):
    name: str
    title: str
    producer: str
    editions: list[EditionPublic]


# One migrant-stock value with where it was read from.
class StockPublic(BaseModel):
    source: str
    edition: str
    year: int
    destination: Annotated[M49, m49_field("UN M49 code (text) of the country of residence")]
    destination_name: str | None
    origin: Annotated[
        M49, m49_field("UN M49 code (text) of the country of birth (900 = all origins)")
    ]
    origin_name: str | None
    sex: str
    value: float | None
    flag: str | None  # what the cell said besides a number: missing, rounds_to_zero, protected
    file: str | None
    sheet: str | None
    cell: str
    provenance: str


# A value two editions state differently, with its cell in each.
class RevisionPublic(BaseModel):
    source: str
    old_edition: str
    new_edition: str
    area: Annotated[M49, m49_field("UN M49 code (text) of the destination")]
    year: int
    key: str
    old: float | None
    new: float | None
    change: float
    old_where: str
    new_where: str


# Where one value came from: the file (with checksum, licence, citation), sheet and cell.
class ProvenancePublic(BaseModel):
    table: str
    value: float | None
    source: str
    edition: str
    file_key: str
    file: str
    url: str
    sha256: str
    licence: str
    citation: str
    sheet: str | None
    cell: str
    obtained_at: UtcDatetime | None


# A table that can be exported, with the URL of each format.
class ExportablePublic(BaseModel):
    name: str
    links: dict[str, str]


# What an indicator is (from definitions.yml).
class IndicatorPublic(BaseModel):
    code: str
    title: str
    unit: str
    formula: str
    period: str  # what time the figure is about
    weighting: str  # how a figure over several units weighs them ("" when nothing is averaged)
    sources: list[str]
    caveats: str
    sdg: str | None
    decimals: int  # the decimals its values are stated to in CSV (JSON keeps full precision)


# An indicator with the years the newest edition allows.
class IndicatorDetailPublic(IndicatorPublic):
    years: list[int]


# The edition (or extract date) of one input of an indicator value.
class InputEditionPublic(BaseModel):
    source: str
    variable: str
    edition: str


# One indicator value as a row of a list.
class IndicatorValuePublic(BaseModel):
    code: str
    area: Annotated[
        M49, m49_field("UN M49 code (text) of the area; for a corridor, its destination/receiver")
    ]
    area_name: str
    year: int
    value: float | None
    unit: str
    edition: str
    method: str
    from_members: float | None
    published: float | None
    counterpart: Counterpart | None
    label: str | None
    note: str
    period: str  # the period in words: "2000–2020" (a change), "2020, Q1–Q3", "2017 Q4"
    input_editions: list[InputEditionPublic]  # each input's edition (they can differ)


# One warehouse value a figure was computed from, with its file, sheet and cell.
class CellPublic(BaseModel):
    source: str
    edition: str
    variable: str
    area: Annotated[
        M49,
        m49_field(
            "UN M49 code (text) of the area the value is about: the destination, the receiver "
            "of remittances, the country of asylum or of an incident"
        ),
    ]
    year: int
    value: float | None
    file: str
    sha256: str
    sheet: str | None
    cell: str
    counterpart: Counterpart | None = None


# One indicator value with the cells it was computed from.
class IndicatorValueDetailPublic(IndicatorValuePublic):
    inputs: list[CellPublic]  # the warehouse values it was computed from, with file, sheet, cell


# A cell a claim's figure was computed from (``row`` repeats ``cell`` for files read by row).
class ClaimInputPublic(CellPublic):
    model_config = ConfigDict(extra="allow")


# The claim's figure recomputed on another edition or year.
class ClaimFigurePublic(BaseModel):
    edition: str
    year: int
    value: float | None


# Another reading of a claim (another grouping or denominator) with its number.
class ClaimAlternativePublic(BaseModel):
    label: str
    query: dict[str, Any]
    value: float | None

    @field_validator("query")
    @classmethod
    def _codes_as_text(cls, query: dict[str, Any]) -> dict[str, Any]:
        """The query's areas as M49 text, as every other field writes them."""
        return query_as_text(query)


# A published claim judged against the warehouse: stated, computed, verdict, then and now.
class ClaimPublic(BaseModel):
    id: str
    claim: str
    documents: list[str]
    stated: float | None
    unit: str
    reference_year: int
    precision: float | None
    computed: float | None
    verdict: Verdict
    reason: str
    author_source: str
    query: dict[str, Any]
    indicator_unit: str | None
    method: str | None
    edition: str | None
    input_editions: list[InputEditionPublic]  # each input's edition (they can differ)
    inputs: list[ClaimInputPublic]
    revised: ClaimFigurePublic | None
    now: ClaimFigurePublic | None
    alternatives: list[ClaimAlternativePublic]  # other readings (grouping, denominator)

    @field_validator("query")
    @classmethod
    def _codes_as_text(cls, query: dict[str, Any]) -> dict[str, Any]:
        """The query's areas as M49 text, as every other field writes them."""
        return query_as_text(query)


# A finding of the warehouse build (a check's result, not an error).
class FindingPublic(BaseModel):
    finding_id: int
    type: str
    title: str
    message: str
    source: str | None
    edition: str | None
    observed: float | None
    expected: float | None
    rows: FindingRows
