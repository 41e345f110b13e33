"""The exceptions Migration Observatory raises, one tree.

Every message names the file, sheet, row or field involved and, where there is one, what to do
next. Checks that find problems in the data do not raise: they return findings. An exception
means "cannot continue".

    MigobsError
    ├── SourceError                 an official file cannot be obtained or read
    │   ├── UnknownSource           a source or edition that the catalogue does not list
    │   ├── FileNotObtained         the file is neither in the data directory nor in the mirror
    │   ├── DownloadError           the network gave up, or answered with an error
    │   ├── ChecksumMismatch        the file's sha256 is not the one recorded for its edition
    │   └── LayoutError             a sheet, header or row is not where the edition says
    ├── WarehouseError              the DuckDB warehouse cannot be built or asked
    │   ├── WarehouseMissing        no warehouse has been built yet
    │   │   └── WarehouseDamaged    the file is there but cannot be read: rebuild it
    │   ├── ValidationFailed        a new build failed validation; the old warehouse is kept
    │   ├── QueryError              a query is malformed or tries to write
    │   ├── ValueNotFound           no value at the coordinates asked for
    │   └── AmbiguousArea           a name matches several areas: the candidates are listed
    ├── EstimationError             flow estimation got input it cannot use
    ├── ExportError                 a table cannot be written in the format asked for
    ├── ReportError                 a report cannot be written in the format asked for
    └── TrackerError                the Compact tracker refused an operation
        ├── NotAuthenticated        no valid credentials
        ├── TooManyAttempts         too many failed sign-ins; wait before trying again
        ├── PermissionDenied        the role or State may not act on the record
        ├── RecordNotFound          no such record, or not visible to the caller
        ├── StaleVersion            the record changed since the caller read it
        └── InvalidInput            a field is missing, malformed or too long
"""

from __future__ import annotations


class MigobsError(Exception):
    """Base of every error raised on purpose by Migration Observatory."""


class SourceError(MigobsError):
    """An official file cannot be obtained or read."""


class UnknownSource(SourceError):
    """A source or edition that the catalogue does not list."""


class FileNotObtained(SourceError):
    """The file is neither in the data directory nor in the mirror."""


class DownloadError(SourceError):
    """The network gave up, or the server answered with an error."""


class ChecksumMismatch(SourceError):
    """The file's sha256 is not the one recorded for its edition."""


class LayoutError(SourceError):
    """A sheet, header or row is not where the edition's layout says it is."""


class WarehouseError(MigobsError):
    """The DuckDB warehouse cannot be built or asked."""


class WarehouseMissing(WarehouseError):
    """No warehouse has been built yet."""


class WarehouseDamaged(WarehouseMissing):
    """The warehouse file is there but cannot be read (truncated, overwritten, not DuckDB):
    as good as missing, and mended the same way, by `migobs build`."""


class ValidationFailed(WarehouseError):
    """A new build failed validation; the warehouse that existed before is kept."""


class QueryError(WarehouseError):
    """A query is malformed or tries to write."""


class ValueNotFound(WarehouseError):
    """No value is stored at the coordinates asked for."""


class AmbiguousArea(WarehouseError):
    """A name matches several areas; ``candidates`` lists them ("Name (M49, ISO3)")."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class EstimationError(MigobsError):
    """Flow estimation got input it cannot use (shapes, names, negative or inconsistent totals)."""


class ExportError(MigobsError):
    """A table cannot be written in the format asked for (missing columns, duplicate keys)."""


class ReportError(MigobsError):
    """A report cannot be written in the format asked for (the PDF's libraries are missing)."""


class TrackerError(MigobsError):
    """The Compact tracker refused an operation."""


class NotAuthenticated(TrackerError):
    """No valid credentials were given."""


class TooManyAttempts(TrackerError):
    """Too many failed sign-ins for an account or address; wait before trying again."""


class PermissionDenied(TrackerError):
    """The caller's role or State may not act on this record."""


class RecordNotFound(TrackerError):
    """No such record, or the caller may not see it."""


class StaleVersion(TrackerError):
    """The record changed since the caller read it; reload and apply the change again."""


class InvalidInput(TrackerError):
    """A field is missing, malformed or too long."""
