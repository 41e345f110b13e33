"""Reading our SDMX exports back with the sdmx1 package: the structure, then the data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sdmx


def read_sdmx(path: Path, **kwargs: Any) -> Any:
    """sdmx1 reads the file; opened here so that it is closed again."""
    with path.open("rb") as handle:
        return sdmx.read_sdmx(handle, **kwargs)


def sdmx_values(structure: Path, data: Path, flow_id: str) -> dict[tuple[str, ...], float]:
    """Observation values by key (dimension codes in order) of an SDMX-CSV 2.0 file."""
    flow = read_sdmx(structure).dataflow[flow_id]
    dataset = read_sdmx(data, structure=flow, format="csv").data[0]
    return {
        tuple(kv.value for kv in obs.dimension.values.values()): float(obs.value)
        for obs in dataset.obs
    }
