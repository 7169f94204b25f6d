"""A griffe extension for the API pages: Sphinx cross-reference roles shown as code.

The docstrings name other objects the Sphinx way (:mod:`~corridors.core.settings`), which
Markdown would show with the role in front. Each role becomes a code span of the name
(its last part when written with ``~``), with no link: some names are private to their
folder and have no page.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:mod|func|class|meth|data|attr|exc|obj):`(~?)([^`]+)`")


def plain(text: str) -> str:
    """``text`` with every Sphinx role replaced by a code span of the name."""

    def name(match: re.Match[str]) -> str:
        target = match.group(2)
        return f"`{target.rsplit('.', 1)[-1] if match.group(1) else target}`"

    return ROLE.sub(name, text)


class SphinxRoles(griffe.Extension):
    """Rewrite the roles in every docstring once the package is loaded."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002
        """Rewrite ``obj``'s docstring."""
        if obj.docstring is not None:
            obj.docstring.value = plain(obj.docstring.value)
