"""Validation of SDMX-ML messages against the official SDMX-ML 2.1 schemas (tests/data/sdmx)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).parents[1] / "data" / "sdmx" / "sdmx-ml-2.1" / "SDMXMessage.xsd"


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def schema_errors(message: bytes) -> list[str]:
    """The schema's complaints about ``message`` (empty when it is valid)."""
    schema = _schema()
    schema.validate(etree.fromstring(message))
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


DSD_SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:dsd="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
    xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
    targetNamespace="{namespace}" xmlns="{namespace}"
    elementFormDefault="unqualified" attributeFormDefault="unqualified">
  <xs:import namespace="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
      schemaLocation="{message}"/>
  <xs:import namespace="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
      schemaLocation="{common}"/>
  <xs:import namespace="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
      schemaLocation="{specific}"/>
  <xs:complexType name="DataSetType">
    <xs:complexContent>
      <xs:restriction base="dsd:DataSetType">
        <xs:sequence>
          <xs:element ref="common:Annotations" minOccurs="0"/>
          <xs:element name="DataProvider" type="common:DataProviderReferenceType"
              form="unqualified" minOccurs="0"/>
          <xs:choice minOccurs="0">
            <xs:element name="Series" type="SeriesType" form="unqualified" maxOccurs="unbounded"/>
            <xs:element name="Obs" type="ObsType" form="unqualified" maxOccurs="unbounded"/>
          </xs:choice>
        </xs:sequence>
        <xs:anyAttribute namespace="##local"/>
      </xs:restriction>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="SeriesType">
    <xs:complexContent>
      <xs:restriction base="dsd:SeriesType">
        <xs:sequence>
          <xs:element ref="common:Annotations" minOccurs="0"/>
          <xs:element name="Obs" type="ObsType" form="unqualified" minOccurs="0"
              maxOccurs="unbounded"/>
        </xs:sequence>
{attributes}
      </xs:restriction>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="ObsType">
    <xs:complexContent>
      <xs:restriction base="dsd:ObsType">
        <xs:sequence>
          <xs:element ref="common:Annotations" minOccurs="0"/>
        </xs:sequence>
{attributes}
      </xs:restriction>
    </xs:complexContent>
  </xs:complexType>
</xs:schema>
"""


def data_schema_errors(message: bytes, components: tuple[str, ...]) -> list[str]:
    """The complaints about a structure-specific data ``message``, validated against the
    official schemas and the DSD-specific types its ``xsi:type`` names (derived here, as SDMX
    tools derive them from the official base types, with the DSD's dimensions and attributes
    ``components`` as the only XML attributes a series or an observation may have)."""
    root = etree.fromstring(message)
    header = root.find("{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message}Header")
    assert header is not None
    structure = header.find("{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message}Structure")
    assert structure is not None
    folder = SCHEMA.parent
    text = DSD_SCHEMA.format(
        namespace=structure.get("namespace"),
        message=(folder / "SDMXMessage.xsd").as_uri(),
        common=(folder / "SDMXCommon.xsd").as_uri(),
        specific=(folder / "SDMXDataStructureSpecific.xsd").as_uri(),
        attributes="".join(
            f'<xs:attribute name="{name}" type="common:IDType" use="optional"/>'
            for name in components
        ),
    )
    schema = etree.XMLSchema(etree.fromstring(text.encode()))
    schema.validate(root)
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
