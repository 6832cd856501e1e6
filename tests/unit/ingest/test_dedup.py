"""Duplicate keys: normalised content hash, canonical URL, MinHash similarity."""

from warlog.ingest import dedup

TEXT = (
    "Militia fighters fired three rockets at a military airport on Sunday evening. The rockets landed in an empty "
    "area and caused no damage, a spokesman for the security forces said."
)


def test_content_hash_ignores_spacing_case_and_boilerplate_lines() -> None:
    variant = TEXT.upper().replace(" ", "  \n") + "\n\nShare this article\nAll rights reserved."
    assert dedup.content_hash(variant) == dedup.content_hash(TEXT)
    assert dedup.content_hash(TEXT + " More.") != dedup.content_hash(TEXT)


def test_canonical_url_drops_tracking_fragment_slash_and_default_port() -> None:
    assert dedup.canonical_url("HTTPS://News.Example:443/a/b/?utm_source=x&id=3&fbclid=y#comments") == (
        "https://news.example/a/b?id=3"
    )
    assert dedup.url_hash("https://news.example/a/b?id=3") == dedup.url_hash("https://news.example/a/b/?id=3#x")
    assert dedup.canonical_url("not a url") is None and dedup.url_hash(None) is None


def test_minhash_survives_storage_and_finds_a_syndicated_copy_only() -> None:
    index = dedup.NearDuplicateIndex.empty()
    index.add("original", dedup.from_bytes(dedup.to_bytes(dedup.minhash(TEXT))))
    copy = "Rockets target airport\n" + TEXT + " Reporting by a staff writer."
    assert index.closest(dedup.minhash(copy)) == "original"
    assert index.closest(dedup.minhash("A peaceful march through the capital ended without incident today.")) is None


def test_of_equally_similar_copies_the_least_key_is_closest_whatever_the_order_they_were_indexed_in() -> None:
    signature = dedup.minhash(TEXT)
    keys = [("db", 7), ("batch", 2), ("db", 3)]
    for order in (keys, list(reversed(keys))):
        index = dedup.NearDuplicateIndex.empty()
        for key in order:
            index.add(key, signature)
        assert index.closest(dedup.minhash(TEXT + " Reporting by a staff writer.")) == ("batch", 2)
