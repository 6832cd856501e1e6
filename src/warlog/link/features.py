"""Explainable pairwise features: each says how much a pair of reports looks like one event, and why.

Features read a `Profile`: what they need of one report (date readings, attack type, folded words...),
computed once per report, not once per pair. A feature returns a `Contribution` (positive for agreement, negative for disagreement) or None when it
has nothing to say (a field missing on either side). A veto means the two can never be one event:
different countries, places or dates too far apart for the places' and dates' precision, or two
specific attack types (a drone strike and a rocket attack on one base on one day are two events).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from warlog.link.config import LinkConfig
from warlog.link.families import GENERIC, family
from warlog.link.periods import is_day, readings
from warlog.link.records import Contribution, LinkReport
from warlog.text import fold

ADJACENT = "one day apart"
LINKED_GAP = dt.timedelta(days=1)  # the widest date gap of a pair that can link (two days one day apart)
GENERIC_TARGET_WORDS = frozenset(
    "air base airbase airport international military camp field us american forces troops soldiers people "
    "civilians one two three four five building region province".split()
)
STOPWORDS = frozenset(
    "a an the of in on at to and or by for with from was were is are be been has have had that this it its "
    "as said says say after before into over than their they he she we not no".split()
)


@dataclass(frozen=True)
class Profile:
    """What the features read of one report, computed once (`profile`)."""

    report: LinkReport
    days: tuple[tuple[int, int], ...]  # the date readings as first and last day ordinals
    day: bool
    kind: str
    actors: frozenset[str]
    target: frozenset[str]
    weapons: frozenset[str]
    weapon_types: frozenset[str]
    words: frozenset[str]


def profile(report: LinkReport, config: LinkConfig) -> Profile:
    """The report's profile under `config` (whose weapon types decide its attack type)."""
    event = report.event
    return Profile(
        report=report,
        days=tuple((start.toordinal(), end.toordinal()) for start, end in readings(report)),
        day=is_day(report),
        kind=attack_type(report, config),
        actors=frozenset(_actors(report)),
        target=_words(event.target or "") - GENERIC_TARGET_WORDS,
        weapons=frozenset(event.weapons),
        weapon_types=frozenset(config.weapon_types[w] for w in event.weapons if w in config.weapon_types),
        words=evidence_words(report),
    )


Feature = Callable[[Profile, Profile, LinkConfig], Contribution | None]


