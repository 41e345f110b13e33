"""SDMX-ML 2.1 structure-specific data messages and SDMX-ML error messages.

A data message holds one data set of a dataflow. With ``dimensionAtObservation`` set to a
dimension (``TIME_PERIOD`` by default), observations are grouped in series by the other
dimensions; with ``AllDimensions`` they are flat, each with its full key.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import pandas as pd

from migobs.exports.sdmx import conventions as cv
from migobs.exports.sdmx.artefacts import ATTRIBUTES, Flow
from migobs.exports.sdmx.structure_xml import XML_LANG, header, q

SS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ET.register_namespace("ss", SS)
ET.register_namespace("xsi", XSI)
ALL_DIMENSIONS = "AllDimensions"


def data_xml(
    flow: Flow,
    observations: pd.DataFrame,
    dimension_at_observation: str = "TIME_PERIOD",
    prepared: datetime | None = None,
    series_only: bool = False,
) -> bytes:
    """The structure-specific data message of ``observations`` (as
    :func:`migobs.exports.sdmx.observations.observations` gives them) of ``flow``;
    ``series_only``: keys and attributes without observations (``detail=serieskeysonly``)."""
    namespace = (
        f"urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure="
        f"{cv.AGENCY}:{flow.dsd_id}({cv.VERSION}):ObsLevelDim:{dimension_at_observation}"
    )
    root = ET.Element(q("mes", "StructureSpecificData"))
    header(root, f"DATA_{flow.id}", prepared)
    structure_ref = f"{cv.AGENCY}_{flow.dsd_id}_{cv.VERSION.replace('.', '_')}"
    message_header = root.find(q("mes", "Header"))
    assert message_header is not None
    structure = ET.SubElement(
        message_header,
        q("mes", "Structure"),
        structureID=structure_ref,
        namespace=namespace,
        dimensionAtObservation=dimension_at_observation,
    )
    target = ET.SubElement(structure, q("com", "Structure"))
    ET.SubElement(target, "Ref", agencyID=cv.AGENCY, id=flow.dsd_id, version=cv.VERSION)
    dataset = ET.SubElement(
        root,
        q("mes", "DataSet"),
        {
            f"{{{SS}}}structureRef": structure_ref,
            f"{{{XSI}}}type": "ns1:DataSetType",
            f"{{{SS}}}dataScope": "DataStructure",
            f"{{{SS}}}action": "Information",
        },
    )
    if dimension_at_observation == ALL_DIMENSIONS:
        for row in observations.to_dict("records"):
            ET.SubElement(dataset, "Obs", {str(k): str(v) for k, v in row.items()})
    else:
        _series(dataset, flow, observations, dimension_at_observation, series_only)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    # xsi:type names the DSD-specific type by the prefix ns1, which ElementTree cannot declare
    opening = b"<mes:StructureSpecificData "
    return body.replace(opening, opening + f'xmlns:ns1="{namespace}" '.encode(), 1)


def _series(
    dataset: ET.Element,
    flow: Flow,
    observations: pd.DataFrame,
    at_observation: str,
    series_only: bool,
) -> None:
    key = [d for d in (*flow.dimensions, "TIME_PERIOD") if d != at_observation]
    for values, group in observations.groupby(key, sort=False):
        series = ET.SubElement(dataset, "Series", dict(zip(key, map(str, values), strict=True)))
        if series_only:
            continue
        for row in group.to_dict("records"):
            obs = {at_observation: str(row[at_observation]), "OBS_VALUE": str(row["OBS_VALUE"])}
            obs |= {a: str(row[a]) for a in ATTRIBUTES}
            ET.SubElement(series, "Obs", obs)


def error_xml(code: int, text: str) -> bytes:
    """An SDMX-ML 2.1 error message: ``code`` as the SDMX web services define them (100 no
    results, 140 syntax error, 150 semantic error) and the text saying what to do."""
    root = ET.Element(q("mes", "Error"))
    message = ET.SubElement(root, q("mes", "ErrorMessage"), code=str(code))
    ET.SubElement(message, q("com", "Text"), {XML_LANG: "en"}).text = text
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body
