"""Small files laid out like the World Bank, KNOMAD, RPW, IOM, UNHCR and Natural Earth editions.

The tests write them; the codes are those of ``tests/support/writers.py``'s M49 rows (Burundi, Algeria,
France, Samoa) plus Kosovo and the Channel Islands, so a build of them maps every area.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pyreadr
from openpyxl import Workbook

WDI_YEARS = ["2016", "2017"]
WDI_ROWS = [
    ["Burundi", "BDI", "5", "6"],
    ["France", "FRA", "100", ""],
    ["Kosovo", "XKX", "10", "20"],
    ["Channel Islands", "CHI", "", "4"],
    ["World", "WLD", "115", "30"],
    ["High income", "HIC", "110", "24"],
]
WDI_COUNTRIES = [
    ["BDI", "Sub-Saharan Africa", "Low income", "", "Burundi"],
    ["FRA", "Europe & Central Asia", "High income", "", "France"],
    ["XKX", "Europe & Central Asia", "Upper middle income", "", "Kosovo"],
    ["CHI", "Europe & Central Asia", "High income", "", "Channel Islands"],
    ["WLD", "", "", "World aggregate", "World"],
    ["HIC", "", "", "", "High income"],
]


def write_wdi(
    path: Path,
    *,
    updated: str = "2025-07-01",
    code: str = "BX.TRF.PWKR.CD.DT",
    rows: list[list[str]] | None = None,
    header: list[str] | None = None,
) -> Path:
    """A WDI bulk extract: BOM, 4 preamble lines, header on line 5, trailing commas."""
    name = "Personal remittances, received (current US$)"
    lines = [
        ["Data Source", "World Development Indicators", ""],
        [],
        ["Last Updated Date", updated, ""],
        [],
        [
            *(header or ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]),
            *WDI_YEARS,
            "",
        ],
    ]
    for country, iso, *values in WDI_ROWS if rows is None else rows:
        lines.append([country, iso, name, code, *values, ""])
    return _write_csv(path, lines)


def write_wdi_countries(path: Path) -> Path:
    """A Metadata_Country file for :data:`WDI_ROWS` (aggregates without a region)."""
    header = ["Country Code", "Region", "IncomeGroup", "SpecialNotes", "TableName", ""]
    return _write_csv(path, [header, *[[*row, ""] for row in WDI_COUNTRIES]])


def write_rpw(path: Path, *, footer: str = "Last Updated: 12/07/2020") -> Path:
    """A RPW DataBank export: two corridors, three quarters, '..' gaps and the footer."""
    header = [
        "Sending Countries Name",
        "Sending Countries Code",
        "Series Name",
        "Series Code",
        "Receiving Countries  Name",
        "Receiving Countries  Code",
        "2016Q4 [YR2016Q4]",
        "2017Q1 [YR2017Q1]",
        "2017Q2 [YR2017Q2]",
    ]
    series = ["Average Total Cost to remit in corridor", "ATCR.CORR"]
    lines = [
        header,
        ["France", "FRA", *series, "Algeria", "DZA", "..", "7.5", "6.25"],
        ["France", "FRA", *series, "Kosovo", "KSV", "9", "..", ".."],
        [""] * 9,
        [""] * 9,
        ["Data from database: Remittance Prices Worldwide (Corridors)", *[""] * 8],
        [footer, *[""] * 8],
    ]
    return _write_csv(path, lines)


def write_knomad(path: Path, key: str = "remittances", *, corner: str | None = None) -> Path:
    """A KNOMAD matrix: title, header with corner label, two rows, totals row/column, notes.

    Cell C4 (France to France) is empty; the totals are 1.5 (D3), 2.25 (D4), 3.75 (D5).
    """
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if key == "remittances":
        sheet.title = "Bilateral_Remittances_2017"
        title = "Bilateral Remittance Estimates for 2017 using Migrant Stocks (millions of US$)"
        label, total = "receiving (across) / sending (down) ", "WORLD"
    else:
        sheet.title = "Bilateral_Migration_2017"
        title, label, total = "Bilateral Estimates of Migrant Stocks in 2017", None, "World"
    sheet.append([title])
    sheet.append([corner if corner is not None else label, "Algeria", "France", total])
    sheet.append(["Algeria", 0, 1.5, 1.5])  # the real totals are formulas; values suffice here
    sheet.append(["France", 2.25, None, 2.25])
    sheet.append([total, 2.25, 1.5, 3.75])
    sheet.append([])
    sheet.append(["Notes:"])
    book.create_sheet("remshare").append(["not KNOMAD data"])
    book.save(path)
    return path


MMP_2025_HEADER = [
    "Main ID", "Incident ID", "Incident Type", "Region of Incident", "Incident Date",
    "Incident Year", "Month", "Number of Dead", "Minimum Estimated Number of Missing",
    "Total Number of Dead and Missing", "Number of Survivors", "Number of Females",
    "Number of Males", "Number of Children", "Country of Origin", "Region of Origin",
    "Cause of Death", "Country of Incident", "Migration Route", "Location of Incident",
    "Coordinates", "UNSD Geographical Grouping", "Information Source", "URL", "Source Quality",
]  # fmt: skip


def mmp_row(incident: str, date: str, dead: object, country: str = "France") -> list[object]:
    """One 2025-layout incident row."""
    return [
        incident, incident, "Incident", "Mediterranean", date, 2017.0, "March", dead, 2.0,
        dead + 2.0 if isinstance(dead, float) else "", "", "", "", "", "Algeria", "Northern Africa", "Drowning", country,
        "Central Mediterranean", "off Lampedusa", "35.5, 12.6", "Southern Europe", "IOM",
        "https://example.org", 3.0,
    ]  # fmt: skip


def write_mmp(
    path: Path, rows: list[list[object]] | None = None, header: list[str] | None = None
) -> Path:
    """A 2025-layout Missing Migrants export (sheet ``Worksheet``)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Worksheet"
    sheet.append(header or MMP_2025_HEADER)
    rows = (
        rows
        if rows is not None
        else [
            mmp_row("2017.MMP001", "2017-03-01", 3.0),
            mmp_row("2017.MMP003,2017.MMP002", "2017-03-09", 1.0),
        ]
    )
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


