"""Layouts as data: the ``layout`` an edition of a source states in its ``<source>.yml``.

Every source describes where things sit in its files (sheets, header rows, column labels) in
its YAML, never in code: a top-level ``layout`` (every edition) and an edition's own ``layout``,
whose keys replace the top-level ones. :func:`layout` reads the merged mapping into the typed,
frozen dataclass the source's parser declares (validated by pydantic), so a parser reads
``spec.header_row``, not ``spec["header_row"]``, and a mistyped YAML fails naming its field.
Sources whose editions hold several files describe each under ``files`` (see
:func:`described`); YAML anchors (``&totals`` / ``<<: *totals``) let an edition state only
what differs from another.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from migobs.errors import LayoutError, UnknownSource
from migobs.sources import catalog
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent
T = TypeVar("T")


@cache
def _raw(source: str) -> dict[str, Any]:
    data: dict[str, Any] = read_yaml(HERE / f"{source}.yml")
    return data


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(kind: type[T]) -> TypeAdapter[T]:
    if kind not in _ADAPTERS:
        _ADAPTERS[kind] = TypeAdapter(kind)
    adapter: TypeAdapter[T] = _ADAPTERS[kind]
    return adapter


def merged(source: str, edition: str) -> dict[str, Any]:
    """The layout mapping of ``edition`` of ``source``: the top-level one updated by its own.

    Raises
    ------
    UnknownSource
        The catalogue lists no such source or edition (an unknown vintage).
    """
    catalog.edition(source, edition)
    return _merged(source, edition)


def layout(source: str, edition: str, kind: type[T]) -> T:
    """The layout of ``edition`` of ``source`` read into ``kind`` (a frozen dataclass).

    Raises
    ------
    UnknownSource
        The catalogue lists no such source or edition.
    LayoutError
        The YAML's layout does not fit ``kind`` (a field missing or of the wrong type); the
        message names the YAML file, the edition and the field.
    """
    return _typed(source, edition, merged(source, edition), kind)


def described(source: str, edition: str, key: str) -> bool:
    """Whether ``source``'s YAML describes the layout of file ``key`` of ``edition`` (under the
    edition's ``layout: files:``); a held file that is not is skipped with a finding."""
    return key in (_merged(source, edition).get("files") or {})


def file_layout(source: str, edition: str, key: str, kind: type[T]) -> T:
    """The layout of file ``key`` of ``edition`` (its entry under ``layout: files:``).

    Raises
    ------
    UnknownSource
        The YAML describes no file ``key`` for the edition; the message lists those it does.
    LayoutError
        The description does not fit ``kind``.
    """
    if not described(source, edition, key):
        known = ", ".join(
            f"{name} {file}"
            for name in _raw(source)["editions"]
            for file in _merged(source, str(name)).get("files") or {}
        )
        raise UnknownSource(
            f"No layout for {source} edition {edition!r} file {key!r}. Known: {known}. Describe "
            f"it under the edition's `layout: files:` in migobs/sources/{source}.yml (see "
            f"docs/sources.md)."
        )
    return _typed(source, edition, _merged(source, edition)["files"][key], kind)


def _merged(source: str, edition: str) -> dict[str, Any]:
    data = _raw(source)
    body: dict[str, Any] = next(
        (b for name, b in data["editions"].items() if str(name) == edition), {}
    )
    return {**(data.get("layout") or {}), **(body.get("layout") or {})}


def _typed(source: str, edition: str, data: Any, kind: type[T]) -> T:
    try:
        return _adapter(kind).validate_python(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise LayoutError(
            f"migobs/sources/{source}.yml, edition {edition}: the layout does not fit "
            f"{kind.__name__} ({problems}). Correct the layout in the YAML."
        ) from error
