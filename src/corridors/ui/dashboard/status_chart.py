"""A provision's status history as a small chart: one stepped line per claimant.

Each claimant's accounts on the PAM scale over time, so that where the parties differ the
lines part; the points carry the date, the claim and the status in their tooltips.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import altair as alt
import pandas as pd

from corridors.core import settings
from corridors.data.agreement_models import FULL, Observation
from corridors.i18n import Translator


def status_chart(
    observations: Sequence[Observation],
    translate: Translator,
    *,
    claimant: Callable[[Observation], str],
    status: Callable[[Observation], str],
) -> alt.LayerChart:
    """A stepped line of each claimant's statuses over time (the scale's 0 to 3)."""
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime([o.as_of for o in observations]),
            "when": [translate.date(o.as_of, o.precision) for o in observations],
            "score": [int(o.score) for o in observations],
            "status": [status(o) for o in observations],
            "claimant": [claimant(o) for o in observations],
        }
    )
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y(
            "score:Q",
            title=None,
            scale=alt.Scale(domain=[0, FULL]),
            axis=alt.Axis(values=list(range(FULL + 1)), format="d"),
        ),
        color=alt.Color(
            "claimant:N",
            title=None,
            scale=alt.Scale(scheme="tableau10"),
            legend=alt.Legend(orient="bottom", labelLimit=260),
        ),
    )
    lines = base.mark_line(interpolate="step-after", strokeWidth=2)
    points = base.mark_point(filled=True, size=60).encode(
        tooltip=[
            alt.Tooltip("when:N", title=translate("timeline.date")),
            alt.Tooltip("claimant:N", title=translate("agreements.claimed_by")),
            alt.Tooltip("status:N", title=translate("agreements.history")),
        ]
    )
    chart: alt.LayerChart = (
        alt.layer(lines, points)
        .properties(height=settings.status_chart_px)
        .configure(locale={"time": translate.d3_time_locale()})
    )
    return chart
