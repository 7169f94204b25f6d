"""An article's text with the evidence marked: plain segments, then HTML built only from them.

The HTML holds nothing but the text, escaped, inside ``<mark>`` tags and one ``<div>``: no
markup of the article survives (a ``<script>`` in it is shown as text, Markdown stays
Markdown), and bidi controls were already removed when the article was read.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from corridors.ingest.evidence import Evidence


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the text; ``fields`` names what the evidence marks it as (empty: plain)."""

    text: str
    fields: tuple[str, ...] = ()
    values: tuple[str, ...] = ()


def segments(text: str, evidence: Iterable[Evidence]) -> list[Segment]:
    """``text`` cut at every evidence span's ends; each piece knows the evidence over it.

    Spans out of the text are clipped; overlapping spans (a date inside the kind's words)
    mark the piece they share with both.
    """
    spans = [
        (max(e.start, 0), min(e.end, len(text)), e.field, e.value)
        for e in evidence
        if min(e.end, len(text)) > max(e.start, 0)
    ]
    cuts = sorted({0, len(text), *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    pieces = []
    for low, high in itertools.pairwise(cuts):
        over = [(field, value) for a, b, field, value in spans if a <= low and high <= b]
        fields = tuple(dict.fromkeys(field for field, _ in over))
        values = tuple(dict.fromkeys(value for _, value in over))
        pieces.append(Segment(text[low:high], fields, values))
    return pieces


def marked_html(text: str, evidence: Iterable[Evidence], *, rtl: bool) -> str:
    """The text as HTML: escaped, evidence in ``<mark>``, right to left when ``rtl``."""
    body = "".join(_segment_html(piece) for piece in segments(text, evidence))
    direction = "rtl" if rtl else "ltr"
    return f'<div class="article-text" dir="{direction}" style="white-space: pre-wrap">{body}</div>'


def _segment_html(piece: Segment) -> str:
    escaped = html.escape(piece.text)
    if not piece.fields:
        return escaped
    fields = html.escape(" ".join(piece.fields))
    values = html.escape(" ".join(piece.values))
    return f'<mark data-fields="{fields}" data-values="{values}">{escaped}</mark>'
