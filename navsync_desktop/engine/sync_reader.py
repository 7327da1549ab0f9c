"""Reading the planned sObjects; everything read goes to the one writer as messages.

Objects read through REST query pages run a few at once (they mostly wait for Salesforce to
build each page). Objects read through Bulk API 2.0 run one after another on one thread: their
CSV parsing is the client's heaviest work, and two threads parsing at once would only take
turns at Python's interpreter lock. Instead, each part's job is started a few parts early, so
Salesforce prepares the next part while the current one arrives.

An incremental read is one queryAll; the records marked IsDeleted go to the writer as
deletions. When Salesforce keeps failing even after the session's retries, the object is read
again from the start (reads may be repeated; the writer empties its staging table first).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, deque
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from operator import itemgetter

from navsync_desktop.engine.sync_plan import DELETED, ObjectPlan, Selected
from navsync_desktop.salesforce.bulk_query import BulkQuery, PollBackoff, QueryCancelled
from navsync_desktop.salesforce.errors import SalesforceUnavailable
from navsync_desktop.salesforce.session import SalesforceSession

log = logging.getLogger(__name__)

Send = Callable[[object], None]
OnRows = Callable[[ObjectPlan, int], None]


@dataclass(frozen=True)
class Rows:
    plan: ObjectPlan
    header: tuple[str, ...] | None  # Bulk: the CSV header; REST: None (plan.selected's order)
    rows: list


@dataclass(frozen=True)
class Deletions:
    plan: ObjectPlan
    rows: list[tuple[str, str]]  # Id, SystemModstamp


@dataclass(frozen=True)
class Restart:
    """Forget what was staged for the object: it is read again from the start."""

    plan: ObjectPlan


@dataclass(frozen=True)
class Finished:
    plan: ObjectPlan
    error: BaseException | None = None


@dataclass(frozen=True)
class ReadOptions:
    batch_rows: int = 2_000
    bulk_page_records: int = 50_000
    poll: PollBackoff = PollBackoff()  # noqa: RUF009 - frozen, so sharing it is safe
    bulk_jobs_ahead: int = 2  # Bulk jobs started beyond the one being read
    bulk_head_start_s: float = 1.0  # the longest the REST readers wait for the first Bulk jobs
    attempts: int = 2  # reads of an object, when Salesforce keeps failing


@dataclass(frozen=True)
class Lanes:
    """What every reader of a run shares."""

    session: SalesforceSession
    send: Send  # to the writer's queue (waits while it is full)
    stop: threading.Event  # cancel, failure or pause: the readers end
    options: ReadOptions
    on_rows: OnRows
    # Set once the Bulk jobs started first (the first few parts) have their results ready, or
    # there are none: until then the REST readers hold back, so that Salesforce prepares
    # those jobs undisturbed, and the Bulk reads, the longest, are not kept waiting later.
    bulk_started: threading.Event


class _Reading:
    """What both kinds of reader share: the session, the writer's queue, stopping."""

    def __init__(self, lanes: Lanes) -> None:
        self._session = lanes.session
        self._send = lanes.send
        self._stop = lanes.stop
        self._options = lanes.options
        self._on_rows = lanes.on_rows
        self._bulk_started = lanes.bulk_started

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise QueryCancelled

    def _rows(self, plan: ObjectPlan, header: tuple[str, ...] | None, rows: list) -> None:
        self._send(Rows(plan, header, rows))
        self._on_rows(plan, len(rows))

    def _deletions(self, plan: ObjectPlan, deleted: list[tuple[str, str]]) -> None:
        self._send(Deletions(plan, deleted))
        self._on_rows(plan, len(deleted))

    def _parsed(self, plan: ObjectPlan, header: list[str], rows: list[list[str]]) -> None:
        """A batch of Bulk CSV rows."""
        deleted: list[tuple[str, str]] = []
        if plan.include_deleted:
            header, rows, deleted = _split_deleted(header, rows)
        header = tuple(header)
        rows = _with_keys(plan, header, rows)
        if deleted:
            self._deletions(plan, deleted)
        if rows:
            self._rows(plan, header, rows)

    def _bulk_query(self, plan: ObjectPlan, id_range: str | None = None) -> BulkQuery:
        return BulkQuery(
            self._session,
            plan.soql(id_range),
            include_deleted=plan.include_deleted,
            cancel=self._stop,
            poll=self._options.poll,
            page_records=self._options.bulk_page_records,
            batch_rows=self._options.batch_rows,
        )


class RestReader(_Reading):
    """One object through REST query pages (``query_pages`` with the batch size); an object
    whose first page announces many records is read through Bulk instead."""

    def run(self, plan: ObjectPlan) -> None:
        """Read the object; ends with a ``Finished`` message, whatever happens."""
        error: BaseException | None = None
        try:
            # a head start for the first Bulk job, but never a long one (Salesforce may take
            # its time with Bulk jobs): the REST pages are read meanwhile
            self._bulk_started.wait(self._options.bulk_head_start_s)
            self._check_stop()
            for attempt in range(1, self._options.attempts + 1):
                try:
                    self._read(plan)
                    break
                except SalesforceUnavailable as failure:
                    if attempt == self._options.attempts or self._stop.is_set():
                        raise
                    log.warning("reading %s again: %s", plan.sobject, failure)
                    self._send(Restart(plan))
        except BaseException as failure:  # the writer decides what it means for the run
            error = failure
        self._send(Finished(plan, error))

    def _read(self, plan: ObjectPlan) -> None:
        if plan.api == "bulk":  # turned to Bulk on an earlier attempt
            self._bulk_query(plan).read(partial(self._parsed, plan))
            return
        pages = self._session.query_pages(
            plan.soql(), plan.include_deleted, batch_size=self._options.batch_rows
        )
        with closing(pages):
            for page in pages:
                if not plan.counted:
                    plan.total, plan.counted = page["totalSize"], True
                    if plan.total >= plan.bulk_threshold:  # many after all: Bulk is cheaper
                        plan.api = "bulk"
                        self._bulk_query(plan).read(partial(self._parsed, plan))
                        return
                self._page(plan, page["records"])
                self._check_stop()

    def _page(self, plan: ObjectPlan, records: list[dict]) -> None:
        deleted: list[tuple[str, str]] = []
        if plan.include_deleted:
            deleted = [(r["Id"], r["SystemModstamp"]) for r in records if r[DELETED]]
            records = [record for record in records if not record[DELETED]]
        rows = _with_keys(plan, None, list(map(_values_of(plan.selected), records)))
        if deleted:
            self._deletions(plan, deleted)
        if rows:
            self._rows(plan, None, rows)


