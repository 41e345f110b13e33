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
