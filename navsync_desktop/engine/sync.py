"""The CRM sync (CRM -> local) as one function call: the GUI's worker, the CLI and the tests
all run ``run_sync``.

It plans every object (describe; full or incremental; ``COUNT()`` -> Bulk API 2.0 or REST),
reads them on a small pool of threads that hand parsed pages through a bounded queue to the
calling thread -- the one writer, which stages them -- and once every object is read, swaps
each one in together with its watermark, recomputes the saved lists and records the run.

A failed or cancelled run changes no local data and moves no watermark. A run that stops to
keep the API reserve keeps the objects it finished; the others keep their old data.
"""

from __future__ import annotations

import gc
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from navsync_desktop.engine import autosave, crm_settings, sync_settings
from navsync_desktop.engine.api_pacing import ApiPacer, ApiReserveReached
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.crm_objects import OBJECTS
from navsync_desktop.engine.sync_plan import ObjectPlan, plan_object
from navsync_desktop.engine.sync_progress import (
    Phase,
    SyncProgress,
    pacing_message,
    retry_message,
)
from navsync_desktop.engine.sync_reader import (
    BulkLane,
    Deletions,
    Finished,
    Lanes,
    ReadOptions,
    Restart,
    RestReader,
    Rows,
)
from navsync_desktop.engine.sync_writer import StagingWriter
from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.salesforce.bulk_query import QueryCancelled
from navsync_desktop.salesforce.errors import SalesforceError
from navsync_desktop.salesforce.retry import RetryNotice
from navsync_desktop.salesforce.session import SalesforceSession
from navsync_desktop.store import Store, crm_records, sync_runs, sync_state
from navsync_desktop.store.crm_records import SwapCounts
from navsync_desktop.store.sync_runs import SyncRun

log = logging.getLogger(__name__)

Progress = Callable[[SyncProgress], None]
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Sync", "The sync failed unexpectedly; nothing was changed. The log file has the details."
)


