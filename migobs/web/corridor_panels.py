"""Why a panel of the corridor page has no value, said in words: the pair is not in the source,
or the source is not in the warehouse; for a corridor whose cost is not surveyed, links to the
corridors that are."""

from __future__ import annotations

import duckdb
from markupsafe import Markup, escape

from migobs.i18n.messages import gettext as _
from migobs.warehouse.read import coverage, listing

Pair = tuple[str, str]
"""The names of origin and destination."""


def no_stock(names: Pair) -> str:
    """Why the stock panel is empty."""
    return _("No edition held records migrants born in %(origin)s living in %(destination)s.") % {
        "origin": names[0],
        "destination": names[1],
    }


def no_remittances(
    con: duckdb.DuckDBPyConnection, origin: int, destination: int, names: Pair
) -> str:
    """Why the remittances panel is empty: no matrix held, or an end not in it."""
    held = coverage.remittance_matrix(con, origin=origin, destination=destination)
    if not held.editions:
        return _("No World Bank/KNOMAD bilateral remittance matrix is in the warehouse yet.")
    editions = ", ".join(held.editions)
    if not held.sends:
        return _(
            "%(destination)s is not among the sending countries of the World Bank/KNOMAD "
            "remittance matrix held (%(editions)s), so it gives no estimate for this corridor."
        ) % {"destination": names[1], "editions": editions}
    if not held.receives:
        return _(
            "%(origin)s is not among the receiving countries of the World Bank/KNOMAD "
            "remittance matrix held (%(editions)s), so it gives no estimate for this corridor."
        ) % {"origin": names[0], "editions": editions}
    return _(
        "The World Bank/KNOMAD remittance matrix held (%(editions)s) has no value for money "
        "sent from %(destination)s to %(origin)s."
    ) % {"origin": names[0], "destination": names[1], "editions": editions}


def no_cost(con: duckdb.DuckDBPyConnection, names: Pair) -> str:
    """Why the cost panel is empty: no survey held, or this corridor not surveyed."""
    if not coverage.surveyed_corridors(con):
        return _("No Remittance Prices Worldwide survey is in the warehouse yet.")
    return _(
        "Remittance Prices Worldwide does not survey the cost of sending money from "
        "%(destination)s to %(origin)s; it surveys a few hundred corridors from the largest "
        "sending countries."
    ) % {"origin": names[0], "destination": names[1]}


def surveyed_instead(
    con: duckdb.DuckDBPyConnection, origin: int, destination: int, names: Pair
) -> list[str]:
    """Links to the surveyed corridors into the origin and out of the destination, for a
    corridor that is not surveyed itself."""
    notes: list[str] = []
    into = coverage.surveyed_corridors(con, receiving=origin)
    if into:
        notes.append(
            _("Surveyed corridors into %(origin)s:") % {"origin": names[0]}
            + " "
            + _links(con, [(sending, origin) for sending, _r in into], end=0)
        )
    out = coverage.surveyed_corridors(con, sending=destination)
    if out:
        notes.append(
            _("Surveyed corridors out of %(destination)s:") % {"destination": names[1]}
            + " "
            + _links(con, [(destination, receiving) for _s, receiving in out], end=1)
        )
    return notes


def _links(con: duckdb.DuckDBPyConnection, corridors: list[tuple[int, int]], end: int) -> Markup:
    """Each corridor as a link to its page, named by its other end (``end`` 0: the sending
    country, 1: the receiving one); sending → receiving is destination → origin here."""
    links = []
    for sending, receiving in corridors:
        other = (sending, receiving)[end]
        record = listing.area(con, other) or {}
        name = escape(str(record.get("name") or other))
        href = f"/corridor?origin={receiving}&amp;destination={sending}"
        links.append(f'<a href="{href}">{name}</a>')
    return Markup(", ".join(links))


def no_refugees(con: duckdb.DuckDBPyConnection, names: Pair) -> str:
    """Why the refugees panel is empty."""
    editions = coverage.refugee_editions(con)
    if not editions:
        return _("No UNHCR refugee statistics are in the warehouse yet.")
    return _(
        "UNHCR's refugee statistics held (%(edition)s) record no refugees from %(origin)s "
        "in %(destination)s."
    ) % {"origin": names[0], "destination": names[1], "edition": editions[-1]}
