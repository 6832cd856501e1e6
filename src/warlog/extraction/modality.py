"""Modality stage: negated, hypothetical and threatened events are not attacks.

Policy: negated drafts ("did not attack") and hypothetical ones ("plans to use rockets", "could
attack") are dropped from the output; a threat ("threatened to attack") is kept as its own event,
recoded to the non-ACLED type Threat (PLOVER THREATEN) with `hypothetical=True`. With
`keep_unreal=True` negated and hypothetical drafts are kept, flagged. The cues are read by
`warlog.extraction.mood.modality_of`.
"""

from __future__ import annotations

from warlog.extraction.base import DocState, Stage
from warlog.extraction.detect import DetectedDraft
from warlog.extraction.mood import MODAL_FAMILIES, modality_of
from warlog.extraction.taxonomy import sub_event_type

THREAT_TYPE = "Threat"


class Modality(Stage):
    """Flag negated, hypothetical and threatened drafts; drop or recode them (see module docstring)."""

    name = "modality"
    version = "1"

    def __init__(self, keep_unreal: bool = False) -> None:
        super().__init__(keep_unreal=keep_unreal)
        self.keep_unreal = keep_unreal

    def process(self, batch: list[DocState]) -> list[DocState]:
        threat = sub_event_type(THREAT_TYPE)
        for state in batch:
            kept = []
            for draft in state.events:
                modal = not isinstance(draft, DetectedDraft) or draft.family in MODAL_FAMILIES
                cue = modality_of(draft.trigger.root) if modal else None
                if cue is None:
                    kept.append(draft)
                    continue
                cue_span = draft.trigger.doc[cue.token.i : cue.token.i + 1]
                rule = f"{cue.kind}: {cue.token.text!r} governs {draft.trigger.text!r}"
                if cue.kind == "threat":
                    draft.set("hypothetical", True, self, cue_span, rule)
                    draft.set("event_type", threat.event_type, self, cue_span, rule)
                    draft.set("sub_event_type", threat.name, self, cue_span, rule)
                    draft.set("plover_event", threat.plover_event, self, cue_span, rule)
                    draft.set("plover_mode", threat.plover_mode, self, cue_span, rule)
                    kept.append(draft)
                    continue
                draft.set("negated" if cue.kind == "negated" else "hypothetical", True, self, cue_span, rule)
                if self.keep_unreal:
                    kept.append(draft)
            state.events = kept
        return batch
