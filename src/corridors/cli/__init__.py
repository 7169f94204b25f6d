"""The ``corridors`` command line: one module per command family.

- :mod:`~corridors.cli.main`: the parser, ``validate``, ``export``, ``serve``, ``build-geodata``;
- :mod:`~corridors.cli.imports`: ``import``, ``imports [remove]``;
- :mod:`~corridors.cli.ingest`: ``ingest``, ``drafts``, ``publish``;
- :mod:`~corridors.cli.edit`: ``edit`` (the local draft editor);
- :mod:`~corridors.cli.feed`: ``feed`` (an Atom feed of a view);
- :mod:`~corridors.cli.release`: ``release`` (the events as released, for the guard);
- :mod:`~corridors.cli.site`: run one of the package's Streamlit scripts.
"""
