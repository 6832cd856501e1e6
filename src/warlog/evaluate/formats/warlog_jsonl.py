"""warlog's own gold format (docs/gold-format.md): one JSON document per line with its events."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from warlog.evaluate.dates import normalise_date
from warlog.evaluate.records import BadRow, GoldDoc, GoldEvent, GoldSet


class _StrictGoldEvent(GoldEvent):
    """A gold event as written by hand: unknown keys are typos, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class _GoldLine(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str | int
    text: str
    published: str | None = None
    events: list[_StrictGoldEvent]


def _parse_line(line: str, number: int) -> GoldDoc:
    row = _GoldLine.model_validate_json(line)
    if not row.text.strip():
        raise ValueError("empty text")
    events = []
    for event in row.events:
        fields = event.model_dump()
        if event.event_date is not None:
            fields["event_date"] = normalise_date(event.event_date)
        events.append(GoldEvent(**fields))
    return GoldDoc(doc_id=str(row.id), line=number, text=row.text, published=row.published, events=events)


def read_warlog_jsonl(path: Path) -> GoldSet:
    """Read warlog JSONL gold; a malformed line is reported and skipped."""
    gold = GoldSet()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                gold.docs.append(_parse_line(line, number))
            except ValidationError as exc:
                reasons = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in exc.errors())
                gold.bad_rows.append(BadRow(path=str(path), line=number, reason=reasons))
            except ValueError as exc:
                gold.bad_rows.append(BadRow(path=str(path), line=number, reason=str(exc)))
    return gold
