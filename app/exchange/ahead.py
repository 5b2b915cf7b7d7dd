"""Preparing an import's Markdown files ahead of the writer, in worker processes.

Most of an import's time that is not SQLite is Python that needs no store: parsing the
front matter and the body, checking them, reading the images, spelling the text out as
bigrams and counting its words for the search index (~0.7 ms an article). Worker processes
do that for the files ahead of the one being written, on the machine's cores, while
the writer writes (a process, not a thread: the work holds the GIL). They run at a lower
priority than the writer, the import's one serial part.

A worker cannot ask the store, so it assumes the answers that let a file through (an
``article:`` link's target is stored, a related article's reference names one, the id is
free) and notes each question. The writer asks the store the same questions and uses the
worker's work only when every answer is as assumed; the search index takes the worker's
text only if it is the article's own (``IndexedText.describes``). Whatever a worker did not
prepare (a bad file, an answer not as assumed, a file it has not reached yet) the writer
prepares itself, with the same code as without workers: every message about a bad file is
the same, and so is what is stored.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import NotFoundError
from app.exchange.markdown import PreparedImport, StoreQuestions, prepare_with

log = logging.getLogger(__name__)

# Fewer files than this are prepared by the writer alone: a worker takes ~0.2 s to start.
AHEAD_FROM = 200
# Files a worker prepares per task, and tasks handed out ahead of the writer (memory stays
# at a few hundred prepared files however large the import).
CHUNK = 16
TASKS_AHEAD = 8
MAX_WORKERS = 3


@dataclass
class AssumedAnswers:
    """The store's questions a worker asked, each answered as the file would need."""

    refers_asked: list[str] = field(default_factory=list)
    resolved: list[tuple[str, str]] = field(default_factory=list)  # (reference, stand-in id)
    exists_asked: list[str] = field(default_factory=list)

    def refers(self, ref: str) -> bool:
        self.refers_asked.append(ref)
        return True

    def resolve(self, ref: str) -> str:
        stand_in = str(uuid.uuid4())
        self.resolved.append((ref, stand_in))
        return stand_in

    def exists(self, article_id: str) -> bool:
        self.exists_asked.append(article_id)
        return False


@dataclass
class Ahead:
    """A file prepared by a worker, with the answers it assumed."""

    prepared: PreparedImport
    answers: AssumedAnswers


def prepare_ahead(paths: list[str]) -> list[Ahead | None]:
    """In a worker: each file prepared and its text indexed, or None when it could not be
    (the writer prepares that one again and says what is wrong with it)."""
    from app.store.search import indexed_text

    out: list[Ahead | None] = []
    for path in paths:
        answers = AssumedAnswers()
        try:
            prepared = prepare_with(answers, path)
            prepared.indexed = indexed_text(prepared.article)
        except Exception:  # noqa: BLE001 - any failure is the writer's to report
            out.append(None)
            continue
        out.append(Ahead(prepared, answers))
    return out


def confirmed(questions: StoreQuestions, ahead: Ahead) -> PreparedImport | None:
    """The worker's preparation, if the store answers its questions as it assumed."""
    answers = ahead.answers
    if not all(questions.refers(ref) for ref in answers.refers_asked):
        return None
    if any(questions.exists(article_id) for article_id in answers.exists_asked):
        return None
    real: dict[str, str] = {}
    for ref, stand_in in answers.resolved:
        try:
            real[stand_in] = questions.resolve(ref)
        except NotFoundError:
            return None
    for link in ahead.prepared.article.related:
        if link.article_id in real:
            link.article_id = real[link.article_id]
    return ahead.prepared


def worker_count(files: int) -> int:
    """Workers for an import of ``files`` Markdown files: one a core, at most MAX_WORKERS.

    One a core, not one fewer: with a single worker on two cores the writer spent 0.1-0.5
    ms an article waiting for it, a core idle meanwhile (at a million articles 354-394
    articles/s with one worker, 399-470 with two; at 10,000, 478 and 519)."""
    if files < AHEAD_FROM:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(MAX_WORKERS, cores or 1)


# How much lower a worker's priority is than the writer's (``nice`` steps).
WORKER_NICENESS = 10


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    """A worker ends when the importing process ends, however it ends: SIGKILL included
    (Linux: the kernel signals the worker; elsewhere the pool's own shutdown does). Ctrl-C
    is the importer's to handle: it stops the pool, and no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - an unusual libc
            log.debug("import worker cannot follow its parent's end")
    if os.getppid() != parent:  # the importer died before the signal was asked for
        os._exit(0)


def _quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker without its warning about "leaked
    semaphores": it cleans them up itself when an importer was killed, and a user who
    stopped an import should not read a Python warning about it."""
    from multiprocessing import resource_tracker

    quiet = "ignore::UserWarning:multiprocessing.resource_tracker"
    sys.warnoptions.append(quiet)
    try:
        with _without_ctrl_c():
            resource_tracker.ensure_running()
    finally:
        sys.warnoptions.remove(quiet)


