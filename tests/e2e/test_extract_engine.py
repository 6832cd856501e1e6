"""The extraction engine end to end, on an invented article reporting four different things."""

from __future__ import annotations

import datetime as dt

from warlog.extraction import extract_articles
from warlog.records import Article

ARTICLE = (
    "On Sunday, three explosive-laden drones attacked the Victory airbase near the city of Harran. "
    "The attack damaged a hangar but caused no casualties. "
    "On Monday, air defences intercepted another drone over the airport of Qaraj. "
    "Police later arrested four members of the Sons of the Valley militia in a raid on a farm. "
    "The militia threatened to attack the ministry of defence if its members are not released."
)


def test_the_engine_finds_each_reported_event_once() -> None:
    article = Article(doc_id="invented-1", text=ARTICLE, published=dt.date(2024, 3, 5), published_source="user")
    [extraction] = list(extract_articles([article]))
    reported = [event for event in extraction.events if not event.background]
    types = [event.sub_event_type for event in reported]
    assert types.count("Air/drone strike") == 1
    assert "Disrupted weapons use" in types
    assert "Arrests" in types
    assert "Threat" in types

    strike = next(e for e in reported if e.sub_event_type == "Air/drone strike")
    assert len(strike.evidence) == 2
    assert strike.target_category == "military base"
    intercepted = next(e for e in reported if e.sub_event_type == "Disrupted weapons use")
    assert intercepted.outcome == "intercepted"
    threat = next(e for e in reported if e.sub_event_type == "Threat")
    assert threat.hypothetical and threat.event_type != "Explosions/Remote violence"
    attacks = [e for e in reported if e.event_type in ("Explosions/Remote violence", "Battles")]
    assert len(attacks) == 1
