"""Precision and recall of `corridors ingest` on the labelled article set, per language.

Usage: .venv/bin/python benchmarks/ingest_eval.py [--cases tests/ingest_eval] [--verbose]

Prints, for each language, features and actors precision and recall (over all the
cases' ids), the share of cases whose picked event date is exactly the expected one,
and the same for the kind. --verbose lists each case's misses and extras.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from corridors.data.catalog import load_catalog
from corridors.ingest.evaluation import Scores, Tally, load_cases, run_case, score

HERE = Path(__file__).resolve().parent
DEFAULT_CASES = HERE.parent / "tests" / "ingest_eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    catalog = load_catalog()
    scores: dict[str, Scores] = {}
    for case in load_cases(args.cases):
        proposal = run_case(args.cases, case, catalog)
        score(scores.setdefault(case.lang, Scores()), case, proposal)
        if args.verbose:
            print(
                f"{case.file}: date {proposal.date.date} (expected {case.date}); "
                f"kind {proposal.kind.kind} (expected {case.kind}); "
                f"features missed {sorted(set(case.features) - set(proposal.features))} "
                f"extra {sorted(set(proposal.features) - set(case.features))}; "
                f"actors missed {sorted(set(case.actors) - set(proposal.actors))} "
                f"extra {sorted(set(proposal.actors) - set(case.actors))}"
            )
    header = (
        f"{'lang':<5}{'cases':>6}{'feat P':>8}{'feat R':>8}{'act P':>8}{'act R':>8}"
        f"{'date =':>8}{'kind =':>8}"
    )
    print(header)
    for lang in sorted(scores):
        s = scores[lang]
        print(
            f"{lang:<5}{s.cases:>6}{_pr(s.features)}{_pr(s.actors)}"
            f"{s.exact_date_share:>8.2f}{s.exact_kind_share:>8.2f}"
            f"   (dates {s.exact_dates}/{s.dated}, kinds {s.exact_kinds}/{s.kinds})"
        )


def _pr(tally: Tally) -> str:
    return f"{tally.precision:>8.2f}{tally.recall:>8.2f}"


if __name__ == "__main__":
    main()
