"""Gazetteer lookups on a tiny index."""

from warlog.geo.gazetteer import Gazetteer


def test_lookup_by_any_spelling_most_populous_first(tiny_gazetteer: Gazetteer) -> None:
    assert [p.id for p in tiny_gazetteer.lookup("Sour")] == ["gn:1"]
    assert [p.country for p in tiny_gazetteer.lookup("Qana")] == ["EG", "LB"]


def test_get_country_and_admin1(tiny_gazetteer: Gazetteer) -> None:
    assert tiny_gazetteer.country("LB").name == "Lebanon"
    assert tiny_gazetteer.admin1("LB", "Nabatieh").feature == "admin1"
    assert tiny_gazetteer.get("gn:404") is None
    assert tiny_gazetteer.lookup("Atlantis") == []


def test_point_places_and_containment(tiny_gazetteer: Gazetteer) -> None:
    tyre = tiny_gazetteer.get("gn:1")
    south = tiny_gazetteer.get("adm1:LB.S")
    assert tyre.is_point and not south.is_point
    assert south.contains(tyre)
    assert tiny_gazetteer.country("LB").contains(south)
    assert not tiny_gazetteer.admin1("LB", "Nabatieh").contains(tyre)


def test_lookup_falls_back_to_the_spaceless_key(tiny_gazetteer: Gazetteer) -> None:
    assert [p.id for p in tiny_gazetteer.lookup("Bint-Jbeil")] == ["gn:6"]
    assert [p.id for p in tiny_gazetteer.lookup("Bin Tjbeil")] == ["gn:6"]
