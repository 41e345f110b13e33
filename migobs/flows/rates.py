"""Flows from stocks by migration rates: Dennett's scaling and Rogers-von Rabenau."""

from __future__ import annotations

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.diagnostics import Diagnostics, FlowEstimate, finish
from migobs.flows.ipf import FloatArray
from migobs.flows.methods import NegativeFlows
from migobs.flows.validate import check_stock, check_stock_pair, negative_native_born


def dennett(start: FloatArray, total_flows: float, names: list[str] | None = None) -> FlowEstimate:
    """Flows with the pattern of the foreign-born stock, scaled to a global total.

    Parameters
    ----------
    start : ndarray, shape (n, n)
        Stock at the start, birthplace (origin) x residence (destination), persons.
    total_flows : float
        Global flow total for the period (persons), given by the user.
    names : list of str, optional
        Region names, for error messages.

    Returns
    -------
    FlowEstimate
        Flows (persons), zero diagonal, summing to ``total_flows``; never negative (the
        stock is checked first).

    Raises
    ------
    EstimationError
        Non-square stock, NaN or negative foreign-born cells, a negative total, or no
        foreign-born. (The native-born diagonal is not used: a negative one is only listed
        in the diagnostics.)

    References
    ----------
    Dennett, A. (2015). Estimating an annual time series of global migration flows: an
    alternative methodology for using migrant stock data. In A. G. Wilson (ed.), *Global
    Dynamics: Approaches from Complexity Science*, ch. 7. Wiley (book dated 2016).
    """
    check_stock("start stock", start, names, negative_native_born=True)
    if not np.isfinite(total_flows) or total_flows < 0:
        raise EstimationError(
            f"total flows must be a non-negative number of persons, got {total_flows}"
        )
    foreign = np.array(start, dtype=np.float64)
    np.fill_diagonal(foreign, 0.0)
    if foreign.sum() <= 0:
        raise EstimationError(
            "start stock has no foreign-born (every off-diagonal cell is 0): there is no "
            "pattern to scale to the total"
        )
    diag = Diagnostics(negative_native_born=negative_native_born(start, names))
    return finish(total_flows * foreign / foreign.sum(), diag)


def rogers_von_rabenau(
    start: FloatArray,
    end: FloatArray,
    names: list[str] | None = None,
    negative_flows: NegativeFlows = "zero",
) -> FlowEstimate:
    """Flows from the transition matrix ``G`` solving ``S G = E``, scaled by population.

    Parameters
    ----------
    start, end : ndarray, shape (n, n)
        Stocks, birthplace x residence (persons).
    names : list of str, optional
        Region names, for error messages.
    negative_flows : {"zero", "keep"}
        The method gives negative "flows" wherever stocks do not grow alike (about 25,000 of
        the 53,592 cells of the real 232-country 1990-1995 tables, as large in sum as the
        positive ones). ``"zero"`` sets them to 0; ``"keep"`` returns them as migest does.
        Either way the diagnostics count them (``negative_flows``).

    Returns
    -------
    FlowEstimate
        ``F[i, j] = G[i, j] * sum_k S[k, i]`` (rate times the start population of origin
        ``i``, as migest's vector recycling computes it) with zero diagonal; diagnostics
        ``negative_flows`` (cells, persons, smallest, treatment) and the total.

    Raises
    ------
    EstimationError
        Non-square or mismatched input, NaN or negative cells (native-born included: the
        solve uses them), or a singular start stock.

    References
    ----------
    Rogers, A. and von Rabenau, B. (1971). Estimation of interregional migration streams
    from place-of-birth-by-residence data. *Demography* 8(2).
    """
    check_stock_pair(start, end, names)
    try:
        transition = np.linalg.solve(start, end)
    except np.linalg.LinAlgError as error:
        raise EstimationError(
            "start stock is singular: Rogers-von Rabenau cannot solve it"
        ) from error
    flows: FloatArray = transition * start.sum(axis=0)[:, None]
    np.fill_diagonal(flows, 0.0)
    return finish(flows, Diagnostics(), negative_flows)
