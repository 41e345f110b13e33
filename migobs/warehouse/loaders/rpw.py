"""Load World Bank Remittance Prices Worldwide (corridors) into ``remittance_prices``.

One row per corridor, series and quarter that has a value (``..`` quarters, without a survey,
are not stored), in percent of the amount sent, as the file states it. Sending and receiving
countries map by their ISO3 codes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.sources import rpw as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import add_areas, held_files, map_codes
from migobs.warehouse.read_ahead import Read

SOURCE = "rpw"
ORDER = 40


def ahead(spec: FileSpec, path: Path) -> list[Read]:
    """The export, parsed in a worker while other loaders run."""
    return [(parser.read, (path, spec.edition))]


def load(ctx: LoadContext) -> None:
    """Load every held RPW edition."""
    add_areas(ctx, SOURCE)
    for held in held_files(ctx, SOURCE):
        values = ctx.parsed(parser.read, held.path, held.edition).dropna(subset=["value"])
        values = values.assign(
            sending=map_codes(ctx, SOURCE, values["sending_code"], values["sending_name"]),
            receiving=map_codes(ctx, SOURCE, values["receiving_code"], values["receiving_name"]),
        ).dropna(subset=["sending", "receiving"])
        frame = pd.DataFrame(
            {
                "source": SOURCE,
                "edition": held.edition,
                "series_code": values["series_code"],
                "sending": values["sending"].astype(int),
                "receiving": values["receiving"].astype(int),
                "period": values["period"],
                "year": values["year"],
                "quarter": values["quarter"],
                "value": values["value"],
                "file_id": held.file_id,
                "sheet": None,
                "cell": values["cell"],
            }
        )
        ctx.append("remittance_prices", frame)
