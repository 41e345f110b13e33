"""The flow estimation methods and their options, named once: the kernels take their types
from here and every face its choices (:func:`choices` lists a ``Literal``'s values), so a value
added here is offered everywhere at once. No numpy: the command line reads it at start-up.
"""

from __future__ import annotations

from typing import Any, Final, Literal, get_args

Method = Literal[
    "stock-difference", "migration-rate", "rogers-von-rabenau", "demographic-accounting"
]
"""``--method`` of ``migobs flows estimate``: a method estimating flows from stock tables."""

GlobalBalance = Literal["before", "after"]
"""Demographic accounting: world change made equal to births minus deaths before or after."""
BirthplaceBalance = Literal["rescale", "open", "open-dr"]
"""Demographic accounting: birthplace totals matched closed (rescale) or open."""
BirthMethod = Literal["native", "proportion"]
"""Demographic accounting: births native-born, or spread like the end stock."""
DeathMethod = Literal["proportion", "accounting"]
"""Demographic accounting: one death rate per residence, or deaths fitted by accounting."""
Decrease = Literal["zero", "return"]
"""Stock difference: falls in stock dropped, or counted as returns to the birthplace."""
NegativeFlows = Literal["zero", "keep"]
"""Negative flows of a method set to 0 or kept."""

ACCOUNTING: Final = "demographic-accounting"
"""Demographic accounting (Abel 2013; Abel & Cohen 2019): the method of the warehouse runs."""


def choices(literal: Any) -> list[str]:
    """The values of a ``Literal`` type, in order, e.g. for ``click.Choice``."""
    return [str(value) for value in get_args(literal)]
