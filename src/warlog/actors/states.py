"""State actors for every ISO 3166 country, generated from pycountry and the templates in states.yaml."""

from __future__ import annotations

from typing import Any

import pycountry

from warlog.actors.model import Actor


def country_name(code: str, overrides: dict[str, Any]) -> str:
    """The ACLED-style English name of a country: the data file's override, else pycountry's common name."""
    entry = overrides.get(code) or {}
    if entry.get("name"):
        return entry["name"]
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


def _expand(templates: list[str], country: str, adjectives: list[str]) -> list[str]:
    """Fill `{country}` and `{adj}` in alias templates; a template with `{adj}` repeats per adjective."""
    names: list[str] = []
    for template in templates:
        if "{adj}" in template:
            names.extend(template.format(country=country, adj=adj) for adj in adjectives)
        else:
            names.append(template.format(country=country))
    return names


def state_actors(spec: dict[str, Any], origin: str) -> list[Actor]:
    """Generate state, military, police, civilian and unidentified actors for every country."""
    overrides: dict[str, Any] = spec.get("countries") or {}
    actors: list[Actor] = []
    for country in pycountry.countries:
        code = country.alpha_2
        entry = overrides.get(code) or {}
        name = country_name(code, overrides)
        adjectives = list(entry.get("adjectives") or [])
        for template in spec["templates"]:
            role = template["role"]
            aliases = _expand(list(template.get("aliases") or []), name, adjectives)
            aliases += list(entry.get(f"extra_{role}") or [])
            if role == "state":
                official = {
                    country.name,
                    getattr(country, "official_name", None),
                    getattr(country, "common_name", None),
                }
                aliases += sorted(n for n in official if n and n != name)
            the_name = f"the {name}" if code in spec.get("with_article", ()) else name
            canonical = template["name"].format(country=name, the_country=the_name)
            actors.append(
                Actor(
                    id=template["id"].format(code=code.lower()),
                    name=canonical,
                    aliases=tuple(dict.fromkeys(a for a in aliases if a != canonical)),
                    kind=role,
                    inter=template["type"],
                    country=code,
                    generic=bool(template.get("generic", False)),
                    source=template["source"],
                    origin=origin,
                )
            )
    return actors
