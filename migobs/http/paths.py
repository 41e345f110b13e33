"""Path convertors shared by the API and the pages: ``{kind:kind}`` matches a kind of record only.

With a plain ``{kind}``, ``/api/tracker/{kind}/{record_id}`` is also the path of
``/api/tracker/export/0.csv`` and ``/tracker/{kind}/{record_id}/{step}`` that of
``/tracker/history/commitments/1``: a method the real route lacks then reached the looser one and
failed there (422) instead of answering 405. Importing :mod:`migobs.http` registers the convertor.
"""

from __future__ import annotations

from starlette.convertors import Convertor, register_url_convertor

from migobs.tracker.models import RECORD_KINDS


class KindConvertor(Convertor[str]):
    """A kind of record (``commitments``, ``actions``, ``reviews``) in a path."""

    regex = "|".join(RECORD_KINDS)

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("kind", KindConvertor())
