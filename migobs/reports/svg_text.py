"""Chart text that WeasyPrint draws right: it places an SVG ``<text>`` letter by letter, in the
order the letters are stored, each in its isolated form, so an Arabic word would come out
reversed and unjoined (``15 نويلم`` for ``15 مليون``).

:func:`drawn_in_order` gives each Arabic run of a chart's ``<text>`` its contextual letter forms
(arabic-reshaper) and puts the text in the order it is seen, left to right as the charts read
(python-bidi, the Unicode bidirectional algorithm). Only the drawn text changes; the chart's
``<title>`` and ``<desc>``, read by software, keep the text as written.
"""

from __future__ import annotations

import re

from arabic_reshaper import reshape
from bidi import get_display
from markupsafe import Markup

TEXT = re.compile(r"(<text\b[^>]*>)([^<]*)(</text>)")
ARABIC = re.compile("[\u0600-\u06ff]")


def drawn_in_order(svg: str) -> Markup:
    """``svg`` with each ``<text>`` holding Arabic letters written in shaped, visual order."""

    def shaped(found: re.Match[str]) -> str:
        opening, text, closing = found.groups()
        if not ARABIC.search(text):
            return found.group(0)
        return opening + str(get_display(reshape(text), base_dir="L")) + closing

    return Markup(TEXT.sub(shaped, str(svg)))
