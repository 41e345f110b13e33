"""The loader registry: one module per source, each ``load(ctx: LoadContext) -> None``.

To add a source, write ``migobs/warehouse/loaders/<source>.py`` with::

    SOURCE = "wdi"          # catalogue name (default: the module's name)
    ORDER = 50              # load order; m49 is 0, undesa_stock 10, wpp 20; default 50

    def ahead(spec: FileSpec, path: Path) -> list[Read]:  # optional: parse in a worker
        return [(parser.read, (path, spec.edition, spec.key))]

    def load(ctx: LoadContext) -> None:
        # every held file of the catalogue's editions, oldest first, registered in source_files;
        # files not held leave a finding, and so do held files whose layout <source>.yml does
        # not describe (with described=parser.described)
        for held in held_files(ctx, SOURCE, described=parser.described):
            frame = ctx.parsed(parser.read, held.path, held.edition, held.spec.key)
            area = ctx.areas.by_code(SOURCE, code)  # or by_name / by_iso3; map_codes / map_names
            ctx.append("series", frame)            # a DataFrame, columns named as the table's

``ahead`` (optional) names the parser calls ``load`` will make for a held file, so that the
build makes them in worker processes while other loaders run (``migobs.warehouse.read_ahead``);
``ctx.parsed(read, *args)`` then gives the result, parsed ahead or now. The parser reads its layout from ``migobs/sources/<source>.yml`` through
``migobs.sources._layout`` (see docs/sources.md); ``held_files`` and the mapping helpers are in
``loaders/_common.py``. No other file needs changing: :data:`LOADERS` finds every module in this
package. Loaders write raw facts only; corrections (``corrections/<source>.yml``) and checks
(``checks/``) run after all loaders, applied by the build.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd

from migobs.config import Settings
from migobs.errors import WarehouseError
from migobs.sources import catalog
from migobs.sources._download import Obtained, not_downloadable, obtain
from migobs.sources.catalog import Edition, FileSpec
from migobs.warehouse.areas import AreaResolver
from migobs.warehouse.findings import Finding
from migobs.warehouse.frames import append
from migobs.warehouse.read_ahead import Read, ReadAhead

T = TypeVar("T")

DEFAULT_ORDER = 50


@dataclass(frozen=True)
class Loader:
    """A source's load function, its place in the load order and the parser calls it will make
    for a held file (``None``: none worth making ahead)."""

    source: str
    order: int
    load: Callable[[LoadContext], None]
    ahead: Callable[[FileSpec, Path], list[Read]] | None = None


@dataclass
class LoadContext:
    """What a loader gets: the new warehouse, the settings, the area resolver and the findings.

    Attributes
    ----------
    con: open DuckDB connection of the warehouse being built (read-write).
    settings: the one ``Settings`` of the run (mirror, data directory).
    areas: the :class:`AreaResolver` every loader maps names and codes with.
    findings: everything noticed so far (written to the ``findings`` table by the build).
    obtained: files verified so far, by dataset name (``<source>/<edition>/<key>``).
    file_ids: ``source_files.file_id`` of each registered file, by dataset name.
    not_held: catalogued files not held (skipped), by dataset name, with why and what to do.
    ahead: the parser calls started in worker processes (none: each is made when asked for).
    """

    con: duckdb.DuckDBPyConnection
    settings: Settings
    areas: AreaResolver = field(default_factory=AreaResolver)
    findings: list[Finding] = field(default_factory=list)
    obtained: dict[str, Obtained] = field(default_factory=dict)
    file_ids: dict[str, int] = field(default_factory=dict)
    not_held: dict[str, str] = field(default_factory=dict)
    ahead: ReadAhead = field(default_factory=ReadAhead)

    def editions(self, source: str) -> list[Edition]:
        """The catalogue's editions of ``source``, oldest first."""
        return list(catalog.source(source).editions.values())

    def obtain(self, spec: FileSpec) -> Obtained | None:
        """The verified file for ``spec``; ``None`` (and a finding) for a file not held.

        A file whose checksum the catalogue does not record yet (an edition not held) is used
        only when it is already in the mirror or the data directory; the build never downloads
        it (finding ``edition-not-held``). Without a mirror, a ``mirror-only`` or ``manual`` file
        that is not in the data directory is skipped too (finding ``file-not-held``, saying how
        to obtain it). Any other missing or altered file raises (:class:`FileNotObtained`,
        :class:`ChecksumMismatch`), which stops the build and keeps the old warehouse.
        """
        if spec.dataset in self.obtained:
            return self.obtained[spec.dataset]
        if spec.dataset in self.not_held:
            return None
        if not self._present(spec):
            why = self._why_not_held(spec)
            if why is not None:
                self.not_held[spec.dataset] = why[1]
                self.add_finding(
                    why[0],
                    f"{spec.dataset}: not held",
                    why[1],
                    source=spec.source,
                    edition=spec.edition,
                )
                return None
        found = obtain(spec, self.settings)
        self.obtained[spec.dataset] = found
        return found

    def _why_not_held(self, spec: FileSpec) -> tuple[str, str] | None:
        if spec.sha256 is None:
            return (
                "edition-not-held",
                f"{spec.name} of {spec.source} {spec.edition} is in the catalogue but not in the "
                f"mirror or data directory; its checksum is not recorded yet, so it is skipped. "
                f"Run `migobs fetch {spec.source}` to obtain it.",
            )
        if spec.obtain != "download" and self.settings.mirror is None:
            path = self.settings.downloads / spec.mirror_path
            return "file-not-held", not_downloadable(spec, path)
        return None

    def register_file(self, obtained: Obtained) -> int:
        """Insert the file into ``source_files`` (once) and return its ``file_id``."""
        spec = obtained.spec
        if spec.dataset in self.file_ids:
            return self.file_ids[spec.dataset]
        file_id = len(self.file_ids) + 1
        row = {
            "file_id": file_id,
            "source": spec.source,
            "edition": spec.edition,
            "file_key": spec.key,
            "name": spec.name,
            "url": spec.url,
            "sha256": obtained.sha256,
            "bytes": obtained.path.stat().st_size,
            "licence": spec.licence,
            "citation": spec.citation,
            "obtained_from": str(obtained.path),
            "obtained_at": obtained.obtained_at,
        }
        # one row: bound as parameters (a one-row frame costs some 8 ms to hand over, this 2 ms)
        values = ", ".join(f'? AS "{name}"' for name in row)
        with self.con.cursor() as cursor:
            cursor.execute(f"INSERT INTO source_files BY NAME SELECT {values}", list(row.values()))
        self.file_ids[spec.dataset] = file_id
        return file_id

    def parsed(self, read: Callable[..., T], *args: Any) -> T:
        """``read(*args)`` (a parser of ``migobs.sources``), parsed ahead when the loader's
        ``ahead`` named it."""
        return self.ahead.result(read, *args)

    def append(self, table: str, frame: pd.DataFrame) -> int:
        """Insert ``frame`` into ``table`` (columns matched by name); return the row count."""
        return append(self.con, table, frame)

    def add_finding(
        self,
        type: str,
        title: str,
        message: str,
        *,
        source: str | None = None,
        edition: str | None = None,
        observed: float | None = None,
        expected: float | None = None,
        rows: list[dict[str, Any]] | None = None,
    ) -> Finding:
        """Record a finding (written to ``findings`` at the end of the build) and return it."""
        finding = Finding(
            type=type,
            title=title,
            message=message,
            source=source,
            edition=edition,
            observed=observed,
            expected=expected,
            rows=rows or [],
        )
        self.findings.append(finding)
        return finding

    def skip_without_layout(self, obtained: Obtained, where: str) -> None:
        """Record that a held file has no layout: it is not loaded, everything else is.

        ``where`` names the file to describe its layout in (e.g.
        ``migobs/sources/undesa_stock.yml``). The finding (``edition-no-layout``)
        names the file and what to do.
        """
        spec = obtained.spec
        self.add_finding(
            "edition-no-layout",
            f"{spec.dataset}: no layout",
            f"{obtained.path} ({spec.name}, sha256 {obtained.sha256}) is held, but migobs does not "
            f"know how {spec.source} edition {spec.edition} file {spec.key!r} is laid out, so it "
            f"was not loaded; every other file was. To load it, describe its layout in {where} "
            f"(see docs/sources.md); to silence this, remove the file.",
            source=spec.source,
            edition=spec.edition,
        )

    def _present(self, spec: FileSpec) -> bool:
        base = self.settings.mirror or self.settings.downloads
        return (base / spec.mirror_path).is_file()


def discover() -> dict[str, Loader]:
    """Every loader module of this package, by source, in load order."""
    found: list[Loader] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        load = getattr(module, "load", None)
        if not callable(load):
            raise WarehouseError(f"{module.__name__} has no `load(ctx)` function.")
        source = str(getattr(module, "SOURCE", info.name))
        order = int(getattr(module, "ORDER", DEFAULT_ORDER))
        found.append(Loader(source, order, load, getattr(module, "ahead", None)))
    return {loader.source: loader for loader in sorted(found, key=lambda x: (x.order, x.source))}


LOADERS: dict[str, Loader] = discover()
"""Every source's loader by name, in load order (``m49`` first)."""

__all__ = ["DEFAULT_ORDER", "LOADERS", "LoadContext", "Loader", "discover"]
