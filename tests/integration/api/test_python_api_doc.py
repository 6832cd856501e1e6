"""docs/python-api.md runs: its python blocks, in order, in one namespace, next to a copy of samples/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "python-api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.slow
def test_the_tour_runs_and_finds_iran_backed_attacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARLOG_DB", raising=False)
    namespace: dict[str, object] = {}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{DOC.name} block {number}", "exec"), namespace)  # noqa: S102

    assert [e.actor1 for e in namespace["events"]] == ["Kata'ib Hezbollah"] and namespace["problems"] == []
    assert namespace["report"].articles == 8 and len(namespace["report"].near_duplicates) == 1
    iran_backed = namespace["iran_backed"]
    assert set(iran_backed["actor1"]) == {"Kata'ib Hezbollah", "Iran-backed militia", "Islamic Resistance in Iraq"}
    assert {str(month.date()): count for month, count in namespace["monthly"].items() if count} == {
        "2024-03-01": 2,  # the Erbil attack, claimed by the Islamic Resistance in Iraq, and its downed drone
        "2024-05-01": 1,
        "2024-07-01": 1,
    }
    assert (tmp_path / "iran-backed-monthly.png").stat().st_size > 0
    assert (tmp_path / "events.parquet").exists() and namespace["rows"] >= len(namespace["frame"])
    assert (tmp_path / "events-acled.csv").read_text().startswith("event_id_cnty,event_date,year")
