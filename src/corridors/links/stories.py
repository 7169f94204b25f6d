"""Links and story steps resolved against the catalogue.

The catalogue knows nothing of the link format and the link format nothing of the data
files; this module joins them. It says what a link may name in a catalogue, turns each
story step's view into a view state, and reports the steps whose views name something
the catalogue lacks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Final

from corridors.core import settings
from corridors.core.datasets import STORIES_DIR
from corridors.core.errors import Problem, ProblemKind, quote
from corridors.core.languages import available_languages
from corridors.data.agreement_checks import provision_ids
from corridors.data.catalog import Catalog
from corridors.data.models import Story, StoryCamera
from corridors.data.validate import link_reason
from corridors.geo.camera import fit_bounds
from corridors.links.view_state import Notice, NoticeKind, ViewState, Vocabulary, from_query

_KIND_BY_NOTICE: Final = {
    NoticeKind.BAD_DATE: ProblemKind.BAD_DATE,
    NoticeKind.DATE_OUTSIDE: ProblemKind.BAD_DATE,
    NoticeKind.FROM_AFTER_TO: ProblemKind.BAD_DATE,
    NoticeKind.UNKNOWN_ID: ProblemKind.UNKNOWN_LINK,
}


def vocabulary(catalog: Catalog) -> Vocabulary:
    """What a link or a story step may name in ``catalog``."""
    days = [event.date for event in catalog.events]
    return Vocabulary(
        event_ids=frozenset(event.id for event in catalog.events),
        feature_ids=frozenset(feature.id for feature in catalog.features()),
        agreement_ids=frozenset(agreement.id for agreement in catalog.agreements),
        provision_ids=frozenset(provision_ids(catalog.agreements)),
        languages=available_languages(),
        first_day=min(days, default=dt.date.min),
        last_day=max(days, default=dt.date.max),
        steps=max((len(story.steps) for story in catalog.stories), default=0),
    )


def story_views(catalog: Catalog, story: Story) -> tuple[ViewState, ...]:
    """The view of each step of ``story``, looking where its camera says.

    Parts that do not apply are left out; a step without a camera leaves the map to fit
    its selection.
    """
    words = vocabulary(catalog)
    return tuple(
        _with_camera(catalog, from_query(_as_query(step.view), words)[0], step.camera)
        for step in story.steps
    )


def _with_camera(catalog: Catalog, view: ViewState, camera: StoryCamera | None) -> ViewState:
    """``view`` with the camera's centre and zoom.

    A framed feature is fitted to the presenter map's size
    (:data:`settings.story_frame_width` by :data:`settings.story_frame_height`).
    """
    if camera is None:
        return view
    if camera.frame is not None:
        if camera.frame not in catalog.geometries:
            return view
        fitted = fit_bounds(
            catalog.geometries[camera.frame].bounds,
            width=settings.story_frame_width,
            height=settings.story_frame_height,
        )
        centre: tuple[float | None, ...] = (fitted.lat, fitted.lon, fitted.zoom)
    else:
        centre = (camera.lat, camera.lon, camera.zoom)
    lat, lon, zoom = (None if part is None else round(part, 4) for part in centre)
    return dataclasses.replace(view, lat=lat, lon=lon, zoom=zoom)


def story_problems(
    story: Story, words: Vocabulary, *, rejected: frozenset[str] = frozenset()
) -> list[Problem]:
    """One problem for each part of a step that the catalogue cannot show.

    That is each part of its view that a link to ``words`` could not apply, and a camera
    that frames a feature the catalogue lacks.
    """
    filename = f"{STORIES_DIR}/{story.id}.yaml"
    problems = [
        _step_problem(filename, story.id, number, notice, rejected)
        for number, step in enumerate(story.steps)
        for notice in from_query(_as_query(step.view), words)[1]
    ]
    for number, step in enumerate(story.steps):
        frame = step.camera.frame if step.camera is not None else None
        if frame is not None and frame not in words.feature_ids:
            problems.append(
                Problem(
                    filename,
                    story.id,
                    f"steps[{number}].camera.frame",
                    ProblemKind.UNKNOWN_LINK,
                    link_reason(frame, rejected),
                )
            )
    return problems


def _step_problem(
    filename: str, story_id: str, number: int, notice: Notice, rejected: frozenset[str]
) -> Problem:
    kind = _KIND_BY_NOTICE.get(notice.kind, ProblemKind.INVALID_VALUE)
    if kind is ProblemKind.UNKNOWN_LINK:
        reason = link_reason(notice.value, rejected)
    else:
        reason = f"{quote(notice.value)}: {notice.kind}"
    return Problem(filename, story_id, f"steps[{number}].view.{notice.param}", kind, reason)


def _as_query(view: Mapping[str, object]) -> dict[str, str]:
    """A story step's view as link parameters (YAML may give numbers)."""
    return {str(name): str(value) for name, value in view.items()}