class BulkLane(_Reading):
    """The Bulk objects, part by part (Id ranges), one after another."""

    def run(self, plans: list[ObjectPlan]) -> None:
        """Read every object; each ends with a ``Finished`` message, whatever happens."""
        parts: deque[tuple[ObjectPlan, str | None]] = deque(
            (plan, id_range) for plan in plans for id_range in plan.id_ranges()
        )
        remaining = Counter(plan.sobject for plan, _ in parts)
        attempts: Counter[str] = Counter()
        started: deque[tuple[ObjectPlan, BulkQuery]] = deque()
        done: set[str] = set()
        self._working_on: ObjectPlan | None = None  # whose part is being started or read
        first_jobs = self._options.bulk_jobs_ahead + 1  # started at once: the REST head start
        try:
            while parts or started:
                try:
                    self._start_ahead(parts, started)
                    plan, job = started.popleft()
                    self._working_on = plan
                    job.wait()
                    first_jobs -= 1
                    if first_jobs <= 0 or not started:  # or the last job is ready
                        self._bulk_started.set()
                    job.finish(partial(self._parsed, plan))
                    remaining[plan.sobject] -= 1
                    if not remaining[plan.sobject]:
                        self._send(Finished(plan))
                        done.add(plan.sobject)
                except SalesforceUnavailable as failure:
                    plan = self._working_on
                    attempts[plan.sobject] += 1
                    if attempts[plan.sobject] >= self._options.attempts or self._stop.is_set():
                        raise
                    log.warning("reading %s again: %s", plan.sobject, failure)
                    self._read_again(plan, parts, started, remaining)
        except BaseException as failure:  # the writer decides what it means for the run
            self._bulk_started.set()
            for _, job in started:
                job.abandon()
            for plan in plans:
                if plan.sobject not in done:
                    failed = plan is self._working_on
                    self._send(Finished(plan, failure if failed else QueryCancelled()))

    def _start_ahead(self, parts: deque, started: deque) -> None:
        while parts and len(started) <= self._options.bulk_jobs_ahead:
            self._check_stop()
            plan, id_range = parts[0]
            self._working_on = plan
            job = self._bulk_query(plan, id_range)
            job.start()
            parts.popleft()
            started.append((plan, job))

    def _read_again(self, plan: ObjectPlan, parts: deque, started: deque, remaining: Counter):
        """Drop the object's started parts and put all of its parts first in line again."""
        for other, job in list(started):
            if other is plan:
                job.abandon()
                started.remove((other, job))
        for item in [item for item in parts if item[0] is plan]:
            parts.remove(item)
        id_ranges = plan.id_ranges()
        parts.extendleft((plan, id_range) for id_range in reversed(id_ranges))
        remaining[plan.sobject] = len(id_ranges)
        self._send(Restart(plan))


def _with_keys(plan: ObjectPlan, header: tuple[str, ...] | None, rows: list) -> list:
    """The rows, each followed by its matching keys (``plan.obj.derived``), computed a
    column at a time: this runs for every row, so the loops are all map() and zip() (C),
    with a call per key and row and nothing more."""
    if not plan.obj.derived or not rows:
        return rows
    position = plan.positions(header)
    columns = [
        map(
            derived.function,
            *(
                map(itemgetter(position[source]), rows)
                if source in position
                else repeat(None, len(rows))
                for source in derived.sources
            ),
        )
        for derived in plan.obj.derived
    ]
    keys = zip(*columns, strict=True)
    if isinstance(rows[0], list):  # Bulk CSV rows: extended in place
        deque(map(list.extend, rows, keys), maxlen=0)
        return rows
    return list(map(tuple.__add__, rows, keys))


def _split_deleted(header: list[str], rows: list[list[str]]) -> tuple[list, list, list]:
    """Bulk CSV rows of a queryAll: the header and rows without IsDeleted, and (Id,
    SystemModstamp) of the deleted records."""
    names = [name.lower() for name in header]
    marked, record_id, stamp = (names.index(n) for n in (DELETED.lower(), "id", "systemmodstamp"))
    deleted = [(row[record_id], row[stamp]) for row in rows if row[marked] == "true"]
    live = [row for row in rows if row[marked] != "true"]
    for row in live:
        del row[marked]
    return header[:marked] + header[marked + 1 :], live, deleted


def _values_of(selected: list[Selected]) -> Callable[[dict], tuple]:
    """A REST record's values in the order of ``selected`` (lookups followed)."""
    paths = [item.field.split(".") for item in selected]
    if all(len(path) == 1 for path in paths):
        return itemgetter(*(path[0] for path in paths))  # at least Id and SystemModstamp

    def values(record: dict) -> tuple:
        found = []
        for path in paths:
            value = record
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            found.append(value)
        return tuple(found)

    return values
