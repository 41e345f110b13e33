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
        Every iterative fit met its stopping rule.
    fits : dict
        Per named fit: sweeps, final margin error (persons) and converged.
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
    fits: dict[str, dict[str, Any]] = field(default_factory=dict)
    negative_native_born: list[str] = field(default_factory=list)
    excess_births: dict[str, float] = field(default_factory=dict)
    global_balance: float = 0.0
    negative_cells: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The diagnostics as plain JSON-ready values."""
        return asdict(self)