@contextlib.contextmanager
def _without_ctrl_c() -> Iterator[None]:
    """Processes started in here never see Ctrl-C: SIGINT is blocked in this thread while
    they are made, and a blocked signal stays blocked across exec. A worker stopped by
    Ctrl-C in the middle of starting printed a KeyboardInterrupt traceback; the importer
    is the one that stops, and its workers with it. A Ctrl-C meanwhile reaches the importer
    once the worker is made."""
    block = getattr(signal, "pthread_sigmask", None)  # not on Windows
    if block is None:
        yield
        return
    before = block(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, before)


def _start_worker(parent: int) -> None:
    _die_with(parent)
    _yield_to_writer()


def _yield_to_writer() -> None:
    """A worker runs at a lower priority than the writer (and the window, in whose process
    an import from the window writes): the writer is the import's one serial part."""
    nice = getattr(os, "nice", None)  # Unix only: on Windows a worker keeps the priority
    try:
        if nice is not None:
            nice(WORKER_NICENESS)
    except OSError:  # not allowed here: the same priority, as before
        log.debug("import worker left at the writer's priority")


def _started() -> bool:
    """A worker's first task: its modules imported, it is ready for files."""
    import app.store.search  # noqa: F401

    return True


class AheadFiles:
    """Files handed to worker processes in order, a few tasks ahead of the writer.

    Until a worker has started (~0.2 s) the writer prepares files itself; from then on the
    files after the writer's are handed out in tasks of ``CHUNK``. A file no worker has
    begun is the writer's to prepare (``take`` gives None): at a small archive the writer
    is quicker than one worker and shares the work, at a large one it only writes. Use as a
    context manager: leaving it stops the workers, whatever they had left to do.
    """

    def __init__(
        self,
        paths: list[Path] | list[str],
        workers: int,
        prepare: Any = None,
        started: Any = None,
    ) -> None:
        """``prepare``: what a worker runs on a list of ``paths`` (each a file, or any
        text a worker reads its task from: a desk's history files are named by their
        blob); a module's function, one result a path. Default: ``prepare_ahead``.
        ``started``: a worker's first task (its imports)."""
        self._prepare = prepare or prepare_ahead
        self._paths = [str(p) for p in paths]
        self._index = {p: n for n, p in enumerate(self._paths)}
        self._handed = 0  # files before this were handed out, or prepared by the writer
        self._tasks: deque[tuple[int, Future[list[Any]]]] = deque()  # (first file, task)
        self._ready: dict[str, Any] = {}
        self._own_until = 0  # files before this no worker prepares: the writer's own
        self._pool: ProcessPoolExecutor | None = None
        self._started: Future[bool] | None = None
        if workers > 0 and paths:
            _quiet_resource_tracker()
            # spawn: a worker never inherits the window's threads or the store's connection.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
            )
            self._started = self._submit(started or _started)

    def _submit(self, fn: Any, *args: Any) -> Future[Any] | None:
        try:
            assert self._pool is not None
            with _without_ctrl_c():  # a submit may start a worker
                return self._pool.submit(fn, *args)
        except Exception:  # noqa: BLE001 - workers that could not start: the writer does all
            log.warning("import workers stopped; the writer prepares the remaining files")
            self.close()
            return None

    def _hand_out(self) -> None:
        while (
            self._pool is not None
            and self._started is not None
            and self._started.done()
            and self._handed < len(self._paths)
            and len(self._tasks) < TASKS_AHEAD
        ):
            first = self._handed
            self._handed = min(first + CHUNK, len(self._paths))
            task = self._submit(self._prepare, self._paths[first : first + CHUNK])
            if task is None:
                return
            self._tasks.append((first, task))

    def take(self, path: Path | str) -> Any:
        """The worker's preparation of ``path`` (files are taken in the order given), or
        None: no worker has it, or it could not be prepared without the store.

        A task a worker has begun is waited for; one no worker has begun yet the writer
        takes back and does itself (the workers are behind: the writer would only wait)."""
        key = str(path)
        if key not in self._ready:
            at = self._index[key]
            if at >= self._own_until and self._tasks and self._tasks[0][0] <= at:
                first, task = self._tasks.popleft()
                if task.cancel():
                    self._own_until = first + CHUNK
                else:
                    chunk = self._paths[first : first + CHUNK]
                    self._ready = dict(zip(chunk, self._results(task, len(chunk)), strict=True))
            else:  # the writer's own: no task given out reaches this file
                self._handed = max(self._handed, at + 1)
        self._hand_out()
        return self._ready.pop(key, None)

    def _results(self, task: Future[list[Any]], size: int) -> list[Any]:
        try:
            return task.result()
        except Exception:  # noqa: BLE001 - a worker that died: the writer does its files
            log.warning("an import worker failed; the files it had are prepared again")
            self.close()
            return [None] * size

    def close(self) -> None:
        """Stop the workers; the writer prepares whatever is left."""
        self._tasks.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> AheadFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
