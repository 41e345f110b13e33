"""Small official-looking files the tests write themselves, laid out like the real editions."""

from __future__ import annotations

import csv
from pathlib import Path

M49_HEADER = [
    "Global Code",
    "Global Name",
    "Region Code",
    "Region Name",
    "Sub-region Code",
    "Sub-region Name",
    "Intermediate Region Code",
    "Intermediate Region Name",
    "Country or Area",
    "M49 Code",
    "ISO-alpha2 Code",
    "ISO-alpha3 Code",
    "Least Developed Countries (LDC)",
    "Land Locked Developing Countries (LLDC)",
    "Small Island Developing States (SIDS)",
    "Developed / Developing Countries",
]

M49_ROWS = [
    # fmt: off
    [
        "001",
        "World",
        "002",
        "Africa",
        "202",
        "Sub-Saharan Africa",
        "014",
        "Eastern Africa",
        "Kenya",
        "404",
        "KE",
        "KEN",
        "",
        "",
        "",
        "Developing",
    ],
    # fmt: on
    [
        "001",
        "World",
        "002",
        "Africa",
        "202",
        "Sub-Saharan Africa",
        "014",
        "Eastern Africa",
        "Burundi",
        "108",
        "BI",
        "BDI",
        "x",
        "x",
        "",
        "Developing",
    ],
    [
        "001",
        "World",
        "002",
        "Africa",
        "015",
        "Northern Africa",
        "",
        "",
        "Algeria",
        "012",
        "DZ",
        "DZA",
        "",
        "",
        "",
        "Developing",
    ],
    [
        "001",
        "World",
        "150",
        "Europe",
        "154",
        "Northern Europe",
        "830",
        "Channel Islands",
        "Guernsey",
        "831",
        "GG",
        "GGY",
        "",
        "",
        "",
        "Developed",
    ],
    [
        "001",
        "World",
        "150",
        "Europe",
        "154",
        "Northern Europe",
        "830",
        "Channel Islands",
        "Sark",
        "680",
        "",
        "",
        "",
        "",
        "",
        "Developed",
    ],
    [
        "001",
        "World",
        "150",
        "Europe",
        "155",
        "Western Europe",
        "",
        "",
        "France",
        "250",
        "FR",
        "FRA",
        "",
        "",
        "",
        "Developed",
    ],
    [
        "001",
        "World",
        "009",
        "Oceania",
        "061",
        "Polynesia",
        "",
        "",
        "Samoa",
        "882",
        "WS",
        "WSM",
        "",
        "",
        "x",
        "Developing",
    ],
]


def write_m49(
    path: Path, rows: list[list[str]] | None = None, header: list[str] | None = None
) -> Path:
    """A UTF-8-with-BOM M49 overview CSV with a few real rows (codes zero-padded text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or M49_HEADER)
        writer.writerows(M49_ROWS if rows is None else rows)
    return path


# --- UN DESA migrant stock -------------------------------------------------------------------

# (name as the file writes it in 2017/2019, code, type of data, members' codes for aggregates)
STOCK_AREAS: list[tuple[str, int, str]] = [
    ("WORLD", 900, ""),
    ("More developed regions", 901, ""),
    ("AFRICA", 903, ""),
    ("Eastern Africa", 910, ""),
    ("Burundi", 108, "B R"),
    ("Kenya", 404, "B"),
    ("EUROPE", 908, ""),
    ("Northern Europe", 924, ""),
    ("Channel Islands", 830, "B"),
]
MEMBERS = {
    900: (108, 404, 830),
    901: (830,),
    903: (108, 404),
    910: (108, 404),
    908: (830,),
    924: (830,),
}
BASE = {108: 1000, 404: 2000, 830: 3000}


def stock(code: int, year_index: int, sex: str) -> int:
    """The test files' migrant stock: countries by formula, aggregates as sums of members."""
    if code in MEMBERS:
        return sum(stock(member, year_index, sex) for member in MEMBERS[code])
    male = BASE[code] + 10 * year_index
    female = BASE[code] + 10 * year_index + 5
    return {"male": male, "female": female, "total": male + female}[sex]


def _title_rows(count: int) -> list[list[object]]:
    return [["Title line"]] + [[] for _ in range(count - 1)]


