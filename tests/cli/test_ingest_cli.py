"""``corridors ingest`` and ``corridors drafts``: outputs, files written, hostile articles."""

from __future__ import annotations

import io
import json

import pytest
import yaml

from corridors.cli.main import main
from corridors.core import settings
from corridors.ingest.reading import ArticleError, read_article
from support.paths import FIXTURES

SEED = FIXTURES / "ingest" / "news-article-ar.txt"


def corridors(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out + out.err


def test_json_prints_one_object_and_writes_nothing(data_copy, capsys):
    status, out = corridors(capsys, "ingest", str(SEED), "--json", "--data", str(data_copy))
    assert status == 0
    found = json.loads(out)
    for key in ("date", "dates", "features", "actors", "kind", "title", "lang", "evidence"):
        assert key in found
    assert {"2025-08-07", "2025-08-08"} <= {d["date"] for d in found["dates"]}
    assert {"az", "am", "az-nx", "syunik-route"} <= set(found["features"])
    assert found["lang"] == "ar"
    assert set(found["evidence"][0]) == {"field", "value", "text", "start", "end"}
    assert not (data_copy / "drafts").exists()


def test_ingest_writes_a_draft_and_its_text_and_lists_it(data_copy, capsys):
    status, out = corridors(
        capsys, "ingest", str(SEED), "--published", "2025-08-09", "--data", str(data_copy)
    )
    assert status == 0
    (draft,) = (data_copy / "drafts").glob("*.yaml")
    text = (data_copy / "drafts" / f"{draft.stem}.txt").read_text(encoding="utf-8")
    assert "UNREVIEWED" in draft.read_text(encoding="utf-8")
    assert "az-nx" in out
    assert "Add at least one source with a web address." in out  # what review must add
    status, out = corridors(capsys, "drafts", "--data", str(data_copy))
    assert status == 0
    assert draft.stem in out
    assert "summary" in out
    assert "السابع والثامن" in text
    status, out = corridors(capsys, "drafts", "drop", draft.stem, "--data", str(data_copy))
    assert status == 0
    assert list((data_copy / "drafts").iterdir()) == []
    status, out = corridors(capsys, "drafts", "drop", draft.stem, "--data", str(data_copy))
    assert status == 1
    assert "no such draft" in out


def test_ingest_proposes_provision_links_with_their_sentence(data_copy, capsys, tmp_path):
    sentence = "Armenia pledged to open the transport links to the Nakhchivan exclave."
    article = tmp_path / "pledge.txt"
    article.write_text(f"Talks ended on 3 March 2026. {sentence}", encoding="utf-8")
    status, out = corridors(capsys, "ingest", str(article), "--json", "--data", str(data_copy))
    assert status == 0
    found = json.loads(out)
    assert "statement-2020-11-10/9" in found["provisions"]
    links = [e for e in found["evidence"] if e["value"] == "statement-2020-11-10/9"]
    assert [(e["field"], e["text"]) for e in links] == [("provisions", sentence)]
    status, out = corridors(capsys, "ingest", str(article), "--data", str(data_copy))
    assert status == 0
    assert "│ provisions " in out
    assert "statement-2020-11-10/9 (" in out  # its label follows
    (draft,) = (data_copy / "drafts").glob("*.yaml")
    record = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert record["provisions"] == found["provisions"]


@pytest.mark.parametrize("bad", ["../events", "A", "x/y", "-"])
def test_a_draft_id_must_be_a_slug(data_copy, capsys, bad):
    status, out = corridors(capsys, "drafts", "drop", bad, "--data", str(data_copy))
    assert status == 1
    assert "is not a draft id" in out
    assert (data_copy / "events.yaml").is_file()


def test_an_article_about_nothing_in_the_atlas_gives_an_empty_draft_and_exit_0(
    data_copy, capsys, tmp_path
):
    article = tmp_path / "canal.txt"
    article.write_text("The canal authority cut daily transits to 31 ships.", encoding="utf-8")
    status, out = corridors(capsys, "ingest", str(article), "--data", str(data_copy))
    assert status == 0
    assert "No feature of the atlas is named" in out
    status, out = corridors(capsys, "ingest", str(article), "--json", "--data", str(data_copy))
    assert json.loads(out)["features"] == []


def test_markup_and_bidi_controls_in_an_article_print_as_plain_text(data_copy, capsys, tmp_path):
    article = tmp_path / "hostile.md"
    article.write_text(
        "# [bold red]Baku[/] <script>alert(1)</script> **Armenia**\n"
        "[link=https://evil.example]click[/link] \u202eNakhchivan\u202c on 8 August 2025.",
        encoding="utf-8",
    )
    status, out = corridors(capsys, "ingest", str(article), "--data", str(data_copy))
    assert status == 0
    assert "[bold red]Baku[/]" in out  # shown, not obeyed
    assert "<script>alert(1)</script>" in out  # plain text, never run or rendered
    assert "\u202e" not in out
    (draft,) = (data_copy / "drafts").glob("*.yaml")
    stored = draft.read_text(encoding="utf-8") + (draft.with_suffix(".txt")).read_text("utf-8")
    assert "\u202e" not in stored
    status, out = corridors(capsys, "ingest", str(article), "--json", "--data", str(data_copy))
    found = json.loads(out)
    assert {"baku", "am", "az-nx"} <= set(found["features"])
    assert "\u202e" not in out


def test_a_saved_html_page_gives_its_text_and_metadata_without_scripts(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Railway news</title>"
        '<meta property="article:published_time" content="2025-12-05T09:00:00Z">'
        "<script>document.write('Meghri')</script></head><body><nav>Home | Kars</nav>"
        "<article><h1>Work begins on the Nakhchivan railway</h1>"
        "<p>Azerbaijan Railways said that construction of the railway in Ordubad district "
        "had begun, as part of the rebuilding of the Nakhchivan railway.</p>"
        "<p>The company said the project covers about 188 km of line.</p>"
        "<script>alert('x')</script></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.html
    assert article.published is not None
    assert article.published.isoformat() == "2025-12-05"
    assert "Ordubad" in article.text
    assert "alert" not in article.text
    assert "document.write" not in article.text


def test_standard_input_is_read_with_dash():
    article = read_article("-", stdin=io.BytesIO("علييف في باكو".encode()))
    assert article.text == "علييف في باكو"
    assert article.name == "-"


def test_a_binary_file_is_refused_naming_it(data_copy, capsys, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    status, out = corridors(capsys, "ingest", str(binary), "--data", str(data_copy))
    assert status == 1
    assert "photo.jpg" in out
    assert "binary" in out
    assert not (data_copy / "drafts").exists()


def test_text_that_is_not_utf8_is_refused_naming_file_and_line(tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Baku\nBak\xfb".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"latin1\.txt: byte 0xfb on line 2 is not UTF-8"):
        read_article(latin)


def test_a_file_over_the_limit_is_refused(data_copy, capsys, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Baku " * (settings.max_article_file_bytes // 5 + 1))  # just over 5 MB
    status, out = corridors(capsys, "ingest", str(big), "--data", str(data_copy))
    assert status == 1
    assert "big.txt" in out
    assert "settings.max_article_file_bytes" in out


def test_text_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "max_article_text_bytes", 100)
    article = tmp_path / "long.txt"
    article.write_text("Baku " * 30, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"settings\.max_article_text_bytes"):
        read_article(article)


def test_a_missing_file_or_a_directory_is_a_clear_error(tmp_path):
    with pytest.raises(ArticleError, match=r"nothing\.txt: cannot read it"):
        read_article(tmp_path / "nothing.txt")
    with pytest.raises(ArticleError, match="a directory"):
        read_article(tmp_path)


def test_a_file_name_with_bidi_controls_is_shown_without_them(tmp_path):
    spoofed = tmp_path / "report\u202etxt.exe"
    spoofed.write_bytes(b"\x00binary")
    with pytest.raises(ArticleError) as raised:
        read_article(spoofed)
    assert "\u202e" not in str(raised.value)
    assert "reporttxt.exe: a binary file" in str(raised.value)


def test_ingest_lists_likely_duplicates_beside_the_draft(data_copy, capsys):
    status, out = corridors(
        capsys, "ingest", str(SEED), "--published", "2025-08-09", "--data", str(data_copy)
    )
    assert status == 0
    listing = " ".join(out[out.index("Likely duplicate") :].split())
    assert "┃ this draft" in listing
    assert "┃ in the catalogue" in listing
    assert "washington-joint-declaration" in listing
    assert "dated within a day, both linking" in listing
