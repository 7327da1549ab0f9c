"""Fault injection for the `flaky` scenario: a WSGI middleware in front of the demo org.

On a share of API requests (``/services/data/vXX.X/…``: REST and Bulk, never the OAuth pages) it
answers the way a struggling Salesforce does: 500, 503, a connection reset in the middle of the
answer, a slow answer, 403 REQUEST_LIMIT_EXCEEDED of the concurrent-request kind (transient, not
the daily limit), or 401 INVALID_SESSION_ID. The draws come from one seeded generator, so a
client that sends the same requests in the same order meets the same faults.

A fault never half-applies a write: every kind happens before the org runs the request, except
the reset mid-response, which follows only reads (GET). Real Salesforce can commit a write and
lose its answer; that is the separate kind ``lost-write-answer``, off unless asked for, as is
``row-lock`` (every record of a collection create refused with UNABLE_TO_LOCK_ROW).
"""

from __future__ import annotations

import json
import logging
import random
import re
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

_API_PATH = re.compile(r"/services/data/v\d+\.\d/")
_READS = frozenset({"GET", "HEAD"})


class FaultKind(StrEnum):
    SERVER_ERROR = "server-error"  # 500 UNKNOWN_EXCEPTION
    UNAVAILABLE = "unavailable"  # 503 SERVER_UNAVAILABLE
    RESET = "reset"  # the connection is reset halfway through the answer
    SLOW = "slow"  # the answer comes, after a few seconds
    CONCURRENT_LIMIT = "concurrent-limit"  # 403 REQUEST_LIMIT_EXCEEDED (ConcurrentPerOrgLongTxn)
    EXPIRED_SESSION = "expired-session"  # 401 INVALID_SESSION_ID
    LOST_WRITE_ANSWER = "lost-write-answer"  # a write is committed, then its answer is lost
    ROW_LOCK = "row-lock"  # each record of a collection create: UNABLE_TO_LOCK_ROW, none saved


# the kinds used only when named
_ON_REQUEST = (FaultKind.LOST_WRITE_ANSWER, FaultKind.ROW_LOCK)
DEFAULT_KINDS = tuple(kind for kind in FaultKind if kind not in _ON_REQUEST)
_LOCKED = {
    "success": False,
    "errors": [
        {
            "statusCode": "UNABLE_TO_LOCK_ROW",
            "message": "unable to obtain exclusive access to this record or 1 records",
            "fields": [],
        }
    ],
}

_ANSWERS = {
    FaultKind.SERVER_ERROR: (
        "500 Internal Server Error",
        "UNKNOWN_EXCEPTION",
        "An unexpected error occurred. Please include this ErrorId if you contact support: "
        "1842087765-46170 (-1311916734)",
    ),
    FaultKind.UNAVAILABLE: (
        "503 Service Unavailable",
        "SERVER_UNAVAILABLE",
        "Server temporarily unavailable; please try again later.",
    ),
    FaultKind.CONCURRENT_LIMIT: (
        "403 Forbidden",
        "REQUEST_LIMIT_EXCEEDED",
        "ConcurrentPerOrgLongTxn Limit exceeded.",
    ),
    FaultKind.EXPIRED_SESSION: (
        "401 Unauthorized",
        "INVALID_SESSION_ID",
        "Session expired or invalid",
    ),
}


@dataclass(frozen=True)
class FaultPlan:
    rate: float = 0.2  # share of API requests that meet a fault
    seed: int = 0
    kinds: tuple[FaultKind, ...] = DEFAULT_KINDS
    slow_s: float = 2.0  # well within the client's timeout

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"the fault rate must be between 0 and 1, not {self.rate}")
        if not self.kinds:
            raise ValueError("a fault plan needs at least one kind of fault")


