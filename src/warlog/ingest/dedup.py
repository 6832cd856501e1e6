"""Duplicate keys: a content hash of normalised text, a canonical URL, and MinHash signatures for near-duplicates."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch imports scipy (about as slow as spaCy): only ingest loads it, when it needs it
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
NEAR_DUPLICATE_THRESHOLD = 0.7
SHINGLE_WORDS = 3
SCHEME = "affine32"
_STORED_DTYPE = "<u4"
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|smid)$", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"^\s*(advertisement|share (this|on)\b.*|follow us\b.*|subscribe\b.*|sign up\b.*|read more\b.*|related:?.*"
    r"|(c|\(c\)|©)\s*\d{4}.*|all rights reserved.*|copyright\b.*|click here\b.*)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """Text without boilerplate lines, casefolded, with runs of whitespace as one space."""
    return " ".join(_BOILERPLATE.sub(" ", text).casefold().split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for copies that differ only in spacing or boilerplate."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters, fragment, default port or trailing slash; scheme and host lowercased."""
    if not url or "://" not in url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/"), query, ""))


def url_hash(url: str | None) -> str | None:
    """SHA-256 of the canonical URL (fixed length, so it can carry a unique index), or None."""
    canonical = canonical_url(url)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest() if canonical else None


def minhash(text: str) -> MinHash:
    """A MinHash of the word shingles of the normalised text."""
    words = _WORD.findall(normalise_text(text))
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    from datasketch import MinHash  # imported here, see above

    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return signature


def to_bytes(signature: MinHash) -> bytes:
    """A MinHash signature as bytes, for storage."""
    return signature.hashvalues.astype(_STORED_DTYPE).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A MinHash signature read back from storage."""
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=_STORED_DTYPE))


@dataclass
class NearDuplicateIndex:
    """An LSH index over MinHash signatures: which known text is a near-copy of a new one."""

    lsh: MinHashLSH
    signatures: dict[Hashable, MinHash]

    @classmethod
    def empty(cls) -> NearDuplicateIndex:
        from datasketch import MinHashLSH

        return cls(MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM), {})

    def add(self, key: Hashable, signature: MinHash) -> None:
        self.lsh.insert(key, signature)
        self.signatures[key] = signature

    def remove(self, key: Hashable) -> None:
        self.lsh.remove(key)
        del self.signatures[key]

    def closest(self, signature: MinHash) -> Hashable | None:
        """The most similar indexed key whose estimated Jaccard similarity reaches the threshold; of equally
        similar ones the least key, so that the answer never depends on the LSH's set order (keys must be
        comparable, as the ingest's ("batch" | "db", number) are)."""
        scored = [(self.signatures[key].jaccard(signature), key) for key in self.lsh.query(signature)]
        scored = [(score, key) for score, key in scored if score >= NEAR_DUPLICATE_THRESHOLD]
        return min(scored, key=lambda pair: (-pair[0], pair[1]))[1] if scored else None
