"""UN M49 "Standard country or area codes for statistical use": the overview CSV download.

The file is UTF-8 with a byte-order mark, comma-separated, one row per country or area with its
global, region, sub-region and intermediate-region codes and names, ISO codes, and the LDC, LLDC
and SIDS flags (``x`` or empty). Codes are zero-padded text (``"004"``) and are returned as text.
The last column, ``Developed / Developing Countries``, was dropped by UNSD later; it is optional.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from migobs.errors import LayoutError

COLUMNS = {
    "Global Code": "global_code",
    "Global Name": "global_name",
    "Region Code": "region_code",
    "Region Name": "region_name",
    "Sub-region Code": "subregion_code",
    "Sub-region Name": "subregion_name",
    "Intermediate Region Code": "intermediate_code",
    "Intermediate Region Name": "intermediate_name",
    "Country or Area": "name",
    "M49 Code": "m49",
    "ISO-alpha2 Code": "iso2",
    "ISO-alpha3 Code": "iso3",
    "Least Developed Countries (LDC)": "ldc",
    "Land Locked Developing Countries (LLDC)": "lldc",
    "Small Island Developing States (SIDS)": "sids",
}
OPTIONAL = {"Developed / Developing Countries": "development"}


def read(path: Path) -> pd.DataFrame:
    """Every row of the M49 overview file, as text, with the line it sits on.

    Returns
    -------
    DataFrame
        One row per country or area, columns named as in :data:`COLUMNS` (plus ``development``,
        empty when the file lacks it) and ``row``: the 1-based line number in the file (line 1 is
        the header). Empty fields are ``""``; nothing is converted, dropped or renamed.

    Raises
    ------
    LayoutError
        The file is not UTF-8 text or its header lacks one of the expected columns.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise LayoutError(
            f"{path.name}: not UTF-8 text ({error}). Obtain the file again with `migobs fetch m49`."
        ) from error
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    _check_header(path, header)
    names = {**COLUMNS, **OPTIONAL}
    records = [dict(zip(header, fields, strict=False)) for fields in reader if any(fields)]
    frame = pd.DataFrame(records, columns=header, dtype="string").fillna("")
    for label in OPTIONAL:
        if label not in frame.columns:
            frame[label] = ""
    frame = frame.rename(columns=names)[list(names.values())]
    frame["row"] = range(2, len(frame) + 2)
    return frame


def _check_header(path: Path, header: list[str]) -> None:
    missing = [label for label in COLUMNS if label not in header]
    if missing:
        raise LayoutError(
            f"{path.name}: row 1 should hold the M49 overview header; missing "
            f"{', '.join(repr(m) for m in missing)}, found {header!r}. The file is not the UNSD "
            f"M49 overview CSV: obtain it again with `migobs fetch m49`."
        )
