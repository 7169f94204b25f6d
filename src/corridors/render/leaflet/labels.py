"""Labels on the Leaflet map: escaped HTML names placed by a small collision script.

The script (``labels.js``, shipped in the package) is put into the map's page
with the labels, so the live map and the exported HTML file both carry it. The browser
shapes Arabic itself: each name is wrapped in ``<bdi>`` inside an element with the page
language's ``dir``, so a foreign name keeps its own direction and brackets stay in place.
"""

from __future__ import annotations

import html
from importlib import resources
from typing import Any, Final

from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from corridors.i18n import Translator
from corridors.render.labels import LABEL_GAP, SceneLabel
from corridors.render.leaflet.script import ScriptElement
from corridors.render.styles import LABEL_STYLES, LabelStyle, css_rgb

SCRIPT: Final = resources.files(__package__ or "").joinpath("labels.js").read_text("utf-8")


def label_html(label: SceneLabel, translate: Translator) -> str:
    """The label's element: escaped text in ``<bdi>``, placed and styled inline."""
    style = LABEL_STYLES[label.style]
    direction = "rtl" if translate.rtl else "ltr"
    return (
        f'<span class="atlas-label-text" dir="{direction}" data-id="{html.escape(label.id)}" '
        f'data-rank="{label.rank}" style="{_css(style, label.offset)}">'
        f"<bdi>{html.escape(label.text)}</bdi></span>"
    )


def _css(style: LabelStyle, offset: float) -> str:
    """Inline style: centred on the anchor, or standing ``offset`` pixels above a point."""
    shift = f"calc(-100% - {offset:g}px)" if style.above_point else "-50%"
    parts = [
        f"transform:translate(-50%,{shift})",
        f"color:{css_rgb(style.color)}",
        f"font-size:{style.size:g}px",
    ]
    if not style.bold:
        parts.append("font-weight:500")
    if style.italic:
        parts.append("font-style:italic")
    return ";".join(parts)


class LabelLayer(ScriptElement):
    """The scene's labels as non-interactive Leaflet markers, most important first."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.script }}
        var {{ this.get_name() }} = atlasLabels(
            {{ this._parent.get_name() }}, {{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, labels: tuple[SceneLabel, ...], translate: Translator) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "LabelLayer"
        self.script = SCRIPT
        rows: list[dict[str, Any]] = [
            {
                "lat": label.lat,
                "lon": label.lon,
                "html": label_html(label, translate),
                # the radius of a place's dot (an obstacle to the other kinds of label)
                "dot": max(label.offset - LABEL_GAP, 0.0),
                "offset": label.offset,
            }
            for label in labels
        ]
        #: Safe inside <script>: "<", ">", "&" and "'" are written as \u escapes.
        self.data_json = str(htmlsafe_json_dumps(rows))
