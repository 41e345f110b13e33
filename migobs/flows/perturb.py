"""Input perturbation for flow ensembles: redraw the stock tables, births and deaths with noise
whose scale follows the quality the source states.

UN DESA's 2017 edition marks each destination's stock with its "type of data": ``B``
foreign-born (a census or register by place of birth), ``C`` citizens (foreign citizens stand in
for the foreign-born), ``R`` refugees added (UNHCR refugee figures added to the census count),
``I`` imputed (no usable data; modelled from neighbours). Each foreign-born cell of a destination
is multiplied by a mean-one lognormal factor whose log-scale is that destination's ``sigma``
(:func:`destination_sigmas`); the native-born cell is the column's population minus its
foreign-born, so population stays as WPP gives it. The end table's noise is correlated with the
start's (``correlation``): errors of one source persist between censuses. Births and deaths get
one factor per area with ``NoiseScales.demography``. Defaults and their reasons:
docs/methods/flows.md ("Uncertainty").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray


@dataclass(frozen=True)
class NoiseScales:
    """Log-scale standard deviations (about the relative error) of the inputs.

    Attributes
    ----------
    birthplace, citizenship, imputed : float
        Stock cells of a destination whose data are by place of birth (``B``), by citizenship
        (``C``) or imputed (``I``); the least certain letter of a destination counts.
    refugees : float
        Added in quadrature where refugee figures were added (``R``).
    unknown : float
        A destination without a stated type (a user's own files without ``--type-of-data``).
    demography : float
        Births and deaths (WPP estimates).
    correlation : float
        Correlation of a cell's error at the end with its error at the start.
    """

    birthplace: float = 0.05
    citizenship: float = 0.15
    refugees: float = 0.10
    imputed: float = 0.30
    unknown: float = 0.10
    demography: float = 0.03
    correlation: float = 0.8

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            low = -1.0 if name == "correlation" else 0.0
            high = 1.0 if name == "correlation" else np.inf
            if not low <= value <= high:
                allowed = "from -1 to 1" if name == "correlation" else "of 0 or more"
                raise EstimationError(f"noise scale {name}={value}: give a number {allowed}")

    def changed(self, changes: dict[str, float]) -> NoiseScales:
        """These scales with ``changes`` (name -> value) applied.

        Raises
        ------
        EstimationError
            An unknown name, or a value out of its range.
        """
        unknown = sorted(set(changes) - set(asdict(self)))
        if unknown:
            raise EstimationError(
                f"no noise scale named {', '.join(unknown)}: the scales are "
                f"{', '.join(asdict(self))}"
            )
        return replace(self, **changes)


def destination_sigmas(types: list[str | None], scales: NoiseScales) -> FloatArray:
    """Each destination's log-scale noise from its type of data (``"B R"``, ``"C"``, ``None``).

    Raises
    ------
    EstimationError
        A type with a letter other than B, C, R, I.
    """
    sigmas = np.empty(len(types))
    for j, stated in enumerate(types):
        letters = set((stated or "").replace(" ", "").upper())
        unknown = letters - set("BCRI")
        if unknown:
            raise EstimationError(
                f"type of data {stated!r}: unknown letter(s) {', '.join(sorted(unknown))}; "
                "use B (birthplace), C (citizenship), R (refugees added), I (imputed)"
            )
        base = scales.unknown
        for letter, scale in (("B", scales.birthplace), ("C", scales.citizenship)):
            base = scale if letter in letters else base
        base = scales.imputed if "I" in letters else base
        extra = scales.refugees if "R" in letters else 0.0
        sigmas[j] = float(np.hypot(base, extra))
    return sigmas


def perturbed(
    start: FloatArray,
    end: FloatArray,
    births: FloatArray,
    deaths: FloatArray,
    sigmas: FloatArray,
    scales: NoiseScales,
    rng: np.random.Generator,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """One redraw of a period's inputs (see the module docstring); rounded to persons."""
    n = start.shape[0]
    z0 = rng.standard_normal((n, n))
    rho = scales.correlation
    z1 = rho * z0 + np.sqrt(1.0 - rho**2) * rng.standard_normal((n, n))
    demo = rng.standard_normal((2, n)) * scales.demography - scales.demography**2 / 2
    return (
        _noisy_table(start, z0 * sigmas - sigmas**2 / 2),
        _noisy_table(end, z1 * sigmas - sigmas**2 / 2),
        np.round(births * np.exp(demo[0])),
        np.round(deaths * np.exp(demo[1])),
    )


def _noisy_table(table: FloatArray, log_factor: FloatArray) -> FloatArray:
    """Foreign-born cells times their factor; native-born = column population minus them."""
    population = table.sum(axis=0)
    noisy: FloatArray = np.round(table * np.exp(log_factor))
    np.fill_diagonal(noisy, 0.0)
    np.fill_diagonal(noisy, population - noisy.sum(axis=0))
    return noisy
