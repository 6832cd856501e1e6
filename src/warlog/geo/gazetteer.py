"""Read access to the built gazetteer index: places by name key, by id, and the surface forms of named areas."""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from warlog.geo.build import build_index, index_path
from warlog.geo.model import Place
from warlog.geo.names import compact_key, place_key

_COLUMNS = "p.id, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.population"


class Gazetteer:
    """A read-only view of one index file (SQLite), queried on demand so memory stays small."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def lookup(self, name: str) -> list[Place]:
        """Every place one of whose names has the same key as `name`, most populous first."""
        return self.lookup_key(place_key(name))

    def lookup_key(self, key: str) -> list[Place]:
        """Every place indexed under `key` (else under its spaceless form), most populous first."""
        return self._places_under(key) or (self._places_under(compact_key(key)) if " " in key else [])

    def _places_under(self, key: str) -> list[Place]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM names n JOIN places p ON p.rid = n.rid WHERE n.key = ? ORDER BY p.population DESC",
            (key,),
        ).fetchall()
        return [Place(*row) for row in rows]

    def get(self, place_id: str) -> Place | None:
        """The place with this id (`gn:<geonameid>`, `cur:<id>`, `adm1:<cc>.<code>`, `country:<cc>`)."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return Place(*row) if row else None

    def country(self, iso2: str) -> Place | None:
        """The country place of an ISO 3166-1 alpha-2 code."""
        return self.get(f"country:{iso2}")

    def admin1(self, iso2: str, name: str) -> Place | None:
        """The first-order division `name` of a country, if indexed."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'admin1' AND p.country = ? AND p.name = ?",
            (iso2, name),
        ).fetchone()
        return Place(*row) if row else None

    def surfaces(self) -> list[tuple[str, Place]]:
        """(spelling, place) for every country, division and curated place: what entity patterns are made of."""
        rows = self._db.execute(
            f"SELECT s.surface, {_COLUMNS} FROM surfaces s JOIN places p ON p.rid = s.rid ORDER BY s.surface"
        ).fetchall()
        return [(row[0], Place(*row[1:])) for row in rows]


def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open the index at `path`, or the cached one for the installed data (building it on first use)."""
    path = path or index_path()
    if not path.exists():
        build_index(path)
    return Gazetteer(path)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer for the installed data, opened once."""
    return open_gazetteer()
