"""Load Natural Earth country boundaries into ``boundaries``, keyed to the area model.

A feature maps by its ISO numeric code (``ISO_N3``); where Natural Earth has ``-99`` there, by
its ``ADM0_A3`` code through the names table (``area_names/natural_earth.yml``: Kosovo ``KOS``,
Norway, and the areas without an M49 code, N. Cyprus and Somaliland, reported unmapped).
"""

from __future__ import annotations

import pandas as pd

from migobs.sources import natural_earth as parser
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import held_files

SOURCE = "natural_earth"
ORDER = 60
MISSING = "-99"
TOPOLOGY = "topology"


def load(ctx: LoadContext) -> None:
    """Load the GeoJSON of every held edition (the TopoJSON is served as it is, not loaded)."""
    for held in held_files(ctx, SOURCE, skip=(TOPOLOGY,)):
        features = parser.read(held.path, held.edition)
        area = [
            _area(ctx, *codes)
            for codes in zip(features["iso_n3"], features["adm0_a3"], features["name"], strict=True)
        ]
        features = features.assign(area=pd.array(area, dtype="Int64")).dropna(subset=["area"])
        frame = pd.DataFrame(
            {
                "area": features["area"].astype(int),
                "name": features["name"],
                "geometry": features["geometry"],
                "adm0_a3": features["adm0_a3"],
                "file_id": held.file_id,
                "feature": features["feature"],
            }
        )
        ctx.append("boundaries", frame)


def _area(ctx: LoadContext, iso_n3: str, adm0_a3: str, name: str) -> int | None:
    code = iso_n3 if iso_n3 != MISSING else adm0_a3
    m49 = ctx.areas.by_code(SOURCE, code)
    ctx.areas.note(SOURCE, name, code, m49)
    ctx.areas.tally(SOURCE, name, code, 1)
    return m49
