"""Cross-report event linking: many reports of one real-world event become one canonical event.

Pure logic, no storage: `blocking` finds candidate pairs, `features`/`scoring` decide each pair with an
explanation, `cluster` groups reports (order-independent, respecting manual overrides), `reconcile` builds the
canonical event, `campaigns` groups related events into series, `metrics` scores a linking against gold.
"""

from warlog.link.cluster import cluster_reports
from warlog.link.config import LinkConfig, default_config
from warlog.link.reconcile import reconcile
from warlog.link.records import CanonicalEvent, LinkDecision, LinkReport
from warlog.link.scoring import decide

__all__ = [
    "CanonicalEvent",
    "LinkConfig",
    "LinkDecision",
    "LinkReport",
    "cluster_reports",
    "decide",
    "default_config",
    "reconcile",
]