class Outcome(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class SyncOptions:
    # Objects read at once: the Bulk objects one after another on one thread, the REST objects
    # on the others (describing and counting, mostly waiting for answers, runs all at once).
    workers: int = 4
    queue_batches: int = 24  # parsed batches waiting for the writer: memory stays flat
    pacing_delay_s: float = 1.0  # between requests, when few API requests are left
    read: ReadOptions = ReadOptions()  # noqa: RUF009 - frozen, so sharing it is safe


@dataclass(frozen=True)
class SyncResult:
    """A run as ``sync --json`` prints it (and ``history --json`` lists it)."""

    run: SyncRun

    @property
    def outcome(self) -> Outcome:
        return Outcome(self.run.status)

    @property
    def error(self) -> Text | None:
        return self.run.error

    @property
    def seconds(self) -> float:
        if self.run.finished_at is None:
            return 0.0
        started = datetime.fromisoformat(self.run.started_at)
        return (datetime.fromisoformat(self.run.finished_at) - started).total_seconds()

    def to_json(self) -> dict:
        run = self.run
        return {
            "outcome": run.status,
            "full": run.full,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "seconds": round(self.seconds, 3),
            "api_requests": run.http_requests,
            "objects": run.objects,
            "error": str(run.error) if run.error else None,
            "paused": run.paused,
            "api_usage": {
                "before": run.api_used_before,
                "after": run.api_used_after,
                "max": run.api_max,
            },
        }


def run_sync(
    store: Store,
    connection: ConnectionManager,
    *,
    full: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    options: SyncOptions = SyncOptions(),
) -> SyncResult:
    """Sync the connected org into ``store``; ``full`` reads every object whole.

    ``progress`` hears every step (from several threads, one at a time); setting ``cancel``
    ends the run soon, as cancelled. Raises ``NotConnected`` when there is no connection;
    every other failure is the result's outcome and error.
    """
    with connection.syncing(), connection.open_session() as session:
        run = _Run(store, session, full, _Reporter(progress), cancel or threading.Event(), options)
        with run.writer, _tuned_interpreter():
            return run.execute()


@contextmanager
def _tuned_interpreter() -> Iterator[None]:
    """Two interpreter settings, for as long as the sync runs:

    - Python's cycle collector runs after every 700 new containers; a sync makes a list per
      row, and none of them in a cycle: it runs less often.
    - A thread waiting for the interpreter lock claims it only after 5 ms. The writer waits
      so after every INSERT, while a reader parses: it claims it after 0.2 ms, which cuts
      the writer's time for the rows by a fifth.
    """
    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    gc.set_threshold(max(thresholds[0], 50_000), *thresholds[1:])
    sys.setswitchinterval(min(interval, 0.0002))
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(interval)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class _Reporter:
    """Serialises progress calls from the threads; a failing listener never stops the sync."""

    def __init__(self, listener: Progress | None) -> None:
        self._listener = listener
        self._lock = threading.Lock()

    def __call__(self, event: SyncProgress) -> None:
        if self._listener is None:
            return
        with self._lock:
            try:
                self._listener(event)
            except Exception:
                log.exception("sync progress listener failed")


@dataclass
class _Counts:
    read: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Run:
    def __init__(
        self,
        store: Store,
        session: SalesforceSession,
        full: bool,
        report: _Reporter,
        cancel: threading.Event,
        options: SyncOptions,
    ) -> None:
        self._store = store
        self._session = session
        self._full = full
        self._report = report
        self._cancel = cancel
        self._options = options
        self._stop = threading.Event()  # cancel, failure or pause: the readers end
        self._counts = _Counts()
        self._states: dict[str, sync_state.ObjectState | None] = {}
        self.writer = StagingWriter(store.connection)  # this thread is the one writer
        self._pacer = ApiPacer(
            session,
            sync_settings.api_reserve(store),
            in_flight=max(options.workers, len(OBJECTS)),
            delay_s=options.pacing_delay_s,
            stop=self._stop,
            on_pacing=self._on_pacing,
        )

    # the run

    def execute(self) -> SyncResult:
        store = self._store
        run = SyncRun(
            id=sync_runs.start(store, "full" if self._full else "incremental"),
            full=self._full,
            status="running",
            started_at=_now(),
        )
        self._session.on_retry = self._on_retry
        self._session.request_gate = self._pacer
        plans: list[ObjectPlan] = []
        objects: dict[str, dict] = {}
        try:
            plans = self._plan_all()
            run = replace(run, full=all(plan.full for plan in plans))
            finished, failure = self._read_all(plans)
            if failure is None:
                objects = self._swap(plans)
            elif isinstance(failure, ApiReserveReached):  # keep what is complete
                objects = self._swap(finished)
            if objects:
                self._report(SyncProgress(Phase.AUTO_SAVE))
                autosave.recompute(store)
            if failure is not None:
                raise failure
            run = replace(run, status=Outcome.SUCCEEDED.value)
        except BaseException as error:  # every way out becomes the run's outcome
            run = self._failed(run, error)
            if not isinstance(error, Exception):
                self._record(run, plans, objects)
                raise  # KeyboardInterrupt and the like still end the program
        finally:
            self._session.on_retry = None
            self._session.request_gate = None
            self.writer.discard(plans)
        return SyncResult(self._record(run, plans, objects))

    def _failed(self, run: SyncRun, error: BaseException) -> SyncRun:
        self._stop.set()
        if self._cancel.is_set() or isinstance(error, QueryCancelled | KeyboardInterrupt):
            log.info("sync cancelled")
            return replace(run, status=Outcome.CANCELLED.value)
        if isinstance(error, ApiReserveReached):
            log.info("sync paused: %s API requests left", error.remaining)
            return replace(run, status=Outcome.FAILED.value, error=error.text, paused=True)
        if isinstance(error, SalesforceError):
            log.warning("sync failed: %s", error)
            return replace(run, status=Outcome.FAILED.value, error=error.text)
        log.error("sync failed unexpectedly", exc_info=error)
        return replace(run, status=Outcome.FAILED.value, error=UNEXPECTED)

    def _record(self, run: SyncRun, plans: list[ObjectPlan], objects: dict[str, dict]) -> SyncRun:
        first, last = self._pacer.first_usage, self._session.api_usage
        for plan in plans:  # objects not swapped in: what was read, nothing changed
            objects.setdefault(plan.sobject, self._object_json(plan, None))
        run = replace(
            run,
            finished_at=_now(),
            objects=objects,
            http_requests=self._session.http_requests,
            api_used_before=first.used if first else None,
            api_used_after=last.used if last else None,
            api_max=last.total if last else None,
        )
        sync_runs.save(self._store, run)
        return run

    # planning

    def _plan_all(self) -> list[ObjectPlan]:
        store = self._store
        states = {obj.sobject: sync_state.load(store, obj.sobject) for obj in OBJECTS}
        kept = crm_records.counts(store)
        won_value_field = crm_settings.won_value_field(store)
        threshold = sync_settings.bulk_threshold(store)

        def plan(obj) -> ObjectPlan:
            self._check_stop()
            self._report(SyncProgress(Phase.PLANNING, obj.sobject))
            return plan_object(
                self._session,
                obj,
                states[obj.sobject],
                won_value_field=won_value_field,
                full=self._full,
                bulk_threshold=threshold,
                kept_rows=kept[obj.sobject],
            )

        with ThreadPoolExecutor(len(OBJECTS), thread_name_prefix="sync-plan") as pool:
            plans = list(pool.map(plan, OBJECTS))
        for plan_ in plans:
            self._counts.total[plan_.sobject] = plan_.total
            self._counts.read[plan_.sobject] = 0
        self._states = states
        log.info(
            "sync plan: %s",
            ", ".join(
                f"{p.sobject} {p.total if p.counted else '?'} {'full' if p.full else 'new'} {p.api}"
                for p in plans
            ),
        )
        return plans

    def _check_stop(self) -> None:
        if self._cancel.is_set():
            self._stop.set()
        if self._stop.is_set():
            raise QueryCancelled

    # reading and staging

    def _read_all(self, plans: list[ObjectPlan]) -> tuple[list[ObjectPlan], BaseException | None]:
        """Read every object; returns the objects read completely and the first failure."""
        messages: queue.Queue = queue.Queue(maxsize=self._options.queue_batches)

        def send(message: object) -> None:  # the readers' side: waits while the queue is full
            while True:
                try:
                    messages.put(message, timeout=0.1)
                    return
                except queue.Full:
                    if self._stop.is_set() and not isinstance(message, Finished):
                        raise QueryCancelled from None

        self.writer.begin(plans)
        options = self._options
        bulk = [plan for plan in plans if plan.api == "bulk"]
        lanes = Lanes(
            self._session,
            send,
            self._stop,
            options.read,
            self._on_rows,
            bulk_started=threading.Event(),
        )
        if not bulk:
            lanes.bulk_started.set()
        # largest first: its indexes are built while the rest arrives (the queue holds it)
        bulk.sort(key=lambda p: p.total, reverse=True)
        rest = sorted((p for p in plans if p.api == "rest"), key=lambda p: p.total, reverse=True)
        # objects that fit in one page hardly load anyone: they do not count against the bound
        one_page = sum(plan.total <= options.read.batch_rows for plan in rest)
        with ThreadPoolExecutor(options.workers + one_page, thread_name_prefix="sync-read") as pool:
            futures = [pool.submit(BulkLane(lanes).run, bulk)] if bulk else []
            futures += [pool.submit(RestReader(lanes).run, plan) for plan in rest]
            try:
                finished, failure = self._write(messages, futures, len(plans))
            except BaseException:
                self._stop.set()
                raise
        if self._cancel.is_set() or (failure is None and len(finished) < len(plans)):
            failure = QueryCancelled()
        return finished, failure

    def _write(
        self, messages: queue.Queue, futures: list[Future], expected: int
    ) -> tuple[list[ObjectPlan], BaseException | None]:
        """The writer's side: stage what arrives until every object has finished."""
        finished: list[ObjectPlan] = []
        failure: BaseException | None = None
        pending = expected
        while pending and not (all(f.done() for f in futures) and messages.empty()):
            if self._cancel.is_set():
                self._stop.set()
            try:
                message = messages.get_nowait()
            except queue.Empty:
                self.writer.commit()  # nothing to do: let others at the store meanwhile
                try:
                    message = messages.get(timeout=0.1)
                except queue.Empty:
                    continue
            if not isinstance(message, Finished):
                if not self._stop.is_set():
                    self._stage(self.writer, message)
                    self.writer.commit_when_due()
                continue
            pending -= 1
            log.info("%s read: %s", message.plan.sobject, message.error or "complete")
            if message.error is None:
                finished.append(message.plan)
                if not self._stop.is_set():
                    self.writer.prepare(message.plan)
            elif failure is None and not isinstance(message.error, QueryCancelled):
                failure = message.error
                self._stop.set()
        return finished, failure

    def _stage(self, writer: StagingWriter, message: object) -> None:
        if isinstance(message, Rows):
            writer.rows(message.plan, message.header, message.rows)
        elif isinstance(message, Deletions):
            writer.deletions(message.plan, message.rows)
        elif isinstance(message, Restart):
            writer.begin([message.plan])
            with self._counts.lock:
                self._counts.read[message.plan.sobject] = 0

    def _swap(self, plans: list[ObjectPlan]) -> dict[str, dict]:
        objects = {}
        for plan in plans:
            self._report(SyncProgress(Phase.SAVING, plan.sobject, api=plan.api))
            started = time.perf_counter()
            counts = self.writer.swap(self._store, plan, self._states[plan.sobject])
            log.info("%s saved in %.2f s: %s", plan.sobject, time.perf_counter() - started, counts)
            objects[plan.sobject] = self._object_json(plan, counts)
        return objects

    def _object_json(self, plan: ObjectPlan, counts: SwapCounts | None) -> dict:
        with self._counts.lock:
            read = self._counts.read.get(plan.sobject, 0)
        if counts is None:  # not swapped in: the local data stays as it was
            counts = SwapCounts(0, 0, _kept(self._store, plan))
        return {
            "read": read,
            "changed": counts.changed,
            "deleted": counts.deleted,
            "total": counts.total,
            "api": plan.api,
            "full": plan.full,
        }

    # what the readers and the session report

    def _on_rows(self, plan: ObjectPlan, count: int) -> None:
        counts = self._counts
        with counts.lock:
            counts.total[plan.sobject] = plan.total  # an uncounted read learns it on its way
            counts.read[plan.sobject] += count
            read = counts.read[plan.sobject]
            overall_read = sum(counts.read.values())
            overall_total = sum(counts.total.values())
        self._report(
            SyncProgress(
                Phase.READING,
                plan.sobject,
                read,
                plan.total,
                overall_read,
                overall_total,
                plan.api,
            )
        )

    def _on_retry(self, notice: RetryNotice) -> None:
        self._report(SyncProgress(Phase.RETRYING, message=retry_message(notice)))

    def _on_pacing(self, remaining: int, reserve: int) -> None:
        self._report(SyncProgress(Phase.PACING, message=pacing_message(remaining, reserve)))


def _kept(store: Store, plan: ObjectPlan) -> int:
    return store.connection.execute(f'SELECT count(*) FROM "{plan.obj.table}"').fetchone()[0]  # noqa: S608 - fixed table names
