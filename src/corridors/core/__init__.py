"""The ground floor: settings, errors, safe reads and atomic writes, paths, cache, text folding.

Imports nothing else of the package; everything else may import it.

- :mod:`~corridors.core.settings`: the CRS and every limit and size;
- :mod:`~corridors.core.environment`: every environment variable the atlas reads;
- :mod:`~corridors.core.errors`: the problems and exceptions (``Problem``, ``CorridorsError``);
- :mod:`~corridors.core.files`, :mod:`~corridors.core.reading`,
  :mod:`~corridors.core.documents`: regular files only, bounded reads and parses;
- :mod:`~corridors.core.atomic`: writes that land whole or not at all;
- :mod:`~corridors.core.assets`, :mod:`~corridors.core.datasets`: package-data paths and
  the data directory;
- :mod:`~corridors.core.cache`: the process-wide memo no client can clear;
- :mod:`~corridors.core.languages`, :mod:`~corridors.core.basemaps`: what the atlas speaks
  and draws on;
- :mod:`~corridors.core.normalise`: Arabic and English word folding with spans.
"""
