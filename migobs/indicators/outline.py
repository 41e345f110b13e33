"""Every year's table of an indicator as an export writes it: the values without their input
cells, what each is (a source's own figure or computed here), and what the inputs were."""

from __future__ import annotations

from dataclasses import dataclass

from migobs.indicators.values import InputEdition, Value


@dataclass(frozen=True)
class Outline:
    """The values of every year (oldest first; their ``inputs`` may be left out), whether each
    is ``published`` as the source gives it, each input's edition once in the order first read,
    and the sha256 of every file read."""

    values: list[Value]
    published: list[bool]
    input_editions: tuple[InputEdition, ...]
    files: frozenset[str]

    @classmethod
    def of(cls, values: list[Value]) -> Outline:
        """The outline of values with their inputs (computed live)."""
        return cls(
            values,
            [published(len(v.inputs), v.inputs[0].value if v.inputs else None, v) for v in values],
            tuple(dict.fromkeys(e for value in values for e in value.input_editions)),
            frozenset(cell.sha256 for value in values for cell in value.inputs),
        )


def published(inputs: int, first: float | None, value: Value) -> bool:
    """Whether ``value`` is a source's own figure: one input (of value ``first``), read as it is
    (a country's value, a published aggregate); else we computed it (a sum of members, a share,
    a change)."""
    return inputs == 1 and value.value is not None and first == value.value
