"""The exported playback: frames as the page plays them, the map of each day, the date burnt in."""

from __future__ import annotations

import datetime as dt
import io

import arabic_reshaper
import av
import pytest
from PIL import Image, ImageChops, ImageDraw

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import Corridor, Status
from corridors.data.playback import (
    SPEEDS,
    Playback,
    PlayMode,
    first_day,
    frame_days,
    last_day,
    milestone_days,
    milestones,
)
from corridors.data.timeline import DateRange
from corridors.i18n import Translator
from corridors.render import encode
from corridors.render.animation import (
    AnimationRequest,
    TooManyFramesError,
    caption_height,
    frame_view,
    frames,
    plan,
)
from corridors.render.caption import Caption, draw_caption, font, visual
from corridors.render.scene import SceneRequest, build_scene
from corridors.render.styles import STATUS_COLOR

SMALL = (320, 180)
#: Baku-Tbilisi-Kars: under construction, then operating from 30 October 2017.
OPENING = dt.date(2017, 10, 30)
AROUND_OPENING = DateRange(dt.date(2017, 10, 1), dt.date(2017, 11, 30))


@pytest.mark.parametrize("mode", list(PlayMode))
def test_there_is_a_frame_per_day_of_the_playback_model(catalog: Catalog, mode: PlayMode) -> None:
    playback = Playback(mode=mode, speed=SPEEDS["quarter"], window=60)
    span = DateRange(dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    days = milestone_days(milestones(catalog), span) if mode is PlayMode.MILESTONES else ()
    expected = frame_days(
        playback,
        first=first_day(playback, start=span.start, span=span, days=days),
        last=last_day(playback, span=span, days=days),
        fps=4,
        days=days,
    )
    request = AnimationRequest(playback, span, fps=4, size=(64, 36))
    assert [frame.day for frame in plan(catalog, request)] == list(expected)
    assert sum(1 for _ in frames(catalog, request)) == len(expected)


def _status_change(catalog: Catalog) -> tuple[Corridor, Status, Status]:
    corridor = next(
        c for c in catalog.corridors if any(change.since == OPENING for change in c.status_history)
    )
    before, after = corridor.status_on(OPENING - dt.timedelta(days=1)), corridor.status_on(OPENING)
    assert before is not None
    assert after is not None
    assert before is not after
    return corridor, before, after


def _distance(one: tuple[int, ...], other: tuple[int, ...]) -> int:
    return sum(abs(a - b) for a, b in zip(one[:3], other[:3], strict=True))


def test_a_corridor_changes_colour_on_the_frame_of_its_status_change(catalog: Catalog) -> None:
    corridor, before, after = _status_change(catalog)
    request = AnimationRequest(
        Playback(speed=SPEEDS["week"]), AROUND_OPENING, fps=1, size=(640, 360)
    )
    planned = plan(catalog, request)
    drawn = list(frames(catalog, request))
    earlier = max(i for i, frame in enumerate(planned) if frame.day < OPENING)
    later = min(i for i, frame in enumerate(planned) if frame.day >= OPENING)
    scene = build_scene(catalog, SceneRequest(dates=AROUND_OPENING))
    view = frame_view(scene, request)
    line = catalog.geometries[corridor.id]
    shares = [step / 20 for step in range(1, 20)]
    points = [line.interpolate(share, normalized=True) for share in shares]
    pixels = [tuple(round(v) for v in view.point(p.x, p.y)) for p in points]
    changed = [
        (old, new)
        for old, new in ((drawn[earlier].getpixel(p), drawn[later].getpixel(p)) for p in pixels)
        # closer to its status's colour than to the other's, on each side of the change
        if _distance(old, STATUS_COLOR[before]) < _distance(old, STATUS_COLOR[after])
        and _distance(new, STATUS_COLOR[after]) < _distance(new, STATUS_COLOR[before])
    ]
    # most of the line (not where a name or a place is written over it)
    assert len(changed) > len(points) * 2 / 3


def test_the_gif_keeps_the_colour_of_a_status_that_comes_after_its_first_frame(
    catalog: Catalog,
) -> None:
    """The palette is made before the later frames are drawn: it must hold their statuses."""
    corridor, _, _ = _status_change(catalog)
    request = AnimationRequest(Playback(speed=SPEEDS["week"]), AROUND_OPENING, fps=1)
    drawn = list(frames(catalog, request))
    view = frame_view(build_scene(catalog, SceneRequest(dates=AROUND_OPENING)), request)
    line = catalog.geometries[corridor.id]
    points = [line.interpolate(step / 20, normalized=True) for step in range(1, 20)]
    pixels = [tuple(round(v) for v in view.point(p.x, p.y)) for p in points]
    last, first = drawn[-1], drawn[0]
    # where the line is drawn in its new status's colour (over a country or the ground)
    styled = set(encode.style_colours())
    on_line = [
        p for p in pixels if last.getpixel(p) in styled and last.getpixel(p) != first.getpixel(p)
    ]
    assert len(on_line) > len(pixels) / 3
    with Image.open(io.BytesIO(encode.gif(drawn, request.fps))) as gif:
        gif.seek(gif.n_frames - 1)
        shown = gif.convert("RGB")
    assert [shown.getpixel(p) for p in on_line] == [last.getpixel(p) for p in on_line]


def test_a_longer_play_than_allowed_is_refused_naming_the_limit(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "max_animation_frames", 5)
    request = AnimationRequest(Playback(speed=SPEEDS["day"]), AROUND_OPENING, fps=1)
    with pytest.raises(TooManyFramesError, match=r"61 frames, more than the limit of 5.*faster"):
        plan(catalog, request)


def test_the_gif_has_every_frame_at_the_frame_rate_and_loops(catalog: Catalog) -> None:
    # a week a second at 2 frames a second: every frame is another day, so none is merged
    request = AnimationRequest(Playback(speed=SPEEDS["week"]), AROUND_OPENING, fps=2, size=SMALL)
    count = len(plan(catalog, request))
    data = encode.gif(frames(catalog, request), request.fps)
    with Image.open(io.BytesIO(data)) as gif:
        assert (gif.format, gif.size, gif.n_frames, gif.info["loop"]) == ("GIF", SMALL, count, 0)
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
    assert durations == [500] * count


def test_a_held_milestone_is_one_longer_gif_frame(catalog: Catalog) -> None:
    request = AnimationRequest(
        Playback(mode=PlayMode.MILESTONES),
        DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        fps=2,
        size=(96, 54),
    )
    planned = plan(catalog, request)
    with Image.open(io.BytesIO(encode.gif(frames(catalog, request), request.fps))) as gif:
        shown = gif.n_frames
        total = 0
        for index in range(shown):
            gif.seek(index)
            total += gif.info["duration"]
    assert shown == len({frame.day for frame in planned}) < len(planned)
    assert total == 500 * len(planned)  # time is kept: a held frame lasts its frames' time


def test_the_mp4_has_every_frame_at_the_frame_size(catalog: Catalog) -> None:
    request = AnimationRequest(Playback(speed=SPEEDS["week"]), AROUND_OPENING, fps=4, size=SMALL)
    count = len(plan(catalog, request))
    data = encode.mp4(frames(catalog, request), request.fps)
    with av.open(io.BytesIO(data)) as video:
        stream = video.streams.video[0]
        decoded = [frame.to_image() for frame in video.decode(stream)]
        assert (stream.codec_context.name, float(stream.average_rate or 0)) == ("h264", 4.0)
    assert len(decoded) == count
    assert {image.size for image in decoded} == {SMALL}


def test_an_odd_frame_size_is_padded_to_an_even_one_in_the_mp4() -> None:
    data = encode.mp4([Image.new("RGB", (33, 21), (200, 10, 10))] * 3, 10)
    with av.open(io.BytesIO(data)) as video:
        sizes = {frame.to_image().size for frame in video.decode(video=0)}
    assert sizes == {(34, 22)}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_caption_writes_the_day_and_range_as_the_page_does(catalog: Catalog, lang: str) -> None:
    request = AnimationRequest(
        Playback(speed=SPEEDS["week"]), AROUND_OPENING, lang=lang, fps=1, size=SMALL
    )
    frame = plan(catalog, request)[2]
    drawn = list(frames(catalog, request))[2]
    translate = Translator(lang)
    expected = drawn.copy()
    worded = Caption(
        date=translate.date(frame.day),
        detail=translate(
            "animation.range",
            start=translate.date(AROUND_OPENING.start),
            end=translate.date(frame.day),
        ),
        title=translate("app.title"),
        rtl=lang == "ar",
    )
    top = SMALL[1] - caption_height(request)
    draw_caption(expected, worded, top=top, scale=SMALL[1] / settings.animation_scale_height)
    assert ImageChops.difference(drawn, expected).getbbox() is None
    blank = Image.new("RGB", SMALL, (255, 255, 255))
    draw_caption(blank, Caption(date="", rtl=lang == "ar"), top=top, scale=1.0)
    assert ImageChops.difference(
        drawn.crop((0, top, *SMALL)), blank.crop((0, top, *SMALL))
    ).getbbox()


ARABIC = "السكة الحديدية"


def test_arabic_is_joined_and_put_in_visual_order() -> None:
    shown = visual(ARABIC, rtl=True)
    # every letter in a joined presentation form (U+FB50..U+FEFF), none in its bare form
    letters = [char for char in shown if not char.isspace()]
    assert all("\ufb50" <= char <= "\ufeff" for char in letters)
    # the first word is drawn last (rightmost): visual order
    assert shown.endswith(visual("السكة", rtl=True))
    assert visual("السكة", rtl=True) == arabic_reshaper.reshape("السكة")[::-1]


def _ink_runs(image: Image.Image) -> int:
    """How many separate stretches of columns hold dark ink (joined letters make fewer)."""
    grey = image.convert("L")
    inked = [
        any(grey.getpixel((x, y)) < 128 for y in range(grey.height)) for x in range(grey.width)
    ]
    return sum(1 for x, ink in enumerate(inked) if ink and (x == 0 or not inked[x - 1]))


def test_the_caption_draws_arabic_letters_joined() -> None:
    """The date line of an Arabic band: its letters touch, as they do not drawn unshaped."""
    word = "السكة"  # alef, then lam-sin-kaf-teh marbuta joined: two stretches of ink
    band = Image.new("RGB", (400, 84), (255, 255, 255))
    draw_caption(band, Caption(date=word, rtl=True), top=0, scale=1.0)
    date_line = band.crop((0, 10, 400, 45))
    unshaped = Image.new("RGB", (400, 35), (255, 255, 255))
    ImageDraw.Draw(unshaped).text((10, 0), word[::-1], font=font(30), fill=(0, 0, 0))
    assert _ink_runs(date_line) == 2
    assert _ink_runs(unshaped) == len(word)


def test_no_bidirectional_control_reaches_the_font() -> None:
    """The isolates round a translated value have no glyph: they are applied, then dropped."""
    shown = visual("من \u20688 أغسطس 2025\u2069 إلى", rtl=True)
    assert not any(char in shown for char in "\u2066\u2067\u2068\u2069\u200e\u200f")
    assert "2025" in shown  # digits keep their left-to-right order
