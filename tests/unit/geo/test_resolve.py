"""Ranking candidates in context on the tiny Lebanon gazetteer."""

from warlog.geo.gazetteer import Gazetteer
from warlog.geo.resolve import resolve


def _places(doc, gazetteer: Gazetteer) -> dict[str, str | None]:
    return {m.span.text: (m.place.id if m.place else None) for m in resolve(doc, gazetteer)}


def test_article_country_beats_a_bigger_namesake(tiny_gazetteer: Gazetteer, make_doc) -> None:
    doc = make_doc(["Lebanon", "said", "shells", "hit", "Qana", "."], [(0, 1, "GPE"), (4, 5, "GPE")])
    assert _places(doc, tiny_gazetteer)["Qana"] == "gn:3"


def test_without_context_the_bigger_namesake_wins(tiny_gazetteer: Gazetteer, make_doc) -> None:
    doc = make_doc(["Shells", "hit", "Qana", "."], [(2, 3, "GPE")])
    assert _places(doc, tiny_gazetteer)["Qana"] == "gn:5"


def test_named_container_decides(tiny_gazetteer: Gazetteer, make_doc) -> None:
    doc = make_doc(["Shells", "hit", "Qana", ",", "South", "Governorate", "."], [(2, 3, "GPE"), (4, 6, "GPE")])
    resolved = resolve(doc, tiny_gazetteer)
    qana = next(m for m in resolved if m.span.text == "Qana")
    assert qana.place.id == "gn:3"
    assert any(feature.startswith("within:") for feature in qana.chosen.features)


def test_generic_word_chooses_division_or_town(tiny_gazetteer: Gazetteer, make_doc) -> None:
    province = make_doc(["A", "drone", "struck", "Nabatieh", "province", "."], [(3, 4, "GPE")])
    town = make_doc(["A", "drone", "struck", "Nabatieh", "."], [(3, 4, "GPE")])
    assert _places(province, tiny_gazetteer)["Nabatieh"] == "adm1:LB.N"
    assert _places(town, tiny_gazetteer)["Nabatieh"] == "gn:2"


def test_person_named_like_a_village_is_not_a_place(tiny_gazetteer: Gazetteer, make_doc) -> None:
    doc = make_doc(["Hasan", "said", "the", "strike", "hit", "Lebanon", "."], [(0, 1, "PERSON"), (5, 6, "GPE")])
    assert _places(doc, tiny_gazetteer)["Hasan"] is None


def test_unknown_name_gives_no_mention(tiny_gazetteer: Gazetteer, make_doc) -> None:
    doc = make_doc(["Shells", "hit", "Atlantis", "."], [(2, 3, "GPE")])
    assert resolve(doc, tiny_gazetteer) == []
