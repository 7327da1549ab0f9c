"""Bulk API 2.0 query jobs, read as a stream of CSV rows.

Create the job; poll its state quickly at first, then less and less often; then fetch the result
pages (``maxRecords`` and ``Sforce-Locator``) and parse each page's CSV while it arrives, handing
rows on in small batches, so memory stays flat however large the object is. A page cut short is
fetched again and the rows already handed on are skipped. Cancelling aborts a running job.
Finished jobs are left for Salesforce to delete (after seven days), as the usual clients do:
a delete would cost a request per job.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import requests

from navsync_desktop.salesforce.errors import SalesforceApiError
from navsync_desktop.salesforce.session import SalesforceSession

log = logging.getLogger(__name__)

PAGE_RECORDS = 50_000  # records per result page (one API request each)
BATCH_ROWS = 2_000  # rows handed on at a time
_CHUNK_BYTES = 1 << 18
_NO_MORE_PAGES = ("", "null")

# header, rows: each row a list of CSV strings in the header's order ("" is an empty value)
RowSink = Callable[[list[str], list[list[str]]], None]


class QueryCancelled(Exception):
    """The caller asked to stop; the job was aborted."""


@dataclass(frozen=True)
class PollBackoff:
    """Waits between job state polls: quick at first (a small job is done in a blink), then
    growing by half each time (a finished job is noticed at most a third of its time late)."""

    first_s: float = 0.02
    growth: float = 1.5
    max_s: float = 2.0

    def delays(self) -> Iterator[float]:
        delay = self.first_s
        while True:
            yield delay
            delay = min(delay * self.growth, self.max_s)


class BulkQuery:
    """One query job: ``read(sink)`` runs it and streams its rows to ``sink``."""

    def __init__(
        self,
        session: SalesforceSession,
        soql: str,
        *,
        include_deleted: bool = False,
        cancel: threading.Event | None = None,
        poll: PollBackoff = PollBackoff(),
        page_records: int = PAGE_RECORDS,
        batch_rows: int = BATCH_ROWS,
    ) -> None:
        self._session = session
        self._soql = soql
        self._operation = "queryAll" if include_deleted else "query"
        self._cancel = cancel or threading.Event()
        self._poll = poll
        self._page_records = page_records
        self._batch_rows = batch_rows
        self.job_id: str | None = None
        self._started = 0.0
        self._complete = False

    def read(self, sink: RowSink) -> int:
        """Run the job and hand its rows to ``sink``; returns how many rows there were."""
        self.start()
        return self.finish(sink)

    def start(self) -> None:
        """Create the job; Salesforce works on it while the caller does other things."""
        self.job_id = self._create()
        self._started = time.monotonic()

    def wait(self) -> None:
        """Wait until Salesforce has the started job's results (aborting it on failure)."""
        if self._complete:
            return
        try:
            self._wait_until_complete()
        except BaseException:
            self.abandon()
            raise
        self._complete = True

    def finish(self, sink: RowSink) -> int:
        """Wait for the started job and hand its rows to ``sink``."""
        self.wait()
        rows, locator = 0, None
        while True:
            self._check_cancel()
            count, locator = self._read_page(locator, sink)
            rows += count
            if locator is None:
                return rows

    def abandon(self) -> None:
        """Abort a started job that will not be read (best effort: an aborted or finished
        job refuses, and Salesforce removes old jobs anyway)."""
        if self.job_id is None:
            return
        aborted = {"state": "Aborted"}
        try:
            self._session.call(
                lambda sf: sf.restful(f"jobs/query/{self.job_id}", method="PATCH", json=aborted)
            )
        except Exception as error:
            log.info("bulk query job %s left as it is: %r", self.job_id, error)

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise QueryCancelled

    def _create(self) -> str:
        # Creating a job changes no data: like any read it may be retried. A retry after a lost
        # answer leaves an unused job behind, which Salesforce deletes after seven days.
        body = {
            "operation": self._operation,
            "query": self._soql,
            "contentType": "CSV",
            "columnDelimiter": "COMMA",
            "lineEnding": "LF",
        }
        info = self._session.call(lambda sf: sf.restful("jobs/query", method="POST", json=body))
        log.info("bulk query job %s created (%s)", info["id"], self._operation)
        return info["id"]

    def _wait_until_complete(self) -> None:
        """Quick polls first, so a fast org is not kept waiting; then backing off. A job
        started a while ago (the next part, prepared during the last) is asked at once."""
        delays = self._poll.delays()
        delay = next(delays)
        if time.monotonic() - self._started >= delay:
            delay = 0.0
        while True:
            if self._cancel.wait(delay):
                raise QueryCancelled
            info = self._session.call(lambda sf: sf.restful(f"jobs/query/{self.job_id}"))
            state = info["state"]
            if state == "JobComplete":
                return
            if state in ("Failed", "Aborted"):
                message = info.get("errorMessage") or state
                raise SalesforceApiError.from_answer(200, "BULK_QUERY_FAILED", message)
            delay = next(delays)

    def _read_page(self, locator: str | None, sink: RowSink) -> tuple[int, str | None]:
        params = {"maxRecords": self._page_records}
        if locator:
            params["locator"] = locator
        delivered = 0  # survives a retry of the page: those rows are not handed on twice

        def consume(response: requests.Response) -> str | None:
            nonlocal delivered
            header: list[str] | None = None
            seen, batch, size = 0, [], self._batch_rows
            for rows in _csv_batches(response):
                if header is None:
                    header, rows = rows[0], rows[1:]
                batch += rows[max(0, delivered - seen) :]  # not what an earlier try handed on
                seen += len(rows)
                while len(batch) >= size:
                    self._check_cancel()
                    sink(header, batch[:size])
                    delivered, batch = delivered + size, batch[size:]
            if batch:
                sink(header, batch)
                delivered += len(batch)
            announced = response.headers.get("Sforce-NumberOfRecords")
            if announced is not None and announced.isdigit() and seen < int(announced):
                # the body ended early without the connection saying so: fetch it again
                raise requests.exceptions.ChunkedEncodingError("result page cut short")
            next_locator = response.headers.get("Sforce-Locator")
            return None if next_locator in _NO_MORE_PAGES else next_locator

        path = f"jobs/query/{self.job_id}/results"
        next_locator = self._session.stream(path, consume, params=params)
        return delivered, next_locator


