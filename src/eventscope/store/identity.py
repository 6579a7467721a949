"""Stable identities: a document's id and the hash that tells whether it changed."""

from __future__ import annotations

import hashlib
import json

from eventscope.records import Article, Document


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
