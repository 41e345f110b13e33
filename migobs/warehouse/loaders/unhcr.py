"""Load UNHCR refugee population statistics into ``refugees``.

One row per year, country of origin and country of asylum, with every count the file gives.
Countries map by their ISO3 codes; the ISO3-like codes of groups that are not countries (unknown
origin ``UNK``, stateless ``XXA``, Tibetans ``TIB``) through ``area_names/unhcr.yml``, whose
``areas`` gives the special areas the warehouse adds for them. UNHCR's own three-letter codes
(``ALG`` Algeria, ``UKN`` unknown ...) are recorded in ``area_names`` beside the area they got.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.sources import unhcr as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import add_areas, held_files, map_codes
from migobs.warehouse.read_ahead import Read

SOURCE = "unhcr"
ORDER = 40
COUNTS = (
    "refugees",
    "asylum_seekers",
    "returned_refugees",
    "idps",
    "returned_idps",
    "stateless",
    "ooc",
    "oip",
    "hst",
)


def ahead(spec: FileSpec, path: Path) -> list[Read]:
    """The edition's population table, parsed in a worker while other loaders run."""
    return [(parser.read, (path, spec.edition))]


def load(ctx: LoadContext) -> None:
    """Load every held UNHCR edition."""
    add_areas(ctx, SOURCE)
    for held in held_files(ctx, SOURCE):
        rows = ctx.parsed(parser.read, held.path, held.edition)
        rows = rows.assign(
            origin=map_codes(ctx, SOURCE, rows["coo_iso"], rows["coo_name"]),
            asylum=map_codes(ctx, SOURCE, rows["coa_iso"], rows["coa_name"]),
        )
        _note_own_codes(ctx, rows)
        rows = rows.dropna(subset=["origin", "asylum"])
        frame = pd.DataFrame(
            {
                "source": SOURCE,
                "edition": held.edition,
                "year": rows["year"],
                "origin": rows["origin"].astype(int),
                "asylum": rows["asylum"].astype(int),
                **{count: rows[count] for count in COUNTS},
                "file_id": held.file_id,
                "row_number": rows["row"],
            }
        )
        ctx.append("refugees", frame)


def _note_own_codes(ctx: LoadContext, rows: pd.DataFrame) -> None:
    """Record UNHCR's own codes (``ALG`` Algeria, ``UKN`` unknown ...) beside the M49 they got."""
    for side in ("coo", "coa"):
        area = "origin" if side == "coo" else "asylum"
        pairs = rows[[f"{side}_name", side, area]].drop_duplicates([f"{side}_name", side])
        for name, code, m49 in pairs.itertuples(index=False):
            ctx.areas.note(SOURCE, str(name), str(code), None if pd.isna(m49) else int(m49))
