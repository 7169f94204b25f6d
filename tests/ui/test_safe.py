import pytest

from corridors.ui.common.safe import md_escape, md_link, md_text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "**bold** _it_ `code` $x^2$",
        "# heading",
        "&lt;entity&gt;",
    ],
)
def test_markdown_specials_are_escaped(text: str) -> None:
    escaped = md_escape(text)
    for special in "<>[]()*_`$#&":
        assert special not in escaped.replace(f"\\{special}", "")


def test_lines_are_joined() -> None:
    assert "\n" not in md_escape("a\n\n# b")


def test_links_only_to_http() -> None:
    assert md_link("Mediamax", "https://mediamax.am/en/news/1/") == (
        "[\u2068Mediamax\u2069](https://mediamax.am/en/news/1/)"
    )
    assert md_link("x", "javascript:alert(1)") == "\u2068x\u2069"
    assert md_link("x", "https://a.org/p(1)") == "[\u2068x\u2069](https://a.org/p%281%29)"
    assert md_link("[x](y)", "https://a.org") == "[\u2068\\[x\\]\\(y\\)\u2069](https://a.org)"


def test_link_labels_keep_no_bidi_control_and_no_address_of_their_own() -> None:
    label = "\u202eNews\u202c www.evil.example"
    shown = "\u2068News \u2060www\\.evil\\.example\u2069"
    assert md_link(label, "https://a.org") == f"[{shown}](https://a.org)"
    assert md_link(label, "ftp://a.org") == shown


def test_imported_text_keeps_no_bidi_control_and_no_address_becomes_a_link() -> None:
    shown = md_text("News \u202eevil\u202c wire\nsee http://x.org, www.y.com or a@b.cc")
    assert shown == (
        "News evil wire see http\u2060\\://x\\.org, \u2060www\\.y\\.com or a\u2060@b\\.cc"
    )


def test_imported_text_is_escaped_like_data_text() -> None:
    hostile = "<script>alert(1)</script> **b** [x](javascript:alert(1)) =SUM(A1)"
    assert md_text(hostile) == md_escape(hostile)
