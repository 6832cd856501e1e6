"""The stage contract: a batch of parsed documents in, the same batch (with more filled in) out.

Every extraction stage (event detection, dates, casualties, weapons, places, actors...) is a
`Stage`: it has a name, a version and a config, from which its `id` is derived, and one
`process(batch)` method. Stages know nothing of storage or the CLI. They read the shared spaCy
parse in `DocState.doc` (parsed once per article) and write typed fields on `EventDraft.event`
through `EventDraft.set`, which records which stage set the field and from which words.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from warlog.records import Article, Event, FieldSource, LearnedAlias

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def short_hash(value: Any) -> str:
    """A short, stable hash of any JSON-serialisable value."""
    payload = json.dumps(value, sort_keys=True, default=str).encode()
    return hashlib.sha1(payload).hexdigest()[:10]


@dataclass
class EventDraft:
    """An event being built: the trigger it hangs on, and the public record filled so far."""

    trigger: Span
    event: Event

    @property
    def sentence(self) -> Span:
        return self.trigger.sent

    def set(self, name: str, value: Any, stage: Stage, evidence: Span | None = None, rule: str | None = None) -> None:
        """Set one field of the event and record its provenance (stage, words, rule)."""
        setattr(self.event, name, value)
        self.event.provenance[name] = FieldSource(
            stage=stage.id,
            text=evidence.text if evidence is not None else None,
            start=evidence.start_char if evidence is not None else None,
            end=evidence.end_char if evidence is not None else None,
            rule=rule,
        )


@dataclass
class DocState:
    """One article with its parse, the events found in it so far and the aliases it defines."""

    article: Article
    doc: Doc
    events: list[EventDraft] = field(default_factory=list)
    learned_aliases: list[LearnedAlias] = field(default_factory=list)


class Stage(ABC):
    """A pipeline stage: `process(batch) -> batch`. Subclasses set `name` and `version`."""

    name: ClassVar[str]
    version: ClassVar[str]

    def __init__(self, **config: Any) -> None:
        self.config = config

    @cached_property
    def id(self) -> str:
        """name@version#confighash: stored with everything the stage produces."""
        return f"{self.name}@{self.version}#{short_hash(self.config)}"

    @abstractmethod
    def process(self, batch: list[DocState]) -> list[DocState]:
        """Add this stage's fields to every document of the batch and return the batch."""
