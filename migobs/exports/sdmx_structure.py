"""SDMX-ML 2.1 structure message for a table: codelists, concepts, a DSD and a dataflow.

The data structure definition has one dimension per key column (``REF_AREA`` for the area,
the upper-cased name of each further dimension, then ``TIME_PERIOD``), the primary measure
``OBS_VALUE`` and the attribute ``UNIT_MEASURE``. Areas are coded by their three-digit M49 code.
Every artefact belongs to the agency ``MIGOBS`` at version ``1.0``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from migobs.exports.table import TidyTable

AGENCY = "MIGOBS"
VERSION = "1.0"
NS = {
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Dimension:
    """One SDMX dimension: the table column it comes from and its codelist."""

    column: str
    id: str
    codes: dict[str, str]  # code id → name

    @property
    def codelist(self) -> str:
        """Identifier of its codelist, e.g. ``CL_REF_AREA``."""
        return f"CL_{self.id}"


def area_code(m49: int) -> str:
    """The SDMX code of an area: its M49 code on three digits (4 → ``004``)."""
    return f"{int(m49):03d}"


def unit_code(unit: str) -> str:
    """The SDMX code of a unit, e.g. ``current US$`` → ``CURRENT_US``."""
    return re.sub(r"[^A-Z0-9]+", "_", unit.upper()).strip("_") or "UNIT"


def dimensions(table: TidyTable) -> list[Dimension]:
    """The coded dimensions of ``table``: the area first, then its further dimensions."""
    frame = table.frame
    areas = frame.drop_duplicates("area").sort_values("area")
    result = [
        Dimension(
            "area",
            "REF_AREA",
            dict(zip(areas["area"].map(area_code), areas["area_name"], strict=True)),
        )
    ]
    for column in table.dimensions:
        result.append(Dimension(column, column.upper(), _codes(frame, column)))
    return result


def dataflow_urn(table: TidyTable) -> str:
    """The short reference SDMX-CSV uses for the dataflow, e.g. ``MIGOBS:DF_X(1.0)``."""
    return f"{AGENCY}:DF_{table.meta.sdmx_id}({VERSION})"


def structure_xml(table: TidyTable, prepared: datetime | None = None) -> bytes:
    """The SDMX-ML 2.1 structure message for ``table`` as UTF-8 XML."""
    meta = table.meta
    root = ET.Element(_q("mes", "Structure"))
    header = ET.SubElement(root, _q("mes", "Header"))
    ET.SubElement(header, _q("mes", "ID")).text = f"STR_{meta.sdmx_id}"
    ET.SubElement(header, _q("mes", "Test")).text = "false"
    stamp = (prepared or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    ET.SubElement(header, _q("mes", "Prepared")).text = stamp
    ET.SubElement(header, _q("mes", "Sender"), id=AGENCY)
    structures = ET.SubElement(root, _q("mes", "Structures"))
    dims = dimensions(table)
    _dataflows(structures, meta.sdmx_id, meta.title)
    _codelists(structures, dims, meta.unit)
    _concepts(structures, dims)
    _data_structure(structures, table, dims)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def write_structure(table: TidyTable, directory: Path) -> Path:
    """Write ``<slug>.structure.xml`` into ``directory`` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.structure.xml"
    path.write_bytes(structure_xml(table))
    return path


def _q(prefix: str, tag: str) -> str:
    return f"{{{NS[prefix]}}}{tag}"


def _maintainable(parent: ET.Element, tag: str, id_: str, name: str) -> ET.Element:
    element = ET.SubElement(
        parent, _q("str", tag), id=id_, agencyID=AGENCY, version=VERSION, isFinal="false"
    )
    _name(element, name)
    return element


def _name(parent: ET.Element, text: str) -> None:
    ET.SubElement(parent, _q("com", "Name"), {XML_LANG: "en"}).text = text


def _ref(parent: ET.Element, **attributes: str) -> None:
    ET.SubElement(parent, "Ref", {"agencyID": AGENCY, **attributes})


def _codes(frame: pd.DataFrame, column: str) -> dict[str, str]:
    names = f"{column}_name"
    pairs = frame.drop_duplicates(column).sort_values(column)
    labels = pairs[names] if names in frame.columns else pairs[column]
    return {str(code): str(label) for code, label in zip(pairs[column], labels, strict=True)}


