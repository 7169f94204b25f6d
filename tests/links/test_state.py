"""The link is the state: round trips and hostile links (property tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from urllib.parse import parse_qs, urlencode

import h3
from hypothesis import given, settings
from hypothesis import strategies as st

from corridors.core import settings as atlas_settings
from corridors.core.basemaps import BASEMAPS
from corridors.data.models import LAYERS, EventKind, ReportedKind, ReportedSource
from corridors.data.playback import SPEEDS, PlayMode
from corridors.links.view_state import (
    PARAMS,
    EventOrder,
    NoticeKind,
    PageMode,
    ViewState,
    Vocabulary,
    clean_search,
    from_query,
    to_query,
)

FIRST, LAST = dt.date(1992, 3, 24), dt.date(2026, 2, 23)
VOCABULARY = Vocabulary(
    event_ids=frozenset({"washington-joint-declaration", "bishkek-protocol"}),
    feature_ids=frozenset({"am", "az-nx", "meghri", "syunik-route"}),
    agreement_ids=frozenset({"statement-2020-11-10", "peace-agreement"}),
    provision_ids=frozenset(
        {"statement-2020-11-10/9", "statement-2020-11-10/1", "peace-agreement/3"}
    ),
    languages=("en", "ar"),
    first_day=FIRST,
    last_day=LAST,
    steps=8,
)


#: H3 cells around Meghri, from the coarsest the map draws to the finest stored.
CELLS = [h3.latlng_to_cell(38.9, 46.24, resolution) for resolution in (4, 6, 9)]


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
        renderer=draw(st.sampled_from(sorted(VOCABULARY.renderers))),
        basemap=draw(st.sampled_from(sorted(BASEMAPS))),
        lang=draw(st.sampled_from(["en", "ar"])),
        lat=draw(st.none() | rounded(-85, 85)),
        lon=draw(st.none() | rounded(-180, 180)),
        zoom=draw(st.none() | rounded(0, 20)),
        mode=draw(st.none() | st.just(PageMode.PRESENT)),
        step=draw(st.none() | st.integers(1, 8)),
        page=draw(st.none() | st.integers(1, 500)),
        search=draw(st.text(max_size=120).map(clean_search)),
        order=draw(st.sampled_from(list(EventOrder))),
        sources=draw(st.none() | st.frozensets(st.sampled_from(list(ReportedSource)))),
        reported_kinds=draw(st.none() | st.frozensets(st.sampled_from(list(ReportedKind)))),
        cell=draw(st.none() | st.sampled_from(CELLS)),
        **draw(agreement_parts()),
        play=draw(st.none() | st.sampled_from(list(PlayMode))),
        speed=draw(st.none() | st.sampled_from(sorted(SPEEDS.values())) | rounded(0.01, 3653)),
        window=draw(st.none() | st.integers(1, atlas_settings.max_playback_window)),
        playing=draw(st.booleans()),
    )


@st.composite
def agreement_parts(draw: st.DrawFn) -> dict[str, str | None]:
    """An agreement alone, or a provision with its own agreement, or neither."""
    provision = draw(st.none() | st.sampled_from(sorted(VOCABULARY.provision_ids)))
    if provision is not None:
        return {"agreement": provision.partition("/")[0], "provision": provision}
    return {"agreement": draw(st.none() | st.sampled_from(sorted(VOCABULARY.agreement_ids)))}


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


def test_reported_event_parts_of_a_link_are_checked() -> None:
    query = {
        "sources": "gdelt,acled,rss",
        "rkinds": "unrest,gossip",
        "cell": h3.latlng_to_cell(38.9, 46.24, 10),  # finer than the store keeps
    }
    state, notices = from_query(query, VOCABULARY)
    assert state.sources == {ReportedSource.GDELT, ReportedSource.ACLED}
    assert state.reported_kinds == {ReportedKind.UNREST}
    assert state.cell is None
    assert {(n.param, n.value, n.kind) for n in notices} == {
        ("sources", "rss", NoticeKind.UNKNOWN_SOURCE),
        ("rkinds", "gossip", NoticeKind.UNKNOWN_KIND),
        ("cell", query["cell"], NoticeKind.BAD_CELL),
    }
    assert to_query(state)["sources"] == "acled,gdelt"
    assert from_query({"sources": ""}, VOCABULARY)[0].sources == frozenset()


def test_default_state_is_an_empty_link() -> None:
    assert to_query(ViewState()) == {}


def test_names_in_the_link_are_the_documented_ones() -> None:
    state = ViewState(
        start=FIRST, end=LAST, kinds=frozenset({EventKind.SUMMIT}), event="bishkek-protocol",
        feature="am", layers=frozenset({"places"}), renderer="leaflet", basemap="osm",
        lang="ar", lat=39.5, lon=46.25, zoom=7, mode=PageMode.PRESENT, step=3, page=2,
        search="Meghri", order=EventOrder.OLDEST, sources=frozenset({ReportedSource.GDELT}),
        reported_kinds=frozenset({ReportedKind.UNREST}), cell=CELLS[0],
        agreement="statement-2020-11-10", provision="statement-2020-11-10/9",
        play=PlayMode.WINDOW, speed=SPEEDS["week"], window=60, playing=True,
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
    reasons = {(n.param, n.kind) for n in notices}
    assert reasons == {
        ("from", NoticeKind.BAD_DATE),
        ("kinds", NoticeKind.UNKNOWN_KIND),
        ("event", NoticeKind.UNKNOWN_ID),
        ("lang", NoticeKind.UNKNOWN_CHOICE),
        ("zoom", NoticeKind.BAD_NUMBER),
        ("utm_source", NoticeKind.UNKNOWN_PARAM),
    }


def test_the_event_list_page_search_and_order_are_read_and_checked() -> None:
    query = {"page": "3", "q": "  نخجوان \u202e\n  Julfa ", "order": "oldest"}
    state, notices = from_query(query, VOCABULARY)
    assert (state.page, state.search, state.order) == (3, "نخجوان Julfa", EventOrder.OLDEST)
    assert notices == ()
    state, notices = from_query({"page": "0", "order": "random", "q": " \t"}, VOCABULARY)
    assert (state.page, state.search, state.order) == (None, None, EventOrder.NEWEST)
    assert {(n.param, n.kind) for n in notices} == {
        ("page", NoticeKind.BAD_NUMBER),
        ("order", NoticeKind.UNKNOWN_CHOICE),
    }
    long_search = from_query({"q": "x" * 150}, VOCABULARY)[0].search
    assert long_search == "x" * atlas_settings.max_link_search_length


def test_repeated_keys_take_the_last_value_with_a_notice() -> None:
    state, notices = from_query({"view": ["deck", "leaflet"]}, VOCABULARY)
    assert state.renderer == "leaflet"
    assert [n.kind for n in notices] == [NoticeKind.REPEATED]


def test_the_renderers_a_link_may_name_are_the_vocabularys() -> None:
    assert from_query({"view": "leaflet"}, VOCABULARY) == (ViewState(renderer="leaflet"), ())
    state, notices = from_query({"view": "globe"}, VOCABULARY)
    assert state.renderer == "deck"
    assert [(n.param, n.value, n.kind) for n in notices] == [
        ("view", "globe", NoticeKind.UNKNOWN_CHOICE)
    ]
    with_globe = dataclasses.replace(VOCABULARY, renderers=("deck", "leaflet", "globe"))
    assert from_query({"view": "globe"}, with_globe) == (ViewState(renderer="globe"), ())
    assert to_query(ViewState(renderer="globe")) == {"view": "globe"}


def test_huge_values_are_refused_and_shortened_in_the_notice() -> None:
    state, notices = from_query({"event": "a" * 10_000}, VOCABULARY)
    assert state.event is None
    assert notices[0].kind is NoticeKind.TOO_LONG
    assert len(notices[0].value) <= 60


def test_dates_outside_the_catalogue_and_reversed_ranges() -> None:
    state, notices = from_query({"from": "2025-08-09", "to": "2025-08-08"}, VOCABULARY)
    assert (state.start, state.end) == (None, dt.date(2025, 8, 8))
    assert notices[0].kind is NoticeKind.FROM_AFTER_TO
    state, notices = from_query({"to": "3025-01-01"}, VOCABULARY)
    assert state.end is None
    assert notices[0].kind is NoticeKind.DATE_OUTSIDE


def test_a_hostile_parameter_name_is_cleaned_and_shortened() -> None:
    name = "unknown parameter\n\u202eretemarap nwonknu\r\nVisit evil.example to fix " + "x" * 500
    _, [notice] = from_query({name: "1"}, VOCABULARY)
    assert notice.kind is NoticeKind.UNKNOWN_PARAM
    assert notice.param.startswith("unknown parameterretemarap")
    assert len(notice.param) <= atlas_settings.max_notice_name_length
    assert all(char.isprintable() for char in notice.param)


def test_notices_are_capped_with_one_counting_the_rest() -> None:
    query = {f"name{number}": "1" for number in range(999)}
    _, notices = from_query(query, VOCABULARY)
    assert len(notices) == atlas_settings.max_link_notices + 1
    assert [n.param for n in notices[: atlas_settings.max_link_notices]] == [
        f"name{i}" for i in range(atlas_settings.max_link_notices)
    ]
    assert (notices[-1].kind, notices[-1].value) == (
        NoticeKind.MORE,
        str(999 - atlas_settings.max_link_notices),
    )


def test_exactly_the_cap_gives_no_count_notice() -> None:
    _, notices = from_query(
        {f"n{i}": "1" for i in range(atlas_settings.max_link_notices)}, VOCABULARY
    )
    assert len(notices) == atlas_settings.max_link_notices
    assert NoticeKind.MORE not in {n.kind for n in notices}


#: Text with what a hostile link puts in names: line breaks, controls, bidi overrides.
hostile_text = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from(["\n", "\r", "\x00", "\u202e", "\u2066", "\u200f", "\x1b"]),
    max_size=80,
)
query_values = st.text(max_size=300) | st.lists(st.text(max_size=50), max_size=4)


@given(st.dictionaries(hostile_text, query_values, max_size=40))
def test_notices_are_bounded_and_printable_whatever_the_names(
    query: dict[str, str | list[str]],
) -> None:
    _, notices = from_query(query, VOCABULARY)
    assert len(notices) <= atlas_settings.max_link_notices + 1
    assert NoticeKind.MORE not in {n.kind for n in notices[:-1]}
    for notice in notices:
        assert len(notice.param) <= atlas_settings.max_notice_name_length
        assert all(char.isprintable() for char in notice.param + notice.value)
    # every problem is either listed or counted: one notice per unknown name at least
    unknown = sum(name not in PARAMS and value != [] for name, value in query.items())
    more = int(notices[-1].value) if notices and notices[-1].kind is NoticeKind.MORE else 0
    listed = len(notices) - (1 if more else 0)
    assert listed + more >= unknown


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


def _near_cells() -> st.SearchStrategy[str]:
    """Cell numbers a hand-edited or hostile link may hold: wrong sign, size, form or case."""
    numbers = st.integers(-(2**80), 2**80)
    valid = st.sampled_from(CELLS)
    return st.one_of(
        numbers.map(str),
        numbers.map(lambda n: f"{n:x}"),
        valid.map(str.upper),
        valid.map(lambda cell: f"0x{cell}"),
        valid.map(lambda cell: f" {cell}\n"),
        valid.map(lambda cell: cell + "0"),
        st.text("0123456789abcdefxX-_+ ", max_size=40),
    )


def _near_lists(names: list[str]) -> st.SearchStrategy[str]:
    """Comma-separated lists of known and unknown names, with empty and repeated parts."""
    part = st.sampled_from(names) | st.text(max_size=12) | st.just("")
    return st.lists(part, max_size=6).map(",".join)


#: Values for the parameters of reported events and of the event list: near misses of what
#: the app writes (numbers out of range or in other digits, case and form changes).
NEAR_MISSES: dict[str, st.SearchStrategy[str]] = {
    "cell": _near_cells(),
    "sources": _near_lists([str(source) for source in ReportedSource]),
    "rkinds": _near_lists([str(kind) for kind in ReportedKind]),
    "page": st.integers(-(2**70), 2**70).map(str) | st.sampled_from(["1.5", "١٢", "²", "1e3"]),
    "q": hostile_text | st.text(max_size=300),
    "order": st.sampled_from([*map(str, EventOrder), "NEWEST", " oldest", ""]) | st.text(),
}


@settings(max_examples=300)
@given(st.fixed_dictionaries({}, optional=NEAR_MISSES))
def test_near_misses_of_the_newer_parameters_give_a_valid_state(query: dict[str, str]) -> None:
    state, notices = from_query(query, VOCABULARY)
    assert state.page is None or state.page >= 1
    assert state.cell is None or state.cell == query["cell"]
    for notice in notices:
        assert len(notice.value) <= 60
        assert all(char.isprintable() for char in notice.value)
    # a value not kept as it was is a notice (or counted past the cap); the search is cleaned
    noticed = {notice.param for notice in notices if notice.kind is not NoticeKind.MORE}
    capped = any(notice.kind is NoticeKind.MORE for notice in notices)
    for name in ("cell", "page", "order"):
        kept = str(to_query(state).get(name, ViewState().order if name == "order" else ""))
        if name in query and query[name] != kept:
            assert name in noticed or capped
    assert from_query(to_query(state), VOCABULARY)[0] == state


def test_a_provision_opens_its_agreement_and_a_mismatch_is_a_notice() -> None:
    state, notices = from_query({"provision": "statement-2020-11-10/9"}, VOCABULARY)
    assert (state.agreement, state.provision) == ("statement-2020-11-10", "statement-2020-11-10/9")
    assert notices == ()
    query = {"agreement": "peace-agreement", "provision": "statement-2020-11-10/9"}
    state, notices = from_query(query, VOCABULARY)
    assert (state.agreement, state.provision) == ("peace-agreement", None)
    assert [(n.param, n.kind) for n in notices] == [("provision", NoticeKind.UNKNOWN_ID)]
    for unknown in ("statement-2020-11-10/99", "../etc/passwd", "statement-2020-11-10"):
        state, notices = from_query({"provision": unknown}, VOCABULARY)
        assert state.provision is None
        assert [(n.param, n.value) for n in notices] == [("provision", unknown)]
    state, notices = from_query({"agreement": "treaty-of-nowhere"}, VOCABULARY)
    assert state.agreement is None
    assert [(n.param, n.kind) for n in notices] == [("agreement", NoticeKind.UNKNOWN_ID)]


def test_playback_parts_of_a_link_are_read_and_written_by_name() -> None:
    query = {"play": "milestones", "speed": "quarter", "window": "30", "playing": "1"}
    state, notices = from_query(query, VOCABULARY)
    assert notices == ()
    assert (state.play, state.speed, state.window, state.playing) == (
        PlayMode.MILESTONES,
        SPEEDS["quarter"],
        30,
        True,
    )
    assert to_query(state) == query
    assert to_query(dataclasses.replace(state, speed=36.5))["speed"] == "36.5"


def test_hostile_playback_parts_are_dropped_with_a_notice() -> None:
    query = {"play": "rewind", "speed": "0", "window": "99999", "playing": "yes"}
    state, notices = from_query(query, VOCABULARY)
    assert (state.play, state.speed, state.window, state.playing) == (None, None, None, False)
    assert {(n.param, n.kind) for n in notices} == {
        ("play", NoticeKind.UNKNOWN_CHOICE),
        ("speed", NoticeKind.BAD_NUMBER),
        ("window", NoticeKind.BAD_NUMBER),
        ("playing", NoticeKind.UNKNOWN_CHOICE),
    }
    for speed in ("nan", "-3", "inf", "1e9", "fast"):
        assert from_query({"speed": speed}, VOCABULARY)[0].speed is None
