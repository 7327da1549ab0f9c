"""Reading one planned sObject: its rows through Bulk API 2.0 or REST query pages, then (for
an incremental run) the Ids deleted since, through queryAll. Runs on a pool thread and hands
everything to the one writer as messages.

When Salesforce keeps failing even after the session's retries, the object is read again from
the start (reads may be repeated; the writer empties its staging table first).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from navsync_desktop.engine.sync_plan import ObjectPlan, Selected
from navsync_desktop.salesforce.bulk_query import BulkQuery, PollBackoff, QueryCancelled
from navsync_desktop.salesforce.errors import SalesforceUnavailable
from navsync_desktop.salesforce.session import SalesforceSession

log = logging.getLogger(__name__)


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
    attempts: int = 3  # reads of an object, when Salesforce keeps failing


class ObjectReader:
    def __init__(
        self,
        session: SalesforceSession,
        plan: ObjectPlan,
        send: Callable[[object], None],
        stop: threading.Event,
        options: ReadOptions,
        on_rows: Callable[[ObjectPlan, int], None],
    ) -> None:
        self._session = session
        self._plan = plan
        self._send = send
        self._stop = stop
        self._options = options
        self._on_rows = on_rows

    def run(self) -> None:
        """Read the object; ends with a ``Finished`` message, whatever happens."""
        error: BaseException | None = None
        try:
            for attempt in range(1, self._options.attempts + 1):
                try:
                    self._read_once()
                    break
                except SalesforceUnavailable as failure:
                    if attempt == self._options.attempts or self._stop.is_set():
                        raise
                    log.warning("reading %s again: %s", self._plan.sobject, failure)
                    self._send(Restart(self._plan))
        except BaseException as failure:  # the writer decides what it means for the run
            error = failure
        self._send(Finished(self._plan, error))

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise QueryCancelled

    def _read_once(self) -> None:
        plan = self._plan
        if plan.api == "bulk":
            BulkQuery(
                self._session,
                plan.soql(),
                cancel=self._stop,
                poll=self._options.poll,
                page_records=self._options.bulk_page_records,
                batch_rows=self._options.batch_rows,
            ).read(self._bulk_rows)
        else:
            self._rest_rows()
        if not plan.full:
            self._deletions()

    def _bulk_rows(self, header: list[str], rows: list[list[str]]) -> None:
        keys = _keys_of(self._plan, tuple(header))
        if keys is not None:
            for row in rows:
                row.extend(keys(row))
        self._send(Rows(self._plan, tuple(header), rows))
        self._on_rows(self._plan, len(rows))

    def _rest_rows(self) -> None:
        values = _values_of(self._plan.selected)
        keys = _keys_of(self._plan, None)
        batch: list[tuple] = []
        records = self._session.query_all_iter(
            self._plan.soql(), batch_size=self._options.batch_rows
        )
        for record in records:
            row = values(record)
            batch.append(row + keys(row) if keys else row)
            if len(batch) >= self._options.batch_rows:
                self._check_stop()
                self._send(Rows(self._plan, None, batch))
                self._on_rows(self._plan, len(batch))
                batch = []
        if batch:
            self._send(Rows(self._plan, None, batch))
            self._on_rows(self._plan, len(batch))

    def _deletions(self) -> None:
        batch: list[tuple[str, str]] = []
        soql = self._plan.deletions_soql()
        for record in self._session.query_all_iter(soql, include_deleted=True):
            batch.append((record["Id"], record["SystemModstamp"]))
            if len(batch) >= self._options.batch_rows:
                self._check_stop()
                self._send(Deletions(self._plan, batch))
                batch = []
        if batch:
            self._send(Deletions(self._plan, batch))


def _keys_of(
    plan: ObjectPlan, header: tuple[str, ...] | None
) -> Callable[[Sequence], tuple] | None:
    """The row's matching keys (``plan.obj.derived``), to go after its values."""
    if not plan.obj.derived:
        return None
    position = plan.positions(header)
    makers = [
        (derived.function, [position.get(source) for source in derived.sources])
        for derived in plan.obj.derived
    ]

    def keys(row: Sequence) -> tuple:
        return tuple(
            function(*(None if n is None else row[n] for n in places))
            for function, places in makers
        )

    return keys


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
