"""The playback as an animation for slides: the map of each frame's day, with its date burnt in.

The frames' days are the playback model's (:func:`corridors.data.playback.frame_days`), so
the animation shows what the page plays; each frame is the page's own scene for the range
shown that day (:func:`~corridors.data.playback.shown_range`), corridor statuses and an
open agreement's colours as of the day included, drawn by :mod:`corridors.render.raster`
with a caption band (:mod:`corridors.render.caption`) in the page's language: the date, and
in milestones mode what happened that day (otherwise the range shown). Encoded as a GIF or
an MP4 video by :mod:`corridors.render.encode`, in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PIL import Image

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import LAYERS, EventKind
from corridors.data.playback import (
    EventMilestone,
    Milestone,
    Playback,
    PlayMode,
    StageMilestone,
    first_day,
    frame_days,
    last_day,
    milestone_days,
    milestones,
    shown_range,
)
from corridors.data.timeline import DateRange
from corridors.i18n import Translator
from corridors.render.caption import Caption, draw_caption
from corridors.render.raster import Painter, View
from corridors.render.scene import Scene, SceneRequest, build_scene

#: Told the frames drawn so far and how many there are, after each frame.
Progress = Callable[[int, int], None]


class TooManyFramesError(ValueError):
    """The animation asked for would have more frames than an animation may have."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(
            f"the animation would have {count:,} frames, more than the limit of "
            f"{settings.max_animation_frames:,} (settings.max_animation_frames): choose a "
            "faster speed (e.g. --speed quarter), a shorter range or fewer frames a second"
        )


@dataclass(frozen=True, slots=True)
class AnimationRequest:
    """What to animate: a playback over ``span``, as the page shows it, and the frames' size."""

    playback: Playback
    span: DateRange
    lang: str = "en"
    agreement: str | None = None
    kinds: frozenset[EventKind] | None = None
    layers: frozenset[str] = frozenset(LAYERS)
    fps: float = settings.animation_fps
    size: tuple[int, int] = (settings.animation_width, settings.animation_height)

    def __post_init__(self) -> None:
        if not self.fps > 0:
            raise ValueError(f"frames a second must be a positive number, not {self.fps}")
        if min(self.size) < 1:
            raise ValueError(f"a frame must be at least one pixel each way, not {self.size}")


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame: the playhead's day, the range shown, and the milestones of the day."""

    day: dt.date
    shown: DateRange
    milestones: tuple[Milestone, ...] = field(default=())


def plan(catalog: Catalog, request: AnimationRequest) -> tuple[Frame, ...]:
    """The frames of a play of ``request.span`` from its beginning, as the page plays it.

    Raises :class:`TooManyFramesError` past :data:`settings.max_animation_frames`.
    """
    playback, span = request.playback, request.span
    found = milestones(catalog)
    days = milestone_days(found, span) if playback.mode is PlayMode.MILESTONES else ()
    first = first_day(playback, start=span.start, span=span, days=days)
    played = frame_days(
        playback,
        first=first,
        last=last_day(playback, span=span, days=days),
        fps=request.fps,
        days=days,
    )
    if len(played) > settings.max_animation_frames:
        raise TooManyFramesError(len(played))
    on_day: dict[dt.date, tuple[Milestone, ...]] = {}
    for milestone in found:
        on_day[milestone.day] = (*on_day.get(milestone.day, ()), milestone)
    return tuple(
        Frame(
            day=day,
            shown=shown_range(playback, start=span.start, day=day, span=span),
            milestones=on_day.get(day, ()) if days else (),
        )
        for day in played
    )


def frame_count(catalog: Catalog, request: AnimationRequest) -> int:
    """How many frames the animation would have, without a limit."""
    try:
        return len(plan(catalog, request))
    except TooManyFramesError as error:
        return error.count


def frames(
    catalog: Catalog, request: AnimationRequest, progress: Progress | None = None
) -> Iterator[Image.Image]:
    """Each frame's picture (RGB, ``request.size``), in order, one at a time."""
    planned = plan(catalog, request)
    translate = Translator(request.lang)
    sample = max(1, settings.animation_supersample)
    height = request.size[1]
    band = caption_height(request)
    painter: Painter | None = None
    previous: tuple[Frame, Image.Image] | None = None
    for done, frame in enumerate(planned, start=1):
        if previous is not None and previous[0] == frame:  # a milestone held: the same picture
            _report(progress, done, len(planned))
            yield previous[1].copy()
            continue
        scene = build_scene(
            catalog,
            SceneRequest(
                dates=frame.shown,
                kinds=request.kinds,
                layers=request.layers,
                lang=request.lang,
                agreement=request.agreement,
            ),
        )
        if painter is None:  # the view is the first scene's bounds: the same for every frame
            painter = Painter(frame_view(scene, request).scaled(sample), sample)
        image = Image.new("RGB", request.size)
        image.paste(painter.draw(scene), (0, 0))
        words = caption(catalog, frame, request, translate)
        draw_caption(
            image, words, top=height - band, scale=height / settings.animation_scale_height
        )
        previous = (frame, image)
        _report(progress, done, len(planned))
        yield image


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def caption_height(request: AnimationRequest) -> int:
    """The caption band's height in pixels, in proportion to the frame's."""
    scale = request.size[1] / settings.animation_scale_height
    return round(settings.animation_caption_height * scale)


def frame_view(scene: Scene, request: AnimationRequest) -> View:
    """The map's view in a frame: above the caption band, framed on the scene's bounds."""
    width, height = request.size
    scale = height / settings.animation_scale_height
    return View.fitted(scene, width, max(1, height - caption_height(request)), scale)


def caption(
    catalog: Catalog, frame: Frame, request: AnimationRequest, translate: Translator
) -> Caption:
    """The band's text: the day, then the day's milestones (or the range shown)."""
    if request.playback.mode is PlayMode.MILESTONES:
        detail = " · ".join(milestone_title(catalog, item, translate) for item in frame.milestones)
    else:
        detail = translate(
            "animation.range",
            start=translate.date(frame.shown.start),
            end=translate.date(frame.shown.end),
        )
    return Caption(
        date=translate.date(frame.day),
        detail=detail,
        title=translate("app.title"),
        rtl=translate.rtl,
    )


def milestone_title(catalog: Catalog, milestone: Milestone, translate: Translator) -> str:
    """What a milestone is, in a few words: an event's title, an agreement's stage, a status."""
    if isinstance(milestone, EventMilestone):
        return translate.text(milestone.event.title)
    if isinstance(milestone, StageMilestone):
        party = milestone.stage.party
        party_name = translate.text(catalog.feature(party).names) if party else ""
        return translate(
            "animation.stage",
            agreement=translate.text(milestone.agreement.short_title),
            stage=translate(f"agreements.stages.{milestone.stage.stage}", party=party_name),
        )
    return translate(
        "animation.status",
        corridor=translate.text(milestone.corridor.names),
        status=translate(f"status.{milestone.change.status}"),
    )
