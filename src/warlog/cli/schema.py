"""`warlog schema`: print the JSON schema of the public event record."""

from __future__ import annotations

import json

from warlog.cli import app
from warlog.records import Event


@app.command()
def schema() -> None:
    """Print the JSON schema of the event record that `warlog extract` writes."""
    print(json.dumps(Event.model_json_schema(), indent=2))
