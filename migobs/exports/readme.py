"""The README written beside every exported file: what it holds, its sources, licence, citation."""

from __future__ import annotations

from pathlib import Path

from migobs.exports.table import COLUMN_MEANINGS, TidyTable


def readme_text(table: TidyTable, files: list[str]) -> str:
    """Markdown describing ``table`` and the ``files`` written for it."""
    meta = table.meta
    lines = [
        f"# {meta.title}",
        "",
        meta.description or f"Values of {meta.name} by area and year.",
        "",
        f"- Name: `{meta.name}`",
        f"- Unit: {meta.unit}",
        f"- Key columns: {', '.join(table.key)}",
        *(
            f"- `{column}`: {meaning}"
            for column, meaning in COLUMN_MEANINGS.items()
            if column in table.frame.columns
        ),
        f"- Rows: {len(table.frame)}",
        f"- Files: {', '.join(files)}",
        f"- Licence of this export: {meta.licence or 'none stated (no source recorded)'}"
        + (
            " (the most restrictive of its sources' licences below)"
            if len(meta.licences) > 1
            else ""
        ),
        "",
        "## Sources",
        "",
    ]
    for source in meta.sources:
        lines += [
            f"### {source.title}",
            "",
            f"- URL: {source.url}",
            f"- Licence: {source.licence}",
            f"- Cite as: {source.citation}",
            "",
        ]
    lines += [
        "## How to cite this export",
        "",
        f"Migration Observatory, {meta.title} (`{meta.name}`), computed from the sources above.",
        "",
    ]
    return "\n".join(lines)


def write_readme(table: TidyTable, directory: Path, files: list[str]) -> Path:
    """Write ``README.md`` for ``table`` into ``directory`` and return its path."""
    path = directory / "README.md"
    path.write_text(readme_text(table, files), encoding="utf-8")
    return path
