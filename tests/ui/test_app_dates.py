"""The event list writes dates as known: an interval, a month, and "in part" for a cut span."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from support.app import open_app


def row_labels(at: AppTest) -> dict[str, str]:
    """The event list's row labels, by event id."""
    marker = "list-row-"
    return {
        str(e.key).removeprefix(marker): e.label
        for e in at.expander
        if e.key and str(e.key).startswith(marker)
    }


def test_an_interval_in_a_month_that_cuts_it_is_listed_in_part() -> None:
    app = open_app()
    app.selectbox(key="preset").set_value("month-2023-03").run()
    rows = row_labels(app)
    closure = rows["lachin-road-closure-2022-2023"]
    assert closure.startswith(
        "Dec 12, 2022 \u2013 September 2023 \\(in part\\) · "
    )  # markdown-escaped
    assert "russian-peacekeepers-in-karabakh" in rows  # active in March 2023 too
    app.selectbox(key="preset").set_value("year-2025").run()
    assert row_labels(app)["nakhchivan-railway-reconstruction"].startswith("December 2025 · ")
    app.selectbox(key="preset").set_value("month-2025-12").run()
    assert "nakhchivan-railway-reconstruction" in row_labels(app)