def _dataflows(structures: ET.Element, sdmx_id: str, title: str) -> None:
    flows = ET.SubElement(structures, _q("str", "Dataflows"))
    flow = _maintainable(flows, "Dataflow", f"DF_{sdmx_id}", title)
    target = ET.SubElement(flow, _q("str", "Structure"))
    _ref(
        target,
        id=f"DSD_{sdmx_id}",
        version=VERSION,
        package="datastructure",
        **{"class": "DataStructure"},
    )


def _codelists(structures: ET.Element, dims: list[Dimension], unit: str) -> None:
    lists = ET.SubElement(structures, _q("str", "Codelists"))
    for dim in dims:
        codelist = _maintainable(lists, "Codelist", dim.codelist, f"Codes of {dim.id}")
        for code, name in dim.codes.items():
            _name(ET.SubElement(codelist, _q("str", "Code"), id=code), name)
    units = _maintainable(lists, "Codelist", "CL_UNIT_MEASURE", "Units of measure")
    _name(ET.SubElement(units, _q("str", "Code"), id=unit_code(unit)), unit)


def _concepts(structures: ET.Element, dims: list[Dimension]) -> None:
    schemes = ET.SubElement(structures, _q("str", "Concepts"))
    scheme = _maintainable(schemes, "ConceptScheme", "CS_MIGOBS", "Migration Observatory concepts")
    names = {d.id: d.column for d in dims} | {
        "REF_AREA": "Reference area (UN M49)",
        "TIME_PERIOD": "Time period (year)",
        "OBS_VALUE": "Observation value",
        "UNIT_MEASURE": "Unit of measure",
    }
    for concept, name in names.items():
        _name(ET.SubElement(scheme, _q("str", "Concept"), id=concept), name)


def _concept_identity(parent: ET.Element, concept: str) -> None:
    identity = ET.SubElement(parent, _q("str", "ConceptIdentity"))
    _ref(
        identity,
        id=concept,
        maintainableParentID="CS_MIGOBS",
        maintainableParentVersion=VERSION,
        package="conceptscheme",
        **{"class": "Concept"},
    )


def _enumeration(parent: ET.Element, codelist: str) -> None:
    representation = ET.SubElement(parent, _q("str", "LocalRepresentation"))
    enumeration = ET.SubElement(representation, _q("str", "Enumeration"))
    _ref(enumeration, id=codelist, version=VERSION, package="codelist", **{"class": "Codelist"})


def _data_structure(structures: ET.Element, table: TidyTable, dims: list[Dimension]) -> None:
    dsds = ET.SubElement(structures, _q("str", "DataStructures"))
    dsd = _maintainable(dsds, "DataStructure", f"DSD_{table.meta.sdmx_id}", table.meta.title)
    components = ET.SubElement(dsd, _q("str", "DataStructureComponents"))
    dim_list = ET.SubElement(components, _q("str", "DimensionList"), id="DimensionDescriptor")
    for position, dim in enumerate(dims, start=1):
        element = ET.SubElement(dim_list, _q("str", "Dimension"), id=dim.id, position=str(position))
        _concept_identity(element, dim.id)
        _enumeration(element, dim.codelist)
    time = ET.SubElement(
        dim_list, _q("str", "TimeDimension"), id="TIME_PERIOD", position=str(len(dims) + 1)
    )
    _concept_identity(time, "TIME_PERIOD")
    text = ET.SubElement(time, _q("str", "LocalRepresentation"))
    ET.SubElement(text, _q("str", "TextFormat"), textType="ObservationalTimePeriod")
    attributes = ET.SubElement(components, _q("str", "AttributeList"), id="AttributeDescriptor")
    unit = ET.SubElement(
        attributes, _q("str", "Attribute"), id="UNIT_MEASURE", assignmentStatus="Mandatory"
    )
    _concept_identity(unit, "UNIT_MEASURE")
    _enumeration(unit, "CL_UNIT_MEASURE")
    relationship = ET.SubElement(unit, _q("str", "AttributeRelationship"))
    ET.SubElement(relationship, _q("str", "PrimaryMeasure")).text = "OBS_VALUE"
    measures = ET.SubElement(components, _q("str", "MeasureList"), id="MeasureDescriptor")
    measure = ET.SubElement(measures, _q("str", "PrimaryMeasure"), id="OBS_VALUE")
    _concept_identity(measure, "OBS_VALUE")
