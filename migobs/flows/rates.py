"""Flows from stocks by migration rates: Dennett's scaling and Rogers-von Rabenau."""

from __future__ import annotations

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray


def _square(name: str, stock: FloatArray) -> None:
    if stock.ndim != 2 or stock.shape[0] != stock.shape[1]:
        raise EstimationError(f"{name} must be a square matrix, got shape {stock.shape}")
    if not np.all(np.isfinite(stock)):
        raise EstimationError(f"{name} holds NaN or infinite values: fill or drop them first")


def dennett(start: FloatArray, total_flows: float) -> FloatArray:
    """Flows with the pattern of the foreign-born stock, scaled to a global total.

    Parameters
    ----------
    start : ndarray, shape (n, n)
        Stock at the start, birthplace (origin) x residence (destination), persons.
    total_flows : float
        Global flow total for the period (persons), given by the user.

    Returns
    -------
    ndarray, shape (n, n)
        Flows (persons), zero diagonal, summing to ``total_flows``.

    References
    ----------
    Dennett, A. (2016). Estimating an annual time series of global migration flows.
    *Population, Space and Place* 22(6).
    """
    _square("start stock", start)
    foreign = np.array(start, dtype=np.float64)
    np.fill_diagonal(foreign, 0.0)
    if foreign.sum() <= 0:
        raise EstimationError("start stock has no foreign-born: nothing to scale to the total")
    scaled: FloatArray = total_flows * foreign / foreign.sum()
    return scaled


def rogers_von_rabenau(start: FloatArray, end: FloatArray) -> FloatArray:
    """Flows from the transition matrix ``G`` solving ``S G = E``, scaled by population.

    Parameters
    ----------
    start, end : ndarray, shape (n, n)
        Stocks, birthplace x residence (persons).

    Returns
    -------
    ndarray, shape (n, n)
        ``F[i, j] = G[i, j] * sum_k S[k, i]`` (rate times the start population of origin
        ``i``, as migest's vector recycling computes it) with zero diagonal; cells can be
        negative.

    Raises
    ------
    EstimationError
        Non-square or mismatched input, or a singular start stock.

    References
    ----------
    Rogers, A. and von Rabenau, B. (1971). Estimation of interregional migration streams
    from place-of-birth-by-residence data. *Demography* 8(2).
    """
    _square("start stock", start)
    _square("end stock", end)
    if end.shape != start.shape:
        raise EstimationError(f"end stock has shape {end.shape}, start stock {start.shape}")
    try:
        transition = np.linalg.solve(start, end)
    except np.linalg.LinAlgError as error:
        raise EstimationError(
            "start stock is singular: Rogers-von Rabenau cannot solve it"
        ) from error
    flows: FloatArray = transition * start.sum(axis=0)[:, None]
    np.fill_diagonal(flows, 0.0)
    return flows
