"""Presenter mode's Previous and Next point the way the story reads, in each language."""

from __future__ import annotations

import pytest

from support.app import open_app


@pytest.mark.parametrize(
    ("lang", "previous", "next_"),
    [
        ("en", ":material/arrow_back:", ":material/arrow_forward:"),
        ("ar", ":material/arrow_forward:", ":material/arrow_back:"),  # right to left
    ],
)
def test_previous_and_next_point_the_way_the_story_reads(lang, previous, next_):
    at = open_app(mode="present", step="3", lang=lang)
    assert at.button(key="present-previous").proto.icon == previous
    assert at.button(key="present-next").proto.icon == next_
