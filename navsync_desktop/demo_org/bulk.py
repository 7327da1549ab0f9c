"""Bulk API 2.0 query jobs: create, watch, page through CSV results, abort, delete.

A job runs its query on a worker thread and writes the CSV result to a file, remembering where
each record starts; result pages are then byte ranges of that file, so paging is cheap, a page can
be fetched again, and memory stays flat for a million rows. Like Salesforce, every value is
quoted, and the locator is the base64 of the next record's offset (``Sforce-Locator: null`` on the
last page).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import itertools
import queue
import secrets
import shutil
import tempfile
import threading
import time
from array import array
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from werkzeug.wrappers import Response

from .errors import ApiError, not_found
from .files import owner_only_opener
from .ids import make_id
from .store import OrgStore, QueryCursor
from .wire import ApiCall, json_response

DELIMITERS = {
    "COMMA": ",",
    "TAB": "\t",
    "SEMICOLON": ";",
    "PIPE": "|",
    "CARET": "^",
    "BACKQUOTE": "`",
}
LINE_ENDINGS = {"LF": "\n", "CRLF": "\r\n"}
OPERATIONS = ("query", "queryAll")
TERMINAL_STATES = ("JobComplete", "Failed", "Aborted")
_WRITE_BATCH = 10_000
_READ_CHUNK = 1 << 20


def _timestamp() -> str:
    now = datetime.datetime.now(datetime.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}+0000"


def _invalid_job(message: str) -> ApiError:
    return ApiError(400, "INVALIDJOB", message)


@dataclass
class QueryJob:
    id: str
    operation: str
    sobject: str
    created_by: str
    api_version: str
    column_delimiter: str
    line_ending: str
    result_path: Path
    created_date: str = field(default_factory=_timestamp)
    modstamp: str = field(default_factory=_timestamp)
    state: str = "UploadComplete"
    error_message: str | None = None
    processing_ms: int = 0
    header_size: int = 0
    # offsets[i] is where record i starts in the result file; the last entry is the end of file
    offsets: array = field(default_factory=lambda: array("Q"))

    @property
    def records(self) -> int:
        return max(len(self.offsets) - 1, 0)

    def set_state(self, state: str) -> None:
        self.state = state
        self.modstamp = _timestamp()

    def info(self) -> dict:
        info = {
            "id": self.id,
            "operation": self.operation,
            "object": self.sobject,
            "createdById": self.created_by,
            "createdDate": self.created_date,
            "systemModstamp": self.modstamp,
            "state": self.state,
            "concurrencyMode": "Parallel",
            "contentType": "CSV",
            "apiVersion": float(self.api_version),
            "jobType": "V2Query",
            "lineEnding": self.line_ending,
            "columnDelimiter": self.column_delimiter,
            "numberRecordsProcessed": self.records,
            "retries": 0,
            "totalProcessingTime": self.processing_ms,
        }
        if self.error_message:
            info["errorMessage"] = self.error_message
        return info


class _ResultWriter:
    """Writes a cursor's records as fully quoted CSV and records where each one starts."""

    def __init__(self, job: QueryJob):
        self._job = job
        self._delimiter = DELIMITERS[job.column_delimiter]
        self._ending = LINE_ENDINGS[job.line_ending]

    def write(self, cursor: QueryCursor) -> None:
        job = self._job
        with open(job.result_path, "wb", opener=owner_only_opener) as out:
            quoted = (name.replace('"', '""') for name in cursor.columns)
            header = ('"' + f'"{self._delimiter}"'.join(quoted) + '"' + self._ending).encode()
            out.write(header)
            job.header_size = position = len(header)
            job.offsets.append(position)
            lines = cursor.csv_lines(_WRITE_BATCH, self._delimiter, self._ending)
            with closing(lines) as batches:
                self._write_batches(out, batches, position)

    def _write_batches(self, out: BinaryIO, batches: Iterator[list[bytes]], position: int) -> None:
        job = self._job
        for lines in batches:
            if job.state == "Aborted":
                return
            out.write(b"".join(lines))
            job.offsets.extend(position + size for size in itertools.accumulate(map(len, lines)))
            position = job.offsets[-1]


