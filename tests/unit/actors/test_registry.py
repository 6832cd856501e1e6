"""The actor registry: shipped data is valid, names resolve, sponsors chain, users can extend it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warlog.actors.registry import ENV_VAR, RegistryError, is_acronym, load_registry, shipped_files
from warlog.knowledge import load_data


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_ships_at_least_200_named_groups_and_people(registry):
    named = [a for a in registry.actors.values() if a.kind in ("group", "person") and not a.generic]
    assert len(named) >= 200


def test_every_file_has_version_and_sources_and_every_entry_a_known_source():
    for name in shipped_files():
        content = load_data(f"actors/{name}")
        source_ids = {src["id"] for src in content["sources"]}
        entries = (content.get("actors") or []) + (content.get("people") or []) + (content.get("templates") or [])
        assert entries, name
        for entry in entries:
            assert entry["source"] in source_ids, (name, entry)


def test_wikidata_ids_are_qids_or_null(registry):
    for actor in registry.actors.values():
        assert actor.wikidata is None or re.fullmatch(r"Q\d+", actor.wikidata)


def test_state_forces_exist_for_every_country(registry):
    import pycountry

    for country in pycountry.countries:
        code = country.alpha_2
        for role in ("state", "military", "police", "civilians", "unidentified"):
            assert registry.state_actor(code, role) is not None, (code, role)
    assert registry.state_actor("IQ", "military").name == "Military Forces of Iraq"
    assert registry.state_actor("US", "military").name == "Military Forces of the United States"
    assert registry.state_actor("IQ", "unidentified").name == "Unidentified Armed Group (Iraq)"
    assert registry.state_actor("SY", "civilians").name == "Civilians (Syria)"
    assert registry.state_actor("IQ", "police").inter == 1
    assert registry.state_actor("IQ", "civilians").inter == 7


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Kata'ib Hezbollah", "kataib-hezbollah"),
        ("Kataib Hizballah", "kataib-hezbollah"),
        ("Kata\u2019ib Hezbollah", "kataib-hezbollah"),
        ("KH", "kataib-hezbollah"),
        ("Ansar Allah", "houthis"),
        ("Houthi rebels", "houthis"),
        ("Daesh", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("the Taliban", "taliban"),
        ("PKK militants", "pkk"),
        ("Asaib Ahl al Haq", "asaib-ahl-al-haq"),
        ("Iraqi security forces", "military-iq"),
        ("U.S. base", "military-us"),
        ("Syrian Arab Republic", "state-sy"),
        ("Iranian-backed militias", "iran-backed-militia"),
        ("Abu Fadak", "abu-fadak"),
    ],
)
def test_resolve_known_names(registry, name, actor_id):
    assert registry.resolve(name).id == actor_id


def test_short_acronyms_need_their_exact_case(registry):
    assert registry.resolve("IS").id == "islamic-state"
    assert registry.resolve("is") is None
    assert registry.resolve("Kh") is None


def test_fuzzy_match_tolerates_a_misspelling_but_not_a_different_name(registry):
    assert registry.resolve("Kataib Hezbolah").id == "kataib-hezbollah"
    assert registry.resolve("Asaib Ahl al-Haqq").id == "asaib-ahl-al-haq"
    assert registry.resolve("Kataib Hezbolah", fuzzy=False) is None
    assert registry.resolve("Northern Farmers Cooperative") is None


def test_fuzzy_answers_are_remembered_up_to_a_bound_and_stay_the_same(monkeypatch):
    from warlog.actors import registry as module
    from warlog.actors.registry import Registry

    fresh = Registry(load_registry().actors.values())
    monkeypatch.setattr(module, "FUZZY_MEMO_SIZE", 2)
    names = ["Kataib Hezbolah", "Northern Farmers Cooperative", "Asaib Ahl al-Haqq", "Kataib Hezbolah"]
    answers = [getattr(fresh.resolve(name), "id", None) for name in names]
    assert answers == ["kataib-hezbollah", None, "asaib-ahl-al-haq", "kataib-hezbollah"]
    assert len(fresh._fuzzy_memo) <= 2


def test_is_acronym():
    assert is_acronym("KH") and is_acronym("ISIS-K") and is_acronym("AQAP")
    assert not is_acronym("Hamas") and not is_acronym("KNU/KNLA")


def test_sponsor_chain_is_transitive(registry):
    assert [a.name for a in registry.sponsors_of("kataib-hezbollah")] == ["Iran"]
    # a front group inherits the sponsor of the group it fronts for
    assert "Iran" in [a.name for a in registry.sponsors_of("ashab-al-kahf")]
    # a person inherits the sponsor of the group they belong to
    assert "Iran" in [a.name for a in registry.sponsors_of("abu-fadak")]
    # sponsors' own bodies come along, ending with the state
    assert [a.name for a in registry.sponsors_of("fatemiyoun")] == [
        "IRGC Quds Force",
        "Islamic Revolutionary Guard Corps",
        "Iran",
    ]
    assert registry.sponsors_of("taliban") == []


def test_relations_are_dated(registry):
    assert "Islamic Resistance in Iraq" in [a.name for a in registry.parents("kataib-hezbollah", year=2024)]
    assert "Islamic Resistance in Iraq" not in [a.name for a in registry.parents("kataib-hezbollah", year=2019)]


def test_person_belongs_to_group(registry):
    assert registry.parents("abu-fadak")[0].id == "kataib-hezbollah"


def test_search_by_query_country_and_type(registry):
    found = registry.search("hezbollah", country="IQ")
    assert {a.id for a in found} >= {"kataib-hezbollah", "nujaba"}
    assert "hezbollah" not in {a.id for a in found}
    assert all(a.inter == 2 for a in registry.search(country="MM", inter=2))


def test_entity_patterns_are_case_sensitive_for_short_acronyms(registry):
    patterns = registry.entity_patterns()
    kh = [p for p in patterns if p["id"] == "actor:kataib-hezbollah" and isinstance(p["pattern"], list)]
    assert {"ORTH": "KH"} in [tok for p in kh for tok in p["pattern"]]
    labels = {p["id"]: p["label"] for p in patterns}
    assert labels["actor:abu-fadak"] == "PERSON"
    assert labels["actor:iran-backed-militia"] == "NORP"
    assert labels["actor:houthis"] == "ORG"
    # country names are places, left to the gazetteer
    assert not any(p["pattern"] == "Iraq" for p in patterns)


def _write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


USER_FILE = """
version: 1
sources:
  - {id: my-notes, title: "My field notes"}
