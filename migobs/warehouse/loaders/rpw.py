"""Load World Bank Remittance Prices Worldwide (corridors) into ``remittance_prices``.

One row per corridor, series and quarter that has a value (``..`` quarters, without a survey,
are not stored), in percent of the amount sent, as the file states it. Sending and receiving
countries map by their ISO3 codes.
"""

from __future__ import annotations

import pandas as pd

from migobs.sources import rpw as parser
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._mapping import add_areas, map_codes

SOURCE = "rpw"
ORDER = 40


def load(ctx: LoadContext) -> None:
    """Load every held RPW edition."""
    add_areas(ctx, SOURCE)
    for edition in ctx.editions(SOURCE):
        for spec in edition.files.values():
            obtained = ctx.obtain(spec)
            if obtained is None:
                continue
            file_id = ctx.register_file(obtained)
            values = parser.read(obtained.path, edition.name).dropna(subset=["value"])
            values = values.assign(
                sending=map_codes(ctx, SOURCE, values["sending_code"], values["sending_name"]),
                receiving=map_codes(
                    ctx, SOURCE, values["receiving_code"], values["receiving_name"]
                ),
            ).dropna(subset=["sending", "receiving"])
            frame = pd.DataFrame(
                {
                    "source": SOURCE,
                    "edition": edition.name,
                    "series_code": values["series_code"],
                    "sending": values["sending"].astype(int),
                    "receiving": values["receiving"].astype(int),
                    "period": values["period"],
                    "year": values["year"],
                    "quarter": values["quarter"],
                    "value": values["value"],
                    "file_id": file_id,
                    "sheet": None,
                    "cell": values["cell"],
                }
            )
            ctx.append("remittance_prices", frame)
