"""The Atom feed of a view: valid Atom (RFC 4287's required elements), escaped, deterministic,
one entry per event or correction in the view, newest first, linking to the event's view."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from corridors.data.catalog import Catalog
from corridors.data.corrections import all_corrections
from corridors.i18n import Translator
from corridors.links.feed import feed_xml, read_view, view_events
from corridors.links.view_state import NoticeKind
from support.records import HOSTILE_HTML

NS = {"atom": "http://www.w3.org/2005/Atom"}
BASE = "https://atlas.example.org/"


def _feed(catalog: Catalog, query: str, lang: str = "en") -> ET.Element:
    state, _ = read_view(catalog, query)
    document = feed_xml(catalog, state, Translator(lang), base_url=BASE)
    root = ET.fromstring(document)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def _entries(root: ET.Element) -> list[ET.Element]:
    return root.findall("atom:entry", NS)


def _one(element: ET.Element, path: str) -> str:
    found = element.findall(path, NS)
    assert len(found) == 1, path
    return found[0].text or ""


def _alternate(entry: ET.Element) -> str:
    [link] = [link for link in entry.findall("atom:link", NS) if link.get("rel") == "alternate"]
    return link.get("href") or ""


def test_the_feed_has_atoms_required_elements(catalog: Catalog) -> None:
    root = _feed(catalog, "feature=syunik-route")
    assert _one(root, "atom:id").startswith(BASE)
    assert _one(root, "atom:title")
    assert _one(root, "atom:author/atom:name") == "Corridor Atlas"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = _entries(root)
    assert entries
    for entry in entries:
        for required in ("atom:id", "atom:title", "atom:updated", "atom:summary"):
            assert _one(entry, required)
        assert _alternate(entry).startswith(BASE)
    ids = [_one(entry, "atom:id") for entry in entries]
    assert len(set(ids)) == len(ids)


def test_one_entry_per_event_and_correction_newest_first(catalog: Catalog) -> None:
    state, _ = read_view(catalog, "?feature=baku-tbilisi-kars-railway")
    events = view_events(catalog, state)
    root = _feed(catalog, "?feature=baku-tbilisi-kars-railway")
    entries = _entries(root)
    corrections = [e for e in entries if e.find("atom:category", NS).get("term") == "correction"]  # type: ignore[union-attr]
    assert len(entries) == len(events) + len(corrections)
    event = next(e for e in catalog.events if e.id == "btk-railway-opening")
    assert [_one(e, "atom:title") for e in corrections] == [f"Correction: {event.title['en']}"]
    published = [_one(e, "atom:published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert _one(root, "atom:updated") == max(_one(e, "atom:updated") for e in entries)
    assert _one(root, "atom:updated") == "2026-11-28T00:00:00Z"  # the correction, not "now"


def test_each_entry_links_to_its_events_view(catalog: Catalog) -> None:
    query = "feature=baku-tbilisi-kars-railway"
    in_view = {event.id for event in view_events(catalog, read_view(catalog, query)[0])}
    root = _feed(catalog, query, lang="ar")
    for entry in _entries(root):
        link = parse_qs(urlsplit(_alternate(entry)).query)
        assert link["lang"] == ["ar"]
        assert link["event"][0] in in_view
    related = [link.get("href") for link in root.iterfind(".//atom:link[@rel='related']", NS)]
    assert related == ["https://eurasia.ro/2011/11/21/turkey-completes-baku-tbilisi-kars-tunnel/"]


def test_the_view_chooses_the_events(catalog: Catalog) -> None:
    root = _feed(catalog, "from=2025-01-01&to=2025-12-31&kinds=agreement,declaration")
    titles = {_one(e, "atom:title") for e in _entries(root)}
    chosen = [
        e for e in catalog.events if e.date.year == 2025 and e.kind in ("agreement", "declaration")
    ]
    corrected = {f"Correction: {e.title['en']}" for e in chosen if e.corrections}
    assert titles == {e.title["en"] for e in chosen} | corrected


def test_an_agreements_feed_holds_the_events_it_names(catalog: Catalog) -> None:
    root = _feed(catalog, "agreement=statement-2020-11-10")
    links = {parse_qs(urlsplit(_alternate(e)).query)["event"][0] for e in _entries(root)}
    assert "trilateral-statement-2020" in links
    assert "btk-railway-opening" not in links


def test_the_whole_atlas_lists_every_correction(catalog: Catalog) -> None:
    root = _feed(catalog, "")
    corrections = [e for e in _entries(root) if "#correction-" in _one(e, "atom:id")]
    assert len(corrections) == len(all_corrections(catalog))
    corridor = [e for e in corrections if "feature=syunik-route" in _alternate(e)]
    assert len(corridor) == 1


def test_arabic_feed(catalog: Catalog) -> None:
    root = _feed(catalog, "feature=baku-tbilisi-kars-railway&lang=ar", lang="ar")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    titles = [_one(e, "atom:title") for e in _entries(root)]
    assert any(title.startswith("تصحيح: ") for title in titles)


def test_text_is_escaped(catalog: Catalog) -> None:
    event = next(e for e in catalog.events if e.id == "btk-railway-opening")
    hostile = dataclasses.replace(
        catalog, events=(event.model_copy(update={"summary": {"en": HOSTILE_HTML, "ar": "ب"}}),)
    )
    state, _ = read_view(hostile, "")
    document = feed_xml(hostile, state, Translator("en"), base_url=BASE)
    assert b"<img" not in document
    assert _one(_entries(ET.fromstring(document))[-1], "atom:summary") == HOSTILE_HTML


def test_the_feed_is_deterministic(catalog: Catalog) -> None:
    state, _ = read_view(catalog, "feature=az-nx")
    first = feed_xml(catalog, state, Translator("en"), base_url=BASE)
    assert first == feed_xml(catalog, state, Translator("en"), base_url=BASE)
    events = view_events(catalog, state)
    dates = [e.date for e in events] + [c.date for e in events for c in e.corrections]
    newest = max(dates)  # not "now"
    assert _one(ET.fromstring(first), "atom:updated") == f"{newest.isoformat()}T00:00:00Z"


@pytest.mark.parametrize("query", ["feature=atlantis", "https://x.example/?feature=atlantis"])
def test_what_the_link_names_wrongly_is_noticed(catalog: Catalog, query: str) -> None:
    _, notices = read_view(catalog, query)
    assert [(n.param, n.kind) for n in notices] == [("feature", NoticeKind.UNKNOWN_ID)]
