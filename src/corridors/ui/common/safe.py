"""Escaping for Streamlit markdown: data text is shown literally, links only to http(s)."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote, urlsplit

from corridors.ui.common.styling import isolate

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$&:])")
#: Where GitHub-flavoured markdown would start a link of its own ("http://", "www.", an
#: e-mail address), escaped or not.
_AUTOLINK: Final = re.compile(r"(://|(?<![^\W_])www\.|@)", re.IGNORECASE)
#: An invisible word joiner: it breaks an address's pattern without showing.
_WORD_JOINER: Final = "\u2060"


def md_escape(text: str) -> str:
    """``text`` with every markdown, HTML and LaTeX character escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_text(text: str) -> str:
    """Text from outside (an imported row) as markdown that shows exactly as that text.

    Control and format characters go (right-to-left overrides, isolates, line breaks:
    :func:`md_escape` joins the lines), every markdown, HTML and LaTeX character is escaped,
    and a web or e-mail address in it stays text instead of becoming a link.
    """
    printable = "".join(map(_printable, text))
    return md_escape(_AUTOLINK.sub(lambda found: _WORD_JOINER + found[0], printable))


def _printable(char: str) -> str:
    """A character as shown: itself, a space for a space or line break, else nothing."""
    if char.isprintable():
        return char
    return " " if char.isspace() else ""


def md_link(label: str, url: str) -> str:
    """A link to ``url`` labelled ``label``, or just the label when ``url`` is not http(s).

    The label is text from outside shown as :func:`md_text` shows it (no bidi control, no
    address of its own), in a directional isolate so that a name in the other script stays
    inside its brackets.
    """
    shown = isolate(md_text(label))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return shown
    safe_url = quote(url, safe=":/?#@!$&'*+,;=%~-._")
    safe_url = safe_url.replace("(", "%28").replace(")", "%29").replace("'", "%27")
    return f"[{shown}]({safe_url})"
