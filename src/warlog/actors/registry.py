"""The actor registry: every known group, state organ, generic actor and person, with aliases and relations.

Built from the YAML files in `warlog/data/actors/` (states are generated for every country, see
states.yaml), plus user files named in `WARLOG_ACTORS` (paths separated by the OS path separator) or
passed as `extra_paths`. A user entry with an existing id replaces the shipped one. Names resolve
through `warlog.text.fold`; short acronyms ("KH", "IS") only match with their exact case.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from warlog.actors.model import Actor, Relation
from warlog.actors.states import state_actors
from warlog.knowledge import DATA_PACKAGE, KnowledgeError, load_data, load_yaml_file
from warlog.text import fold

ENV_VAR = "WARLOG_ACTORS"
STATES_FILE = "states.yaml"
FUZZY_THRESHOLD = 0.9
FUZZY_MIN_LENGTH = 7
FUZZY_LENGTH_SLACK = 3
# Fuzzy answers remembered per process (news names the same groups and officials again and again); the memo
# starts again when it holds this many.
FUZZY_MEMO_SIZE = 50_000
REGISTRY_CACHE = "actor-registry"
_ACRONYM_MAX = 6
_CASE_SENSITIVE_MAX = 3
_GENERIC_TAIL = re.compile(
    r"\s+(?:militants?|fighters?|rebels?|forces?|group|members?|militias?|movement|insurgents?|extremists?|elements)$"
)
_PLACE_ROLES = {"state"}


class RegistryError(KnowledgeError):
    """An actor registry file is malformed or inconsistent."""


def is_acronym(alias: str) -> bool:
    """An all-capitals name of at most six letters ("KH", "ISIS-K", "AQAP"); up to three, matched case-sensitively."""
    letters = re.sub(r"[\W_]", "", alias)
    return bool(letters) and not any(ch.islower() for ch in alias) and len(letters) <= _ACRONYM_MAX


def _case_sensitive(alias: str) -> bool:
    return is_acronym(alias) and len(re.sub(r"[\W_]", "", alias)) <= _CASE_SENSITIVE_MAX


def _relations(entry: dict[str, Any]) -> tuple[Relation, ...]:
    kinds = ("sponsored_by", "part_of", "front_for", "member_of")
    return tuple(Relation(kind=kind, **rel) for kind in kinds for rel in entry.get(kind) or [])


def actors_from_file(content: dict[str, Any], origin: str) -> list[Actor]:
    """The actors and people of one parsed registry file (a states file generates its actors)."""
    if "templates" in content:
        return state_actors(content, origin)
    source_ids = {src["id"] for src in content.get("sources") or [] if isinstance(src, dict) and "id" in src}
    actors = []
    for section, kind in (("actors", None), ("people", "person")):
        for entry in content.get(section) or []:
            if not entry.get("source"):
                raise RegistryError(f"{origin}: actor {entry.get('id')!r} has no source")
            if source_ids and entry["source"] not in source_ids:
                raise RegistryError(f"{origin}: actor {entry['id']!r} cites unknown source {entry['source']!r}")
            actors.append(
                Actor(
                    id=entry["id"],
                    name=entry["name"],
                    aliases=tuple(entry.get("aliases") or ()),
                    shared=tuple(entry.get("shared") or ()),
                    kind=kind or entry.get("kind", "group"),
                    inter=entry.get("type"),
                    country=entry.get("country"),
                    wikidata=entry.get("wikidata"),
                    generic=bool(entry.get("generic", False)),
                    source=entry["source"],
                    relations=_relations(entry),
                    origin=origin,
                )
            )
    return actors


class Registry:
    """Actors by id, an alias index, and the sponsor/umbrella graph between them."""

    def __init__(self, actors: Iterable[Actor], adjectives: dict[str, str] | None = None) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.id] = actor
        self.adjectives = {fold(adj): code for adj, code in (adjectives or {}).items()}
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._validate_and_index()
        # Folded aliases by (first letter, length), each with its position in `_folded`: fuzzy look-ups read
        # only the aliases they could match, in the order of the full scan.
        self._fuzzy_index: dict[tuple[str, int], list[tuple[int, str, str]]] = {}
        for position, (alias, actor_id) in enumerate(self._folded.items()):
            self._fuzzy_index.setdefault((alias[:1], len(alias)), []).append((position, alias, actor_id))
        self._fuzzy_memo: dict[str, str | None] = {}

    def _validate_and_index(self) -> None:
        holders: dict[str, list[Actor]] = {}
        for actor in self.actors.values():
            for rel in actor.relations:
                if rel.actor not in self.actors:
                    raise RegistryError(f"{actor.origin}: {actor.id} points to unknown actor {rel.actor!r}")
            for alias in dict.fromkeys(actor.all_names):
                if _case_sensitive(alias):
                    self._exact.setdefault(alias, actor.id)
                    continue
                key = fold(alias)
                if actor.id not in [h.id for h in holders.setdefault(key, [])]:
                    holders[key].append(actor)
        clashes = []
        for key, owners in holders.items():
            if len(owners) > 1 and not all(key in {fold(s) for s in o.shared} for o in owners):
                clashes.append(f"{key!r}: " + ", ".join(f"{o.id} ({o.origin})" for o in owners))
            self._folded[key] = owners[0].id
        if clashes:
            raise RegistryError("aliases held by several actors (list them under 'shared'): " + "; ".join(clashes))

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, if any."""
        return self.actors.get(actor_id)

    def resolve(self, name: str, fuzzy: bool = True) -> Actor | None:
        """Exact alias (short acronyms case-sensitive), then without a generic tail ("PKK militants"), then fuzzy."""
        name = name.strip()
        if name in self._exact:
            return self.actors[self._exact[name]]
        key = fold(name)
        for candidate in (key, re.sub(r"^the ", "", key), _GENERIC_TAIL.sub("", re.sub(r"^the ", "", key))):
            if candidate in self._folded:
                return self.actors[self._folded[candidate]]
        tail_free = _GENERIC_TAIL.sub("", name).strip()
        if tail_free != name and tail_free in self._exact:
            return self.actors[self._exact[tail_free]]
        return self._fuzzy(key) if fuzzy else None

    def _fuzzy(self, key: str) -> Actor | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        if key not in self._fuzzy_memo:
            if len(self._fuzzy_memo) >= FUZZY_MEMO_SIZE:
                self._fuzzy_memo.clear()
            self._fuzzy_memo[key] = self._closest_alias(key)
        found = self._fuzzy_memo[key]
        return self.actors[found] if found else None

    def _closest_alias(self, key: str) -> str | None:
        """The id of the actor with the most similar folded alias at or above `FUZZY_THRESHOLD`, if any."""
        best, best_ratio = None, FUZZY_THRESHOLD
        lengths = range(len(key) - FUZZY_LENGTH_SLACK, len(key) + FUZZY_LENGTH_SLACK + 1)
        candidates = sorted(row for length in lengths for row in self._fuzzy_index.get((key[:1], length), ()))
        for _position, alias, actor_id in candidates:
            matcher = SequenceMatcher(None, key, alias)
            # The two quick ratios are upper bounds of ratio(): most aliases are ruled out without computing it.
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio:
                best, best_ratio = actor_id, ratio
        return best

    def country_of_adjective(self, word: str) -> str | None:
        """ISO code of a national adjective or country name ("Iranian", "U.S.", "Iran" -> IR/US/IR)."""
        code = self.adjectives.get(fold(word))
        if code:
            return code
        actor = self.resolve(word, fuzzy=False)
        return actor.country if actor is not None and actor.kind == "state" else None

    def state_actor(self, code: str, role: str) -> Actor | None:
        """The generated actor of one country for a role: state, military, police, civilians, unidentified."""
        return self.actors.get(f"{role}-{code.lower()}")

    def parents(self, actor_id: str, year: int | None = None) -> list[Actor]:
        """Umbrellas, the groups it is a front for, and (for people) the groups they belong to."""
        actor = self.actors[actor_id]
        rels = [r for r in actor.relations if r.kind in ("part_of", "front_for", "member_of") and _holds(r, year)]
        return [self.actors[r.actor] for r in rels]

    def sponsors_of(self, actor_id: str, year: int | None = None) -> list[Actor]:
        """The transitive sponsor chain, nearest first: the sponsors of the actor and of its umbrellas,
        fronted groups or (for a person) groups, the bodies a sponsor belongs to, and the state behind
        a state-organ sponsor (IRGC Quds Force -> IRGC -> Iran)."""
        chain: list[Actor] = []
        seen = {actor_id}
        frontier = [actor_id]
        while frontier:
            current = self.actors[frontier.pop(0)]
            is_sponsor = current in chain
            for rel in current.relations:
                target = self.actors[rel.actor]
                if target.id in seen or not _holds(rel, year):
                    continue
                seen.add(target.id)
                frontier.append(target.id)
                sponsor = self._as_state(target)
                if (rel.kind == "sponsored_by" or is_sponsor) and sponsor not in chain:
                    chain.append(sponsor)
            state = self.state_actor(current.country, "state") if current.country else None
            if is_sponsor and current.inter == 1 and state is not None and state not in chain:
                chain.append(state)
        return chain

    def _as_state(self, actor: Actor) -> Actor:
        """A country's military or police stands for its state in a sponsor chain."""
        state = self.state_actor(actor.country, "state") if actor.kind in ("military", "police") else None
        return state or actor

    def search(self, query: str = "", country: str | None = None, inter: int | None = None) -> list[Actor]:
        """Actors whose names contain the folded query, optionally of one country and one ACLED type."""
        key = fold(query)
        found = []
        for actor in self.actors.values():
            if country and (actor.country or "").upper() != country.upper():
                continue
            if inter is not None and actor.inter != inter:
                continue
            if key and not any(key in fold(n) for n in actor.all_names) and key != actor.id:
                continue
            found.append(actor)
        return found

    def entity_patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns for every alias: `{"label", "pattern", "id": "actor:<id>"}`.

        Short acronyms become case-sensitive token patterns; country names are left to the gazetteer."""
        tokenizer = _tokenizer()
        patterns: list[dict[str, Any]] = []
        for actor in self.actors.values():
            if actor.kind in ("civilians", "unidentified"):
                continue
            label = "PERSON" if actor.kind == "person" else "NORP" if actor.generic else "ORG"
            for alias in dict.fromkeys(actor.all_names):
                if actor.kind in _PLACE_ROLES and not _is_state_organ_name(alias):
                    continue
                ent_id = f"actor:{actor.id}"
                if _case_sensitive(alias):
                    tokens = [{"ORTH": tok.text} for tok in tokenizer(alias)]
                    patterns.append({"label": label, "pattern": tokens, "id": ent_id})
                    continue
                for variant in _spelling_variants(alias):
                    patterns.append({"label": label, "pattern": variant, "id": ent_id})
        return patterns


def _is_state_organ_name(alias: str) -> bool:
    """'Government of Iraq', 'Iraqi government' are organs; 'Iraq', 'Tehran' are places."""
    return bool(re.search(r"\b(?:government|regime|authorities)\b", alias, re.IGNORECASE))


def _spelling_variants(alias: str) -> list[str]:
    """The spellings news mixes: straight/curly apostrophes, hyphen or space after the Arabic article."""
    variants = {alias, alias.replace("'", "\u2019"), alias.replace("-", " ")}
    return sorted(variants)


def _holds(rel: Relation, year: int | None) -> bool:
    if year is None:
        return True
    return (rel.since is None or rel.since <= year) and (rel.until is None or year <= rel.until)


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def shipped_files() -> list[str]:
    """Names of the registry files shipped in warlog/data/actors/ (states first)."""
    folder = resources.files(DATA_PACKAGE).joinpath("actors")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yaml"))
    return sorted(names, key=lambda name: name != STATES_FILE)


def env_paths() -> tuple[str, ...]:
    """User registry files named in the WARLOG_ACTORS environment variable."""
    value = os.environ.get(ENV_VAR, "")
    return tuple(p for p in value.split(os.pathsep) if p.strip())


def load_registry(extra_paths: Sequence[str | Path] = ()) -> Registry:
    """The shipped registry plus user files (arguments, then WARLOG_ACTORS); built once per set of files."""
    return _load_registry(tuple(str(p) for p in (*extra_paths, *env_paths())))


@lru_cache(maxsize=8)
def _load_registry(extra_paths: tuple[str, ...]) -> Registry:
    """The registry of the shipped and `extra_paths` files, read back from the disk cache when none of them (nor
    warlog's code) changed since it was built (see `warlog.extraction.cache`)."""
    from warlog.extraction.cache import cache_key, file_fingerprint, load_or_build, warlog_fingerprint
    from warlog.geo.build import cache_dir

    key = cache_key([warlog_fingerprint(), *map(file_fingerprint, extra_paths)])
    return load_or_build(cache_dir(), REGISTRY_CACHE, key, lambda: _build_registry(extra_paths), _is_registry)


def _is_registry(value: object) -> bool:
    """Whether a value read back from the cache is a `Registry` with the attributes this code gives one."""
    return isinstance(value, Registry) and vars(value).keys() == vars(Registry([])).keys()


def _build_registry(extra_paths: tuple[str, ...]) -> Registry:
    actors: list[Actor] = []
    adjectives: dict[str, str] = {}
    for name in shipped_files():
        content = load_data(f"actors/{name}")
        actors += actors_from_file(content, f"warlog/data/actors/{name}")
        for code, entry in (content.get("countries") or {}).items():
            adjectives.update({adj: code for adj in (entry or {}).get("adjectives") or []})
    for path in extra_paths:
        actors += actors_from_file(load_yaml_file(Path(path)), path)
    return Registry(actors, adjectives)


def refresh_registry() -> None:
    """Forget the registries built so far, so that edited user files are read again."""
    _load_registry.cache_clear()
