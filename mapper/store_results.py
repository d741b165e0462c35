"""What the per-article work hands the store's single writer (an ArticleResult per article) and
what one ingest changed (IngestCounts)."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

from mapper.codec import dumps, loads
from mapper.model import Article, Incident, Resolution


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the per-article work hands the single writer: resolutions and incidents, or an error."""

    article: Article
    content_hash: str
    resolutions: tuple[Resolution, ...] = ()
    incidents: tuple[Incident, ...] = ()
    error: str = ""
    #: (name, place id, JSON) per resolution, encoded by a worker: faster to ship than the values
    resolution_rows: tuple[tuple[str, str | None, str], ...] = ()

    def packed(self) -> ArticleResult:
        """This result with its resolutions encoded as stored, for shipping from a worker."""
        rows = tuple(resolution_row(r) for r in self.resolutions)
        return dataclasses.replace(self, resolutions=(), resolution_rows=self.resolution_rows + rows)


def resolution_row(r: Resolution) -> tuple[str, str | None, str]:
    """A resolution as stored: (mention name, place id or None, JSON)."""
    return safe_text(r.mention.name), r.place.place_id if r.place else None, dumps(r)


@dataclass(slots=True)
class IngestCounts:
    """What one ingest changed: articles added, skipped as seen, failed; incidents new and merged."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    incidents_new: int = 0
    incidents_merged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article id or path, message)

    @property
    def changed(self) -> bool:
        """True when the store gained or changed a row."""
        return bool(self.added or self.incidents_new or self.incidents_merged)


def content_hash(article: Article) -> str:
    """SHA-256 of the article text: the same text under any id or file counts as seen.

    >>> content_hash(Article(id="a", text="x")) == content_hash(Article(id="b", text="x"))
    True
    """
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def safe_text(text: str) -> str:
    """``text`` with lone surrogates replaced, so SQLite can store it."""
    return text.encode("utf-8", "replace").decode("utf-8")


def rekey(result: ArticleResult, new_id: str) -> ArticleResult:
    """The result under another article id (its id was taken meanwhile by another writer)."""
    old = result.article.id

    def moved(r: Resolution) -> Resolution:
        return dataclasses.replace(r, mention=dataclasses.replace(r.mention, article_id=new_id))

    rows = tuple((n, p, dumps(moved(loads(Resolution, d)))) for n, p, d in result.resolution_rows)
    incidents = tuple(dataclasses.replace(i, sources=tuple(
        dataclasses.replace(s, article_id=new_id) if s.article_id == old else s for s in i.sources))
        for i in result.incidents)
    return dataclasses.replace(result, article=dataclasses.replace(result.article, id=new_id),
                               resolutions=tuple(moved(r) for r in result.resolutions),
                               resolution_rows=rows, incidents=incidents)
