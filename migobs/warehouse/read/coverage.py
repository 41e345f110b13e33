"""What the bilateral sources held cover, so that a corridor without a value can say why: the
remittance matrix's editions and ends, the corridors Remittance Prices Worldwide surveys."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class MatrixCoverage:
    """The editions of the World Bank/KNOMAD remittance matrix held, and whether each end of
    one corridor appears in them (``sends``: the destination as a sending country;
    ``receives``: the origin as a receiving one)."""

    editions: list[str]
    sends: bool
    receives: bool


def remittance_matrix(
    con: duckdb.DuckDBPyConnection, *, origin: int, destination: int
) -> MatrixCoverage:
    """Editions of ``bilateral_remittances`` held and whether ``destination`` sends and
    ``origin`` receives in any of them."""
    row = con.execute(
        """SELECT list(DISTINCT edition ORDER BY edition),
                  bool_or(sending = ?), bool_or(receiving = ?)
           FROM bilateral_remittances""",
        [destination, origin],
    ).fetchone()
    editions, sends, receives = row if row else ([], False, False)
    return MatrixCoverage(list(editions or []), bool(sends), bool(receives))


def surveyed_corridors(
    con: duckdb.DuckDBPyConnection, *, receiving: int | None = None, sending: int | None = None
) -> list[tuple[int, int]]:
    """``(sending, receiving)`` of every corridor Remittance Prices Worldwide surveys into
    ``receiving`` or out of ``sending`` (all of them when neither is given)."""
    rows = con.execute(
        """SELECT DISTINCT sending, receiving FROM remittance_prices
           WHERE (? IS NULL OR receiving = ?) AND (? IS NULL OR sending = ?)
           ORDER BY sending, receiving""",
        [receiving, receiving, sending, sending],
    ).fetchall()
    return [(int(s), int(r)) for s, r in rows]


def refugee_editions(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The editions of UNHCR's refugee statistics held."""
    rows = con.execute("SELECT DISTINCT edition FROM refugees ORDER BY edition").fetchall()
    return [str(r[0]) for r in rows]
