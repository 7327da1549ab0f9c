"""HTTP/1.1 persistent connections for the demo org's API server.

werkzeug's development server ends every answer with ``Connection: close``, so each API call
would cost a client a new TCP connection and TLS handshake, which Salesforce does not make
clients pay. This request handler serves one request after another on a connection instead:

- the body of an answer is delimited by its Content-Length, or sent chunked when it has none;
- whatever the application left unread of a request's body is read away (the next request
  starts right after it); a body announced but not sent ends the connection instead;
- a connection that stays silent for ``keep_alive_s`` between requests is closed, so an idle
  client holds nothing but its thread, and only for that long;
- an answer that could not be completed (an error after the headers, a connection reset by
  the ``flaky`` scenario, fewer bytes than announced) ends the connection, so the client sees
  the failure instead of waiting for bytes that never come.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import ssl
from collections.abc import Iterable

from werkzeug.exceptions import InternalServerError
from werkzeug.serving import WSGIRequestHandler

log = logging.getLogger(__name__)

KEEP_ALIVE_S = 15.0  # an idle connection is closed after this long without a request
REQUEST_TIMEOUT_S = 60.0  # per read or write while a request is under way
# A body left unread up to this size is read away (the client sends it anyway); a larger one
# is read away only while it keeps arriving, as a client that announced it but sends nothing
# (e.g. one refused with 413 for its Content-Length) is not waited for.
_SMALL_BODY = 1 << 20
_TRICKLE_WAIT_S = 0.01
_NO_BODY_STATUSES = frozenset({204, 304})
_DROPPED = (ConnectionError, TimeoutError, ssl.SSLError)


class _RequestBody(io.RawIOBase):
    """A request's body as the application sees it: never read past its Content-Length, so
    the next request on the connection stays where it is."""

    def __init__(self, source: io.BufferedIOBase, length: int) -> None:
        super().__init__()
        self._source = source
        self.left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.left <= 0:
            return 0
        view = memoryview(buffer)[: self.left]
        count = self._source.readinto(view) or 0
        self.left -= count
        if count == 0:  # the client closed before sending all of it
            self.left = -1
        return count

    def read_away(self) -> None:
        while self.left > 0 and self.read(min(self.left, 1 << 16)):
            pass


class KeepAliveRequestHandler(WSGIRequestHandler):
    protocol_version = "HTTP/1.1"

    def handle_one_request(self) -> None:
        if not self._request_arrives():
            self.close_connection = True
            return
        super().handle_one_request()

    def _request_arrives(self) -> bool:
        """Wait for the next request's first byte, at most ``keep_alive_s``."""
        self.connection.settimeout(getattr(self.server, "keep_alive_s", KEEP_ALIVE_S))
        try:
            arrived = bool(self.rfile.peek(1))
        except (OSError, ValueError):  # silent for too long, or gone
            return False
        self.connection.settimeout(REQUEST_TIMEOUT_S)
        return arrived

    def run_wsgi(self) -> None:
        if self.headers.get("Expect", "").lower().strip(" \t") == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        environ = self.make_environ()
        body = None
        if "wsgi.input_terminated" in environ:  # a chunked body: not worth reading away
            self.close_connection = True
        else:
            body = _RequestBody(self.rfile, _content_length(self.headers))
            environ["wsgi.input"] = body
        answer = _Answer(self, environ["REQUEST_METHOD"])
        try:
            answer.send(self.server.app(environ, answer.start_response))
        except _DROPPED:
            self.close_connection = True
            return
        except Exception:
            self.close_connection = True
            log.exception("demo org request failed: %s %s", self.command, self.path)
            if not answer.headers_sent:
                answer.reset()
                with contextlib.suppress(_DROPPED):
                    answer.send(InternalServerError()(environ, answer.start_response))
            return
        if not answer.complete:
            self.close_connection = True
        if body is not None and not self.close_connection:
            self._read_away(body)

    def _read_away(self, body: _RequestBody) -> None:
        """Read the rest of a body the application did not want, or end the connection."""
        if body.left > _SMALL_BODY:
            self.connection.settimeout(_TRICKLE_WAIT_S)
        with contextlib.suppress(OSError, ValueError):
            body.read_away()
        if body.left != 0:
            self.close_connection = True


def _content_length(headers) -> int:
    try:
        return max(int(headers.get("Content-Length", 0)), 0)
    except ValueError:
        return 0


class _Answer:
    """One WSGI answer written to the connection, delimited so that the connection can serve
    the next request."""

    def __init__(self, handler: KeepAliveRequestHandler, method: str) -> None:
        self._handler = handler
        self._method = method
        self.reset()

    def reset(self) -> None:
        self._status: str | None = None
        self._headers: list[tuple[str, str]] = []
        self.headers_sent = False
        self._chunked = False
        self._announced: int | None = None
        self._sent = 0
        self.complete = False

    def start_response(self, status: str, headers: list[tuple[str, str]], exc_info=None):
        if exc_info and self.headers_sent:
            raise exc_info[1].with_traceback(exc_info[2])
        self._status, self._headers = status, headers
        return self._write

    def send(self, chunks: Iterable[bytes]) -> None:
        try:
            for chunk in chunks:
                self._write(chunk)
            if not self.headers_sent:
                self._write(b"")
            if self._chunked:
                self._handler.wfile.write(b"0\r\n\r\n")
            self._handler.wfile.flush()
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        announced = self._announced
        self.complete = announced is None or self._sent == announced or self._method == "HEAD"

    def _write(self, data: bytes) -> None:
        handler = self._handler
        if not self.headers_sent:
            self._send_headers()
        if not data:
            return
        self._sent += len(data)
        if self._chunked:
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            handler.wfile.write(data)

    def _send_headers(self) -> None:
        handler = self._handler
        assert self._status is not None, "write() before start_response()"
        code, _, reason = self._status.partition(" ")
        status = int(code)
        handler.send_response(status, reason)
        names = set()
        for name, value in self._headers:
            handler.send_header(name, value)
            names.add(name.lower())
            if name.lower() == "content-length":
                self._announced = int(value)
        bodiless = self._method == "HEAD" or status < 200 or status in _NO_BODY_STATUSES
        if "content-length" not in names and not bodiless:
            if handler.request_version >= "HTTP/1.1":
                self._chunked = True
                handler.send_header("Transfer-Encoding", "chunked")
            else:  # an HTTP/1.0 client reads the body until the connection ends
                handler.close_connection = True
        if handler.close_connection:
            handler.send_header("Connection", "close")
        handler.end_headers()
        self.headers_sent = True


def shut_down(connection: socket.socket) -> None:
    """End a connection from another thread (its handler's next read or write fails). The
    plain socket's shutdown: an SSLSocket's own would drop its TLS state under the reader."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(connection, socket.SHUT_RDWR)
