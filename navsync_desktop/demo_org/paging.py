"""Server-side query cursors behind ``nextRecordsUrl`` locators.

A locator is ``<query id>-<offset>`` like Salesforce's ``01gD0000002HU6KIAW-2000``. Each open
query streams from its own store cursor and reads one page ahead, so ``done`` is exact without
counting. The last page served is kept, so a client retrying a lost response gets it again.
Idle queries expire after 15 minutes, as on Salesforce.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import ApiError
from .ids import make_id
from .store import QueryCursor

IDLE_TIMEOUT = 15 * 60.0
DEFAULT_PAGE_SIZE = 2000
MIN_PAGE_SIZE = 200


def _invalid_locator() -> ApiError:
    return ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")


@dataclass(frozen=True)
class Page:
    records: list[dict]
    total_size: int
    next_locator: str | None  # None on the last page


@dataclass
class _OpenQuery:
    query_id: str
    cursor: QueryCursor
    pages: Iterator[list[dict]]
    ahead: list[dict] | None
    offset: int = 0
    last_offset: int = -1
    last_page: Page | None = None
    touched: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def close(self) -> None:
        self.pages.close()  # the generator first: it still holds a cursor on the connection
        self.cursor.close()

    def take(self, at: int) -> Page:
        if at == self.last_offset and self.last_page is not None:
            return self.last_page
        if at != self.offset or self.ahead is None:
            raise _invalid_locator()
        records, self.ahead = self.ahead, next(self.pages, None)
        self.last_offset, self.offset = at, at + len(records)
        locator = f"{self.query_id}-{self.offset}" if self.ahead is not None else None
        self.last_page = Page(records, self.cursor.total_size, locator)
        self.touched = time.monotonic()
        return self.last_page


class QueryPager:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, _OpenQuery] = {}

    def first_page(self, cursor: QueryCursor, page_size: int, sobjects_path: str) -> Page:
        """Serve the first page of a fresh cursor; keep it open when more pages follow.
        Record URLs start with ``sobjects_path``, the first request's version."""
        pages = cursor.pages(page_size, sobjects_path)
        query = _OpenQuery(make_id("01g", secrets.randbelow(62**9)), cursor, pages, next(pages, []))
        page = query.take(0)
        if page.next_locator is None:
            query.close()
        else:
            self._expire_idle()
            with self._lock:
                self._open[query.query_id] = query
        return page

    def next_page(self, locator: str) -> Page:
        query_id, _, offset = locator.partition("-")
        with self._lock:
            query = self._open.get(query_id)
        if query is None or not offset.isdigit():
            raise _invalid_locator()
        with query.lock:
            page = query.take(int(offset))
        if page.next_locator is None:
            self._forget(query_id)
        return page

    def close(self) -> None:
        with self._lock:
            queries, self._open = list(self._open.values()), {}
        for query in queries:
            query.close()

    def _forget(self, query_id: str) -> None:
        with self._lock:
            query = self._open.pop(query_id, None)
        if query is not None:
            query.close()

    def _expire_idle(self) -> None:
        deadline = time.monotonic() - IDLE_TIMEOUT
        with self._lock:
            idle = [qid for qid, query in self._open.items() if query.touched < deadline]
        for query_id in idle:
            self._forget(query_id)
