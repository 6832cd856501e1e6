"""One pairwise decision: sum the features' contributions, apply vetoes and manual overrides, explain.

Two day-precise dates one day apart are two events unless the pair scores at least `strong` anyway.
"""

from __future__ import annotations

from warlog.link.config import LinkConfig
from warlog.link.features import ADJACENT, FEATURES, Profile, profile
from warlog.link.records import Contribution, LinkDecision, LinkReport


def decide(a: LinkReport, b: LinkReport, config: LinkConfig, override: str | None = None) -> LinkDecision:
    """Whether `a` and `b` report one event; `override` is a manual `merge` or `split` between them."""
    return judge(profile(a, config), profile(b, config), config, config.id, override)


def judge(a: Profile, b: Profile, config: LinkConfig, linker: str, override: str | None = None) -> LinkDecision:
    """`decide` on the two reports' profiles (made once per report when a report meets many others), under
    the config whose id is `linker` (hashing the config costs more than the decision)."""
    contributions = [found for feature in FEATURES if (found := feature(a, b, config)) is not None]
    score = round(sum(part.value for part in contributions), 3)
    vetoes = [part for part in contributions if part.veto]
    adjacent = [part for part in contributions if part.feature == "date" and part.note.startswith(ADJACENT)]
    if adjacent and score < config.strong:
        adjacent[0].veto = True
        adjacent[0].note += f", and the rest is not strong evidence (score {score:g} < {config.strong:g})"
        vetoes.append(adjacent[0])
    if override is not None:
        manual = Contribution(feature="override", value=0, veto=override == "split", note=f"manual {override}")
        contributions.append(manual)
    if override == "merge":
        linked, reason = True, "merged by hand"
    elif override == "split":
        linked, reason = False, "split by hand"
    elif vetoes:
        linked, reason = False, "different events: " + "; ".join(part.note for part in vetoes)
    else:
        linked = score >= config.threshold
        reason = _reason(contributions, score, config, linked)
    return LinkDecision(
        a=a.report.key,
        b=b.report.key,
        score=score,
        linked=linked,
        vetoed=bool(vetoes) or override == "split",
        near_threshold=not vetoes and override is None and abs(score - config.threshold) < config.near_margin,
        contributions=contributions,
        reason=reason,
        linker=linker,
    )


def _reason(contributions: list[Contribution], score: float, config: LinkConfig, linked: bool) -> str:
    verdict = "same event" if linked else "not enough evidence"
    parts = ", ".join(f"{part.note} ({part.value:+g})" for part in contributions if part.value)
    return f"{verdict}: score {score:g} vs threshold {config.threshold:g} ({parts})"
