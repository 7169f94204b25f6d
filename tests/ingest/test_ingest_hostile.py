"""Hostile articles (tests/support/hostile_articles.py) are read in seconds, or refused.

Runs of day numbers, of month names, of names, dates by the thousand and a page with one
long table once took minutes to days at a few hundred kilobytes: the loops that read
them compared every word, match or day with all the others. Each pattern is read here at
200 KB in one child process, which is stopped if it hangs; each must take under
:data:`SECONDS` (they took from 30 s to hours before). Past its budget a proposal, or an
extraction from HTML, stops with an error that names the article.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from corridors.cli.main import main
from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.ingest.budget import OverBudgetError
from corridors.ingest.propose import propose
from corridors.ingest.reading import ArticleError, article_from_text, read_article
from corridors.testing.hostile_articles import CASES, PUBLISHED, repeated
from support.paths import TESTS

SIZE = 200_000
#: Wall-clock seconds allowed per case (reading and proposing); generous on a busy machine.
SECONDS = 5.0
#: Seconds allowed to the child for starting and loading the catalogue, on top.
STARTUP = 60.0

CHILD = """
import datetime as dt, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from corridors.testing.hostile_articles import CASES
from corridors.data.catalog import load_catalog
from corridors.ingest.propose import propose
from corridors.ingest.reading import read_article
folder, published = Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])
catalog = load_catalog()
for number, (name, case) in enumerate(CASES.items()):
    path = folder / f"{number}{case.suffix}"
    path.write_bytes(case.build(int(sys.argv[4])))
    started = time.perf_counter()
    proposal = propose(read_article(path), catalog, published=published)
    found = {
        "seconds": time.perf_counter() - started,
        "dates": len(proposal.dates),
        "date": str(proposal.date.date),
        "features": list(proposal.features),
        "actors": list(proposal.actors),
    }
    with (folder / "results.jsonl").open("a", encoding="utf-8") as results:
        results.write(json.dumps({"case": name, **found}) + "\\n")
"""


@pytest.fixture(scope="module")
def read_all(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """What each case gave and how long it took; a case missing did not finish in time."""
    folder = tmp_path_factory.mktemp("hostile")
    command = [sys.executable, "-c", CHILD, str(folder), PUBLISHED, str(TESTS), str(SIZE)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    # on a timeout the cases read so far are in the results; the others fail below
    with contextlib.suppress(subprocess.TimeoutExpired):
        subprocess.run(command, env=env, timeout=STARTUP + SECONDS * len(CASES), check=True)
    results = folder / "results.jsonl"
    lines = results.read_text(encoding="utf-8").splitlines() if results.exists() else []
    return {found["case"]: found for found in map(json.loads, lines)}


def units(name: str, unit: str) -> int:
    """How many times ``unit`` is repeated in the case ``name`` at :data:`SIZE`."""
    return len(CASES[name].build(SIZE).decode("utf-8")) // len(unit)


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_article_is_read_in_seconds(read_all, name):
    assert name in read_all, f"{name}: not read within {STARTUP + SECONDS * len(CASES):g} s"
    assert read_all[name]["seconds"] < SECONDS


@pytest.mark.parametrize("name", ["day runs", "day runs (ar)", "month runs", "month runs (ar)"])
def test_runs_of_days_or_months_alone_give_no_date(read_all, name):
    assert read_all[name]["dates"] == 0
    assert read_all[name]["date"] == PUBLISHED  # none in the text: the publication date


@pytest.mark.parametrize("name", ["names", "names (ar)"])
def test_repeated_names_give_the_feature_and_the_actor_once(read_all, name):
    assert read_all[name]["features"] == ["am"]
    assert read_all[name]["actors"] == ["aliyev"]


def test_every_date_of_a_run_of_dates_is_found(read_all):
    assert read_all["dates"]["dates"] == units("dates", "8 May 2025, ")
    assert read_all["dates"]["date"] == "2025-05-08"
    # two days per unit: «٨ و٩ أيار ٢٠٢٥»
    assert read_all["dates (ar)"]["dates"] == 2 * units("dates (ar)", "٨ و٩ أيار ٢٠٢٥، ")


def test_a_page_with_a_long_table_gives_its_article(read_all):
    assert read_all["html table"]["date"] == "2025-08-08"
    assert {"az", "am"} <= set(read_all["html table"]["features"])


def test_a_proposal_past_its_budget_stops_with_an_error_naming_the_article(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "max_propose_seconds", 0.0)
    article = article_from_text("Armenia and Azerbaijan, 8 August 2025.", name="slow.txt")
    with pytest.raises(OverBudgetError, match=r"^slow\.txt: .*settings\.max_propose_seconds"):
        propose(article, catalog)


def test_the_ingest_command_reports_a_proposal_past_its_budget(
    tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(settings, "max_propose_seconds", 0.0)
    article = tmp_path / "long.txt"
    article.write_bytes(repeated("Armenia ")(10_000))
    assert main(["ingest", str(article), "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "long.txt: gave up after" in out
    assert not (data_copy / "drafts").exists()


def test_an_html_page_the_extractor_is_slow_on_is_stopped_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 30,000 spans in one paragraph: trafilatura took 9 minutes on these 450 KB
    monkeypatch.setattr(settings, "max_html_seconds", 1.0)
    page = tmp_path / "spans.html"
    page.write_text(
        "<html><body><article><p>" + "<span>8</span> " * 30_000 + "</p></article></body></html>",
        encoding="utf-8",
    )
    started = time.perf_counter()
    with pytest.raises(ArticleError, match=r"spans\.html: .*settings\.max_html_seconds"):
        read_article(page)
    assert time.perf_counter() - started < 1.0 + SECONDS
