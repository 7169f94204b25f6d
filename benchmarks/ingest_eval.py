"""Precision and recall of `corridors ingest` on the labelled article set, per language.

Usage: .venv/bin/python benchmarks/ingest_eval.py [--cases tests/ingest_eval] [--verbose]

Prints, for each language, features, actors and agreement provisions precision and recall
(over all the cases' ids), the share of cases whose picked event date is exactly the
expected one, and the same for the kind; then the provisions of the catalogue that no
article can link (no map feature, or no subject word in their label or text). A label
naming a provision the catalogue does not have is an error: it is printed and nothing is
scored (exit status 1). --verbose lists each case's misses and extras.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corridors.data.catalog import load_catalog
from corridors.ingest.evaluation import (
    Case,
    LabelError,
    Scores,
    Tally,
    check_labels,
    load_cases,
    run_case,
    score,
)
from corridors.ingest.propose import Proposal
from corridors.ingest.provision_links import unlinkable

HERE = Path(__file__).resolve().parent
DEFAULT_CASES = HERE.parent / "tests" / "ingest_eval"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    cases = load_cases(args.cases)
    try:
        check_labels(cases, catalog)
    except LabelError as error:
        print(f"error: the labels name provisions the catalogue does not have:\n{error}")
        return 1
    scores: dict[str, Scores] = {}
    for case in cases:
        proposal = run_case(args.cases, case, catalog)
        score(scores.setdefault(case.lang, Scores()), case, proposal)
        if args.verbose:
            print(_case_line(case, proposal))
    header = (
        f"{'lang':<5}{'cases':>6}{'feat P':>8}{'feat R':>8}{'act P':>8}{'act R':>8}"
        f"{'prov P':>8}{'prov R':>8}{'date =':>8}{'kind =':>8}"
    )
    print(header)
    for lang in sorted(scores):
        s = scores[lang]
        print(
            f"{lang:<5}{s.cases:>6}{_pr(s.features)}{_pr(s.actors)}{_pr(s.provisions)}"
            f"{s.exact_date_share:>8.2f}{s.exact_kind_share:>8.2f}"
            f"   (dates {s.exact_dates}/{s.dated}, kinds {s.exact_kinds}/{s.kinds}, "
            f"provisions {s.provisions.hits} found, {s.provisions.extra} extra, "
            f"{s.provisions.missed} missed)"
        )
    never = unlinkable(catalog)
    print(f"provisions no article can link: {', '.join(never) if never else 'none'}")
    return 0


def _case_line(case: Case, proposal: Proposal) -> str:
    return (
        f"{case.file}: date {proposal.date.date} (expected {case.date}); "
        f"kind {proposal.kind.kind} (expected {case.kind}); "
        + "; ".join(
            f"{name} missed {sorted(set(expected) - set(found))} "
            f"extra {sorted(set(found) - set(expected))}"
            for name, found, expected in (
                ("features", proposal.features, case.features),
                ("actors", proposal.actors, case.actors),
                ("provisions", proposal.provisions, case.provisions),
            )
        )
    )


def _pr(tally: Tally) -> str:
    return f"{tally.precision:>8.2f}{tally.recall:>8.2f}"


if __name__ == "__main__":
    sys.exit(main())
