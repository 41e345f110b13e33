"""Load the World Bank/KNOMAD 2017 bilateral matrices.

Remittances go to ``bilateral_remittances`` (the file states US$ millions; converted once to US$,
the factor recorded in :data:`UNIT_FACTORS`); migrant stocks to ``migrant_stock`` with source
``knomad`` and sex ``total``. Areas are named only, mapped through ``area_names/knomad.yml``
(``WORLD``/``World`` totals → 900, ``Other North``/``Other South`` → the residuals 9901/9902).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.sources import knomad as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import held_files, map_names
from migobs.warehouse.read_ahead import Read

SOURCE = "knomad"
ORDER = 40
UNIT_FACTORS = {"millions_usd": 1_000_000.0, "persons": 1.0}


def ahead(spec: FileSpec, path: Path) -> list[Read]:
    """The matrix, parsed in a worker while other loaders run."""
    return [(parser.read, (path, spec.edition, spec.key))]


def load(ctx: LoadContext) -> None:
    """Load every held KNOMAD edition's two matrices."""
    for held in held_files(ctx, SOURCE):
        matrix = ctx.parsed(parser.read, held.path, held.edition, held.spec.key)
        values = _mapped(ctx, matrix)
        common = {
            "source": SOURCE,
            "edition": held.edition,
            "year": matrix.year,
            "value": values["value"] * UNIT_FACTORS[matrix.unit],
            "file_id": held.file_id,
            "sheet": matrix.sheet,
            "cell": values["cell"],
        }
        ctx.append(_table(matrix), pd.DataFrame({**common, **_areas(matrix, values)}))


def _mapped(ctx: LoadContext, matrix: parser.Matrix) -> pd.DataFrame:
    values = matrix.values.assign(
        row_area=map_names(ctx, SOURCE, matrix.values["row_name"]),
        column_area=map_names(ctx, SOURCE, matrix.values["column_name"]),
    )
    return values.dropna(subset=["row_area", "column_area"])


def _table(matrix: parser.Matrix) -> str:
    return "bilateral_remittances" if matrix.unit == "millions_usd" else "migrant_stock"


def _areas(matrix: parser.Matrix, values: pd.DataFrame) -> dict[str, object]:
    areas: dict[str, object] = {
        matrix.rows: values["row_area"].astype(int),
        matrix.columns: values["column_area"].astype(int),
    }
    if matrix.unit == "persons":
        areas["sex"] = "total"
    return areas
