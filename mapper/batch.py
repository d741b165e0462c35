"""Stream articles through the geoparser into the store: serially, on a process pool, or on Dask."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import itertools
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Literal

from mapper.batch_inputs import ReadError, read_inputs
from mapper.errors import GazetteerError, InputError, MapperError
from mapper.gazetteer.base import Gazetteer
from mapper.model import Article, Place, too_long
from mapper.store import ANY_ARTICLE, Corrections, Store
from mapper.store_results import ArticleResult, IngestCounts, content_hash

Engine = Literal["serial", "process", "dask"]
ENGINES: tuple[str, ...] = ("serial", "process", "dask")
#: Articles per task and per store transaction.
CHUNK_SIZE = 64
#: A gazetteer given as a value (serial, or shipped once to each pool worker) or as a file path.
GazetteerArg = Gazetteer | str | Path | None


# -- per-article work (runs in workers) ---------------------------------------------------------

_CACHE: dict[tuple[str | None, int], Gazetteer] = {}
_CACHE_LOCK = threading.Lock()
_POOL_GAZETTEER: list[Gazetteer] = []
# id -> (gazetteer, its capital lookup); the gazetteer is held so that its id is not reused
_CAPITALS: dict[int, tuple[Gazetteer, Callable[[str], Place | None]]] = {}


def worker_gazetteer(path: str | None) -> Gazetteer:
    """The gazetteer at ``path`` (``None``: the shipped one), opened once per worker thread."""
    key = (path, threading.get_ident())  # SQLite connections stay in the thread that opened them
    with _CACHE_LOCK:
        if key not in _CACHE:
            from mapper.gazetteer import open_gazetteer

            _CACHE[key] = open_gazetteer(path)
        return _CACHE[key]


def article_corrections(article_id: str, corrections: Corrections | None) -> dict[str, str]:
    """The corrections that apply to one article, ``normalised name -> place id``, its own first."""
    if not corrections:
        return {}
    out = {name: pid for (aid, name), pid in corrections.items() if aid == ANY_ARTICLE}
    out.update({name: pid for (aid, name), pid in corrections.items() if aid == article_id})
    return out


def capitals(gazetteer: Gazetteer) -> Callable[[str], Place | None]:
    """``mapper.pipeline.capital_lookup`` of this gazetteer, built once per gazetteer in a worker."""
    with _CACHE_LOCK:
        held = _CAPITALS.get(id(gazetteer))
        if held is None or held[0] is not gazetteer:
            from mapper.pipeline import capital_lookup

            if len(_CAPITALS) >= 8:  # a long-lived process handed many gazetteers keeps a few
                _CAPITALS.clear()
            held = _CAPITALS[id(gazetteer)] = (gazetteer, capital_lookup(gazetteer))
        return held[1]


def process_article(article: Article, gazetteer: Gazetteer, corrections: Corrections | None = None,
                    digest: str | None = None) -> ArticleResult:
    """Parse one article and extract its incidents as ``mapper incidents`` does (flows from or to a
    whole country drawn at its capital); any failure becomes the result's ``error``."""
    digest = digest or content_hash(article)
    if refused := too_long(article.text, article.id):
        return ArticleResult(article, digest, error=refused)
    try:
        from mapper.incidents import extract_incidents
        from mapper.pipeline import parse_article

        parsed = parse_article(article, gazetteer, corrections=article_corrections(article.id, corrections))
        incidents = extract_incidents([parsed], capital_of=capitals(gazetteer))
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
    return [process_article(a, gaz, corrections, digest).packed() for a, digest in items]


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
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise MapperError(f"a worker process died ({exc}); every article committed so far is kept: "
                              "run mapper add again to go on, with fewer --workers if memory ran out") from None

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
        except (OSError, ValueError) as exc:  # ValueError: an address such as "host" with no port
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc} "
                             "(give it as tcp://HOST:PORT)") from exc
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
    if engine != "serial" and isinstance(getattr(gazetteer, "path", None), (str, Path)):
        gazetteer = str(gazetteer.path)  # a file-backed gazetteer: each worker opens its own
    if scheduler and engine != "dask":
        raise InputError(f"--scheduler is for the dask engine; add --engine dask (got --engine {engine})")
    n = workers or os.cpu_count() or 1
    if n < 1:
        raise InputError(f"workers must be at least 1, got {n}")
    if engine == "serial":
        return _Serial(gazetteer)
    if engine == "process":
        return _Pool(gazetteer, n)
    return _Dask(gazetteer, n, scheduler)


# -- the single writer -------------------------------------------------------------------------

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
    pending: collections.deque[tuple[Any, int, list[tuple[Article, str]]]] = collections.deque()
    pending_hashes: set[str] = set()
    pending_ids: set[str] = set()

    def commit_oldest() -> None:
        handle, n_read, items = pending.popleft()
        pending_hashes.difference_update(d for _, d in items)
        pending_ids.difference_update(a.id for a, _ in items)
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
            found = [a for a in chunk if isinstance(a, Article) and too_long(a.text, a.id) is None]
            for bad in chunk:
                if isinstance(bad, ReadError):
                    _report(counts, on_error, bad.where, bad.message)
                elif refused := too_long(bad.text, bad.id):  # refused here rather than shipped to a worker
                    _report(counts, on_error, bad.path or bad.id, refused)
            fresh = store.unseen(found, pending_hashes=pending_hashes, pending_ids=pending_ids)
            counts.skipped += len(found) - len(fresh)
            if not fresh:
                if on_progress:
                    on_progress(len(chunk))
                continue
            pending_hashes.update(d for _, d in fresh)
            pending_ids.update(a.id for a, _ in fresh)
            pending.append((runner.submit(fresh, corrections), len(chunk), fresh))
            while len(pending) >= runner.slots:
                commit_oldest()
        while pending:
            commit_oldest()
    except ImportError as exc:  # raised in a worker: a broken or half-upgraded installation
        raise MapperError(f"incident-mapper cannot run its pipeline ({exc}); reinstall it. Every "
                          "article committed so far is kept") from None
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
