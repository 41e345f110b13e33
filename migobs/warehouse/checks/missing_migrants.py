"""Duplicated incidents in the IOM Missing Migrants vintages.

Family ``missing_migrants``: within a vintage, (1) an ``incident_key`` that names more than one
row (``duplicated-incident``); (2) rows with different keys and different Main IDs that agree on
everything that describes the event (date, coordinates, dead, missing, survivors, cause, location,
information source and URL): ``possible-duplicate-incident``, one finding per vintage listing
each group's rows. Separate rows for people who died together (same place and day, one row each,
different sources) are not flagged: the location text, source or URL differs.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.warehouse.findings import Finding

SAME_KEY = """
SELECT edition, incident_key, list(row_number ORDER BY row_number) AS rows_
FROM missing_migrants GROUP BY edition, incident_key HAVING count(*) > 1
ORDER BY edition, incident_key
"""

SAME_EVENT = """
SELECT edition, list(incident_key ORDER BY row_number) AS keys_,
       list(row_number ORDER BY row_number) AS rows_, any_value(incident_date) AS day,
       any_value(dead_and_missing) AS dead_and_missing
FROM missing_migrants
WHERE incident_date IS NOT NULL AND latitude IS NOT NULL
GROUP BY edition, incident_date, latitude, longitude, dead, missing, survivors, cause, location,
         information_source, url
HAVING count(DISTINCT incident_key) > 1 AND count(DISTINCT main_id) > 1
ORDER BY edition, day, rows_
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Incidents listed twice in one vintage, by key or by identical description."""
    findings = [_same_key(*row) for row in con.execute(SAME_KEY).fetchall()]
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(SAME_EVENT).fetchall():
        grouped.setdefault(str(row[0]), []).append(row)
    findings += [_same_event(edition, rows) for edition, rows in grouped.items()]
    return findings


def _same_key(edition: str, key: str, rows: list[int]) -> Finding:
    return Finding(
        type="duplicated-incident",
        title=f"iom_mmp {edition}: incident {key} appears {len(rows)} times",
        message=(
            f"Incident {key} has {len(rows)} rows in the {edition} vintage (sheet rows "
            f"{', '.join(map(str, rows))}); summing them counts its dead and missing more than once."
        ),
        source="iom_mmp",
        edition=edition,
        observed=float(len(rows)),
        expected=1.0,
        rows=[{"incident_key": key, "row_number": r} for r in rows],
    )


def _same_event(edition: str, groups: list[tuple[Any, ...]]) -> Finding:
    rows = [
        {"incident_keys": keys, "row_numbers": numbers, "date": str(day), "dead_and_missing": n}
        for _, keys, numbers, day, n in groups
    ]
    extra = sum(len(keys) - 1 for _, keys, _, _, _ in groups)
    return Finding(
        type="possible-duplicate-incident",
        title=f"iom_mmp {edition}: {len(groups)} groups of rows describe the same event",
        message=(
            f"In the {edition} vintage, {len(groups)} groups of rows with different incident IDs "
            f"and Main IDs agree on date, coordinates, counts, cause, location, source and URL "
            f"({extra} row(s) more than events). They may be one incident entered twice; check "
            f"them with IOM before summing."
        ),
        source="iom_mmp",
        edition=edition,
        observed=float(extra),
        expected=0.0,
        rows=rows,
    )
