"""Stable identities: a document's id and the hash that tells whether it changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from eventscope.records import Article, Document


@dataclass(frozen=True)
class Maker:
    """What extracted a stored document: the eventscope version and a fingerprint of the
    knowledge files (src/eventscope/data/*). Improving either makes old events stale."""

    version: str
    data_fingerprint: str


@lru_cache(maxsize=1)
def current_maker() -> Maker:
    from eventscope import __version__

    return Maker(__version__, fingerprint(resources.files("eventscope").joinpath("data").iterdir()))


def fingerprint(files: Iterable[Traversable]) -> str:
    """A short hash of the names and contents of `files` (sub-folders are ignored)."""
    digest = hashlib.sha256()
    for file in sorted((f for f in files if f.is_file()), key=lambda f: f.name):
        content = file.read_bytes()
        digest.update(f"{file.name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:16]


def _sha256(value: object) -> str:
    payload = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def article_hash(article: Article) -> str:
    """Hash of everything in the input that extraction depends on (not where it was read from)."""
    return _sha256([article.text, article.html, article.title, article.publication_date,
                    article.url, article.source])


def document_hash(document: Document) -> str:
    """Hash of an extracted record, for documents stored without their input article."""
    return _sha256(document.to_dict())


def document_id(article: Article) -> str:
    """The article's own id, or the pipeline's content id when it has none."""
    if article.doc_id:
        return article.doc_id
    from eventscope.pipeline import content_id  # imported here: it pulls in spaCy

    return content_id(article.text or article.html or "")
