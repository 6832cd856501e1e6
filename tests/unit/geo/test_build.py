"""Building blocks of the index builder: streaming JSON, admin1 names, Latin-script keys."""

import json
from pathlib import Path

from warlog.geo.build import clean_admin1, display_name, iter_json_object_values, latin_keys


def test_stream_json_object_values(tmp_path: Path) -> None:
    path = tmp_path / "cities.json"
    path.write_text(json.dumps({"1": {"name": "A", "n": [1, 2]}, "22": {"name": "B, {tricky}"}}), encoding="utf-8")
    assert [v["name"] for v in iter_json_object_values(path)] == ["A", "B, {tricky}"]


def test_clean_admin1_drops_accents_marks_and_generic_suffix() -> None:
    assert clean_admin1("Shabwah Governorate") == "Shabwah"
    assert clean_admin1("Karbala\u02bc") == "Karbala"
    assert clean_admin1("Cauca Department") == "Cauca"
    assert clean_admin1("W\u0101si\u0163") == "Wasit"


def test_display_name_keeps_apostrophe_as_ascii() -> None:
    assert display_name("Al Q\u0101\u2019im") == "Al Qa'im"


def test_latin_keys_skip_other_scripts_codes_and_digits() -> None:
    keys = latin_keys(["Mosul", "\u0627\u0644\u0645\u0648\u0635\u0644", "Mosul 2", "MO"])
    assert keys == {"mosul"}


def test_latin_keys_add_a_spaceless_form_of_long_names() -> None:
    assert latin_keys(["Kyain Seikgyi"]) == {"kyain seikgyi", "kyainseikgyi"}
    assert latin_keys(["U.S."]) == {"u s"}
