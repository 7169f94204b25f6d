"""The app's downloads: what the Export buttons hand to the browser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import threading
import time
from collections.abc import Callable

import pytest
from PIL import Image

from corridors.core import settings
from corridors.core.languages import available_languages
from corridors.data.catalog import Catalog
from corridors.data.playback import SPEEDS, Playback, PlayMode
from corridors.data.timeline import DateRange
from corridors.render.animation import AnimationRequest, plan
from corridors.ui.dashboard import exports
from support.app import listed_ids, open_app


def test_the_csv_download_has_a_byte_order_mark_and_a_column_per_language(
    downloads: dict[str, Callable[[], str]],
) -> None:
    open_app(**{"from": "2025-08-07", "to": "2025-08-08"})
    data = downloads["csv"]().encode("utf-8")  # as Streamlit sends a str
    assert data.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [c for c in header if c.startswith("title_")] == [
        f"title_{lang}" for lang in available_languages()
    ]


def test_the_map_download_is_the_same_bytes_for_the_same_view(
    downloads: dict[str, Callable[[], str]],
) -> None:
    at = open_app(**{"from": "2025-08-07", "to": "2025-08-08", "lang": "ar"})
    first, second = downloads["html"](), downloads["html"]()
    assert first == second
    at.selectbox(key="preset").set_value("everything").run()
    assert downloads["html"]() != first  # another view, another file


def test_the_map_download_shows_the_view_on_screen(
    downloads: dict[str, Callable[[], str]],
) -> None:
    """A link's (or the reader's) position is the snapshot's; without one, the fitted view."""
    open_app(lat="39.3", lon="46.1", zoom="8.5")
    moved = downloads["html"]()
    assert "[39.3, 46.1]" in moved
    assert '"zoom": 8.5' in moved
    open_app()
    assert "[39.3, 46.1]" not in downloads["html"]()


def csv_ids(text: str) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))]


def geojson_ids(text: str) -> list[str]:
    """The event ids of the GeoJSON's features, each once, in the order they come."""
    ids = [feature["properties"]["event_id"] for feature in json.loads(text)["features"]]
    return list(dict.fromkeys(ids))


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_a_search_narrows_the_downloads_to_the_rows_listed_in_their_order(
    downloads: dict[str, Callable[[], str]], catalog: Catalog, order: str
) -> None:
    at = open_app()
    at.segmented_control(key="order").set_value(order).run()
    at.text_input(key="search").set_value("Nakhchivan").run()
    listed = listed_ids(at)
    # more than a page, fewer than all: the pages are all exported, the search narrows them
    assert settings.events_page_size < len(listed) < len(catalog.events)
    assert csv_ids(downloads["csv"]()) == listed
    assert geojson_ids(downloads["geojson"]()) == listed
    said = f"The list as shown, in its order\\: {len(listed)} events match “Nakhchivan”\\."
    assert said in [caption.value for caption in at.caption]


def test_without_a_search_the_downloads_hold_every_event_in_range_as_listed(
    downloads: dict[str, Callable[[], str]], catalog: Catalog
) -> None:
    at = open_app(**{"from": "2025-01-01"})  # newest first, as the list opens
    listed = listed_ids(at)
    in_range = [e.id for e in catalog.events if e.date >= dt.date(2025, 1, 1)]
    assert len(listed) > settings.events_page_size
    assert sorted(listed) == sorted(in_range)  # every event in range, none left out
    assert csv_ids(downloads["csv"]()) == listed
    assert geojson_ids(downloads["geojson"]()) == listed


@pytest.mark.usefixtures("downloads")
def test_a_searched_download_says_so_in_its_file_name(file_names: dict[str, str]) -> None:
    at = open_app(**{"from": "2025-08-07", "to": "2025-08-08"})
    plain = dict(file_names)
    at.text_input(key="search").set_value("Nakhchivan").run()
    assert plain["csv"] == "corridor-atlas-2025-08-07-2025-08-08.csv"
    assert file_names["csv"] == "corridor-atlas-2025-08-07-2025-08-08-search.csv"
    assert file_names["geojson"] == "corridor-atlas-2025-08-07-2025-08-08-search.geojson"
    assert file_names["html"] == plain["html"]  # the map is not narrowed by the search


def test_the_playback_download_is_the_views_animation_in_its_language(
    downloads: dict[str, Callable[[], str]], catalog: Catalog
) -> None:
    """The GIF: a frame per day of a play over the view's range (the page's frame size)."""
    at = open_app(**{"from": "2025-08-01", "to": "2025-09-30", "lang": "ar"})
    span = DateRange(dt.date(2025, 8, 1), dt.date(2025, 9, 30))
    count = len(plan(catalog, AnimationRequest(Playback(), span)))
    data = downloads["playback-gif"]()
    assert isinstance(data, bytes)
    with Image.open(io.BytesIO(data)) as gif:
        assert gif.size == (settings.page_animation_width, settings.page_animation_height)
        assert gif.n_frames == count
    assert downloads["playback-mp4"]()[4:8] == b"ftyp"  # an MP4 file
    help_text = [caption.value for caption in at.caption if "العرض المتحرك" in caption.value]
    assert help_text
    assert f"{count}" in help_text[0]


def test_the_playback_download_plays_as_the_page_is_set_to(
    downloads: dict[str, Callable[[], str]], catalog: Catalog
) -> None:  # (a GIF holds a milestone as one long frame: its frames are not counted here)
    """The mode and speed of the playback bar (from the link here) make the animation."""
    query = {"from": "2025-01-01", "to": "2025-12-31", "play": "milestones", "speed": "week"}
    at = open_app(**query)
    span = DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    chosen = Playback(mode=PlayMode.MILESTONES, speed=SPEEDS["week"])
    count = len(plan(catalog, AnimationRequest(chosen, span)))
    assert count != len(plan(catalog, AnimationRequest(Playback(), span)))
    help_text = [caption.value for caption in at.caption if "frames" in caption.value]
    assert any(f"{count} frames" in text for text in help_text), help_text
    assert "playback-gif" in downloads


def test_a_playback_too_long_for_an_animation_says_so_instead_of_a_download(
    downloads: dict[str, Callable[[], str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "max_page_animation_frames", 3)
    at = open_app(**{"from": "2025-08-01", "to": "2025-09-30"})
    assert "playback-gif" not in downloads
    said = [caption.value for caption in at.caption if "frames, more than the 3" in caption.value]
    assert said


def test_the_page_makes_one_animation_at_a_time(catalog: Catalog) -> None:
    """Each animation is held in memory while made: two visitors' presses take turns."""
    making: list[int] = []
    most: list[int] = []

    def encoder(pictures: object, fps: float) -> bytes:
        assert pictures is not None
        assert fps > 0
        making.append(1)
        most.append(len(making))
        time.sleep(0.05)
        making.pop()
        return b"GIF89a"

    span = DateRange(dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    request = AnimationRequest(Playback(), span)
    presses = [
        threading.Thread(target=exports._one_at_a_time, args=(encoder, catalog, request))
        for _ in range(4)
    ]
    for press in presses:
        press.start()
    for press in presses:
        press.join()
    assert most == [1, 1, 1, 1]
