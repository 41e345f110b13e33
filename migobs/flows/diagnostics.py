"""What an estimate reports about itself instead of printing messages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from migobs.flows.ipf import FloatArray
from migobs.flows.methods import NegativeFlows


@dataclass
class Diagnostics:
    """Diagnostics of one flow estimate.

    Attributes
    ----------
    converged : bool
        Every iterative fit stopped by its rule before the sweep limit **and** met its margins
        (``margins_met``). A fit can stop moving while missing its targets (the cell-change
        rule) when its seed's zeros make the targets unreachable; that is not convergence.
        True for methods without fits.
    margins_met : bool
        Every fit's margins are within tolerance of their targets (1 person plus one in a
        million of the target, ``ipf.MARGIN_ATOL`` / ``ipf.MARGIN_RTOL``).
    worst_margin : dict or None
        The fitted margin furthest from its target over all fits: ``fit`` name, ``margin``
        (``birthplace``/``residence`` of a stock table; ``origin``/``destination`` with its
        ``birthplace`` for the 3-way fit), region ``name``, ``target``, ``fitted`` and
        ``gap`` (fitted minus target, persons); None without fits.
    fits : dict
        Per named fit: ``sweeps``, ``margin_error`` (largest absolute gap, persons),
        ``converged`` (the stopping rule was met before the sweep limit), ``margins_met``
        and ``worst`` (as ``worst_margin``).
    negative_native_born : list of str
        Residences whose native-born stock was negative: set to 0 with the column rescaled
        (demographic accounting), or not used (stock differencing without the native-born,
        migration rate).
    excess_births : dict
        Residence -> births exceeding the native-born at the end (births spread over all
        birthplaces there instead).
    global_balance : float
        Persons added to the start and removed from the end native-born (half each) so that
        the world change equals births minus deaths; 0 when not applied.
    negative_cells : dict
        Table name -> number of negative cells found, left as they are.
    stock_decreases : dict or None
        Stock differencing only: ``cells`` whose stock fell, the ``persons`` they lost, and
        the ``treatment`` (``dropped`` or ``reversed as return flows``).
    negative_flows : dict
        Flows below 0 in the method's result: ``cells``, ``persons`` (their sum, <= 0),
        ``smallest`` and ``treatment`` (``set to 0``, ``kept`` or ``none found``).
    total_flow : float
        Sum of the off-diagonal flows returned (persons), after any treatment of negatives.
    imputations : list of dict
        Every input value assumed where a source has none, per area: ``area``, ``name``,
        ``input`` (``deaths``, ``net migrants``, ``births``), ``value`` and ``reason``. Filled
        by the warehouse path (:mod:`migobs.flows.inputs`); empty for a user's own files.
    """

    converged: bool = True
    margins_met: bool = True
    worst_margin: dict[str, Any] | None = None
    fits: dict[str, dict[str, Any]] = field(default_factory=dict)
    negative_native_born: list[str] = field(default_factory=list)
    excess_births: dict[str, float] = field(default_factory=dict)
    global_balance: float = 0.0
    negative_cells: dict[str, int] = field(default_factory=dict)
    stock_decreases: dict[str, Any] | None = None
    negative_flows: dict[str, Any] = field(default_factory=dict)
    total_flow: float = 0.0
    imputations: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The diagnostics as plain JSON-ready values."""
        return asdict(self)


@dataclass(frozen=True)
class FlowEstimate:
    """An estimated flow table with its diagnostics.

    Attributes
    ----------
    od : ndarray, shape (n, n)
        Movers from origin ``i`` to destination ``j`` (persons), zero diagonal.
    array : ndarray, shape (n, n, n) or None
        ``f[orig, dest, pob]`` including stayers on ``orig == dest``; only when asked for.
    diagnostics : Diagnostics
    """

    od: FloatArray
    array: FloatArray | None
    diagnostics: Diagnostics


def finish(
    od: FloatArray,
    diag: Diagnostics,
    negative_flows: NegativeFlows = "keep",
    array: FloatArray | None = None,
) -> FlowEstimate:
    """Record the negative flows of ``od`` (set to 0 or kept) and its total, and wrap it up.

    Off the diagonal only: a diagonal kept by stock differencing with the native-born is the
    native-born's own change, not a flow between countries.
    """
    negative = od < 0
    np.fill_diagonal(negative, False)
    count = int(negative.sum())
    treatment = "none found"
    if count:
        treatment = "set to 0" if negative_flows == "zero" else "kept"
    diag.negative_flows = {
        "cells": count,
        "persons": float(od[negative].sum()),
        "smallest": float(od.min()) if count else 0.0,
        "treatment": treatment,
    }
    if count and negative_flows == "zero":
        od = np.where(negative, 0.0, od)
    diag.total_flow = float(od.sum() - np.trace(od))
    return FlowEstimate(od, array, diag)


def fit_summary(diagnostics: dict[str, Any]) -> str:
    """``converged``, or which margin the fits missed, where (in words where the estimate
    names its areas: "South Sudan", not "728") and by how much (persons)."""
    worst = diagnostics.get("worst_margin")
    if diagnostics["margins_met"] or worst is None:
        return "converged" if diagnostics["converged"] else "NOT converged: sweep limit reached"
    where = f"{worst['margin']} {worst.get('area_name', worst['name'])}"
    if "birthplace" in worst:
        where += f" (born in {worst.get('birthplace_name', worst['birthplace'])})"
    return (
        f"NOT converged: {worst['fit']} misses the {where} total by {worst['gap']:+,.0f} "
        "persons (see the diagnostics)"
    )
