"""Read an article: a plain-text file, standard input (``-``) or a saved HTML page.

A saved page is reduced to its article text and metadata (title, publication date) by
trafilatura, which drops scripts, styles, navigation and comments; it never fetches
anything, and it runs in a child process stopped after ``settings.max_html_seconds`` (see
:mod:`~corridors.ingest.html_text`). Plain text is taken as it is: markup in it
(Markdown, tags) stays plain text. Limits come from :mod:`corridors.core.settings`; any
refusal names the input.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from corridors.core import settings
from corridors.core.errors import CorridorsError
from corridors.core.files import NotRegularFileError, open_regular
from corridors.ingest.cleaning import clean_text

STDIN: Final = "-"
_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
_HTML_STARTS: Final = (b"<!doctype html", b"<html")


class ArticleError(CorridorsError):
    """An article could not be read; the message names the input and says why."""


@dataclass(frozen=True)
class Article:
    """An article's text (cleaned: see :mod:`corridors.ingest.cleaning`) and metadata."""

    text: str
    #: What it was read from: a file name, or ``-`` for standard input.
    name: str
    title: str | None = None
    published: dt.date | None = None
    html: bool = False


def read_article(source: str | Path, *, stdin: BinaryIO | None = None) -> Article:
    """Read the article at ``source`` (a path, or ``-`` for ``stdin``).

    Raises
    ------
    ArticleError
        If it is too large, binary, not UTF-8 (plain text), not a regular file, or a page
        with no article text.

    """
    name = clean_text(str(source))  # what messages and drafts show: no bidi controls
    raw = _read_bytes(Path(source), name, stdin or sys.stdin.buffer)
    if b"\x00" in raw:
        raise ArticleError(f"{name}: a binary file (it holds NUL bytes), not an article")
    if _is_html(name, raw):
        return _from_html(name, raw)
    return _checked(Article(text=clean_text(_decode(name, raw)), name=name))


def article_from_text(
    text: str, *, name: str = "text", published: dt.date | None = None
) -> Article:
    """An article from text already in memory (the editor page's pasted text)."""
    return _checked(Article(text=clean_text(text), name=name, published=published))


def _read_bytes(path: Path, name: str, stdin: BinaryIO) -> bytes:
    limit = settings.max_article_file_bytes
    try:
        if str(path) == STDIN:
            raw = stdin.read(limit + 1)
        else:
            with open_regular(path) as stream:
                raw = stream.read(limit + 1)
    except NotRegularFileError as error:
        raise ArticleError(f"{name}: {error}") from None
    except OSError as error:
        raise ArticleError(f"{name}: cannot read it: {error.strerror}") from None
    if len(raw) > limit:
        raise ArticleError(
            f"{name}: larger than {limit:,} bytes, the limit for an article "
            "(settings.max_article_file_bytes)"
        )
    return raw


def _is_html(name: str, raw: bytes) -> bool:
    if Path(name).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS)


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArticleError(
            f"{name}: byte 0x{raw[error.start]:02x} on line {line} is not UTF-8; "
            "save the article as UTF-8 text"
        ) from None


def _from_html(name: str, raw: bytes) -> Article:
    found = _extracted(name, raw)
    text, title = found.get("text"), found.get("title")
    if not text or not text.strip():
        raise ArticleError(f"{name}: no article text found in this HTML page")
    published = _iso_date(found.get("date"))
    article = Article(
        text=clean_text(text),
        name=name,
        title=clean_text(title).strip() or None if title else None,
        published=published,
        html=True,
    )
    return _checked(article)


def _extracted(name: str, raw: bytes) -> dict[str, str | None]:
    """What :mod:`~corridors.ingest.html_text` finds in the page, within the time limit."""
    limit = settings.max_html_seconds
    try:
        done = subprocess.run(
            [sys.executable, "-m", "corridors.ingest.html_text"],
            input=raw,
            capture_output=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ArticleError(
            f"{name}: extracting the article from this HTML page took longer than {limit:g} s "
            "(settings.max_html_seconds); save or paste the article's text instead"
        ) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"]
        raise ArticleError(f"{name}: the HTML extractor failed: {clean_text(lines[-1])}")
    found: dict[str, str | None] = json.loads(done.stdout)
    return found


def _iso_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _checked(article: Article) -> Article:
    limit = settings.max_article_text_bytes
    if len(article.text.encode("utf-8")) > limit:
        raise ArticleError(
            f"{article.name}: more than {limit:,} bytes of text, the limit for an article "
            "(settings.max_article_text_bytes)"
        )
    if not article.text.strip():
        raise ArticleError(f"{article.name}: the article is empty")
    return article
