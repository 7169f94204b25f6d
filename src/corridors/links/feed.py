"""An Atom feed of a view: its curated events and their corrections, newest first.

The view is a link's query string (``from``, ``to``, ``kinds``, ``feature``, ``agreement``
... read by :func:`~corridors.links.view_state.from_query`). An event is in the view when
its dates meet the view's range, its kind is chosen, it concerns the view's feature (or a
place or district inside it) and, with ``agreement``, when the agreement names it (in a
lifecycle stage, a status observation, or as evidence of one of its provisions). Each of
its corrections is an entry too; a corridor's corrections are entries of a view of that
corridor, or of the whole atlas (no feature, kinds or agreement chosen). ``sources`` and
``rkinds`` choose imported events, which no feed carries.

The XML is built with :mod:`xml.etree.ElementTree` (escaped), and is deterministic: every
date comes from the data (a feed's ``updated`` is its newest entry's).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qs, urlencode, urlsplit

from corridors.data.catalog import Catalog
from corridors.data.containment import parts_of
from corridors.data.corrections import ListedCorrection, all_corrections
from corridors.data.models import Event, Source
from corridors.data.timeline import DateRange, catalogue_span, filter_events
from corridors.i18n import Translator
from corridors.links.stories import vocabulary
from corridors.links.view_state import Notice, ViewState, from_query, to_query

ATOM: Final = "http://www.w3.org/2005/Atom"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a feed: an event, or a correction of an event or a corridor."""

    id: str
    title: str
    text: str
    link: str
    published: dt.date
    updated: dt.date
    category: str
    sources: tuple[Source, ...] = ()


def read_view(catalog: Catalog, query: str) -> tuple[ViewState, tuple[Notice, ...]]:
    """The view a link's query string (or a whole link) describes, and what was ignored."""
    text = urlsplit(query).query if "://" in query else query.lstrip("?")
    return from_query(parse_qs(text, keep_blank_values=True), vocabulary(catalog))


def view_events(catalog: Catalog, state: ViewState) -> tuple[Event, ...]:
    """The curated events of a view, oldest first."""
    span = catalogue_span(catalog.events)
    dates = DateRange(state.start or span.start, state.end or span.end)
    events = filter_events(catalog.events, dates, state.kinds)
    if state.feature is not None:
        concerned = {state.feature, *parts_of(catalog, state.feature)}
        events = tuple(event for event in events if concerned.intersection(event.features))
    if state.agreement is not None:
        named = agreement_event_ids(catalog, state.agreement)
        events = tuple(event for event in events if event.id in named)
    return events


def agreement_event_ids(catalog: Catalog, agreement_id: str) -> frozenset[str]:
    """The events an agreement names, and those that are evidence of its provisions."""
    agreement = catalog.agreement(agreement_id)
    named = {event for stage in agreement.lifecycle for event in stage.events}
    named |= {
        event
        for provision in agreement.provisions
        for observation in provision.observations
        for event in observation.events
    }
    prefix = f"{agreement_id}/"
    named |= {e.id for e in catalog.events if any(p.startswith(prefix) for p in e.provisions)}
    return frozenset(named)


def feed_entries(
    catalog: Catalog, state: ViewState, translate: Translator, *, base_url: str
) -> tuple[Entry, ...]:
    """The entries of a view's feed, newest first."""
    events = view_events(catalog, state)
    in_view = {event.id for event in events}
    entries = [_event_entry(event, translate, base_url) for event in events]
    entries += [
        _correction_entry(listed, translate, base_url)
        for listed in all_corrections(catalog)
        if listed.record_id in in_view
        or (listed.layer == "corridors" and _shows_corridor(state, listed.record_id))
    ]
    return tuple(
        sorted(entries, key=lambda e: (e.published, e.updated, e.category, e.id), reverse=True)
    )


def feed_xml(catalog: Catalog, state: ViewState, translate: Translator, *, base_url: str) -> bytes:
    """The Atom document (UTF-8) of a view's feed, in ``translate``'s language.

    ``base_url`` is the atlas's address, which the entries' links start with.
    """
    entries = feed_entries(catalog, state, translate, base_url=base_url)
    view = dataclasses.replace(state, lang=translate.lang)
    feed = ET.Element("feed", {"xmlns": ATOM, _XML_LANG: translate.lang})
    app = translate("app.title")
    _text(feed, "id", view_url(base_url, view))
    _text(feed, "title", translate("corrections.feed_title", app=app))
    newest = max((entry.updated for entry in entries), default=_first_day(catalog))
    _text(feed, "updated", _stamp(newest))
    ET.SubElement(_text(feed, "author", None), "name").text = app
    ET.SubElement(feed, "link", {"rel": "alternate", "href": view_url(base_url, view)})
    for entry in entries:
        _entry_element(feed, entry)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def view_url(base_url: str, state: ViewState) -> str:
    """The atlas's link to ``state`` (the link format of :func:`to_query`)."""
    query = urlencode(to_query(state))
    return f"{base_url}?{query}" if query else base_url


def _shows_corridor(state: ViewState, corridor_id: str) -> bool:
    whole_atlas = state.kinds is None and state.agreement is None and state.feature is None
    return whole_atlas or (state.agreement is None and state.feature == corridor_id)


def _event_entry(event: Event, translate: Translator, base_url: str) -> Entry:
    link = view_url(base_url, ViewState(event=event.id, lang=translate.lang))
    corrected = [correction.date for correction in event.corrections]
    return Entry(
        id=link,
        title=translate.text(event.title),
        text=translate.text(event.summary),
        link=link,
        published=event.date,
        updated=max([event.date, *corrected]),
        category=str(event.kind),
    )


def _correction_entry(listed: ListedCorrection, translate: Translator, base_url: str) -> Entry:
    if listed.layer == "events":
        view = ViewState(event=listed.record_id, lang=translate.lang)
    else:
        view = ViewState(feature=listed.record_id, lang=translate.lang)
    link = view_url(base_url, view)
    correction = listed.correction
    return Entry(
        id=f"{link}#correction-{listed.index + 1}",
        title=translate("corrections.feed_correction", title=translate.text(listed.title)),
        text=translate.text(correction.text),
        link=link,
        published=correction.date,
        updated=correction.date,
        category="correction",
        sources=correction.sources,
    )


def _entry_element(feed: ET.Element, entry: Entry) -> None:
    element = ET.SubElement(feed, "entry")
    _text(element, "id", entry.id)
    _text(element, "title", entry.title)
    _text(element, "published", _stamp(entry.published))
    _text(element, "updated", _stamp(entry.updated))
    ET.SubElement(element, "link", {"rel": "alternate", "href": entry.link})
    for url, outlet in _linked(entry.sources):
        ET.SubElement(element, "link", {"rel": "related", "href": url, "title": outlet})
    ET.SubElement(element, "category", {"term": entry.category})
    _text(element, "summary", entry.text)


def _linked(sources: Iterable[Source]) -> Sequence[tuple[str, str]]:
    return [(source.url, source.outlet) for source in sources if source.url]


def _text(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _stamp(day: dt.date) -> str:
    """A day as an Atom date (RFC 3339, midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def _first_day(catalog: Catalog) -> dt.date:
    """The feed's date when it has no entry: the catalogue's first day (never "now")."""
    return catalogue_span(catalog.events).start
