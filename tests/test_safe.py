import pytest

from corridors.ui.safe import md_escape, md_link


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
        "[Mediamax](https://mediamax.am/en/news/1/)"
    )
    assert md_link("x", "javascript:alert(1)") == "x"
    assert md_link("x", "https://a.org/p(1)") == "[x](https://a.org/p%281%29)"
    assert md_link("[x](y)", "https://a.org") == "[\\[x\\]\\(y\\)](https://a.org)"
