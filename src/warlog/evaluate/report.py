"""The evaluation report: a typed record (for `--json`) and its rendering as tables."""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field
from rich.console import Console
from rich.table import Table

from warlog.evaluate.classification import ClassificationScore
from warlog.evaluate.records import BadRow


class FieldScore(BaseModel):
    """Hits over the gold events that know this field."""

    field: str
    hits: int
    n: int

    @computed_field
    @property
    def rate(self) -> float | None:
        return self.hits / self.n if self.n else None


class Miss(BaseModel):
    """One wrong field, with the text and both values, to read when improving the extractor."""

    field: str
    doc_id: str
    text: str
    gold: str
    predicted: str


class Counts(BaseModel):
    docs: int
    gold_events: int
    predicted_events: int
    docs_with_event: int = Field(description="Gold documents with at least one predicted event.")
    unaligned_gold_events: int = Field(description="Gold events left without a predicted event to align with.")
    unaligned_predicted_events: int = Field(description="Predicted events no gold event aligned with (extra events).")
    unknown_doc_ids: int = Field(default=0, description="Predicted events whose doc_id is not in the gold.")

    @computed_field
    @property
    def events_per_doc(self) -> float:
        return self.predicted_events / self.docs if self.docs else 0.0

    @computed_field
    @property
    def gold_events_per_doc(self) -> float:
        return self.gold_events / self.docs if self.docs else 0.0


class EvaluationReport(BaseModel):
    counts: Counts
    fields: list[FieldScore]
    classifications: list[ClassificationScore]
    misses: list[Miss] = Field(default_factory=list)
    bad_rows: list[BadRow] = Field(default_factory=list)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def render(report: EvaluationReport, console: Console) -> None:
    """Print the report: counts, field accuracy, type classification, then example misses."""
    counts = report.counts
    console.print(
        f"{counts.docs} docs, {counts.gold_events} gold events, {counts.predicted_events} predicted "
        f"({counts.events_per_doc:.2f} per doc vs {counts.gold_events_per_doc:.2f} in gold); "
        f"{counts.docs_with_event} docs with an event; unaligned: {counts.unaligned_gold_events} gold events, "
        f"{counts.unaligned_predicted_events} predicted events"
    )
    fields = Table(title="Field accuracy (aligned events; n = gold events that know the field)")
    for column in ("field", "accuracy", "hits", "n"):
        fields.add_column(column, justify="left" if column == "field" else "right")
    for score in report.fields:
        fields.add_row(score.field, _percent(score.rate), str(score.hits), str(score.n))
    console.print(fields)
    for classification in report.classifications:
        labels = Table(
            title=f"{classification.field}: accuracy {_percent(classification.accuracy)}, weighted F1 "
            f"{classification.weighted_f1:.3f}, macro F1 {classification.macro_f1:.3f} (n={classification.n})"
        )
        for column in ("gold label", "support", "precision", "recall", "F1"):
            labels.add_column(column, justify="left" if column == "gold label" else "right")
        for label in classification.labels:
            labels.add_row(label.label, str(label.support), f"{label.precision:.2f}", f"{label.recall:.2f}",
                           f"{label.f1:.2f}")
        console.print(labels)
        if classification.confusions:
            confusions = Table(title=f"{classification.field}: most frequent confusions")
            for column in ("gold", "predicted", "count"):
                confusions.add_column(column, justify="right" if column == "count" else "left")
            for confusion in classification.confusions:
                confusions.add_row(confusion.gold, confusion.predicted, str(confusion.count))
            console.print(confusions)
    for miss in report.misses:
        console.print(f"[bold]{miss.field}[/bold] {miss.doc_id}: gold {miss.gold!r}, predicted {miss.predicted!r}")
        console.print(f"    {miss.text}", markup=False, highlight=False)
