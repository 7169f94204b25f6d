"""Corridor Atlas draft editor: Streamlit entry point, run only by ``corridors edit``.

Not a page of the public app (which runs ``app.py`` beside it and has no page list): the
public server never executes this script.
"""

from corridors.ui.editor.page import render

render()
