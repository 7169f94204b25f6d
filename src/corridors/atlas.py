"""The atlas as every reader loads it: the catalogue and its stories, validated together.

The one loader the app, the command line and publishing call, so that a story step that
names something the catalogue lacks is reported the same way everywhere.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from corridors.data.catalog import CatalogReport, inspect_catalog
from corridors.links.stories import story_problems, vocabulary


def inspect_atlas(directory: Path | str | None = None) -> CatalogReport:
    """The catalogue with its stories checked: what the app and ``corridors validate`` use."""
    return check_stories(inspect_catalog(directory))


def check_stories(report: CatalogReport) -> CatalogReport:
    """``report`` with each story step's view checked like a link.

    A story with a step that names something the catalogue lacks is reported and left
    out; the problems of the rest of the data stay as they are.
    """
    catalog = report.catalog
    words = vocabulary(catalog)
    rejected = frozenset(problem.record for problem in report.problems if problem.record)
    found = {story.id: story_problems(story, words, rejected=rejected) for story in catalog.stories}
    valid = tuple(story for story in catalog.stories if not found[story.id])
    problems = [problem for story_found in found.values() for problem in story_found]
    return CatalogReport(dataclasses.replace(catalog, stories=valid), (*report.problems, *problems))
