"""A language is data only: with a third locale file and texts, every command and page takes it.

French is added in a temporary copy of ``locales/`` (its strings copied from English) and
of the data (every text given a French version); nothing in the package is changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from corridors.cli.main import main
from corridors.core.assets import DATA_PACKAGE, editor_script, package_folder
from corridors.core.environment import DATA_DIR_ENV
from corridors.core.languages import available_languages
from support.app import open_app
from support.paths import FIXTURES
from support.third_language import add_language, clear_caches, data_in

NEW = "fr"
ARTICLE = FIXTURES / "ingest" / "news-article-ar.txt"
F = "ed_f_"


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """French added to the locales, and a data directory (in ``$CORRIDORS_DATA_DIR``) with it."""
    add_language(NEW, tmp_path / "locales", monkeypatch)
    data = data_in(NEW, package_folder(DATA_PACKAGE), tmp_path / "data")
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    yield data
    clear_caches()


@pytest.mark.usefixtures("french")
def test_the_new_language_is_one_of_the_atlas() -> None:
    assert available_languages() == ("en", "ar", NEW)


def test_validate_requires_and_accepts_it(french: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(french)]) == 0
    capsys.readouterr()
    bundled = package_folder(DATA_PACKAGE)
    assert main(["validate", "--data", str(bundled)]) == 1  # its texts have no French
    assert "text in fr is missing" in capsys.readouterr().out


def test_ingest_drafts_and_export_take_it(french: Path, tmp_path: Path) -> None:
    assert main(["ingest", str(ARTICLE), "--lang", NEW, "--data", str(french)]) == 0
    (path,) = (french / "drafts").glob("*.yaml")
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft["draft"]["lang"] == NEW
    assert draft["actors"]
    assert all(set(actor) == {"en", "ar", NEW} for actor in draft["actors"])
    assert main(["drafts", "--data", str(french)]) == 0
    out = tmp_path / "map.html"
    assert main(["export", "html", str(out), "--lang", NEW, "--data", str(french)]) == 0
    assert "mars 1992" in out.read_text(encoding="utf-8")  # its title, dated in French


@pytest.mark.usefixtures("french")
def test_the_dashboard_speaks_it() -> None:
    at = open_app(lang=NEW, feature="syunik-route")
    assert at.radio(key="lang").value == NEW
    assert "français" in at.radio(key="lang").options
    assert not at.text  # no notice: the link's language was taken
    shown = " ".join(element.value for element in [*at.markdown, *at.caption])
    assert "août 2025" in shown  # the Washington summit, dated in French


def test_the_editor_speaks_it_and_publishes_a_text_in_it(french: Path) -> None:
    at = AppTest.from_file(str(editor_script()), default_timeout=60)
    at.run()
    at.selectbox(key="ed_ui_lang").set_value(NEW).run()
    at.selectbox(key="ed_article_lang").set_value(NEW).run()
    at.text_area(key="ed_text").set_value(ARTICLE.read_text(encoding="utf-8"))
    at.button(key="ed-propose").click().run()
    assert not at.exception
    texts = {
        f"{name}_{lang}": f"{name} {lang}"
        for name in ("title", "summary")
        for lang in available_languages()
    }
    for key, value in texts.items():
        widget = (
            at.text_area(key=F + key) if key.startswith("summary") else at.text_input(key=F + key)
        )
        widget.set_value(value)
    at.text_input(key=F + "source_0_url").set_value("https://example.org/article")
    at.text_input(key=F + "source_0_outlet").set_value("Nebras")
    event_id = f"{at.text_input(key=F + 'date').value}-french-test"  # the id follows the date
    at.text_input(key=F + "id").set_value(event_id)
    at.button(key="ed-publish").click().run()
    assert not at.error, [t.value for t in at.text]
    events = yaml.safe_load((french / "events.yaml").read_text(encoding="utf-8"))
    event = next(e for e in events if e["id"] == event_id)
    assert event["title"] == {"en": "title en", "ar": "title ar", NEW: "title fr"}
