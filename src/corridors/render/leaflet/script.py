"""A folium element whose script goes into the page verbatim (no Jinja pass over its data)."""

from __future__ import annotations

from typing import Any, cast

from branca.element import Element, Figure, MacroElement


class ScriptElement(MacroElement):
    """A MacroElement whose ``script`` macro output is added to the page as it is.

    ``folium`` would compile the rendered script (with its data, often 100 KB) as a Jinja
    template; streamlit-folium calls the ``script`` macro itself, so both paths agree.
    """

    def render(self, **kwargs: Any) -> str:
        """Add the script to the page as it is."""
        figure = cast(Figure, self.get_root())
        script = self._template.module.script(self, kwargs)
        figure.script.add_child(_Text(script), name=self.get_name())
        return ""


class _Text(Element):
    """Text put into the page verbatim (``Element(text)`` would compile it as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:  # noqa: ARG002 (branca's signature)
        """The text."""
        return self.text
