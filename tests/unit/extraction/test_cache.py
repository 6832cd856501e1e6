"""The build cache: read back when its key matches, rebuilt when the key changes or the file is damaged."""

from __future__ import annotations

from pathlib import Path

from warlog.extraction.cache import cache_key, file_fingerprint, files_fingerprint, load_or_build


class Builds:
    """A build function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"built": self.calls}


def is_built(value: object) -> bool:
    return isinstance(value, dict) and "built" in value


def test_a_value_is_built_once_then_read_back(tmp_path: Path) -> None:
    build = Builds()
    assert load_or_build(tmp_path, "names", "k1", build, is_built) == {"built": 1}
    assert load_or_build(tmp_path, "names", "k1", build, is_built) == {"built": 1}
    assert build.calls == 1
    assert [p.name for p in tmp_path.iterdir()] == ["names-k1.pickle"]


def test_a_changed_data_file_gives_a_new_key_and_a_rebuild(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "actors").mkdir(parents=True)
    (data / "actors" / "groups.yaml").write_text("version: 1\n", encoding="utf-8")
    (data / "__pycache__").mkdir()
    (data / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    before = cache_key([files_fingerprint(data, "*"), "spacy 3"])
    (data / "__pycache__" / "x.pyc").write_bytes(b"compiled again")
    assert cache_key([files_fingerprint(data, "*"), "spacy 3"]) == before
    (data / "actors" / "groups.yaml").write_text("version: 2\n", encoding="utf-8")
    after = cache_key([files_fingerprint(data, "*"), "spacy 3"])
    assert after != before
    cache, build = tmp_path / "cache", Builds()
    load_or_build(cache, "names", before, build, is_built)
    assert load_or_build(cache, "names", after, build, is_built) == {"built": 2}
    assert build.calls == 2


def test_a_user_file_is_fingerprinted_by_its_own_path_and_bytes(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    missing = file_fingerprint(mine)
    mine.write_text("version: 1\n", encoding="utf-8")
    first = file_fingerprint(mine)
    (tmp_path / "neighbour.yaml").write_text("other", encoding="utf-8")
    assert file_fingerprint(mine) == first != missing
    mine.write_text("version: 2\n", encoding="utf-8")
    assert file_fingerprint(mine) != first


def test_only_the_newest_files_of_other_keys_are_kept(tmp_path: Path) -> None:
    build = Builds()
    for key in ("k1", "k2", "k3", "k4"):
        load_or_build(tmp_path, "names", key, build, is_built)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names-k2.pickle", "names-k3.pickle", "names-k4.pickle"]


def test_a_corrupt_or_foreign_file_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    build = Builds()
    (tmp_path / "names-k1.pickle").write_bytes(b"\x80\x05not a pickle at all")
    assert load_or_build(tmp_path, "names", "k1", build, is_built) == {"built": 1}
    assert load_or_build(tmp_path, "names", "k1", build, is_built) == {"built": 1}
    load_or_build(tmp_path, "other", "k1", lambda: ["a list"], lambda value: True)
    (tmp_path / "names-k1.pickle").write_bytes((tmp_path / "other-k1.pickle").read_bytes())
    assert load_or_build(tmp_path, "names", "k1", build, is_built) == {"built": 2}
    assert build.calls == 2


def test_an_unwritable_cache_still_gives_the_value(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    build = Builds()
    assert load_or_build(blocked / "cache", "names", "k1", build, is_built) == {"built": 1}
    assert load_or_build(blocked / "cache", "names", "k1", build, is_built) == {"built": 2}