class FaultInjector:
    """Wraps the demo org's WSGI app; ``plan`` may be changed (or set to None) while serving."""

    def __init__(self, app, plan: FaultPlan | None = None) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._plan: FaultPlan | None = None
        self._random = random.Random()  # noqa: S311 - repeatable faults, not secrets
        self.injected: Counter[FaultKind] = Counter()
        self.plan = plan

    @property
    def plan(self) -> FaultPlan | None:
        return self._plan

    @plan.setter
    def plan(self, plan: FaultPlan | None) -> None:
        with self._lock:
            self._plan = plan
            self._random = random.Random(plan.seed if plan else 0)  # noqa: S311 - see above

    def __call__(self, environ, start_response) -> Iterable[bytes]:
        kind, plan = self._draw(environ)
        if kind is None:
            return self._app(environ, start_response)
        with self._lock:
            self.injected[kind] += 1
        log.info("flaky: %s on %s %s", kind, environ["REQUEST_METHOD"], environ["PATH_INFO"])
        if kind is FaultKind.SLOW:
            time.sleep(plan.slow_s)
            return self._app(environ, start_response)
        if kind is FaultKind.RESET:
            if environ["REQUEST_METHOD"] in _READS:
                return self._cut_short(environ, start_response)
            # A write: the request arrives whole (so the client waits for the answer, where
            # it meets the reset), and the connection drops before the org runs it.
            from werkzeug.wsgi import get_input_stream  # here: `status` must not load werkzeug

            get_input_stream(environ).read()
            _reset(environ)
            raise ConnectionResetError("flaky: connection reset before the write")
        if kind is FaultKind.ROW_LOCK:
            return self._locked(environ, start_response)
        if kind is FaultKind.LOST_WRITE_ANSWER:
            answer = self._app(environ, lambda *_args, **_kw: None)  # committed...
            if hasattr(answer, "close"):
                answer.close()
            _reset(environ)  # ...and the answer is lost
            raise ConnectionResetError("flaky: the write's answer was lost")
        status, code, message = _ANSWERS[kind]
        body = json.dumps([{"message": message, "errorCode": code}]).encode()
        headers = [("Content-Type", "application/json;charset=UTF-8")]
        start_response(status, [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def _draw(self, environ) -> tuple[FaultKind | None, FaultPlan | None]:
        if not _API_PATH.match(environ.get("PATH_INFO", "")):
            return None, None
        with self._lock:
            plan = self._plan
            if plan is None or self._random.random() >= plan.rate:
                return None, plan
            kinds = plan.kinds
            if environ["REQUEST_METHOD"] in _READS:
                kinds = tuple(k for k in kinds if k not in _ON_REQUEST) or kinds
            return self._random.choice(kinds), plan

    def _locked(self, environ, start_response) -> Iterable[bytes]:
        """A collection create whose every record meets a locked row (nothing is saved, as
        Salesforce reports a lock per record); any other request goes through."""
        create = environ["REQUEST_METHOD"] == "POST" and environ["PATH_INFO"].endswith(
            "/composite/sobjects"
        )
        if not create:
            return self._app(environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        try:
            records = json.loads(environ["wsgi.input"].read(length)).get("records", [])
        except (ValueError, AttributeError):
            records = []
        body = json.dumps([_LOCKED for _ in records]).encode()
        headers = [("Content-Type", "application/json;charset=UTF-8")]
        start_response("200 OK", [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def _cut_short(self, environ, start_response) -> Iterator[bytes]:
        """Run the read, send its headers and part of its body, then reset the connection."""
        body = self._app(environ, start_response)
        try:
            first = next(iter(body), b"")
            yield first[: max(1, len(first) // 2)]
        finally:
            if hasattr(body, "close"):
                body.close()
        _reset(environ)
        raise ConnectionResetError("flaky: connection reset mid-response")


def _reset(environ) -> None:
    """Close the client's connection with a TCP reset (SO_LINGER 0), as a dropped link does."""
    connection = environ.get("werkzeug.socket")
    if connection is None:
        return
    try:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