def date(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """Same day scores; one day apart counts against (reporting lag); a gap beyond the precision vetoes.

    Each report may allow more than one reading (see `periods.readings`): the closest pair is used.
    """
    closest = _closest(a, b)
    if closest is None:
        return None
    gap, x, y = closest
    if gap > _widest_gap(a, b):
        return Contribution(
            feature="date", value=0, veto=True, note=f"{'' if a.day and b.day else 'periods '}{gap} days apart"
        )
    note = " (weekday read as the publication day)" if x or y else ""
    if not (a.day and b.day):
        return Contribution(feature="date", value=config.period_overlap, note="periods overlap" + note)
    if gap == 0:
        return Contribution(feature="date", value=config.same_day, note="same day" + note)
    return Contribution(feature="date", value=config.adjacent_day, note=ADJACENT + note)


def dates_veto(a: Profile, b: Profile) -> bool:
    """Whether the dates alone rule the pair out, as `date` does (a cheap test: most blocked pairs are a few
    days apart)."""
    closest = _closest(a, b)
    return closest is not None and closest[0] > _widest_gap(a, b)


def _closest(a: Profile, b: Profile) -> tuple[int, int, int] | None:
    """The smallest gap in days between the two reports' readings, with the readings' positions."""
    if not a.days or not b.days:
        return None
    return min((_gap(p, q), i, j) for i, p in enumerate(a.days) for j, q in enumerate(b.days))


def _widest_gap(a: Profile, b: Profile) -> int:
    """Two days may be one day apart (`LINKED_GAP`); periods must overlap."""
    return LINKED_GAP.days if a.day and b.day else 0


def place(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """Distance within the places' precision scores; two precise places too far apart, or in other
    countries or provinces, veto. A region-level place (precision 3) that disagrees only counts
    against, as vague places are the ones most often resolved wrongly."""
    x, y = a.report.event, b.report.event
    coarse = max(x.geo_precision or 3, y.geo_precision or 3)
    if coarse == 3 and x.location and x.location == y.location:
        return Contribution(feature="place", value=config.same_admin1, note=f"both in {x.location}")
    if x.country and y.country and x.country != y.country:
        if coarse < 3:
            return Contribution(feature="place", value=0, veto=True, note=f"{x.country} vs {y.country}")
        return Contribution(feature="place", value=config.vague_conflict, note=f"{x.country} vs {y.country} (vague)")
    if None not in (x.latitude, x.longitude, y.latitude, y.longitude) and coarse < 3:
        km = _km(x.latitude, x.longitude, y.latitude, y.longitude)
        if km <= (config.town_km if coarse == 1 else config.region_km):
            return Contribution(feature="place", value=config.same_place, note=f"same place ({km:.0f} km)")
        if coarse == 1 or x.admin1 != y.admin1:
            return Contribution(feature="place", value=0, veto=True, note=f"places {km:.0f} km apart")
    if x.admin1 and y.admin1:
        if x.admin1 == y.admin1:
            return Contribution(feature="place", value=config.same_admin1, note=f"both in {x.admin1}")
        if coarse < 3:
            return Contribution(feature="place", value=0, veto=True, note=f"{x.admin1} vs {y.admin1}")
        return Contribution(feature="place", value=config.vague_conflict, note=f"{x.admin1} vs {y.admin1} (vague)")
    if x.country and x.country == y.country:
        return Contribution(feature="place", value=config.same_country, note=f"both in {x.country}")
    return None


def event_type(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """Same sub-type scores; a generic type fits a specific one; two different specific types veto.

    The sub-type is read through the weapons (`attack_type`), so a rocket attack classified as a drone
    strike because the text mentions an earlier drone strike is still a rocket attack.
    """
    x, y = a.kind, b.kind
    if x == y:
        return Contribution(feature="type", value=config.same_subtype, note=f"both {x}")
    if family(x) != family(y):
        return Contribution(feature="type", value=0, veto=True, note=f"{x} vs {y}")
    if x in GENERIC or y in GENERIC:
        return Contribution(feature="type", value=config.generic_subtype, note=f"{x} fits {y}")
    return Contribution(feature="type", value=0, veto=True, note=f"{x} vs {y}")


def attack_type(report: LinkReport, config: LinkConfig) -> str:
    """The sub-type, unless the report's weapons all point to one other specific attack type."""
    own = report.event.sub_event_type
    implied = {config.weapon_types[w] for w in report.event.weapons if w in config.weapon_types}
    if len(implied) == 1 and own not in implied and own not in GENERIC:
        return implied.pop()
    return own


def actors(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """Sharing a canonical actor (as perpetrator or in a claim) scores; naming only different ones counts against."""
    first, second = a.actors, b.actors
    if not first or not second:
        return None
    if shared := first & second:
        return Contribution(feature="actors", value=config.shared_actor, note="both name " + ", ".join(sorted(shared)))
    return Contribution(feature="actors", value=config.different_actor, note="different actors named")


def target(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """Targets that share a word (folded, stopwords aside) score."""
    first, second = a.target, b.target
    if not first or not second:
        return None
    if shared := first & second:
        return Contribution(feature="target", value=config.shared_target, note="target: " + " ".join(sorted(shared)))
    return None


def weapons(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """A shared weapon scores; weapons of one attack type (missile, ballistic missile) are neutral; others
    count against."""
    first, second = a.weapons, b.weapons
    if not first or not second:
        return None
    if shared := first & second:
        return Contribution(feature="weapons", value=config.shared_weapon, note="both " + ", ".join(sorted(shared)))
    if a.weapon_types & b.weapon_types:
        return None
    return Contribution(feature="weapons", value=config.different_weapon, note="different weapons")


def toll(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """The same non-zero death toll scores (a different toll says nothing: one outlet may be wrong)."""
    killed = a.report.event.fatalities
    if killed and killed == b.report.event.fatalities:
        return Contribution(feature="toll", value=config.same_toll, note=f"both {killed} killed")
    return None


def text(a: Profile, b: Profile, config: LinkConfig) -> Contribution | None:
    """Jaccard similarity of the content words of the two reports' evidence sentences, weighted."""
    first, second = a.words, b.words
    if not first or not second:
        return None
    shared = len(first & second)
    jaccard = shared / (len(first) + len(second) - shared)
    return Contribution(feature="text", value=round(config.text_similarity * jaccard, 3), note=f"Jaccard {jaccard:.2f}")


def _gap(first: tuple[int, int], second: tuple[int, int]) -> int:
    return max(second[0] - first[1], first[0] - second[1], 0)


FEATURES: tuple[Feature, ...] = (date, place, event_type, actors, target, weapons, toll, text)


def evidence_words(report: LinkReport) -> frozenset[str]:
    """Folded content words of a report's evidence sentences."""
    return _words(" ".join(evidence.sentence for evidence in report.event.evidence))


@lru_cache(maxsize=16384)
def _words(value: str) -> frozenset[str]:
    """Folded content words of a text; remembered, as many reports share a target ("an army base")."""
    return frozenset(word for word in re.findall(r"\w+", fold(value)) if word not in STOPWORDS and len(word) > 1)


def _actors(report: LinkReport) -> set[str]:
    event = report.event
    named = {event.actor1, *(claim.actor for claim in event.claims if claim.kind != "denied")}
    return {name for name in named if name}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))