actors:
  - {id: desert-falcons, name: Desert Falcons Brigade, type: 3, country: IQ, source: my-notes,
     aliases: [Saqr al-Sahra, DFB], sponsored_by: [{actor: state-ir, since: 2022}]}
"""


def test_user_file_extends_the_registry(tmp_path):
    path = _write(tmp_path / "extra.yaml", USER_FILE)
    registry = load_registry([path])
    assert registry.resolve("Saqr al Sahra").id == "desert-falcons"
    assert registry.resolve("DFB").name == "Desert Falcons Brigade"
    assert [a.name for a in registry.sponsors_of("desert-falcons", year=2023)] == ["Iran"]
    assert registry.sponsors_of("desert-falcons", year=2020) == []


def test_env_var_names_user_files(tmp_path, monkeypatch):
    path = _write(tmp_path / "env.yaml", USER_FILE)
    monkeypatch.setenv(ENV_VAR, str(path))
    assert load_registry().resolve("Desert Falcons Brigade") is not None
    monkeypatch.delenv(ENV_VAR)
    assert load_registry().resolve("Desert Falcons Brigade", fuzzy=False) is None


def test_user_entry_without_source_is_rejected(tmp_path):
    path = _write(tmp_path / "bad.yaml", "version: 1\nsources: []\nactors:\n  - {id: x, name: Some Group}\n")
    with pytest.raises(RegistryError, match="no source"):
        load_registry([path])


def test_alias_clash_across_actors_is_rejected_unless_shared(tmp_path):
    clash = USER_FILE.replace("[Saqr al-Sahra, DFB]", "[Saqr al-Sahra, Ansar Allah]")
    with pytest.raises(RegistryError, match="ansar allah"):
        load_registry([_write(tmp_path / "clash.yaml", clash)])


def test_unknown_relation_target_is_rejected(tmp_path):
    broken = USER_FILE.replace("actor: state-ir", "actor: no-such-actor")
    with pytest.raises(RegistryError, match="no-such-actor"):
        load_registry([_write(tmp_path / "broken.yaml", broken)])


def test_user_entry_with_a_shipped_id_replaces_it(tmp_path):
    path = _write(tmp_path / "override.yaml", USER_FILE.replace("id: desert-falcons", "id: kataib-hezbollah"))
    registry = load_registry([path])
    assert registry.get("kataib-hezbollah").name == "Desert Falcons Brigade"
    assert registry.resolve("Kataib Hizballah", fuzzy=False) is None