MMP_2022_HEADER = [
    "Main ID", "Incident ID", "Incident Type", "Region of Incident", "Website Date",
    "Incident year", "Reported Month", "Number of Dead", "Minimum Estimated Number of Missing",
    "Total Number of Dead and Missing", "Number of Survivors", "Number of Females",
    "Number of Males", "Number of Children", "Region of Origin", "Cause of Death",
    "Migration route", "Location of death", "Information Source", "Coordinates",
    "UNSD Geographical Grouping", "Article title", "Source Quality", "URL",
]  # fmt: skip


def mmp_incident(
    vintage: str, incident: str, date: str, region: str, lat: float, lon: float, location: str
) -> list[object]:
    """One incident row in the ``vintage`` layout (2022: ``POINT (lon lat)``; 2025: ``lat, lon``)."""
    header = MMP_2022_HEADER if vintage == "2022" else MMP_2025_HEADER
    values: dict[str, object] = {
        "Main ID": incident, "Incident ID": incident, "Incident Type": "Incident",
        "Region of Incident": region, "Website Date": date, "Incident Date": date,
        "Incident year": float(date[:4]), "Incident Year": float(date[:4]),
        "Reported Month": "March", "Month": "March", "Number of Dead": 1.0,
        "Total Number of Dead and Missing": 1.0, "Location of death": location,
        "Location of Incident": location, "Country of Origin": "Algeria, Unknown",
        "Coordinates": f"POINT ({lon} {lat})" if vintage == "2022" else f"{lat}, {lon}",
    }  # fmt: skip
    return [values.get(label, "") for label in header]


UNHCR_COLUMNS = [
    "year", "coo_name", "coo", "coo_iso", "coa_name", "coa", "coa_iso", "refugees",
    "asylum_seekers", "returned_refugees", "idps", "returned_idps", "stateless", "ooc", "oip",
    "hst",
]  # fmt: skip


def write_unhcr(path: Path, frame: pd.DataFrame | None = None, name: str = "population") -> Path:
    """A ``population.rda`` with three rows (one of unknown origin, one origin = asylum)."""
    if frame is None:
        frame = pd.DataFrame(
            [
                [2017.0, "Burundi", "BDI", "BDI", "France", "FRA", "FRA", 120, 3, 0, 0, 0, 0, 0, None, 0],
                [2017.0, "Unknown", "UKN", "UNK", "Algeria", "ALG", "DZA", 7, 0, 0, 0, 0, 0, 0, None, 0],
                [2017.0, "Burundi", "BDI", "BDI", "Burundi", "BDI", "BDI", 5, 0, 0, 900, 0, 0, 0, None, 0],
            ],
            columns=UNHCR_COLUMNS,
        )  # fmt: skip
    pyreadr.write_rdata(str(path), frame, df_name=name, compress="gzip")
    return path


def write_geojson(path: Path) -> Path:
    """Three Natural Earth features: France (ISO_N3 250), Kosovo and Norway (-99)."""
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}

    def feature(adm0: str, iso3: str, n3: str, name: str) -> dict[str, object]:
        props = {"ADM0_A3": adm0, "ISO_A3": iso3, "ISO_N3": n3, "NAME": name, "ADMIN": name}
        return {"type": "Feature", "properties": props, "geometry": square}

    data = {
        "type": "FeatureCollection",
        "features": [
            feature("FRA", "-99", "250", "France"),
            feature("KOS", "-99", "-99", "Kosovo"),
            feature("SOL", "-99", "-99", "Somaliland"),
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _write_csv(path: Path, lines: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(lines)
    return path
