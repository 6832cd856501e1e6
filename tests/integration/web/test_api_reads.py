"""The read endpoints on SQLite and PostgreSQL: events with every filter, stable pages, detail with evidence,
actors, articles, counts, the network, exports and the OpenAPI spec."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from web_corpus import ERBIL_A

from warlog.web.schemas import EventPage


def uids(client: TestClient, **params) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [item["uid"] for item in response.json()["items"]]


def test_events_list_by_date_with_total(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == 4 and page["sort"] == "date"
    assert [item["uid"] for item in page["items"]] == ["erbil-a-1", "aden-1", "kharkiv-1", "nairobi-1"]
    erbil = page["items"][0]
    assert erbil["report_count"] == 2 and erbil["weapons"] == ["drone"] and erbil["sponsors"] == ["Iran"]


@pytest.mark.parametrize("params", [{}, {"sort": "-fatalities", "limit": 2, "offset": 1}, {"q": "nothing like it"}])
def test_event_page_body_is_what_the_documented_model_writes(client: TestClient, params: dict) -> None:
    body = client.get("/api/events", params=params).content
    assert EventPage.model_validate_json(body).model_dump_json().encode() == body


def test_pages_are_stable_and_cover_every_event_once(client: TestClient) -> None:
    pages = [uids(client, limit=1, offset=offset, sort="-date") for offset in range(5)]
    assert pages == [["nairobi-1"], ["kharkiv-1"], ["aden-1"], ["erbil-a-1"], []]
    assert uids(client, sort="-fatalities")[0] == "kharkiv-1"
    assert uids(client, sort="-reports")[0] == "erbil-a-1"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"since": "2024-04-01"}, ["aden-1", "kharkiv-1", "nairobi-1"]),
        ({"until": "2024-04-10"}, ["erbil-a-1", "aden-1"]),
        ({"type": "protests"}, ["nairobi-1"]),
        ({"type": "Air/drone strike"}, ["erbil-a-1"]),
        ({"sub_type": "Shelling/artillery/missile attack"}, ["aden-1", "kharkiv-1"]),
        ({"actor": "hezbollah"}, ["erbil-a-1"]),
        ({"sponsor": "Iran"}, ["erbil-a-1", "aden-1"]),
        ({"sponsor": "iran", "country": "Yemen"}, ["aden-1"]),
        ({"attribution": "claimed"}, ["erbil-a-1"]),
        ({"country": "ukraine"}, ["kharkiv-1"]),
        ({"admin1": "Erbil"}, ["erbil-a-1"]),
        ({"bbox": "40,10,50,40"}, ["erbil-a-1", "aden-1"]),
        ({"bbox": "170,-90,40,90"}, ["kharkiv-1"]),
        ({"weapon": "missile"}, ["aden-1"]),
        ({"q": "market"}, ["kharkiv-1"]),
        ({"q": "cargo ship", "sponsor": "Iran"}, ["aden-1"]),
    ],
)
def test_event_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    assert uids(client, **params) == expected
    assert client.get("/api/events", params=params).json()["total"] == len(expected)


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"limit": 501}, "limit: at most 500"),
        ({"limit": 0}, "query.limit"),
        ({"offset": -1}, "query.offset"),
        ({"bbox": "1,2,3"}, "bbox: expected west,south,east,north"),
        ({"bbox": "0,50,10,40"}, "bbox: south is greater than north"),
        ({"since": "2024-05-01", "until": "2024-04-01"}, "since: 2024-05-01 is after until"),
        ({"since": "yesterday"}, "query.since"),
        ({"attribution": "maybe"}, "query.attribution"),
        ({"sort": "colour"}, "query.sort"),
        ({"q": "x" * 201}, "query.q"),
    ],
)
def test_bad_parameters_are_422_with_a_message(client: TestClient, params: dict, names: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert names in response.json()["detail"]


def test_event_detail_has_reports_articles_evidence_and_claims(client: TestClient) -> None:
    detail = client.get("/api/events/erbil-a-1").json()
    assert detail["event"]["event"]["actor1"] == "Kata'ib Hezbollah"
    assert set(detail["event"]["support"]["actor1"]) == {r["key"] for r in detail["reports"]}
    first = next(r for r in detail["reports"] if r["article"]["doc_id"] == "erbil-a")
    assert first["article"]["text"] == ERBIL_A and first["article"]["source"] == "Wire One"
    evidence = first["report"]["evidence"][0]
    assert ERBIL_A[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert first["report"]["claims"][0]["claimant"] == "Kata'ib Hezbollah"
    assert client.get("/api/events/no-such-event").status_code == 404


def test_actors_with_relations(client: TestClient) -> None:
    page = client.get("/api/actors", params={"q": "kataib hezbollah"}).json()
    actor = next(item for item in page["items"] if item["id"] == "kataib-hezbollah")
    assert {"kind": "sponsored_by", "actor": "state-ir", "name": "Iran"}.items() <= actor["relations"][0].items()
    assert actor["sponsors"] == ["Iran"] and "Popular Mobilization Forces" in actor["parents"]
    detail = client.get("/api/actors/kataib-hezbollah").json()
    assert detail["events"] == 1
    assert client.get("/api/actors/nobody-at-all").status_code == 404
    assert client.get("/api/actors", params={"type": 9}).status_code == 422
    listed = client.get("/api/actors", params={"limit": 2}).json()
    assert listed["total"] > 2 and len(listed["items"]) == 2


def test_articles_list_and_detail(client: TestClient) -> None:
    page = client.get("/api/articles", params={"source": "wire one"}).json()
    assert page["total"] == 2 and [a["doc_id"] for a in page["items"]] == ["erbil-a", "aden"]
    assert page["items"][0]["text"] is None
    assert client.get("/api/articles", params={"q": "cargo"}).json()["total"] == 1
    detail = client.get(f"/api/articles/{page['items'][1]['id']}").json()
    assert detail["text"].startswith("The Houthis") and detail["reports"][0]["event_id"] == "aden-1"
    assert client.get("/api/articles/99999").status_code == 404
    assert client.get("/api/articles", params={"since": "2024-06-01", "until": "2024-01-01"}).status_code == 422


def test_counts_by_period_and_field(client: TestClient) -> None:
    months = client.get("/api/counts", params={"by": "month", "split": "type"}).json()
    assert [(g["key"], g["split"], g["count"]) for g in months["groups"]] == [
        ("2024-03", "Explosions/Remote violence", 1),
        ("2024-04", "Explosions/Remote violence", 1),
        ("2024-05", "Explosions/Remote violence", 1),
        ("2024-05", "Protests", 1),
    ]
    weeks = client.get("/api/counts", params={"by": "week"}).json()
    assert [g["key"] for g in weeks["groups"]] == ["2024-02-26", "2024-04-08", "2024-05-20"]
    assert weeks["groups"][-1]["count"] == 2
    countries = client.get("/api/counts", params={"by": "country", "sponsor": "Iran"}).json()
    assert countries["total"] == 2 and {g["key"] for g in countries["groups"]} == {"Iraq", "Yemen"}
    assert client.get("/api/counts", params={"by": "colour"}).status_code == 422


def test_network_has_sponsors_and_umbrellas_weighted_by_events(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    nodes = {node["id"]: node for node in graph["nodes"]}
    assert nodes["kataib-hezbollah"]["events"] == 1
    assert nodes["kataib-hezbollah"]["filter"] == {"actor": "Kata'ib Hezbollah"}
    assert nodes["state-ir"]["filter"] == {"sponsor": "Iran"}
    edges = {(e["source"], e["target"], e["kind"]): e["weight"] for e in graph["edges"]}
    assert edges[("kataib-hezbollah", "state-ir", "sponsored_by")] == 1
    assert edges[("houthis", "state-ir", "sponsored_by")] == 1
    assert edges[("kataib-hezbollah", "pmf", "part_of")] == 1
    narrowed = client.get("/api/network", params={"country": "Yemen"}).json()
    assert {node["id"] for node in narrowed["nodes"]} == {"houthis", "state-ir"}


def test_exports_csv_json_geojson(client: TestClient) -> None:
    response = client.get("/api/events/export.csv", params={"sponsor": "Iran"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["event_id_cnty"] for row in rows] == ["erbil-a-1", "aden-1"]
    assert rows[0]["source"] == "Wire One; Wire Two" and rows[0]["actor1"] == "Kata'ib Hezbollah"
    records = client.get("/api/events/export.json", params={"limit": 1}).json()
    assert len(records) == 1 and records[0]["claim_tallies"] and len(records[0]["reports"]) == 2
    collection = client.get("/api/events/export.geojson").json()
    geometry = {f["properties"]["event_id"]: f["geometry"] for f in collection["features"]}
    assert geometry["kharkiv-1"] == {"type": "Point", "coordinates": [36.23, 49.99]} and geometry["nairobi-1"] is None
    assert client.get("/api/events/export.xml").status_code == 422
    assert client.get("/api/events/export.csv", params={"limit": 10**6}).status_code == 422


def test_map_points_only_for_located_events(client: TestClient) -> None:
    response = client.get("/api/events/map")
    assert response.headers["content-type"] == "application/geo+json"
    features = response.json()["features"]
    assert [f["properties"]["uid"] for f in features] == ["kharkiv-1", "aden-1", "erbil-a-1"]


def test_openapi_spec_and_security_headers(client: TestClient) -> None:
    response = client.get("/api/openapi.json")
    spec = response.json()
    assert {"/api/events", "/api/events/{uid}", "/api/actors", "/api/articles", "/api/counts"} <= set(spec["paths"])
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/docs").status_code == 404
