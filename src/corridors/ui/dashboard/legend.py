"""The legend: what the colours and line styles of the map mean, every swatch labelled."""

from __future__ import annotations

import html

import streamlit as st

from corridors.data.models import Mode, ReportedKind, Status
from corridors.data.review_status import ReviewStatus
from corridors.i18n import Translator
from corridors.i18n.review import status_meaning, status_name
from corridors.render.styles import (
    CELL_CLASS_STARTS,
    CELL_OUTLINES,
    CELL_RAMP,
    CROSSING_COLOR,
    FOCUS_FILL,
    HIGHLIGHT,
    IMPLEMENTATION_COLORS,
    MODE_LINE,
    NEIGHBOUR_FILL,
    PLACE_COLOR,
    REGION_LINE,
    ROUTE_CASING,
    ROUTE_COLOR,
    ROUTE_DASH,
    ROUTE_WIDTH,
    STATUS_COLOR,
    UNSCORED_COLOR,
    WATER_FILL,
    css,
)

BOX = "display:inline-block;width:1.1em;height:.8em;border:1px solid #888;background:"
#: A cell's swatch: its class's outline and fill, as the map draws it.
CELL_BOX = (
    "display:inline-block;width:1.1em;height:.8em;border:1px solid {outline};background:{fill}"
)
DOT = "display:inline-block;width:.7em;height:.7em;border-radius:50%;background:"


def swatch(style: str, label: str) -> str:
    """One swatch and its label (escaped); a swatch is never shown without one."""
    if not label.strip():
        raise ValueError("a legend swatch needs a label")
    return (
        f'<span style="display:inline-flex;align-items:center;gap:.35em;margin-inline-end:1em">'
        f'<span style="{style}"></span>{html.escape(label)}</span>'
    )


def _line(color: str, width: float, dash: str = "", casing: str = "") -> str:
    border = "dashed" if dash else "solid"
    halo = f";box-shadow:0 0 0 2px {casing}" if casing else ""
    return f"display:inline-block;width:2em;border-top:{width}px {border} {color}{halo}"


def legend_html(translate: Translator) -> str:
    """The legend as safe HTML in the page's direction."""
    route_style = _line(css(ROUTE_COLOR), ROUTE_WIDTH - 1, ROUTE_DASH, css(ROUTE_CASING))
    areas = [
        swatch(route_style, translate("legend.route")),
        swatch(BOX + css(FOCUS_FILL["az"]), translate("legend.azerbaijan")),
        swatch(BOX + css(FOCUS_FILL["am"]), translate("legend.armenia")),
        swatch(BOX + css(NEIGHBOUR_FILL), translate("legend.neighbour")),
        swatch(_line(css(REGION_LINE.color), 1, REGION_LINE.dash), translate("legend.region")),
        swatch(BOX + css(WATER_FILL), translate("legend.water")),
        swatch(DOT + css(PLACE_COLOR), translate("legend.place")),
        swatch(DOT + css(CROSSING_COLOR), translate("legend.crossing")),
        swatch(BOX + css(HIGHLIGHT), translate("legend.highlight")),
    ]
    statuses = [
        swatch(_line(css(STATUS_COLOR[status]), 4), translate(f"status.{status}"))
        for status in Status
    ]
    modes = [
        swatch(
            _line("#444", MODE_LINE[mode][0] - 1, MODE_LINE[mode][1]), translate(f"modes.{mode}")
        )
        for mode in Mode
    ]
    return (
        f"<div dir='{'rtl' if translate.rtl else 'ltr'}' style='font-size:.85rem;line-height:1.9'>"
        f"<div>{''.join(areas)}</div>"
        f"<div><b>{html.escape(translate('legend.status'))}</b>: {''.join(statuses)}</div>"
        f"<div><b>{html.escape(translate('legend.mode'))}</b>: {''.join(modes)}</div>"
        f"{review_legend_html(translate)}</div>"
    )


def review_legend_html(translate: Translator) -> str:
    """What each item is (curated, imported, draft) and what that means, as safe HTML."""
    entries = "".join(
        f"<li><b>{html.escape(status_name(translate, status))}</b>: "
        f"{html.escape(status_meaning(translate, status))}</li>"
        for status in ReviewStatus
    )
    return (
        f"<div data-legend='review' style='line-height:1.6'>"
        f"<b>{html.escape(translate('review.legend'))}</b>"
        f"<ul style='margin:0;padding-inline-start:1.2em'>{entries}</ul></div>"
    )


def reported_legend_html(translate: Translator) -> str:
    """The reported events' part of the legend, as safe HTML in the page's direction.

    It says that cells are coloured by count, then shows the map's colour classes (the
    least count of each, lightest first, outlined as on the map), then the reported kinds
    and what each source's own types map to.
    """
    classes = "".join(
        swatch(CELL_BOX.format(outline=css(line), fill=css(fill)), f"{translate.number(start)}+")
        for start, fill, line in zip(CELL_CLASS_STARTS, CELL_RAMP, CELL_OUTLINES, strict=True)
    )
    kinds = "".join(
        f"<li><b>{html.escape(translate(f'reported_kinds.{kind}'))}</b>: "
        f"{html.escape(translate(f'reported_kind_sources.{kind}'))}</li>"
        for kind in ReportedKind
    )
    return (
        f"<div dir='{'rtl' if translate.rtl else 'ltr'}' style='font-size:.85rem;line-height:1.6'>"
        f"<div><b>{html.escape(translate('reported.legend'))}</b>: "
        f"{html.escape(translate('reported.legend_cells'))}</div>"
        f"<div>{classes}</div>"
        f"<div>{html.escape(translate('reported.legend_kinds'))}</div>"
        f"<ul style='margin:0;padding-inline-start:1.2em'>{kinds}</ul></div>"
    )


def agreement_legend_html(translate: Translator) -> str:
    """An agreement's map mode: the colour of each status on the PAM scale, and unscored."""
    levels = [
        swatch(BOX + css(color), translate(f"agreements.level.{level}"))
        for level, color in enumerate(IMPLEMENTATION_COLORS)
    ]
    levels.append(swatch(BOX + css(UNSCORED_COLOR), translate("agreements.unscored")))
    return (
        f"<div dir='{'rtl' if translate.rtl else 'ltr'}' style='font-size:.85rem;line-height:1.9'"
        f" data-legend='agreement'><b>{html.escape(translate('agreements.legend'))}</b>: "
        f"{''.join(levels)}</div>"
    )


def render_legend(
    translate: Translator, *, reported: bool = False, agreement: str | None = None
) -> None:
    """Swatches for the route, areas, water, places, selection, corridor status and mode.

    Then what each item is: curated, imported or a draft.

    With ``reported``, also what the cells of reported events and their kinds mean; with an
    ``agreement`` open, the colours of its provisions' statuses (first: they recolour the map).
    """
    if agreement:
        st.html(agreement_legend_html(translate))
    st.html(legend_html(translate))
    if reported:
        st.html(reported_legend_html(translate))
