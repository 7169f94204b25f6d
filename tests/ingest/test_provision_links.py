"""Agreement provisions proposed for an article: a sentence naming a feature and a subject."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from corridors.data.agreement_models import Agreement
from corridors.data.catalog import Catalog
from corridors.ingest.propose import Proposal, propose
from corridors.ingest.provision_links import provision_terms, unlinkable
from corridors.ingest.reading import article_from_text
from support.paths import FIXTURES

SEED = FIXTURES / "ingest" / "news-article-ar.txt"
SOURCE = {"url": "https://example.org/text", "outlet": "Example", "language": "en"}


def provision(number: str, label: str, label_ar: str, features: list[str]) -> dict[str, Any]:
    return {
        "number": number,
        "label": {"en": label, "ar": label_ar},
        "text": {"en": label, "ar": label_ar},
        "type": "deliverable",
        "features": features,
        "sources": [SOURCE],
    }


#: A made agreement: one provision on the route to Nakhchivan, one on Syunik's border,
#: one whose text names no subject of the lexicon.
MADE = Agreement.model_validate(
    {
        "id": "made-accord",
        "title": {"en": "Made accord", "ar": "اتفاق مصنوع"},
        "short_title": {"en": "Made accord", "ar": "اتفاق مصنوع"},
        "parties": ["am", "az"],
        "text_sources": [SOURCE],
        "lifecycle": [{"stage": "signed", "date": "2020-01-01", "sources": [SOURCE]}],
        "provisions": [
            provision(
                "1",
                "Unblocking transport links to Nakhchivan",
                "فتح طرق المواصلات مع نخجوان",
                ["syunik-route", "az-nx"],
            ),
            provision("2", "Border delimitation in Syunik", "ترسيم الحدود في سيونيك", ["am-su"]),
            provision("3", "Goodwill", "حسن النية", ["am"]),
        ],
    }
)


@pytest.fixture(scope="module")
def made(catalog: Catalog) -> Catalog:
    return dataclasses.replace(catalog, agreements=(MADE,))


def proposed(catalog: Catalog, text: str) -> Proposal:
    return propose(article_from_text(text), catalog)


def links(proposal: Proposal) -> list[tuple[str, str]]:
    return [(e.value, e.text) for e in proposal.evidence if e.field == "provisions"]


def test_a_provision_has_the_subjects_its_label_and_text_name(made: Catalog) -> None:
    terms = {t.id: t for t in provision_terms(made)}
    assert terms["made-accord/1"].subjects == {"unblocking", "transport-links"}
    assert terms["made-accord/1"].features == {"syunik-route", "az-nx"}
    assert terms["made-accord/2"].subjects == {"border-delimitation"}
    assert terms["made-accord/3"].subjects == set()
    assert unlinkable(made) == ("made-accord/3",)


def test_an_english_sentence_naming_a_feature_and_the_subject_links_it(made: Catalog) -> None:
    sentence = "Yerevan agreed to open the transport links to Nakhchivan next year."
    proposal = proposed(made, f"Talks in Yerevan ended on Monday. {sentence} Nothing more.")
    assert proposal.provisions == ("made-accord/1",)
    assert links(proposal) == [("made-accord/1", sentence)]
    (evidence,) = (e for e in proposal.evidence if e.field == "provisions")
    assert proposal.article.text[evidence.start : evidence.end] == (
        "open the transport links to Nakhchivan"
    )


def test_an_arabic_sentence_naming_a_feature_and_the_subject_links_it(made: Catalog) -> None:
    sentence = "واتفق الجانبان على فتح طرق المواصلات مع جمهورية نخجوان ذاتية الحكم."
    proposal = proposed(made, f"اجتمع الوزيران أمس في موسكو. {sentence}")
    assert proposal.provisions == ("made-accord/1",)
    assert links(proposal) == [("made-accord/1", sentence)]


def test_a_subject_word_of_another_language_counts(made: Catalog) -> None:
    # the provision's English label names the subject; the Arabic word of it links it
    proposal = proposed(made, "بدأ ترسيم الحدود قرب ميغري.")
    assert proposal.provisions == ("made-accord/2",)  # Meghri lies in Syunik


@pytest.mark.parametrize(
    "text",
    [
        # a feature without the subject
        "Aliyev visited Nakhchivan on Monday and met students.",
        "زار علييف جمهورية نخجوان ذاتية الحكم يوم الاثنين.",
        # the subject in one sentence, the feature in another
        "The road was reopened. Nakhchivan held a festival.",
        # «ممر» inside the route's name is not a subject word
        "زار الوزير ممر زنغزور.",
        # a name listed under not_subjects holds a subject word but is not the subject
        "The Middle Corridor now reaches Nakhchivan.",
        # the subject and a feature the provision does not concern
        "Georgia will open the transport links.",
        # a provision whose text names no subject is never proposed
        "Armenia showed goodwill.",
    ],
)
def test_nothing_is_proposed_without_feature_and_subject_in_one_sentence(
    made: Catalog, text: str
) -> None:
    proposal = proposed(made, text)
    assert proposal.provisions == ()
    assert links(proposal) == []


def test_a_catalogue_without_agreements_proposes_no_provision(catalog: Catalog) -> None:
    bare = dataclasses.replace(catalog, agreements=())
    assert proposed(bare, "Armenia will open the transport links to Nakhchivan.").provisions == ()


def test_the_seed_article_is_evidence_of_point_9(catalog: Catalog) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    assert "statement-2020-11-10/9" in proposal.provisions
    sentences = [text for value, text in links(proposal) if value == "statement-2020-11-10/9"]
    assert sentences[0].startswith("كما نص الإعلان المشترك على الالتزام بفتح طرق النقل")
    assert sentences[0].endswith("وجمهورية نخجوان ذاتية الحكم التابعة لها.")
