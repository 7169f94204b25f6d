"""Corridor Atlas: the South Caucasus transit corridors and the events that concern them.

The module map. Folders by responsibility; data flows one way, and each folder imports
only those below it (checked by import-linter, ``[tool.importlinter]`` in pyproject.toml)::

    cli | webapp | testing   the command line; the served Streamlit site; test helpers
    ui                       the Streamlit pages (the only importers of streamlit)
    review                   drafts for the editor and the public app; publishing
    ingest | render          article -> draft event  |  scene -> deck.gl or Leaflet map
    atlas                    the catalogue and its stories, validated together
    links | reported         view state <-> link, stories  |  imported events, store, linker
    i18n                     UI strings, names, dates and numbers per language
    data                     records, validation, catalogue, timeline, search, export
    geo                      window, cameras, H3 cells (pure maths)
    core                     settings, errors, safe files, paths, cache, text folding

Each folder's own docstring lists its modules. Run ``python -m corridors --help`` (or
``corridors --help``) for the commands.
"""

__version__ = "0.1.0"
