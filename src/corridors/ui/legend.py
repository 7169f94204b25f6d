"""The legend: what the colours and line styles of the map mean."""

from __future__ import annotations

import html

import streamlit as st

from corridors.i18n import Translator
from corridors.models import Mode, Status
from corridors.styles import (
    CROSSING_COLOR,
    FOCUS_FILL,
    HIGHLIGHT,
    MODE_LINE,
    NEIGHBOUR_FILL,
    PLACE_COLOR,
    REGION_LINE,
    STATUS_COLOR,
    css,
)


def _swatch(style: str, label: str) -> str:
    return (
        f'<span style="display:inline-flex;align-items:center;gap:.35em;margin-inline-end:1em">'
        f'<span style="{style}"></span>{html.escape(label)}</span>'
    )


def _line(color: str, width: float, dash: str = "") -> str:
    border = "dashed" if dash else "solid"
    return f"display:inline-block;width:2em;border-top:{width}px {border} {color}"


def render_legend(translate: Translator) -> None:
    """Swatches for countries, regions, corridor status and mode, places, highlight."""
    box = "display:inline-block;width:1.1em;height:.8em;border:1px solid #888;background:"
    dot = "display:inline-block;width:.7em;height:.7em;border-radius:50%;background:"
    areas = [
        _swatch(box + css(FOCUS_FILL["az"]), translate("legend.focus")),
        _swatch(box + css(FOCUS_FILL["am"]), ""),
        _swatch(box + css(NEIGHBOUR_FILL), translate("legend.neighbour")),
        _swatch(_line(css(REGION_LINE.color), 1, REGION_LINE.dash), translate("legend.region")),
        _swatch(box + css(HIGHLIGHT), translate("legend.highlight")),
        _swatch(dot + css(PLACE_COLOR), translate("legend.place")),
        _swatch(dot + css(CROSSING_COLOR), translate("legend.crossing")),
    ]
    statuses = [
        _swatch(_line(css(STATUS_COLOR[status]), 4), translate(f"status.{status}"))
        for status in Status
    ]
    modes = [
        _swatch(
            _line("#444", MODE_LINE[mode][0] - 1, MODE_LINE[mode][1]), translate(f"modes.{mode}")
        )
        for mode in Mode
    ]
    st.html(
        f"<div dir='{'rtl' if translate.rtl else 'ltr'}' style='font-size:.85rem;line-height:1.9'>"
        f"<div>{''.join(areas)}</div>"
        f"<div><b>{html.escape(translate('legend.status'))}</b>: {''.join(statuses)}</div>"
        f"<div><b>{html.escape(translate('legend.mode'))}</b>: {''.join(modes)}</div></div>"
    )
