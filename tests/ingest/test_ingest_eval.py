"""The labelled article set (tests/ingest_eval/) meets the issue's targets in each language."""

from __future__ import annotations

import pytest

from corridors.data.catalog import Catalog
from corridors.ingest.evaluation import Scores, evaluate, load_cases
from support.paths import TESTS

CASES = TESTS / "ingest_eval"
LANGUAGES = sorted({case.lang for case in load_cases(CASES)})

#: The issue's targets; thresholds here may be stricter, never looser.
FEATURE_PRECISION = 0.9
FEATURE_RECALL = 0.85
EXACT_DATES = 0.9


@pytest.fixture(scope="module")
def scores(catalog: Catalog) -> dict[str, Scores]:
    return evaluate(CASES, catalog)


def test_the_set_is_well_formed(catalog: Catalog) -> None:
    cases = load_cases(CASES)
    assert {"ar", "en"} <= set(LANGUAGES)
    features = {feature.id for feature in catalog.features()}
    actors = {actor.id for actor in catalog.actors}
    for case in cases:
        assert (CASES / "articles" / case.file).is_file(), case.file
        assert set(case.features) <= features, case.file
        assert set(case.actors) <= actors, case.file
        assert case.sources, case.file


@pytest.mark.parametrize("lang", LANGUAGES)
def test_features_precision_and_recall(scores: dict[str, Scores], lang: str) -> None:
    assert scores[lang].features.precision >= FEATURE_PRECISION
    assert scores[lang].features.recall >= FEATURE_RECALL


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exact_event_dates(scores: dict[str, Scores], lang: str) -> None:
    assert scores[lang].dated
    assert scores[lang].exact_date_share >= EXACT_DATES
