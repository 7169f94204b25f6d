"""Arabic text for renderers that neither shape nor reorder it (deck.gl's text layer).

deck.gl draws each character from a font atlas as it comes: Arabic letters would stand
isolated and left to right. :func:`visual_text` joins the letters into their contextual
presentation forms (``arabic-reshaper``) and puts the text in visual order, left to right
on screen (``python-bidi``, whose pure-Python algorithm also mirrors brackets), so that
the layer draws it as it should read.
"""

from __future__ import annotations

from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display


@lru_cache(maxsize=4096)
def visual_text(text: str) -> str:
    """``text`` shaped (presentation forms) and in visual order, as drawn left to right."""
    return str(get_display(arabic_reshaper.reshape(text), base_dir="R"))