def _csv_batches(response: requests.Response) -> Iterator[list[list[str]]]:
    """The body's CSV records, a list of them for each chunk as it arrives."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    for chunk in response.iter_content(chunk_size=_CHUNK_BYTES):
        text = pending + decoder.decode(chunk)
        end = _records_end(text)
        pending = text[end:]
        if end:
            yield _records(text[:end])
    pending += decoder.decode(b"", final=True)
    if pending:
        yield _records(pending)


def _records(text: str) -> list[list[str]]:
    """The CSV records in ``text`` (whole records)."""
    rows = _quoted_records(text)
    return rows if rows is not None else list(csv.reader(io.StringIO(text, newline="")))


# Values may hold tabs and other control characters, as CSV values may.
_JSON_ARRAYS = json.JSONDecoder(strict=False)


def _quoted_records(text: str) -> list[list[str]] | None:
    """The records of text as Salesforce writes it (every value quoted, each record ending in
    a line end), read by the json module: such a line is the inside of a JSON array of
    strings, and json reads it in two thirds of csv's time (both in C), which counts on the
    sync's busiest thread. None where any value holds a quote or a line end, or the text has
    any other form: csv reads that.

    The rows are checked by writing them back: only if that gives the text exactly are they
    what csv would read. (Backslashes are doubled first, so that JSON takes none of them for
    an escape.)"""
    if not text.startswith('"') or not text.endswith('"\n'):
        return None
    escaped = text.replace("\\", "\\\\") if "\\" in text else text
    try:
        rows = _JSON_ARRAYS.decode("[[" + escaped[:-1].replace("\n", "],[") + "]]")
        written = '"\n"'.join(map('","'.join, rows))
    except (ValueError, TypeError):  # not JSON, or a value not quoted (a number, null, ...)
        return None
    return rows if written == text[1:-2] else None


def _records_end(text: str) -> int:
    """Just after the last line end that ends a record: one with an even number of quotes
    before it (values double their quotes, so an odd count means inside a quoted value, where
    a line break is part of the value)."""
    end = text.rfind("\n")
    while end >= 0:
        if text.count('"', 0, end) % 2 == 0:
            return end + 1
        end = text.rfind("\n", 0, end)
    return 0
