"""The Streamlit pages: the only modules that import streamlit.

- :mod:`~corridors.ui.common`: what both pages share;
- :mod:`~corridors.ui.dashboard`: the public dashboard (``corridors serve``);
- :mod:`~corridors.ui.editor`: the local draft editor (``corridors edit``).
"""
