"""Helpers the loaders of the other sources share: held files, extra areas, mapping a column.

A names file ``area_names/<source>.yml`` may list, under ``areas``, areas the source needs that
neither M49 nor ``areas.yml`` has (World Bank aggregates, UNHCR's unknown origin); each has the
code the warehouse gives it, a name and a kind. :func:`add_areas` puts them in ``areas``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.sources.catalog import FileSpec
from migobs.warehouse.areas import NAMES_DIR
from migobs.warehouse.loaders import LoadContext
from migobs.yaml_files import read_yaml


@dataclass(frozen=True)
class Held:
    """A verified file of an edition, registered in ``source_files``."""

    edition: str
    spec: FileSpec
    path: Path
    file_id: int


def held_files(
    ctx: LoadContext,
    source: str,
    skip: tuple[str, ...] = (),
    described: Callable[[str, str], bool] | None = None,
) -> Iterator[Held]:
    """Every held file of ``source`` but those whose key is in ``skip``, oldest edition first.

    Files of editions not held are skipped (``ctx.obtain`` leaves a finding). With
    ``described`` (the parser's ``described(edition, key)``), a held file whose layout
    ``<source>.yml`` does not describe is skipped too, with an ``edition-no-layout`` finding.
    Each other held file is registered once and yielded with its ``file_id``.
    """
    for edition in ctx.editions(source):
        for spec in edition.files.values():
            if spec.key in skip:
                continue
            obtained = ctx.obtain(spec)
            if obtained is None:
                continue
            if described is not None and not described(edition.name, spec.key):
                ctx.skip_without_layout(obtained, f"migobs/sources/{source}.yml")
                continue
            yield Held(edition.name, spec, obtained.path, ctx.register_file(obtained))


def add_areas(ctx: LoadContext, source: str) -> None:
    """Add the ``areas`` of ``area_names/<source>.yml`` the warehouse lacks; refresh the resolver."""
    path = NAMES_DIR / f"{source}.yml"
    data: dict[str, Any] = read_yaml(path) or {}
    wanted = pd.DataFrame(data.get("areas") or [], columns=["m49", "name", "kind"])
    have = {int(row[0]) for row in ctx.con.execute("SELECT m49 FROM areas").fetchall()}
    ctx.append("areas", wanted[~wanted["m49"].isin(have)])
    ctx.areas.refresh(ctx.con)


def map_codes(
    ctx: LoadContext, source: str, codes: pd.Series, names: pd.Series | None = None
) -> pd.Series:
    """The M49 code (``Int64``, NA where unmapped) of each of ``source``'s ``codes``.

    Each distinct code is asked of the resolver once; with ``names`` the file's spelling beside
    each code is recorded too, so ``area_names`` shows both.
    """
    pairs = pd.DataFrame({"code": codes, "name": codes if names is None else names})
    found: dict[str, int | None] = {}
    counted = pairs.value_counts(sort=False, dropna=False).reset_index(name="rows")
    for code, name, rows in counted.itertuples(index=False):
        if code not in found:
            found[code] = ctx.areas.by_code(source, code)
        ctx.areas.tally(source, None, code, int(rows))
        if names is not None:
            ctx.areas.note(source, str(name), None, found[code])
    return codes.map(found).astype("Int64")


def map_names(ctx: LoadContext, source: str, names: pd.Series) -> pd.Series:
    """The M49 code (``Int64``, NA where unmapped or empty) of each of ``source``'s spellings."""
    found: dict[str, int | None] = {}
    counted = names[names != ""].value_counts(sort=False).reset_index(name="rows")
    for name, rows in counted.itertuples(index=False):
        found[str(name)] = ctx.areas.by_name(source, str(name))
        ctx.areas.tally(source, str(name), None, int(rows))
    return names.map(found).astype("Int64")
