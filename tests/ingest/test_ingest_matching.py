"""Features and actors found in text by every name the data holds, each side's included."""

from __future__ import annotations

import pytest

from corridors.data.catalog import Catalog
from corridors.ingest.gazetteer import actor_index, feature_index, widest
from corridors.ingest.matching import NameIndex
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text, read_article
from support.paths import FIXTURES

#: The seed article the atlas began from (a copy of shared/seeds/news-article-ar.txt).
SEED = FIXTURES / "ingest" / "news-article-ar.txt"


def features_in(catalog: Catalog, text: str) -> set[str]:
    matches = feature_index(catalog).find(text)
    return {key for match in matches for key in widest(catalog, match).keys}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the route, by each side's names and the spellings of Arabic outlets
        ("the Zangezur corridor", {"syunik-route"}),
        ("the Zangezur Corridor", {"syunik-route"}),
        ("the TRIPP project", {"syunik-route"}),
        ("the Trump Route for International Peace and Prosperity", {"syunik-route"}),
        ("Crossroads of Peace", {"syunik-route"}),
        ("ممر زنغزور", {"syunik-route"}),
        ("عبر ممر زنجزور", {"syunik-route"}),
        ("ممر زنغازور", {"syunik-route"}),
        ("ممر زانجيزور", {"syunik-route"}),
        ("ممر زانغيزور", {"syunik-route"}),
        ("ممر زنكزور", {"syunik-route"}),
        ("لممر زنغزور", {"syunik-route"}),
        ("طريق ترامب", {"syunik-route"}),
        ("ممر ترامب", {"syunik-route"}),
        ("مشروع «تريب»", {"syunik-route"}),
        ("مسار ترامب للسلام والازدهار الدوليين", {"syunik-route"}),
        ("طريق ترامب للسلام والازدهار الدولي", {"syunik-route"}),
        ("طريق ترمب للسلام والازدهار الدولي", {"syunik-route"}),
        ("الطريق عبر سيونيك", {"syunik-route"}),
        # Syunik, and Zangezur as a region
        ("Syunik province", {"am-su"}),
        ("محافظة سيونيك", {"am-su"}),
        ("the historical region of Zangezur", {"am-su"}),
        ("منطقة زنغزور", {"am-su"}),
        ("زنغازور", {"am-su"}),
        ("زانجيزور", {"am-su"}),
        ("زنجزور", {"am-su"}),
        # Nakhchivan: the republic, unless the text says the city; a name shared by an area
        # and a place inside it links the area
        ("the Nakhchivan Autonomous Republic", {"az-nx"}),
        ("وجمهورية نخجوان ذاتية الحكم", {"az-nx"}),
        ("the Nakhchivan exclave", {"az-nx"}),
        ("Nakhchivan", {"az-nx"}),
        ("Nakhichevan", {"az-nx"}),
        ("نخجوان", {"az-nx"}),
        ("إلى ناخيتشيفان", {"az-nx"}),
        ("ناختشيفان", {"az-nx"}),
        ("ناخيتشفان", {"az-nx"}),
        ("وناخجوان", {"az-nx"}),
        ("Nakhchivan (city)", {"az-nv"}),  # the city district's own name, as written
        ("مدينة نخجوان", {"az-nv"}),
        ("Nakhijevan", {"az-nx"}),
        ("جيب ناخجيفان", {"az-nx"}),
        ("Ordubad", {"az-ord"}),
        ("Culfa", {"az-cul"}),
        ("جلفا", {"az-cul", "jolfa"}),  # Iran's Jolfa shares the Arabic name: both, for review
        ("Meghri", {"meghri"}),  # a place alone keeps its name
        # places the issue names
        ("أكاراك", {"agarak"}),
        ("معبر ماركارا", {"margara"}),
        ("Meghri and Agarak", {"meghri", "agarak"}),
        # countries with prefixes, and possessives
        ("بين أذربيجان وأرمينيا", {"az", "am"}),
        ("Armenia's government", {"am"}),
        ("Türkiye and Turkey", {"tr"}),
    ],
)
def test_each_name_links_its_feature(catalog: Catalog, text: str, expected: set[str]) -> None:
    assert features_in(catalog, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the Armenian government",  # an adjective, not the name
        "Azerbaijani officials",
        "الحكومة الأرمينية",
        "Nagorno-Karabakh",  # no feature: see geodata/README.md
        "ناغورني قره باغ",
        "ناغورنو كاراباخ",
        "ناجورنو قره باغ",
        "the East Zangezur economic region",  # Azerbaijan's, not Syunik
        "شرق زنغزور",
    ],
)
def test_no_match_inside_a_longer_word_or_for_what_the_atlas_lacks(
    catalog: Catalog, text: str
) -> None:
    assert features_in(catalog, text) == set()


