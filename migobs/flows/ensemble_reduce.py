"""Reducing an ensemble's draws with bounded memory: draws are written in chunks to Parquet as
they arrive and reduced to quantiles by DuckDB, which spills to disk when it must; no process
ever holds the draws' full arrays.

Only non-zero flows are written; a corridor missing from a draw had a flow of 0 in it, so the
quantiles count those zeros (``draws`` minus the rows found).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from migobs.flows.ensemble import DrawResult

QUANTILES = (0.05, 0.5, 0.95)
CHUNK_ROWS = 2_000_000
MEMORY_LIMIT = "1GB"

_QUANTILES = """
WITH done AS (SELECT * FROM (VALUES {done}) AS d(period, draws)),
cells AS (
    SELECT period, orig, dest, list(flow::DOUBLE) AS flows, count(*) AS found
    FROM read_parquet(?) GROUP BY period, orig, dest
)
SELECT period, orig, dest,
    list_aggregate(
        list_concat(flows, list_resize([]::DOUBLE[], draws - found, 0.0)),
        'quantile_cont', {quantiles}
    ) AS q
FROM cells JOIN done USING (period)
"""


class DrawSink:
    """Collects draws as they arrive; :meth:`quantiles` reduces them.

    Per period it keeps the number of successful draws, each draw's total flow (one number a
    draw) and the failures; the cells go to Parquet files in ``directory`` every
    :data:`CHUNK_ROWS` rows.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.done: dict[int, int] = {}
        self.totals: dict[int, list[float]] = {}
        self.failed: dict[int, list[str]] = {}
        self._buffer: list[pa.Table] = []
        self._rows = 0
        self._files = 0

    def add(self, period: int, results: list[DrawResult]) -> None:
        """Take one task's draws of ``period``."""
        for result in results:
            if result.failed is not None:
                self.failed.setdefault(period, []).append(f"draw {result.draw}: {result.failed}")
                continue
            self.done[period] = self.done.get(period, 0) + 1
            self.totals.setdefault(period, []).append(float(result.flow.sum(dtype=np.float64)))
            self._buffer.append(
                pa.table(
                    {
                        "period": pa.array(np.full(len(result.flow), period, dtype=np.int16)),
                        "orig": result.orig.astype(np.int16),
                        "dest": result.dest.astype(np.int16),
                        "flow": result.flow,
                    }
                )
            )
            self._rows += len(result.flow)
        if self._rows >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the buffered cells as one Parquet file."""
        if not self._buffer:
            return
        pq.write_table(
            pa.concat_tables(self._buffer), self.directory / f"{self._files:05d}.parquet"
        )
        self._files += 1
        self._buffer, self._rows = [], 0

    def quantiles(self) -> pd.DataFrame:
        """Columns ``period, orig, dest, lower, median, upper`` (5th, 50th, 95th percentiles
        over the period's draws, zeros included) for every cell non-zero in some draw."""
        self.flush()
        columns = ["period", "orig", "dest", "lower", "median", "upper"]
        if not self._files or not self.done:
            return pd.DataFrame(columns=columns)
        done = ", ".join(f"({period}, {count})" for period, count in sorted(self.done.items()))
        sql = _QUANTILES.format(done=done, quantiles=list(QUANTILES))
        with duckdb.connect() as con:
            con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            con.execute("SET temp_directory = ?", [str(self.directory / "spill")])
            con.execute("SET threads = 1")
            found = con.execute(sql, [str(self.directory / "*.parquet")]).df()
        q = np.array(found["q"].tolist(), dtype=np.float64).reshape(-1, len(QUANTILES))
        frame = found[["period", "orig", "dest"]].astype(np.int64)
        return frame.assign(lower=q[:, 0], median=q[:, 1], upper=q[:, 2])[columns]
