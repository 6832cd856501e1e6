"""Hand-made reports for the linker's unit tests (invented events; no pipeline run)."""

from __future__ import annotations

import datetime as dt

from warlog.link.records import LinkReport
from warlog.records import Claim, Event, Evidence

BASES = {
    "Ain al-Asad Air Base": (33.786, 42.441, "Anbar"),
    "Harir Air Base": (36.539, 44.351, "Erbil"),
    "Erbil International Airport": (36.238, 43.963, "Erbil"),
}


def report(
    key: str,
    date: str | None = "2025-03-04",
    precision: str | None = "day",
    sub_type: str = "Air/drone strike",
    place: str | None = "Ain al-Asad Air Base",
    weapons: tuple[str, ...] = ("drone",),
    actor: str | None = None,
    claims: tuple[tuple[str, str, str | None], ...] = (),
    fatalities: int | None = None,
    text: str = "A drone hit the base.",
    published: str | None = None,
    date_text: str | None = None,
    target: str | None = None,
) -> LinkReport:
    """A report of one event; `place` is one of BASES (a precise place) or None."""
    lat, lon, admin1 = BASES[place] if place else (None, None, None)
    evidence = Evidence(sentence=text, start=0, end=len(text))
    event = Event(
        doc_id=f"doc-{key}",
        event_id=key,
        event_date=date,
        date_precision=precision if date else None,
        date_text=date_text,
        event_type="Explosions/Remote violence",
        sub_event_type=sub_type,
        actor1=actor,
        country="Iraq" if place else None,
        admin1=admin1,
        location=place,
        latitude=lat,
        longitude=lon,
        geo_precision=1 if place else None,
        fatalities=fatalities,
        weapons=list(weapons),
        target=target,
        claims=[Claim(kind=k, actor=a, claimant=c, evidence=evidence) for k, a, c in claims],
        evidence=[evidence],
        evidence_start=0,
    )
    return LinkReport(
        key=key, event=event, published=dt.date.fromisoformat(published) if published else None, source="Wire"
    )
