"""Stream articles through the geoparser into the store: serially, on a process pool, or on Dask."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import inspect
import itertools
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from mapper.errors import GazetteerError, InputError, MapperError
from mapper.gazetteer.base import Gazetteer
from mapper.model import Article, ParsedArticle, Resolution
from mapper.names import normalize
from mapper.store import ANY_ARTICLE, ArticleResult, Corrections, IngestCounts, Store, content_hash

Engine = Literal["serial", "process", "dask"]
ENGINES: tuple[str, ...] = ("serial", "process", "dask")
#: Longer texts are refused with a per-article error rather than parsed for minutes.
MAX_TEXT_CHARS = 2_000_000
#: Articles per task and per store transaction.
CHUNK_SIZE = 64
#: A gazetteer given as a value (serial, or shipped once to each pool worker) or as a file path.
GazetteerArg = Gazetteer | str | Path | None


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input the reader could not turn into an article."""

    where: str
    message: str


# -- per-article work (runs in workers) ---------------------------------------------------------

_CACHE: dict[tuple[str | None, int], Gazetteer] = {}
_CACHE_LOCK = threading.Lock()
_POOL_GAZETTEER: list[Gazetteer] = []


def worker_gazetteer(path: str | None) -> Gazetteer:
    """The gazetteer at ``path`` (``None``: the shipped one), opened once per worker thread."""
    key = (path, threading.get_ident())  # SQLite connections stay in the thread that opened them
    with _CACHE_LOCK:
        if key not in _CACHE:
            from mapper.gazetteer import open_gazetteer

            _CACHE[key] = open_gazetteer(path)
        return _CACHE[key]


def _pass_corrections() -> bool:
    from mapper.pipeline import parse_article

    return "corrections" in inspect.signature(parse_article).parameters


def apply_corrections(parsed: ParsedArticle, corrections: Corrections, gazetteer: Gazetteer) -> ParsedArticle:
    """Replace the place of every mention an analyst corrected (by article and name, or by name)."""
    aid, out, changed = parsed.article.id, [], False
    for res in parsed.resolutions:
        key = normalize(res.mention.name)
        place_id = corrections.get((aid, key)) or corrections.get((ANY_ARTICLE, key))
        if place_id and (res.place is None or res.place.place_id != place_id):
            place = gazetteer.get(place_id)
            if place is not None:
                others = tuple(p for p in (res.place, *res.candidates) if p and p.place_id != place_id)
                res = Resolution(mention=res.mention, place=place, score=1.0, candidates=others,
                                 method="analyst:correction")
                changed = True
        out.append(res)
    return replace(parsed, resolutions=tuple(out)) if changed else parsed


def process_article(article: Article, gazetteer: Gazetteer, corrections: Corrections | None = None,
                    digest: str | None = None) -> ArticleResult:
    """Parse one article and extract its incidents; any failure becomes the result's ``error``."""
    digest = digest or content_hash(article)
    if len(article.text) > MAX_TEXT_CHARS:
        return ArticleResult(article, digest, error=f"article {article.id}: text is {len(article.text):,} "
                             f"characters, over the limit of {MAX_TEXT_CHARS:,}; split it")
    try:
        from mapper.incidents import extract_incidents
        from mapper.pipeline import parse_article

        kwargs: dict[str, Any] = {"corrections": corrections} if corrections and _pass_corrections() else {}
        parsed = parse_article(article, gazetteer, **kwargs)
        if corrections:
            parsed = apply_corrections(parsed, corrections, gazetteer)
        incidents = extract_incidents([parsed])
    except (GazetteerError, ImportError, MemoryError):  # a broken environment stops the batch
        raise
    except MapperError as exc:
        return ArticleResult(article, digest, error=f"article {article.id}: {exc}")
    except Exception as exc:  # a bug met on odd input must not stop the rest of the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return ArticleResult(article, digest, error=f"article {article.id}: internal error "
                             f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})")
    return ArticleResult(article, digest, tuple(parsed.resolutions), tuple(incidents))


def process_chunk(items: Sequence[tuple[Article, str]], gazetteer_path: str | None,
                  corrections: Corrections) -> list[ArticleResult]:
    """Worker entry point: process a partition of articles with this worker's gazetteer."""
    gaz = _POOL_GAZETTEER[0] if _POOL_GAZETTEER else worker_gazetteer(gazetteer_path)
    return [process_article(a, gaz, corrections, digest) for a, digest in items]


def _init_pool_worker(gazetteer: GazetteerArg) -> None:
    if isinstance(gazetteer, (str, Path)) or gazetteer is None:
        gazetteer = worker_gazetteer(None if gazetteer is None else str(gazetteer))
    _POOL_GAZETTEER[:] = [gazetteer]


# -- engines: submit partitions, get results back in input order -------------------------------

class _Serial:
    def __init__(self, gazetteer: GazetteerArg) -> None:
        self.gaz = gazetteer if isinstance(gazetteer, Gazetteer) else worker_gazetteer(
            None if gazetteer is None else str(gazetteer))
        self.slots = 1

    def submit(self, items: list[tuple[Article, str]], corrections: Corrections) -> Any:
        return [process_article(a, self.gaz, corrections, d) for a, d in items]

    def result(self, handle: Any) -> list[ArticleResult]:
        return handle

    def close(self) -> None:
        pass


