"""The shipped pipeline on an invented analysis article with the constructions warlog must read: proxy
militias, "traced to", claims reported by partisan outlets, a state using drones, an abbreviation
and an "also known as" defined in the text."""

from __future__ import annotations

import datetime as dt

import pytest

from warlog.actors.mentions import learn_aliases
from warlog.actors.registry import load_registry
from warlog.extraction.pipeline import default_pipeline
from warlog.records import Article

pytestmark = pytest.mark.slow

ARTICLE = (
    "Armed proxies of Iran have used drones in attacks before. "
    "In September, six drones launched from Iraq targeted the American garrison at Rumeilan. "
    "Nobody was hurt, but the drones were traced to Iran. "
    "Pro-Iranian media outlets reported that the Iranian-led militias attacked the garrison in response to an "
    "Israeli airstrike near Deir ez-Zor.\n"
    "In June, Iran used drones to attack the cargo ship Pacific Star in the Arabian Sea, killing a sailor.\n"
    "The prime minister was threatened by the strongest of Iran's proxy militias, Kataib Hezbollah (KH), after "
    "rocket attacks on American bases. KH field commander Abu Fadak (also known as Hajji Karim al-Basri) then "
    "gathered 200 fighters outside the prime minister's office."
)


@pytest.fixture(scope="module")
def extraction():
    article = Article(doc_id="analysis", text=ARTICLE, published=dt.date(2024, 1, 10))
    [found] = list(default_pipeline().run([article]))
    return found


@pytest.fixture(scope="module")
def events(extraction):
    return extraction.events


def test_the_pipeline_hands_out_the_aliases_the_article_taught(extraction):
    learned = {(a.alias, a.actor, a.pattern, a.doc_id) for a in extraction.learned_aliases}
    assert ("KH", "Kata'ib Hezbollah", "abbreviation", "analysis") in learned
    aka = next(a for a in extraction.learned_aliases if a.pattern == "aka")
    assert {aka.alias, aka.name} == {"Abu Fadak", "Hajji Karim al-Basri"}
    assert aka.evidence.sentence in ARTICLE and ARTICLE[aka.start : aka.end].startswith("Abu Fadak")


def test_an_extraction_survives_pickling(extraction):
    import pickle

    assert pickle.loads(pickle.dumps(extraction)) == extraction


def event_with(events, trigger_word):
    return next(e for e in events if e.trigger and trigger_word in e.trigger and not e.background)


def test_garrison_attack_carries_the_trace_and_the_outlets_claim(events):
    event = event_with(events, "launched")
    claims = {(c.kind, c.actor, c.claimant) for c in event.claims}
    assert ("traced", "Iran", None) in claims
    assert ("blamed", "Iran-backed militia", "Pro-Iranian media outlets") in claims
    assert event.actor2 == "Military Forces of the United States"
    assert "Iran" in event.sponsors


def test_state_that_used_drones_is_actor1(events):
    event = event_with(events, "attack")
    assert event.actor1 == "Iran"
    assert event.inter1 == 1


def test_background_airstrike_keeps_its_own_perpetrator(events):
    airstrike = next(e for e in events if e.trigger == "airstrike")
    assert airstrike.actor1 == "Military Forces of Israel"
    assert airstrike.claims == []


def test_abbreviation_and_alias_resolve_to_the_registry():
    nlp = default_pipeline().nlp
    learned = learn_aliases(nlp(ARTICLE), "analysis", load_registry())
    by_alias = {item.alias: item for item in learned}
    registry = load_registry()
    assert by_alias["KH"].actor_id == "kataib-hezbollah"
    assert [s.name for s in registry.sponsors_of("kataib-hezbollah")] == ["Iran"]
    assert by_alias["Hajji Karim al-Basri"].actor_id == "abu-fadak"
    commander = registry.get("abu-fadak")
    assert registry.resolve("Abu Fadak") == commander
    assert registry.parents(commander.id)[0].name == "Kata'ib Hezbollah"
