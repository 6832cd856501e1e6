"""`warlog evaluate` end to end on our JSONL gold fixture, with the real extraction pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).parents[2] / "fixtures" / "gold"


def warlog(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warlog", *args], capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_evaluate_runs_the_pipeline_and_scores_like_extract_output(tmp_path: Path) -> None:
    live_json = tmp_path / "live.json"
    run = warlog("evaluate", "--gold", str(GOLD / "warlog.jsonl"), "--format", "jsonl", "--json", str(live_json),
                 "--errors", "2")
    assert run.returncode == 0, run.stderr
    assert "4 docs, 3 gold events" in run.stdout
    assert "Field accuracy" in run.stdout
    assert f"{GOLD / 'warlog.jsonl'}:5:" in run.stderr and "event_dat" in run.stderr
    live = json.loads(live_json.read_text(encoding="utf-8"))
    assert live["counts"]["docs"] == 4 and live["counts"]["gold_events"] == 3
    assert all(0 <= field["rate"] <= 1 for field in live["fields"])
    assert {field["field"]: field["n"] for field in live["fields"]}["date_exact"] == 3

    docs = tmp_path / "docs.jsonl"
    with open(GOLD / "warlog.jsonl", encoding="utf-8") as gold_lines, open(docs, "w", encoding="utf-8") as out:
        for row in (json.loads(line) for line in list(gold_lines)[:4]):
            out.write(json.dumps({"id": row["id"], "text": row["text"], "published": row["published"]}) + "\n")
    predictions = tmp_path / "pred.jsonl"
    assert warlog("extract", str(docs), "-o", str(predictions)).returncode == 0
    scored_json = tmp_path / "scored.json"
    scored = warlog("evaluate", "--gold", str(GOLD / "warlog.jsonl"), "--pred", str(predictions),
                    "--json", str(scored_json))
    assert scored.returncode == 0, scored.stderr
    from_file = json.loads(scored_json.read_text(encoding="utf-8"))
    assert from_file["counts"] == live["counts"]
    assert from_file["fields"] == live["fields"]


@pytest.mark.slow
def test_evaluate_scores_an_existing_prediction_file_and_reports_its_bad_lines(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    run = warlog("evaluate", "--gold", str(GOLD / "case.tsv"), "--format", "case",
                 "--pred", str(GOLD / "predictions.jsonl"), "--json", str(out))
    assert run.returncode == 0, run.stderr
    assert "predictions.jsonl:6:" in run.stderr
    assert "not in the gold" in run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["classifications"][0]["field"] == "case_code"
    assert report["classifications"][0]["accuracy"] == 0.0
