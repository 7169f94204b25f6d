"""Score the ingest on a labelled set of articles (``tests/ingest_eval/``).

The set is ``cases.yaml`` (a list of :class:`Case`) beside an ``articles/`` folder.
Features, actors and agreement provisions are scored by precision and recall over all the
cases of a language (every id proposed or expected counts once per case); dates by the
share of cases with an expected date whose picked date is exactly it; kinds likewise.

Every case labels its provisions (``provisions: []`` when it is evidence of none), and a
label naming a provision the catalogue does not have is an error
(:class:`LabelError`, naming the file, case and field), never left out of the scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from corridors.core.errors import CorridorsError, Problem, ProblemKind
from corridors.data.agreement_checks import provision_ids
from corridors.data.agreement_models import ProvisionId
from corridors.data.catalog import Catalog
from corridors.data.models import Date, EventKind, FeatureId, HttpUrlText
from corridors.ingest.propose import Proposal, propose
from corridors.ingest.reading import read_article

#: The labels' file in the set's folder.
CASES_FILE = "cases.yaml"


class Case(BaseModel):
    """One labelled article."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    lang: str
    published: Date | None
    date: Date | None
    features: tuple[FeatureId, ...]
    actors: tuple[FeatureId, ...]
    #: Agreement provisions the article is evidence of: it reports a step taken, planned,
    #: agreed or refused in what the provision commits to.
    provisions: tuple[ProvisionId, ...]
    kind: EventKind | None
    sources: tuple[HttpUrlText, ...]


class LabelError(CorridorsError):
    """Labels of the set name what the catalogue does not have; ``problems`` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class Tally:
    """True positives, false positives and false negatives of one kind of id."""

    hits: int = 0
    extra: int = 0
    missed: int = 0

    def add(self, found: Iterable[str], expected: Iterable[str]) -> None:
        """Count one case."""
        got, want = set(found), set(expected)
        self.hits += len(got & want)
        self.extra += len(got - want)
        self.missed += len(want - got)

    @property
    def precision(self) -> float:
        """Share of proposed ids that were expected (1.0 when none was proposed)."""
        proposed = self.hits + self.extra
        return self.hits / proposed if proposed else 1.0

    @property
    def recall(self) -> float:
        """Share of expected ids that were proposed (1.0 when none was expected)."""
        expected = self.hits + self.missed
        return self.hits / expected if expected else 1.0


@dataclass
class Scores:
    """The scores of one language."""

    cases: int = 0
    features: Tally = field(default_factory=Tally)
    actors: Tally = field(default_factory=Tally)
    provisions: Tally = field(default_factory=Tally)
    dated: int = 0
    exact_dates: int = 0
    kinds: int = 0
    exact_kinds: int = 0

    @property
    def exact_date_share(self) -> float:
        """Share of cases with an expected date whose picked date is exactly it."""
        return self.exact_dates / self.dated if self.dated else 1.0

    @property
    def exact_kind_share(self) -> float:
        """Share of cases with an expected kind whose picked kind is it."""
        return self.exact_kinds / self.kinds if self.kinds else 1.0


def load_cases(folder: Path) -> list[Case]:
    """The labelled cases of ``folder/cases.yaml``."""
    raw = yaml.safe_load((folder / CASES_FILE).read_text(encoding="utf-8"))
    return [Case.model_validate(item) for item in raw or []]


def check_labels(cases: Iterable[Case], catalog: Catalog) -> None:
    """Raise :class:`LabelError` if a case labels a provision ``catalog`` does not have."""
    known = provision_ids(catalog.agreements)
    problems = [
        Problem(
            CASES_FILE,
            case.file,
            f"provisions[{index}]",
            ProblemKind.UNKNOWN_LINK,
            f"{provision!r} is not a provision of the catalogue's agreements",
        )
        for case in cases
        for index, provision in enumerate(case.provisions)
        if provision not in known
    ]
    if problems:
        raise LabelError(problems)


def run_case(folder: Path, case: Case, catalog: Catalog) -> Proposal:
    """The proposal for one case's article."""
    article = read_article(folder / "articles" / case.file)
    return propose(article, catalog, lang=case.lang, published=case.published)


def evaluate(folder: Path, catalog: Catalog) -> dict[str, Scores]:
    """Scores per language over every case of ``folder``.

    Raises
    ------
    LabelError
        If a case labels a provision the catalogue does not have.

    """
    cases = load_cases(folder)
    check_labels(cases, catalog)
    scores: dict[str, Scores] = {}
    for case in cases:
        proposal = run_case(folder, case, catalog)
        score(scores.setdefault(case.lang, Scores()), case, proposal)
    return scores


def score(scores: Scores, case: Case, proposal: Proposal) -> None:
    """Add one case's outcome to ``scores``."""
    scores.cases += 1
    scores.features.add(proposal.features, case.features)
    scores.actors.add(proposal.actors, case.actors)
    scores.provisions.add(proposal.provisions, case.provisions)
    if case.date is not None:
        scores.dated += 1
        scores.exact_dates += _same_day(proposal.date.date, case.date)
    if case.kind is not None:
        scores.kinds += 1
        scores.exact_kinds += proposal.kind.kind is case.kind


def _same_day(found: dt.date | None, expected: dt.date) -> bool:
    return found == expected
