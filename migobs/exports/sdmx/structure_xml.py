"""SDMX-ML 2.1 structure messages: dataflows, codelists, the concept scheme and data structure
definitions, valid against the official SDMX-ML 2.1 schemas."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from migobs.exports.sdmx import conventions as cv
from migobs.exports.sdmx.artefacts import ATTRIBUTES, CODELIST_OF, Flow

NS = {
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Structures:
    """What one structure message holds (any part may be empty)."""

    dataflows: tuple[Flow, ...] = ()
    codelists: tuple[cv.Codelist, ...] = ()
    concepts: bool = False
    structures: tuple[Flow, ...] = ()


def structure_xml(content: Structures, message_id: str, prepared: datetime | None = None) -> bytes:
    """The SDMX-ML 2.1 structure message holding ``content``, as UTF-8 XML."""
    root = ET.Element(q("mes", "Structure"))
    header(root, message_id, prepared)
    structures = ET.SubElement(root, q("mes", "Structures"))
    if content.dataflows:
        _dataflows(ET.SubElement(structures, q("str", "Dataflows")), content.dataflows)
    if content.codelists:
        _codelists(ET.SubElement(structures, q("str", "Codelists")), content.codelists)
    if content.concepts:
        _concepts(ET.SubElement(structures, q("str", "Concepts")))
    if content.structures:
        dsds = ET.SubElement(structures, q("str", "DataStructures"))
        for flow in content.structures:
            _data_structure(dsds, flow)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def q(prefix: str, tag: str) -> str:
    """The qualified name of ``tag`` in namespace ``prefix``."""
    return f"{{{NS[prefix]}}}{tag}"


def header(root: ET.Element, message_id: str, prepared: datetime | None) -> None:
    """The message header: id, test flag, preparation time, sender."""
    element = ET.SubElement(root, q("mes", "Header"))
    ET.SubElement(element, q("mes", "ID")).text = message_id
    ET.SubElement(element, q("mes", "Test")).text = "false"
    stamp = (prepared or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    ET.SubElement(element, q("mes", "Prepared")).text = stamp
    ET.SubElement(element, q("mes", "Sender"), id=cv.AGENCY)


def _maintainable(parent: ET.Element, tag: str, id_: str, name: str) -> ET.Element:
    element = ET.SubElement(
        parent, q("str", tag), id=id_, agencyID=cv.AGENCY, version=cv.VERSION, isFinal="false"
    )
    _text(element, "Name", name)
    return element


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, q("com", tag), {XML_LANG: "en"}).text = text


def _ref(parent: ET.Element, **attributes: str) -> None:
    ET.SubElement(parent, "Ref", {"agencyID": cv.AGENCY, **attributes})


def _dataflows(parent: ET.Element, flows: Iterable[Flow]) -> None:
    for flow in flows:
        element = _maintainable(parent, "Dataflow", flow.dataflow_id, flow.name)
        target = ET.SubElement(element, q("str", "Structure"))
        _ref(
            target,
            id=flow.dsd_id,
            version=cv.VERSION,
            package="datastructure",
            **{"class": "DataStructure"},
        )


def _annotations(parent: ET.Element, annotations: tuple[tuple[str, str], ...]) -> None:
    if not annotations:
        return
    container = ET.SubElement(parent, q("com", "Annotations"))
    for kind, text in annotations:
        annotation = ET.SubElement(container, q("com", "Annotation"))
        ET.SubElement(annotation, q("com", "AnnotationType")).text = kind
        _text(annotation, "AnnotationText", text)


def _codelists(parent: ET.Element, codelists: Iterable[cv.Codelist]) -> None:
    for codelist in codelists:
        element = _maintainable(parent, "Codelist", codelist.id, codelist.name)
        for code in codelist.codes:
            item = ET.SubElement(element, q("str", "Code"), id=code.id)
            _annotations(item, code.annotations)
            _text(item, "Name", code.name)
            if code.description:
                _text(item, "Description", code.description)


def _concepts(parent: ET.Element) -> None:
    scheme = _maintainable(
        parent, "ConceptScheme", cv.CONCEPT_SCHEME, "Migration Observatory concepts"
    )
    for concept in cv.CONCEPTS:
        element = ET.SubElement(scheme, q("str", "Concept"), id=concept.id)
        _text(element, "Name", concept.name)
        if concept.description:
            _text(element, "Description", concept.description)


def _concept_identity(parent: ET.Element, concept: str) -> None:
    identity = ET.SubElement(parent, q("str", "ConceptIdentity"))
    _ref(
        identity,
        id=concept,
        maintainableParentID=cv.CONCEPT_SCHEME,
        maintainableParentVersion=cv.VERSION,
        package="conceptscheme",
        **{"class": "Concept"},
    )


def _enumeration(parent: ET.Element, codelist: str) -> None:
    representation = ET.SubElement(parent, q("str", "LocalRepresentation"))
    enumeration = ET.SubElement(representation, q("str", "Enumeration"))
    _ref(enumeration, id=codelist, version=cv.VERSION, package="codelist", **{"class": "Codelist"})


def _data_structure(parent: ET.Element, flow: Flow) -> None:
    dsd = _maintainable(parent, "DataStructure", flow.dsd_id, flow.name)
    components = ET.SubElement(dsd, q("str", "DataStructureComponents"))
    dimensions = ET.SubElement(components, q("str", "DimensionList"), id="DimensionDescriptor")
    for position, dim in enumerate(flow.dimensions, start=1):
        element = ET.SubElement(dimensions, q("str", "Dimension"), id=dim, position=str(position))
        _concept_identity(element, dim)
        _enumeration(element, CODELIST_OF[dim])
    time = ET.SubElement(
        dimensions,
        q("str", "TimeDimension"),
        id="TIME_PERIOD",
        position=str(len(flow.dimensions) + 1),
    )
    _concept_identity(time, "TIME_PERIOD")
    text = ET.SubElement(time, q("str", "LocalRepresentation"))
    ET.SubElement(text, q("str", "TextFormat"), textType="ObservationalTimePeriod")
    attributes = ET.SubElement(components, q("str", "AttributeList"), id="AttributeDescriptor")
    for attribute in ATTRIBUTES:
        status = "Conditional" if attribute == "OBS_STATUS" else "Mandatory"
        element = ET.SubElement(
            attributes, q("str", "Attribute"), id=attribute, assignmentStatus=status
        )
        _concept_identity(element, attribute)
        _enumeration(element, CODELIST_OF[attribute])
        relationship = ET.SubElement(element, q("str", "AttributeRelationship"))
        measure = ET.SubElement(relationship, q("str", "PrimaryMeasure"))
        ET.SubElement(measure, "Ref", id="OBS_VALUE")
    measures = ET.SubElement(components, q("str", "MeasureList"), id="MeasureDescriptor")
    measure = ET.SubElement(measures, q("str", "PrimaryMeasure"), id="OBS_VALUE")
    _concept_identity(measure, "OBS_VALUE")
