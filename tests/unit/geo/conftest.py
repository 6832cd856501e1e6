"""A tiny gazetteer of a few places in Lebanon, plus decoys elsewhere, built with the real index writer."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from warlog.geo.build import Row, latin_keys, write_index
from warlog.geo.gazetteer import Gazetteer, open_gazetteer


def _row(id_: str, name: str, feature: str, country: str, admin1: str | None, lat: float, lon: float,
         population: int = 0, aliases: tuple[str, ...] = ()) -> Row:
    names = [name, *aliases]
    return Row(id_, name, feature, country, admin1, lat, lon, population, latin_keys(names), set(names))


TINY_ROWS = [
    _row("country:LB", "Lebanon", "country", "LB", None, 33.85, 35.86, 6_800_000, ("Lebanese",)),
    _row("country:EG", "Egypt", "country", "EG", None, 26.8, 30.8, 100_000_000),
    _row("adm1:LB.S", "South", "admin1", "LB", "South", 33.557, 35.373, 500_000, ("South Governorate",)),
    _row("adm1:LB.N", "Nabatieh", "admin1", "LB", "Nabatieh", 33.379, 35.484, 400_000),
    _row("gn:1", "Tyre", "city", "LB", "South", 33.273, 35.194, 135_000, ("Sour",)),
    _row("gn:2", "Nabatieh", "city", "LB", "Nabatieh", 33.379, 35.484, 50_000),
    _row("gn:3", "Qana", "city", "LB", "South", 33.209, 35.299, 10_000),
    _row("gn:4", "Hasan", "city", "LB", "Nabatieh", 33.30, 35.30, 800),
    _row("gn:5", "Qana", "city", "EG", "Qena", 26.16, 32.72, 200_000),
    _row("gn:6", "Bint Jbeil", "city", "LB", "Nabatieh", 33.120, 35.434, 30_000),
]


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    write_index(path, TINY_ROWS)
    return open_gazetteer(path)


@pytest.fixture(scope="session")
def blank_nlp() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.fixture()
def make_doc(blank_nlp):
    """A one-sentence doc from words, with entities given as (start, end, label) token offsets (no parser:
    resolution must work on entity labels and word order alone)."""

    def make(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
        doc = Doc(blank_nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
        return doc

    return make
