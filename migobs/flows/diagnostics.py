"""What an estimate reports about itself instead of printing messages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Diagnostics:
    """Diagnostics of one flow estimate.

    Attributes
    ----------
    converged : bool
        Every iterative fit stopped by its rule before the sweep limit **and** met its margins
        (``margins_met``). A fit can stop moving while missing its targets (the cell-change
        rule) when its seed's zeros make the targets unreachable; that is not convergence.
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
        Residences whose native-born stock was negative and was set to 0 (column rescaled).
    excess_births : dict
        Residence -> births exceeding the native-born at the end (births spread over all
        birthplaces there instead).
    global_balance : float
        Persons added to the start and removed from the end native-born (half each) so that
        the world change equals births minus deaths; 0 when not applied.
    negative_cells : dict
        Table name -> number of negative cells found, left as they are.
    """

    converged: bool = True
    margins_met: bool = True
    worst_margin: dict[str, Any] | None = None
    fits: dict[str, dict[str, Any]] = field(default_factory=dict)
    negative_native_born: list[str] = field(default_factory=list)
    excess_births: dict[str, float] = field(default_factory=dict)
    global_balance: float = 0.0
    negative_cells: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The diagnostics as plain JSON-ready values."""
        return asdict(self)
