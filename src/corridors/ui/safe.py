"""Escaping for Streamlit markdown: data text is shown literally, links only to http(s)."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote, urlsplit

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$&:])")


def md_escape(text: str) -> str:
    """``text`` with every markdown, HTML and LaTeX character escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_link(label: str, url: str) -> str:
    """A markdown link with an escaped label, or just the label when ``url`` is not http(s)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return md_escape(label)
    safe_url = quote(url, safe=":/?#@!$&'*+,;=%~-._")
    safe_url = safe_url.replace("(", "%28").replace(")", "%29").replace("'", "%27")
    return f"[{md_escape(label)}]({safe_url})"
