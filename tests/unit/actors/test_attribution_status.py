"""attribution_status: how an event's claims add up (claimed, attributed, alleged, disputed, unattributed)."""

from __future__ import annotations

from warlog.actors.claims import attribution_status, is_generic_claimant
from warlog.records import Claim, Evidence

EVIDENCE = Evidence(sentence="An invented sentence.", start=0, end=21)


def claim(kind, actor="Group A", claimant=None, hedged=False):
    return Claim(kind=kind, actor=actor, claimant=claimant, hedged=hedged, evidence=EVIDENCE)


def test_no_claims():
    assert attribution_status([], None) == "unattributed"
    assert attribution_status([], "Group A") == "attributed"


def test_claim_of_responsibility():
    assert attribution_status([claim("claimed", claimant="Group A")], None) == "claimed"


def test_named_authority_blames():
    assert attribution_status([claim("blamed", claimant="Iraqi officials")], None) == "attributed"


def test_forensic_trace_is_attribution():
    assert attribution_status([claim("traced")], None) == "attributed"


def test_unnamed_sources_or_hedging_only_allege():
    assert attribution_status([claim("blamed", claimant="sources")], None) == "alleged"
    assert attribution_status([claim("blamed", claimant="officials", hedged=True)], None) == "alleged"
    assert attribution_status([claim("suspected")], None) == "alleged"
    assert attribution_status([claim("tied")], None) == "alleged"


def test_denial_of_an_accusation_disputes():
    claims = [claim("blamed", claimant="officials"), claim("denied", claimant="Group A")]
    assert attribution_status(claims, None) == "disputed"
    assert attribution_status([claim("denied")], "Group A") == "disputed"


def test_denial_by_a_bystander_does_not_dispute():
    claims = [claim("blamed", claimant="officials"), claim("denied", actor="Group B", claimant="Group B")]
    assert attribution_status(claims, None) == "attributed"


def test_competing_claims_dispute():
    claims = [claim("claimed", actor="Group A"), claim("claimed", actor="Group B")]
    assert attribution_status(claims, None) == "disputed"


def test_generic_claimants():
    assert is_generic_claimant(None)
    assert is_generic_claimant("security sources")
    assert is_generic_claimant("pro-Iranian news outlets")
    assert not is_generic_claimant("the Iraqi Defence Ministry")
