"""UN M49 "Standard country or area codes for statistical use": the overview CSV download.

The file is UTF-8 with a byte-order mark, comma-separated, one row per country or area with its
global, region, sub-region and intermediate-region codes and names, ISO codes, and the LDC, LLDC
and SIDS flags (``x`` or empty). Codes are zero-padded text (``"004"``) and are returned as text.
The last column, ``Developed / Developing Countries``, was dropped by UNSD later; it is optional.
The header labels and the fields they are read into are the ``layout`` of ``m49.yml``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from migobs.errors import LayoutError
from migobs.sources import _layout

SOURCE = "m49"


@dataclass(frozen=True)
class OverviewLayout:
    """The overview's header labels: ``columns`` (label → field) the file must have and
    ``optional`` ones it may lack (read as ``""``)."""

    columns: dict[str, str]
    optional: dict[str, str]


def read(path: Path, edition: str) -> pd.DataFrame:
    """Every row of the M49 overview file, as text, with the line it sits on.

    Returns
    -------
    DataFrame
        One row per country or area, columns named as the layout's ``columns`` and
        ``optional`` (``development``, empty when the file lacks it) of ``m49.yml`` and ``row``: the 1-based line number in the file (line 1 is
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
    spec = _layout.layout(SOURCE, edition, OverviewLayout)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    _check_header(path, header, spec)
    names = {**spec.columns, **spec.optional}
    records = [dict(zip(header, fields, strict=False)) for fields in reader if any(fields)]
    frame = pd.DataFrame(records, columns=header, dtype="string").fillna("")
    for label in spec.optional:
        if label not in frame.columns:
            frame[label] = ""
    frame = frame.rename(columns=names)[list(names.values())]
    frame["row"] = range(2, len(frame) + 2)
    return frame


def _check_header(path: Path, header: list[str], spec: OverviewLayout) -> None:
    missing = [label for label in spec.columns if label not in header]
    if missing:
        raise LayoutError(
            f"{path.name}: row 1 should hold the M49 overview header; missing "
            f"{', '.join(repr(m) for m in missing)}, found {header!r}. The file is not the UNSD "
            f"M49 overview CSV: obtain it again with `migobs fetch m49`."
        )
