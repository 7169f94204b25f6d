"""Catalogue names that are also frequent Arabic words: the candidates for ``homographs.yaml``.

Usage (wordfreq is not a dependency of the package; install it beside it first)::

    .venv/bin/pip install wordfreq==3.1.1
    .venv/bin/python research/homographs/candidates.py [--top 50000]

Prints each frequent Arabic word that is, or reads without an attached prefix as, the
single-word name of a feature: each word among the ``--top`` most frequent Arabic words of wordfreq
(Robyn Speer et al., code Apache-2.0, word lists CC BY-SA 4.0; its Arabic list blends
Wikipedia, subtitles, news, web text and Twitter), with its rank. A reviewer then keeps in
``src/corridors/ingest/homographs.yaml`` those that are ordinary words («آلات» "machines"),
not the proper names themselves («إيران»).
"""

from __future__ import annotations

import argparse

from wordfreq import top_n_list  # type: ignore[import-not-found]

from corridors.core.datasets import data_dir
from corridors.core.normalise import fold, readings
from corridors.data.catalog import load_catalog
from corridors.data.search import feature_names


def main() -> None:
    """Print the candidates, the most frequent first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=50_000)
    top = parser.parse_args().top
    ranks: dict[str, int] = {}
    for rank, word in enumerate(top_n_list("ar", top), start=1):
        ranks.setdefault(fold(word), rank)
    catalog = load_catalog(data_dir())
    names: dict[str, str] = {}
    for feature in catalog.features():
        for name in feature_names(catalog, feature.id):
            names.setdefault(fold(name), feature.id)
    for word, rank in sorted(ranks.items(), key=lambda item: item[1]):
        for reading in readings(word):
            if reading in names:
                print(f"{rank:>6}  {word}  read as  {reading}  {names[reading]}")


if __name__ == "__main__":
    main()
