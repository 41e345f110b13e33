"""Summary indices of a migration age schedule and of Rogers–Castro model parameters."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray


def age_profile_indices(
    ages: FloatArray,
    intensity: FloatArray,
    *,
    age_min: float = 5,
    age_max: float = 65,
    breadth: int = 5,
) -> dict[str, float]:
    """Peak, breadth, rates of change and asymmetry of a single-year age schedule.

    Parameters
    ----------
    ages : ndarray, shape (a,)
        Consecutive single years of age, increasing.
    intensity : ndarray, shape (a,)
        Migration intensity (migrants / population) at each age.
    age_min, age_max : float
        The study range for the peak intensity and the rates of change is
        ``age_min < age < age_max``.
    breadth : int
        Years either side of the peak age summed in ``peak_breadth`` and ``peak_share``.

    Returns
    -------
    dict
        ``gmr`` (gross migraproduction rate, sum of intensities), ``peak_mi`` (largest
        ``100 * intensity`` in the study range), ``peak_age`` (age of the overall largest),
        ``peak_breadth`` (sum of ``100 * intensity`` over ages ``peak_age +- breadth``),
        ``peak_share`` (that sum as a percentage of all), ``murc`` / ``mdrc`` (ages at which
        the normalised schedule rises / falls most from the year before, study range) and
        ``asymmetry = murc / mdrc``.

        migest 2.0.5 sums ``peak_breadth`` and ``peak_share`` over row *positions*
        ``peak_age +- breadth``, one year too young when ages start at 0; we sum over ages.

    Raises
    ------
    EstimationError
        Lengths differ, ages are not consecutive, NaN or negative intensities, or no age in
        the study range.

    References
    ----------
    Rogers, A. (1975). *Introduction to Multiregional Mathematical Demography*. Wiley.
    Bell, M. and Muhidin, S. (2009). Cross-national comparisons of internal migration.
    Bernard, A., Bell, M. and Charles-Edwards, E. (2014). Improved measures for the
    cross-national comparison of age profiles of internal migration. *Pop. Studies* 68(2).
    """
    a, m = _checked_schedule(ages, intensity)
    study = (a > age_min) & (a < age_max)
    if not study.any():
        raise EstimationError(f"no age between {age_min} and {age_max}: widen the study range")
    rate = 100 * m
    share = rate / rate.sum()
    change = np.diff(share, prepend=share[0])
    peak = int(np.argmax(share))
    around = np.abs(a - a[peak]) <= breadth
    study_ages = a[study]
    murc = float(study_ages[np.argmax(change[study])])
    mdrc = float(study_ages[np.argmin(change[study])])
    return {
        "gmr": float(m.sum()),
        "peak_mi": float(rate[study].max()),
        "peak_age": float(a[peak]),
        "peak_breadth": float(rate[around].sum()),
        "peak_share": float(100 * share[around].sum()),
        "murc": murc,
        "mdrc": mdrc,
        "asymmetry": murc / mdrc,
    }


def _checked_schedule(ages: FloatArray, intensity: FloatArray) -> tuple[FloatArray, FloatArray]:
    a, m = np.asarray(ages, dtype=np.float64), np.asarray(intensity, dtype=np.float64)
    if a.ndim != 1 or a.shape != m.shape or a.size < 2:
        raise EstimationError(
            f"ages ({a.size}) and intensities ({m.size}) must be two vectors of one length"
        )
    if not np.all(np.diff(a) == 1):
        raise EstimationError("ages must be consecutive single years in increasing order")
    if not np.all(np.isfinite(m)) or np.any(m < 0) or m.sum() <= 0:
        raise EstimationError("intensities must be finite, non-negative and not all zero")
    return a, m


RC_PARAMETERS = ("a1", "alpha1", "a2", "alpha2", "mu2", "lambda2")


def rogers_castro_indices(parameters: Mapping[str, float]) -> dict[str, float]:
    """Summary ratios of the Rogers–Castro model migration schedule.

    Parameters
    ----------
    parameters : mapping
        At least ``a1, alpha1`` (childhood curve) and ``a2, alpha2, mu2, lambda2`` (labour
        force curve).

    Returns
    -------
    dict
        ``peaking = mu2``, ``child_dependency = a1 / a2``, ``labor_dependency = a2 / a1``,
        ``labor_asymmetry = lambda2 / alpha2``, ``regularity = alpha1 / alpha2``.

    Raises
    ------
    EstimationError
        A parameter is missing.

    References
    ----------
    Rogers, A. and Castro, L. J. (1981). *Model Migration Schedules*. IIASA RR-81-30.
    """
    missing = [name for name in RC_PARAMETERS if name not in parameters]
    if missing:
        raise EstimationError(f"Rogers–Castro parameters missing: {', '.join(missing)}")
    p = {name: float(parameters[name]) for name in RC_PARAMETERS}
    return {
        "peaking": p["mu2"],
        "child_dependency": p["a1"] / p["a2"],
        "labor_dependency": p["a2"] / p["a1"],
        "labor_asymmetry": p["lambda2"] / p["alpha2"],
        "regularity": p["alpha1"] / p["alpha2"],
    }