class BulkQueryJobs:
    """The org's query jobs. They run one at a time, in the order they were created, as
    Salesforce queues them too: jobs run side by side on one machine would only take turns
    at the interpreter and all finish late, the first one included."""

    def __init__(self, store: OrgStore, work_folder: Path):
        self._store = store
        self._lock = threading.Lock()
        self._jobs: dict[str, QueryJob] = {}
        self._dir = Path(tempfile.mkdtemp(prefix="bulk-", dir=work_folder))
        self._queued: queue.SimpleQueue[tuple[QueryJob, QueryCursor] | None] = queue.SimpleQueue()
        threading.Thread(target=self._work, daemon=True, name="bulk-query-jobs").start()

    def close(self) -> None:
        with self._lock:
            jobs, self._jobs = list(self._jobs.values()), {}
        for job in jobs:
            if job.state not in TERMINAL_STATES:
                job.set_state("Aborted")
        self._queued.put(None)  # after the jobs still queued: their cursors are closed
        shutil.rmtree(self._dir, ignore_errors=True)

    def _work(self) -> None:
        while (queued := self._queued.get()) is not None:
            job, cursor = queued
            if job.state == "Aborted":
                cursor.close()
            else:
                self._run(job, cursor)

    # POST/GET /jobs/query

    def create(self, call: ApiCall) -> Response:
        body = call.json_body()
        if not isinstance(body, dict):
            raise _invalid_job("The request body must be a JSON object")
        operation = body.get("operation")
        if operation not in OPERATIONS:
            raise _invalid_job(f"Invalid operation for a query job: {operation}")
        if not isinstance(body.get("query"), str) or not body["query"].strip():
            raise _invalid_job("A query job needs a query")
        delimiter = body.get("columnDelimiter", "COMMA")
        ending = body.get("lineEnding", "LF")
        if delimiter not in DELIMITERS or ending not in LINE_ENDINGS:
            raise _invalid_job("Invalid columnDelimiter or lineEnding")
        # Compile now, so a bad query is refused at creation as on Salesforce.
        cursor = self._store.query(
            body["query"], include_deleted=operation == "queryAll", counted=False
        )
        job_id = make_id("750", secrets.randbelow(62**9))
        job = QueryJob(
            id=job_id,
            operation=operation,
            sobject=cursor.sobject,
            created_by=call.user_id,
            api_version=call.version,
            column_delimiter=delimiter,
            line_ending=ending,
            result_path=self._dir / f"{job_id}.csv",
        )
        with self._lock:
            self._jobs[job_id] = job
        info = job.info()
        self._queued.put((job, cursor))
        return json_response(info)

    def list_jobs(self, _call: ApiCall) -> Response:
        with self._lock:
            infos = [job.info() for job in self._jobs.values()]
        return json_response({"done": True, "records": infos, "nextRecordsUrl": None})

    def _run(self, job: QueryJob, cursor: QueryCursor) -> None:
        started = time.monotonic()
        job.set_state("InProgress")
        try:
            _ResultWriter(job).write(cursor)
        except Exception as error:  # whatever breaks, the job must end Failed, not hang
            job.error_message = str(error)
            job.set_state("Failed")
            return
        finally:
            cursor.close()
            job.processing_ms = int((time.monotonic() - started) * 1000)
        if job.state == "InProgress":
            job.set_state("JobComplete")

    # /jobs/query/<job_id>

    def _job(self, job_id: str) -> QueryJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise not_found()
        return job

    def info(self, _call: ApiCall, job_id: str) -> Response:
        return json_response(self._job(job_id).info())

    def abort(self, call: ApiCall, job_id: str) -> Response:
        job = self._job(job_id)
        body = call.json_body()
        if not isinstance(body, dict) or body.get("state") != "Aborted":
            raise ApiError(400, "INVALIDJOBSTATE", "A query job can only be set to Aborted")
        if job.state in TERMINAL_STATES:
            raise ApiError(400, "INVALIDJOBSTATE", f"Job is already {job.state}")
        job.set_state("Aborted")
        return json_response(job.info())

    def delete(self, _call: ApiCall, job_id: str) -> Response:
        job = self._job(job_id)
        if job.state not in TERMINAL_STATES:
            raise ApiError(400, "INVALIDJOBSTATE", "Abort the job before deleting it")
        with self._lock:
            self._jobs.pop(job_id, None)
        job.result_path.unlink(missing_ok=True)
        return Response(status=204)

    # /jobs/query/<job_id>/results

    def results(self, call: ApiCall, job_id: str) -> Response:
        job = self._job(job_id)
        if job.state != "JobComplete":
            raise ApiError(400, "INVALIDJOBSTATE", f"Job is {job.state}, results are not ready")
        start = self._locator_offset(call.request.args.get("locator"), job.records)
        max_records = call.request.args.get("maxRecords", type=int) or job.records
        if max_records < 1:
            raise ApiError(400, "INVALID_FIELD", "maxRecords must be a positive number")
        end = min(start + max_records, job.records)
        locator = base64.b64encode(str(end).encode()).decode().rstrip("=")
        return Response(
            self._stream(job, start, end),
            content_type="text/csv;charset=UTF-8",
            headers={
                "Sforce-NumberOfRecords": str(end - start),
                "Sforce-Locator": locator if end < job.records else "null",
                "Content-Length": str(job.header_size + job.offsets[end] - job.offsets[start]),
            },
        )

    @staticmethod
    def _locator_offset(locator: str | None, total: int) -> int:
        if not locator or locator == "null":
            return 0
        try:
            text = base64.b64decode(locator + "=" * (-len(locator) % 4), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            text = ""
        if not text.isdigit() or int(text) > total:
            raise ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        return int(text)

    @staticmethod
    def _stream(job: QueryJob, start: int, end: int) -> Iterator[bytes]:
        with job.result_path.open("rb") as source:
            yield source.read(job.header_size)
            source.seek(job.offsets[start])
            remaining = job.offsets[end] - job.offsets[start]
            while remaining > 0:
                chunk = source.read(min(_READ_CHUNK, remaining))
                if not chunk:
                    return
                remaining -= len(chunk)
                yield chunk
