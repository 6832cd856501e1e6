"""Link the events of a batch of extracted articles in memory (the ingest service does it incrementally)."""

from __future__ import annotations

from collections.abc import Iterable

from warlog.link.campaigns import campaign_key, campaign_uid
from warlog.link.cluster import cluster_reports
from warlog.link.config import LinkConfig
from warlog.link.reconcile import reconcile
from warlog.link.records import CanonicalEvent, LinkReport, Override
from warlog.records import ArticleExtraction, Event


def link_reports(extracted: Iterable[ArticleExtraction]) -> list[LinkReport]:
    """One `LinkReport` per event that is neither negated, hypothetical nor background."""
    return [
        LinkReport(key=event.event_id, event=event, published=item.article.published, source=item.article.source)
        for item in extracted
        for event in item.events
        if linkable(event)
    ]


def linkable(event: Event) -> bool:
    """Only events that happened (not denied, hypothetical or recalled in passing) become canonical events."""
    return not (event.negated or event.hypothetical or event.background)


def link(reports: Iterable[LinkReport], config: LinkConfig, overrides: Iterable[Override] = ()) -> list[CanonicalEvent]:
    """The canonical events of `reports`, with campaigns set where two or more share perpetrator and target."""
    events = [reconcile(cluster, config) for cluster in cluster_reports(reports, config, overrides)]
    keys = [campaign_key(event.event) for event in events]
    shared = {key for key in keys if key is not None and keys.count(key) > 1}
    return [
        event.model_copy(update={"campaign": campaign_uid(key)}) if key in shared else event
        for event, key in zip(events, keys, strict=True)
    ]
