"""Build the warehouse into a new file beside the old one, validate it, then swap.

Load: every selected loader (``loaders.LOADERS``, m49 first) reads its source's editions into a
new DuckDB file. Process: corrections (``corrections/*.yml``) are applied, area names are
stored, the checks (``checks.CHECKS``) run, and every file must have given rows (as many as its
catalogue entry records, see ``row_counts``). Save: a
``builds`` row records the build id (sha256 over the files' checksums and the migobs version)
and a summary, and ``os.replace`` puts the new file where the old one was. Any exception removes
the new file and leaves the old warehouse as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from migobs import __version__
from migobs.config import Settings, available_cores
from migobs.errors import UnknownSource, ValidationFailed
from migobs.warehouse import corrections, findings, row_counts, schema
from migobs.warehouse.checks import run_all
from migobs.warehouse.loaders import LOADERS, LoadContext, Loader
from migobs.warehouse.read.tables import fact_columns
from migobs.warehouse.read_ahead import Read, ReadAhead

Progress = Callable[[str], None]
"""Called with a short message before each step of the build."""

Step = Callable[[Path, Progress], None]
"""A step run on the new file after the checks, before the swap: it opens the file (closed
meanwhile, so that it may open it from several processes), reads the loaded tables and writes
its own (``migobs.indicators.materialise.materialise_file`` stores every indicator)."""


@dataclass(frozen=True)
class BuildResult:
    """What a build did.

    Attributes
    ----------
    path: the warehouse file.
    build_id: sha256 over the source files' checksums and the migobs version.
    skipped: ``True`` when ``if_stale`` found a warehouse with the same build id.
    summary: sources, editions, rows per table and findings per type (empty when skipped).
    """

    path: Path
    build_id: str
    skipped: bool
    summary: dict[str, Any] = field(default_factory=dict)


def build(
    settings: Settings,
    *,
    only: Sequence[str] = (),
    if_stale: bool = False,
    progress: Progress | None = None,
    steps: Sequence[Step] = (),
    workers: int = 0,
) -> BuildResult:
    """Build the warehouse at ``settings.warehouse`` from the official files.

    Parameters
    ----------
    settings: where the files come from (``mirror``) and where the warehouse goes.
    only: sources to load (``m49`` is always loaded: every other source maps areas with it).
    if_stale: skip the build when the existing warehouse has the same build id.
    progress: called with a message before each step.
    steps: run on the new file once it is loaded, corrected and checked (their tables count in
        the summary); a step that raises leaves the old warehouse as it was.
    workers: processes parsing the files ahead of the loaders (``migobs.warehouse.read_ahead``;
        0: one per core this process may use; 1: each file is parsed by its loader, in this
        process). With several, a script calling :func:`build` must guard its entry point with
        ``if __name__ == "__main__":`` (the workers import it, see :mod:`multiprocessing`).

    Raises
    ------
    UnknownSource
        ``only`` names a source without a loader.
    SourceError
        A file cannot be obtained or read (missing, checksum mismatch, layout changed).
    ValidationFailed
        A file gave no rows, or other row counts than the catalogue records. In every case the
        old warehouse is kept.
    """
    say = progress or (lambda _message: None)
    selected = select(only)
    target = settings.warehouse
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    new = target.with_name(f"{target.name}.new-{os.getpid()}")
    new.unlink(missing_ok=True)
    con = duckdb.connect(str(new))
    try:
        ctx = LoadContext(con=con, settings=settings)
        build_id = _build_id(ctx, selected, say)
        if if_stale and current_build_id(target) == build_id:
            con.close()
            new.unlink(missing_ok=True)
            return BuildResult(target, build_id, skipped=True)
        started = datetime.now(UTC).replace(tzinfo=None)
        schema.apply(con)
        ctx.ahead = ReadAhead(_reads(ctx, selected), workers or available_cores())
        try:
            _load(ctx, selected, say)
        finally:
            ctx.ahead.close()
        _finish(ctx, say)
        con.close()
        for step in steps:
            step(new, say)
        con = ctx.con = duckdb.connect(str(new))
        summary = _summary(con, ctx)
        _record_build(con, build_id, started, summary)
        con.close()
        os.replace(new, target)
    except BaseException:
        con.close()
        new.unlink(missing_ok=True)
        raise
    return BuildResult(target, build_id, skipped=False, summary=summary)


def remove_leftovers(target: Path) -> None:
    """Delete the ``<warehouse>.new-PID`` files (and their ``.wal``) of builds that were killed:
    a file whose process is gone. A build still running keeps its file."""
    for path in target.parent.glob(f"{target.name}.new-*"):
        pid = path.name.removeprefix(f"{target.name}.new-").removesuffix(".wal")
        if pid.isdigit() and not _running(int(pid)):
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def select(only: Sequence[str]) -> list[Loader]:
    """The loaders to run, in load order: all, or ``m49`` plus those named in ``only``."""
    if not only:
        return list(LOADERS.values())
    unknown = [name for name in only if name not in LOADERS]
    if unknown:
        raise UnknownSource(
            f"No loader for {', '.join(unknown)}. Sources with a loader: {', '.join(LOADERS)}."
        )
    wanted = {"m49", *only}
    return [loader for name, loader in LOADERS.items() if name in wanted]


def current_build_id(path: Path) -> str | None:
    """The build id of the warehouse at ``path``, or ``None`` when there is none readable."""
    if not path.is_file():
        return None
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            row = con.execute(
                "SELECT build_id FROM builds ORDER BY finished_at DESC LIMIT 1"
            ).fetchone()
    except duckdb.Error:
        return None
    return str(row[0]) if row else None


CODE = tuple(Path(__file__).parents[1] / name for name in ("sources", "warehouse", "indicators"))
"""The packages whose code and data decide what a build writes: the parsers, the warehouse and
the indicators (whose values the build stores)."""


def code_digest() -> str:
    """A sha256 over the source code, SQL and YAML of :data:`CODE`, so that an updated migobs
    (a new loader, schema or names table) rebuilds a warehouse the old code made."""
    digest = hashlib.sha256()
    for package in CODE:
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".sql", ".yml") and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(package.parent)}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _build_id(ctx: LoadContext, loaders: list[Loader], say: Progress) -> str:
    digest = hashlib.sha256(f"migobs {__version__} {code_digest()}\n".encode())
    for loader in loaders:
        say(f"verifying {loader.source} files")
        for edition in ctx.editions(loader.source):
            for spec in edition.files.values():
                obtained = ctx.obtain(spec)
                if obtained is not None:
                    digest.update(f"{spec.dataset} {obtained.sha256}\n".encode())
    return digest.hexdigest()


def _reads(ctx: LoadContext, loaders: list[Loader]) -> list[Read]:
    """The parser calls the loaders will make for the files held (verified by ``_build_id``),
    in load order."""
    reads = []
    for loader in loaders:
        for edition in ctx.editions(loader.source) if loader.ahead else []:
            for spec in edition.files.values():
                obtained = ctx.obtain(spec)
                if obtained is not None and loader.ahead is not None:
                    reads.extend(loader.ahead(spec, obtained.path))
    return reads


def _load(ctx: LoadContext, loaders: list[Loader], say: Progress) -> None:
    for loader in loaders:
        say(f"loading {loader.source}")
        loader.load(ctx)


def _finish(ctx: LoadContext, say: Progress) -> None:
    say("applying corrections")
    # only sources that gave files: a loader with no edition held has nothing to correct
    held = ctx.con.execute("SELECT DISTINCT source FROM source_files").fetchall()
    sources = {str(source) for (source,) in held}
    ctx.findings.extend(corrections.apply(ctx.con, corrections.load(), sources))
    ctx.findings.extend(ctx.areas.write(ctx.con))
    say("running checks")
    ctx.findings.extend(run_all(ctx.con))
    _validate(ctx.con)
    findings.insert(ctx.con, ctx.findings)


def _validate(con: duckdb.DuckDBPyConnection) -> None:
    tables = list(fact_columns(con))
    union = " UNION ALL ".join(f'SELECT file_id FROM "{t}"' for t in tables)
    empty = con.execute(
        f"SELECT source, edition, name FROM source_files WHERE source <> 'm49' "
        f"AND file_id NOT IN (SELECT DISTINCT file_id FROM ({union}))"
    ).fetchall()
    if empty:
        listed = "; ".join(f"{s} {e} {n}" for s, e, n in empty)
        raise ValidationFailed(
            f"The new build gave no rows for: {listed}. The files were read but nothing was "
            f"loaded; the old warehouse is kept. Check the file's layout against docs/sources.md."
        )
    lost = row_counts.mismatches(con)
    if lost:
        raise ValidationFailed(
            "The new build's row counts differ from the catalogue's: "
            + "; ".join(lost)
            + ". A file lost rows (truncated, re-issued) or some of its areas no longer map "
            "(look for m49 NULL in `area_names`); the old warehouse is kept. Obtain the file "
            "again, or, if the publisher really changed it, update `rows` in the catalogue."
        )
    if _count(con, "areas") == 0:
        raise ValidationFailed(
            "The new build has no areas: the M49 file gave no rows; the old warehouse is kept."
        )


def _summary(con: duckdb.DuckDBPyConnection, ctx: LoadContext) -> dict[str, Any]:
    tables = [
        str(row[0])
        for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name"
        ).fetchall()
    ]
    rows = {t: _count(con, t) for t in tables if t != "builds"}
    editions = con.execute(
        "SELECT DISTINCT source, edition FROM source_files ORDER BY source, edition"
    ).fetchall()
    return {
        "sources": sorted({str(s) for s, _ in editions}),
        "editions": [f"{s}/{e}" for s, e in editions],
        "rows": rows,
        "findings": dict(sorted(Counter(f.type for f in ctx.findings).items())),
    }


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return int(row[0]) if row else 0


def _record_build(
    con: duckdb.DuckDBPyConnection, build_id: str, started: datetime, summary: dict[str, Any]
) -> None:
    con.execute(
        "INSERT INTO builds VALUES (?, ?, ?, ?, ?)",
        [
            build_id,
            started,
            datetime.now(UTC).replace(tzinfo=None),
            __version__,
            json.dumps(summary),
        ],
    )