def _old_sheet(
    years: list[int], labels: list[str], value, with_type: bool = True
) -> list[list[object]]:
    """Rows of a 2017/2019 table: titles 1-14, labels row 15, years row 16, data from row 17."""
    keys = ["Sort\norder", "Major area, region, country or area of destination", "Notes", "Code"]
    keys += ["Type of data (a)"] if with_type else []
    label_row: list[object] = list(keys)
    years_row: list[object] = [""] * len(keys)
    for label in labels:
        label_row += [label] + [""] * (len(years) - 1)
        years_row += years
    rows = _title_rows(14) + [label_row, years_row]
    for sort, (name, code, kind) in enumerate(STOCK_AREAS, start=1):
        row: list[object] = [sort, name, "", code] + ([kind] if with_type else [])
        for block in range(len(labels)):
            row += [value(code, block, i) for i in range(len(years))]
        rows.append(row)
    return rows


def _write(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


SEXES = ("total", "male", "female")
STOCK = "International migrant stock at mid-year"
SHARE = "International migrant stock as a percentage of the total population"


def write_stock_totals(
    path: Path, last_year: int = 2017, sheet_names: dict[str, str] | None = None
) -> Path:
    """A totals workbook laid out like UN_MigrantStockTotal_2017/2019.xlsx (Tables 1-4, 6, ANNEX)."""
    years = [1990, 1995, 2000, 2005, 2010, 2015, last_year]
    sexes = ("both sexes", "male", "female")
    sheets = {
        "CONTENTS": [["Contents"]],
        "Table 1": _old_sheet(
            years, [f"{STOCK} ({s})" for s in sexes], lambda c, b, i: stock(c, i, SEXES[b])
        ),
        "Table 2": _old_sheet(
            years,
            [
                "Total population of both sexes (thousands)",
                "Total male population",
                "Total female population",
            ],
            lambda c, b, i: 100.5 * (b + 1) * (i + 1),
            with_type=False,
        ),
        "Table 3": _old_sheet(
            years,
            [f"{SHARE} ({s})" for s in sexes],
            lambda c, b, i: ".." if c == 404 and i == 0 else 1.5,
        ),
        "Table 4": _old_sheet(
            years,
            ["Female migrants as a percentage of the international migrant stock"],
            lambda c, b, i: 49.5,
        ),
        "Table 6": _old_sheet(
            years,
            [
                "Estimated refugee stock (including asylum seekers) at mid-year (both sexes)",
                "Refugees and asylum seekers as a percentage of the international migrant stock",
            ],
            lambda c, b, i: ".." if c == 830 else 7.0,
        ),
        "ANNEX": _annex(with_type=last_year != 2017),
    }
    for old, new in (sheet_names or {}).items():
        sheets[new] = sheets.pop(old)
    return _write(path, sheets)


def _annex(with_type: bool) -> list[list[object]]:
    groups = [
        "More Developed Regions",
        "Less Developed Regions",
        "Least developed countries",
        "Sub-Saharan Africa",
    ]
    flags = {108: "NYYY", 404: "NYNY", 830: "YNNN"}
    keys = ["Index", "Region, subregion, country or area", "Notes", "Code"] + (
        ["Type of data"] if with_type else []
    )
    rows = _title_rows(15) + [keys + groups]
    for sort, (name, code, kind) in enumerate(STOCK_AREAS, start=1):
        marks: list[object] = list(flags[code]) if code in flags else [""] * len(groups)
        rows.append([sort, name, "", code] + ([kind] if with_type else []) + marks)
    return rows


def write_stock_2020(path: Path) -> Path:
    """A workbook laid out like the 2020 edition: labels row 8, header row 11, indented names."""
    years = [1990, 1995, 2000, 2005, 2010, 2015, 2020]
    names = {
        900: "WORLD",
        901: "  Developed regions",
        903: " AFRICA",
        910: "  Eastern Africa",
        108: "   Burundi",
        404: "   Kenya*",
        908: " EUROPE",
        924: "  Northern Europe",
        830: "   Channel Islands",
    }
    kinds = {108: "B R ", 404: "B", 830: "I"}

    def sheet(labels: list[str], value) -> list[list[object]]:
        label_row: list[object] = [""] * 5
        header: list[object] = [
            "",
            "Region, development group, country or area",
            "Notes",
            "Location code",
            "Type of data",
        ]
        for label in labels:
            label_row += [label] + [""] * 6
            header += years
        rows = _title_rows(7) + [label_row, [], [], header]
        for sort, (_, code, _) in enumerate(STOCK_AREAS, start=1):
            row: list[object] = [sort, names[code], "", code, kinds.get(code, "")]
            for block in range(len(labels)):
                row += [value(code, block, i) for i in range(7)]
            rows.append(row)
        return rows

    sexes = ("both sexes combined", "males", "females")
    return _write(
        path,
        {
            "Table of contents": [["Contents"]],
            "Table 1": sheet(
                [f"{STOCK}, {s}" for s in sexes], lambda c, b, i: stock(c, i, SEXES[b])
            ),
            "Table 2": sheet(
                [f"Total population at mid-year, {s} (thousands)" for s in sexes],
                lambda c, b, i: 10.25,
            ),
            "Table 3": sheet(
                [f"{SHARE}, {s}" for s in sexes], lambda c, b, i: "—" if c == 108 else 2.5
            ),
            "Table 4": sheet(
                ["Female migrants as a percentage of the international migrant stock"],
                lambda c, b, i: 50.0,
            ),
            "Table 6": sheet(
                [
                    "Refugee and asylum seekers at mid-year, both sexes combined",
                    "Refugee and asylum seekers as a percentage of the international migrant stock",
                ],
                lambda c, b, i: "~" if c == 404 else 3.0,
            ),
            "Notes": [["Notes"]],
        },
    )


OD_ORIGINS = ["Burundi", "Kenya", "Channel Islands"]


def write_origin_destination(path: Path) -> Path:
    """A one-sheet O-D copy laid out like UN_COPY2_MigrantStockByOriginAndDestination_2017.xlsx."""
    header = [
        "Year",
        "Sort\norder",
        "Major area, region, country or area of destination",
        "Notes",
        "Code",
        "Type of data (a)",
        "Total",
        "Other North",
        "Other South",
        *OD_ORIGINS,
    ]
    rows: list[list[object]] = [header]
    for i, year in enumerate([1990, 1995, 2000, 2005, 2010, 2015, 2017]):
        for sort, (name, code, kind) in enumerate(STOCK_AREAS, start=1):
            total = stock(code, i, "total")
            # Burundi-born and Kenya-born share the stock; 10 from unknown northern origins
            by_origin = [total - 10 - total // 2, total // 2, ".."]
            rows.append(
                [year, year * 1000 + sort, name, "", code, kind, total, 10, "..", *by_origin]
            )
    return _write(path, {"Sheet1": rows})


# --- UN WPP ----------------------------------------------------------------------------------

WPP_HEADER = [
    "Index",
    "Variant",
    "Region, subregion, country or area *",
    "Notes",
    "Country code",
    "Type",
    "Parent code",
]
WPP_ROWS = [
    ("WORLD", 900, "World", 0),
    ("UN development groups", 1803, "Label/Separator", 900),
    ("More developed regions", 901, "Development Group", 1803),
    ("AFRICA", 903, "Region", 900),
    ("Eastern Africa", 910, "Subregion", 903),
    ("Burundi", 108, "Country/Area", 910),
    ("Kenya", 404, "Country/Area", 910),
]
WPP_VALUE = {108: 1.5, 404: 2.25}


def wpp_value(code: int, column: int) -> object:
    """The test WPP files' values: countries by formula, aggregates as sums, '...' for Kenya's first."""
    if code in (900, 903, 910):
        return sum(_number(wpp_value(member, column)) for member in (108, 404))
    if code == 404 and column == 0:
        return "..."
    return WPP_VALUE.get(code, 0.0) * (column + 1)


def _number(value: object) -> float:
    return value if isinstance(value, float) else 0.0


def write_wpp(
    path: Path,
    labels: list[str],
    sheets: tuple[str, ...] = ("ESTIMATES",),
    revision: str = "POP/DB/WPP/Rev.2019/MIGR/F02",
) -> Path:
    """A WPP 2019 F-file: titles in rows 1-16, header row 17, data from row 18."""
    content = {}
    for name in sheets:
        rows = _title_rows(16) + [WPP_HEADER + labels]
        rows[11] = [revision]  # A12: the revision code that marks the edition
        for index, (area, code, kind, parent) in enumerate(WPP_ROWS, start=1):
            values = (
                []
                if kind == "Label/Separator"
                else [wpp_value(code, c) for c in range(len(labels))]
            )
            rows.append(
                [
                    index,
                    "Estimates" if name == "ESTIMATES" else "Medium variant",
                    area,
                    "",
                    code,
                    kind,
                    parent,
                    *values,
                ]
            )
        content[name] = rows
    content["NOTES"] = [["Notes"]]
    return _write(path, content)
