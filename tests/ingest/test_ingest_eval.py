"""The labelled article set (tests/ingest_eval/) meets the issue's targets in each language."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from corridors.data.catalog import Catalog
from corridors.ingest.evaluation import LabelError, Scores, check_labels, evaluate, load_cases
from support.paths import REPOSITORY, TESTS

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
    check_labels(cases, catalog)  # every provision labelled exists
    assert {"ar", "en"} <= {case.lang for case in cases if case.provisions}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_features_precision_and_recall(scores: dict[str, Scores], lang: str) -> None:
    assert scores[lang].features.precision >= FEATURE_PRECISION
    assert scores[lang].features.recall >= FEATURE_RECALL


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exact_event_dates(scores: dict[str, Scores], lang: str) -> None:
    assert scores[lang].dated
    assert scores[lang].exact_date_share >= EXACT_DATES


POINT_9 = "statement-2020-11-10/9"
#: Made articles: point 9 named with its place and subject, then named by neither.
ARTICLES = {
    "en-yes.txt": "Armenia pledged on 3 March 2026 to open the transport links to Nakhchivan.",
    "en-no.txt": "On 4 March 2026 trade between Armenia and Azerbaijan grew again.",
    "ar-yes.txt": "تعهدت أرمينيا في ٣ مارس ٢٠٢٦ بفتح طرق المواصلات مع جمهورية نخجوان ذاتية الحكم.",
}


def labelled_set(folder: Path, provisions: dict[str, list[str]]) -> Path:
    """A labelled set of the made articles, each expecting ``provisions[file]``."""
    (folder / "articles").mkdir(parents=True)
    cases: list[dict[str, Any]] = []
    for name, text in ARTICLES.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
        cases.append(
            {
                "file": name,
                "lang": name[:2],
                "published": "2026-03-05",
                "date": None,
                "features": [],
                "actors": [],
                "provisions": provisions[name],
                "kind": None,
                "sources": ["https://example.org/made"],
            }
        )
    (folder / "cases.yaml").write_text(yaml.safe_dump(cases, allow_unicode=True), "utf-8")
    return folder


@pytest.fixture(scope="module")
def point_9(catalog: Catalog) -> Catalog:
    """The bundled catalogue with one provision: point 9 of the 2020 statement."""
    agreement, provision = catalog.provision(POINT_9)
    only = agreement.model_copy(update={"provisions": (provision,)})
    return dataclasses.replace(catalog, agreements=(only,))


def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "ingest_eval_benchmark", REPOSITORY / "benchmarks" / "ingest_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_provisions_are_scored_per_language(tmp_path: Path, point_9: Catalog) -> None:
    # en: point 9 found once (yes), expected but missed once (no); ar: found
    folder = labelled_set(
        tmp_path, {"en-yes.txt": [POINT_9], "en-no.txt": [POINT_9], "ar-yes.txt": [POINT_9]}
    )
    scores = evaluate(folder, point_9)
    en, ar = scores["en"].provisions, scores["ar"].provisions
    assert (en.hits, en.extra, en.missed) == (1, 0, 1)
    assert (en.precision, en.recall) == (1.0, 0.5)
    assert (ar.hits, ar.extra, ar.missed) == (1, 0, 0)
    # expected nowhere: what is proposed counts against precision
    folder = labelled_set(tmp_path / "none", {name: [] for name in ARTICLES})
    extra = evaluate(folder, point_9)["en"].provisions
    assert (extra.hits, extra.extra, extra.missed) == (0, 1, 0)
    assert extra.precision == 0.0


def test_a_label_naming_an_unknown_provision_is_an_error(tmp_path: Path, catalog: Catalog) -> None:
    folder = labelled_set(
        tmp_path,
        {"en-yes.txt": [POINT_9], "en-no.txt": ["statement-2020-11-10/99"], "ar-yes.txt": []},
    )
    with pytest.raises(LabelError) as raised:
        evaluate(folder, catalog)
    (problem,) = raised.value.problems
    assert str(problem) == (
        "cases.yaml, record 'en-no.txt', field 'provisions[0]': [unknown-link] "
        "'statement-2020-11-10/99' is not a provision of the catalogue's agreements"
    )


def test_the_benchmark_prints_provision_precision_and_recall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], point_9: Catalog
) -> None:
    folder = labelled_set(
        tmp_path, {"en-yes.txt": [POINT_9], "en-no.txt": [POINT_9], "ar-yes.txt": [POINT_9]}
    )
    script = benchmark()
    script.load_catalog = lambda: point_9  # the benchmark reads the bundled data
    assert script.main(["--cases", str(folder), "--verbose"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("lang"))
    assert header.split() == [
        "lang", "cases", "feat", "P", "feat", "R", "act", "P", "act", "R",
        "prov", "P", "prov", "R", "date", "=", "kind", "=",
    ]  # fmt: skip
    rows = {line.split()[0]: line.split() for line in lines if line[:3] in ("en ", "ar ")}
    assert rows["en"][:2] == ["en", "2"]
    assert rows["en"][6:8] == ["1.00", "0.50"]  # provisions P, R
    assert rows["ar"][6:8] == ["1.00", "1.00"]
    assert "provisions 1 found, 0 extra, 1 missed" in " ".join(rows["en"])
    assert any(f"provisions missed ['{POINT_9}'] extra []" in line for line in lines)
    assert any(line.startswith("provisions no article can link:") for line in lines)


def test_the_benchmark_stops_on_a_label_naming_an_unknown_provision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = labelled_set(
        tmp_path, {"en-yes.txt": ["nowhere/1"], "en-no.txt": [], "ar-yes.txt": []}
    )
    assert benchmark().main(["--cases", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "record 'en-yes.txt', field 'provisions[0]'" in out
    assert "prov P" not in out  # nothing scored