class _Pool:
    def __init__(self, gazetteer: GazetteerArg, workers: int) -> None:
        arg = str(gazetteer) if isinstance(gazetteer, Path) else gazetteer
        # spawn: workers never inherit the parent's open store connection
        self.pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=_init_pool_worker, initargs=(arg,))
        self.slots = 2 * workers

    def submit(self, items: list[tuple[Article, str]], corrections: Corrections) -> Any:
        return self.pool.submit(process_chunk, items, None, corrections)

    def result(self, handle: Any) -> list[ArticleResult]:
        return handle.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    def __init__(self, gazetteer: GazetteerArg, workers: int, scheduler: str | None) -> None:
        if gazetteer is not None and not isinstance(gazetteer, (str, Path)):
            raise InputError("the dask engine opens the gazetteer on each worker: give it as a file path")
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise InputError("the dask engine needs the dask extra: pip install 'incident-mapper[dask]'") from exc
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        self.path = None if gazetteer is None else str(gazetteer)
        self.slots = 2 * max(1, len(self.client.scheduler_info()["workers"]))

    def submit(self, items: list[tuple[Article, str]], corrections: Corrections) -> Any:
        return self.client.submit(process_chunk, items, self.path, corrections, pure=False)

    def result(self, handle: Any) -> list[ArticleResult]:
        return handle.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _engine(engine: str, gazetteer: GazetteerArg, workers: int | None, scheduler: str | None) -> Any:
    if engine not in ENGINES:
        raise InputError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    n = workers or os.cpu_count() or 1
    if n < 1:
        raise InputError(f"workers must be at least 1, got {n}")
    if engine == "serial":
        return _Serial(gazetteer)
    if engine == "process":
        return _Pool(gazetteer, n)
    return _Dask(gazetteer, n, scheduler)


# -- reading and the single writer --------------------------------------------------------------

def read_inputs(inputs: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Articles from every input in turn; an input that cannot be read becomes a ReadError."""
    from mapper.articles import read_articles

    for path in inputs:
        try:
            yield from read_articles([Path(path)])
        except MapperError as exc:
            yield ReadError(str(path), str(exc))
        except (OSError, UnicodeError, ValueError) as exc:
            yield ReadError(str(path), f"cannot read {path}: {exc}")


def ingest(inputs: Iterable[str | Path], store: Store, *, gazetteer: GazetteerArg = None,
           engine: str = "process", workers: int | None = None, scheduler: str | None = None,
           chunk_size: int = CHUNK_SIZE, articles: Iterable[Article | ReadError] | None = None,
           on_progress: Callable[[int], None] | None = None,
           on_error: Callable[[str, str], None] | None = None) -> IngestCounts:
    """Add every new article of ``inputs`` to ``store``, committing one transaction per partition.

    Parameters
    ----------
    inputs
        Files or folders ``mapper.articles.read_articles`` understands (ignored if ``articles``).
    store
        The store; the only writer. Articles it has seen (same text) are skipped unparsed.
    gazetteer
        A Gazetteer value (serial and process engines), a gazetteer file, or ``None`` (shipped one).
    engine, workers, scheduler
        ``serial``, ``process`` (a pool of ``workers``, default: the cores) or ``dask`` (a
        LocalCluster of ``workers``, or the cluster at ``scheduler``, e.g. ``tcp://host:8786``).
    on_progress, on_error
        Called with the number of articles just done, and with (where, message) per failure.

    Returns
    -------
    IngestCounts
        What changed; ``failed`` counts articles and inputs that could not be used.
    """
    stream = iter(articles if articles is not None else read_inputs(inputs))
    runner = _engine(engine, gazetteer, workers, scheduler)
    counts = IngestCounts()
    corrections = store.corrections()
    pending: collections.deque[tuple[Any, int]] = collections.deque()

    def commit_oldest() -> None:
        handle, n_read = pending.popleft()
        results = runner.result(handle)
        done = store.add(results)
        for where, message in done.errors:
            _report(counts, on_error, where, message)
        counts.added += done.added
        counts.skipped += done.skipped
        counts.incidents_new += done.incidents_new
        counts.incidents_merged += done.incidents_merged
        if on_progress:
            on_progress(n_read)

    try:
        while chunk := list(itertools.islice(stream, chunk_size)):
            found = [a for a in chunk if isinstance(a, Article)]
            for bad in chunk:
                if isinstance(bad, ReadError):
                    _report(counts, on_error, bad.where, bad.message)
            fresh = store.unseen(found)
            counts.skipped += len(found) - len(fresh)
            if not fresh:
                if on_progress:
                    on_progress(len(chunk))
                continue
            pending.append((runner.submit(fresh, corrections), len(chunk)))
            while len(pending) >= runner.slots:
                commit_oldest()
        while pending:
            commit_oldest()
    finally:
        runner.close()
    return counts


def _report(counts: IngestCounts, on_error: Callable[[str, str], None] | None, where: str, msg: str) -> None:
    counts.failed += 1
    if len(counts.errors) < 1000:  # the log file gets them all through on_error
        counts.errors.append((where, msg))
    if on_error:
        on_error(where, msg)


def refresh(store: Store, article_ids: Iterable[str], *, gazetteer: GazetteerArg = None) -> IngestCounts:
    """Re-parse stored articles (after a correction) and replace what the store holds from them."""
    runner = _Serial(gazetteer)
    corrections = store.corrections()
    counts = IngestCounts()
    for aid in article_ids:
        article = store.article(aid)
        if article is None:
            continue
        result = runner.submit([(article, content_hash(article))], corrections)[0]
        if result.error:
            _report(counts, None, aid, result.error)
            continue
        done = store.add([result], replace=True)
        counts.added += done.added
        counts.incidents_new += done.incidents_new
        counts.incidents_merged += done.incidents_merged
    return counts