def test_the_longest_name_wins() -> None:
    index = NameIndex()
    index.add("route", "Zangezur corridor")
    index.add("region", "Zangezur")
    (match,) = index.find("along the Zangezur corridor today")
    assert match.keys == ("route",)
    assert [m.keys for m in index.find("Zangezur and the Zangezur corridor")] == [
        ("region",),
        ("route",),
    ]


def test_an_acronym_matches_only_as_written() -> None:
    index = NameIndex()
    index.add("un", "UN")
    index.add("eu", "EU")
    assert [m.keys for m in index.find("The UN and the EU")] == [("un",), ("eu",)]
    assert index.find("un-named, eu") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Donald Trump", "trump"),
        ("الرئيس ترمب", "trump"),
        ("دونالد ترامب", "trump"),
        ("Ilham Aliyev", "aliyev"),
        ("الرئيس علييف", "aliyev"),
        ("Pashinyan", "pashinyan"),
        ("وباشينيان", "pashinyan"),
        ("Erdogan", "erdogan"),
        ("أردوغان", "erdogan"),
        ("Masoud Pezeshkian", "pezeshkian"),
        ("ستيف ويتكوف", "witkoff"),
        ("JD Vance", "vance"),
        ("Jeyhun Bayramov", "bayramov"),
        ("ميرزويان", "mirzoyan"),
        ("SOCAR", "socar"),
        ("«سوكار»", "socar"),
        ("إكسون موبيل", "exxonmobil"),
        ("Azerbaijan Railways", "azerbaijan-railways"),
        ("South Caucasus Railway", "south-caucasus-railway"),
        ("منظمة الأمن والتعاون في أوروبا", "osce"),
        ("the OSCE", "osce"),
        ("الاتحاد الأوروبي", "eu"),
        ("the United Nations", "un"),
        ("Deputy Prime Minister Mher Grigoryan", "grigoryan"),
        ("أليكسي أوفرتشوك", "overchuk"),
        ("Papoyan wrote", "papoyan"),
        ("وزير الاقتصاد غيفورغ بابويان", "papoyan"),
        ("Davit Khudatian", "khudatyan"),
        ("إلنور محمدوف", "elnur-mammadov"),
        ("Sonata Coulter", "coulter"),
        ("Ayatollah Ali Khamenei", "ali-khamenei"),
        ("المرشد مجتبى خامنئي", "mojtaba-khamenei"),
        ("Mojtaba Khamenei", "mojtaba-khamenei"),
        ("جيه دي فانس", "vance"),
    ],
)
def test_actors_are_found_in_both_languages(catalog: Catalog, text: str, actor: str) -> None:
    assert [m.keys for m in actor_index(catalog.actors).find(text)] == [(actor,)]


@pytest.mark.parametrize("text", ["Supreme Leader Khamenei said", "قال المرشد خامنئي", "Mammadov"])
def test_a_surname_two_people_share_names_neither(catalog: Catalog, text: str) -> None:
    # "Khamenei" was Ali Khamenei until 28 February 2026 and is Mojtaba since 8 March.
    assert actor_index(catalog.actors).find(text) == []


def test_a_name_inside_a_longer_name_of_the_other_kind_does_not_count(catalog: Catalog) -> None:
    proposal = propose(
        article_from_text("Ararat Mirzoyan spoke about the Trump Route in Yerevan."), catalog
    )
    assert proposal.features == ("syunik-route", "yerevan")  # not the town of Ararat
    assert proposal.actors == ("mirzoyan",)  # not Trump


def test_the_seed_article_gives_its_dates_and_links(catalog: Catalog) -> None:
    proposal = propose(read_article(SEED), catalog)
    assert {c.date.isoformat() for c in proposal.dates} >= {"2025-08-07", "2025-08-08"}
    assert str(proposal.date.date) in {"2025-08-07", "2025-08-08"}
    assert {"az", "am", "az-nx", "syunik-route"} <= set(proposal.features)
    assert {"aliyev", "trump", "osce", "socar", "exxonmobil"} <= set(proposal.actors)
    assert proposal.lang == "ar"
    text = proposal.article.text
    for item in proposal.evidence:  # every span points at what it claims
        assert text[item.start : item.end].strip()
        assert " ".join(text[item.start : item.end].split()) in item.text
