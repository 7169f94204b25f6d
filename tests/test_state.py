"""The link is the state: round trips and hostile links (property tests)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from corridors.models import LAYERS, EventKind
from corridors.state import PARAMS, ViewState, Vocabulary, from_query, to_query

FIRST, LAST = dt.date(1992, 3, 24), dt.date(2026, 2, 23)
VOCABULARY = Vocabulary(
    event_ids=frozenset({"washington-joint-declaration", "bishkek-protocol"}),
    feature_ids=frozenset({"am", "az-nx", "meghri", "syunik-route"}),
    languages=("en", "ar"),
    first_day=FIRST,
    last_day=LAST,
    steps=8,
)


def rounded(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False).map(lambda x: float(f"{x:.4f}"))


@st.composite
def view_states(draw: st.DrawFn) -> ViewState:
    days = st.dates(FIRST, LAST)
    start, end = draw(st.none() | days), draw(st.none() | days)
    if start is not None and end is not None and start > end:
        start, end = end, start
    return ViewState(
        start=start,
        end=end,
        kinds=draw(st.none() | st.frozensets(st.sampled_from(list(EventKind)))),
        event=draw(st.none() | st.sampled_from(sorted(VOCABULARY.event_ids))),
        feature=draw(st.none() | st.sampled_from(sorted(VOCABULARY.feature_ids))),
        layers=draw(st.none() | st.frozensets(st.sampled_from(LAYERS))),
        view=draw(st.sampled_from(["deck", "leaflet"])),
        basemap=draw(st.sampled_from(["bundled", "osm", "carto"])),
        lang=draw(st.sampled_from(["en", "ar"])),
        lat=draw(st.none() | rounded(-85, 85)),
        lon=draw(st.none() | rounded(-180, 180)),
        zoom=draw(st.none() | rounded(0, 20)),
        mode=draw(st.none() | st.just("present")),
        step=draw(st.none() | st.integers(1, 8)),
    )


@given(view_states())
def test_writing_then_reading_gives_the_same_state(state: ViewState) -> None:
    read, notices = from_query(to_query(state), VOCABULARY)
    assert notices == ()
    assert read == state


@given(view_states())
def test_reading_then_writing_gives_the_same_link(state: ViewState) -> None:
    link = urlencode(to_query(state))
    query = {name: values for name, values in parse_qs(link, keep_blank_values=True).items()}
    read, _ = from_query(query, VOCABULARY)
    assert urlencode(to_query(read)) == link


def test_default_state_is_an_empty_link() -> None:
    assert to_query(ViewState()) == {}


def test_names_in_the_link_are_the_documented_ones() -> None:
    state = ViewState(
        start=FIRST, end=LAST, kinds=frozenset({EventKind.SUMMIT}), event="bishkek-protocol",
        feature="am", layers=frozenset({"places"}), view="leaflet", basemap="osm", lang="ar",
        lat=39.5, lon=46.25, zoom=7, mode="present", step=3,
    )  # fmt: skip
    assert tuple(to_query(state)) == PARAMS
    assert to_query(state)["zoom"] == "7"


def test_bad_parts_are_dropped_with_a_notice_and_the_rest_applies() -> None:
    query = {
        "from": "2025-02-30",
        "to": "2025-08-08",
        "kinds": "summit,rumour",
        "event": "no-such-event",
        "lang": "xx",
        "zoom": "nan",
        "utm_source": "mail",
    }
    state, notices = from_query(query, VOCABULARY)
    assert state.end == dt.date(2025, 8, 8)
    assert state.kinds == frozenset({EventKind.SUMMIT})
    assert (state.start, state.event, state.lang, state.zoom) == (None, None, "en", None)
    reasons = {(n.param, n.reason) for n in notices}
    assert reasons == {
        ("from", "notices.bad_date"),
        ("kinds", "notices.unknown_kind"),
        ("event", "notices.unknown_id"),
        ("lang", "notices.unknown_choice"),
        ("zoom", "notices.bad_number"),
        ("utm_source", "notices.unknown_param"),
    }


def test_repeated_keys_take_the_last_value_with_a_notice() -> None:
    state, notices = from_query({"view": ["deck", "leaflet"]}, VOCABULARY)
    assert state.view == "leaflet"
    assert [n.reason for n in notices] == ["notices.repeated"]


def test_huge_values_are_refused_and_shortened_in_the_notice() -> None:
    state, notices = from_query({"event": "a" * 10_000}, VOCABULARY)
    assert state.event is None
    assert notices[0].reason == "notices.too_long"
    assert len(notices[0].value) <= 60


def test_dates_outside_the_catalogue_and_reversed_ranges() -> None:
    state, notices = from_query({"from": "2025-08-09", "to": "2025-08-08"}, VOCABULARY)
    assert (state.start, state.end) == (None, dt.date(2025, 8, 8))
    assert notices[0].reason == "notices.from_after_to"
    state, notices = from_query({"to": "3025-01-01"}, VOCABULARY)
    assert state.end is None
    assert notices[0].reason == "notices.date_outside"


query_values = st.text(max_size=300) | st.lists(st.text(max_size=50), max_size=4)


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(PARAMS) | st.text(max_size=20), query_values, max_size=16))
def test_any_query_gives_a_valid_state(query: dict[str, str | list[str]]) -> None:
    state, notices = from_query(query, VOCABULARY)
    assert isinstance(state, ViewState)
    assert state.event is None or state.event in VOCABULARY.event_ids
    assert state.feature is None or state.feature in VOCABULARY.feature_ids
    assert state.lang in VOCABULARY.languages
    if state.start and state.end:
        assert state.start <= state.end
    for notice in notices:
        assert len(notice.value) <= 60
        assert all(char.isprintable() for char in notice.value)
    # and what was read writes back to a link that reads the same
    assert from_query(to_query(state), VOCABULARY)[0] == state
