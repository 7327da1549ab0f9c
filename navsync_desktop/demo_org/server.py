"""The demo org's WSGI application and its HTTPS server on the loopback interface.

Every API call is admitted the way Salesforce does it, in this order: a known API version, a live
session, an org with API access, one request off the daily allowance. Every API response carries
``Sforce-Limit-Info``; every error is a JSON list with a Salesforce error code.
"""

from __future__ import annotations

import errno
import logging
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from werkzeug.exceptions import MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.routing import BaseConverter, Map, Rule
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler
from werkzeug.wrappers import Request, Response

from .browser_login import BrowserLogin
from .browser_sessions import HOME_PATH, BrowserAuth, BrowserSessions
from .bulk import BulkQueryJobs
from .errors import ApiError, not_found
from .frontdoor import FrontDoor
from .grants import GrantStore
from .keep_alive import KEEP_ALIVE_S, KeepAliveRequestHandler, shut_down
from .oauth import OAuthEndpoints, bearer_token
from .pages import message_page
from .paging import QueryPager
from .record_pages import RecordPages
from .rest import RestApi
from .sobject_collections import SObjectCollections
from .store import OrgStore
from .versions import SUPPORTED_VERSIONS, versions
from .wire import ApiCall, error_response

HOST = "127.0.0.1"
# Salesforce takes at most 50 MB of text in a REST request body; larger ones are refused
# from the Content-Length alone (or as soon as a chunked body passes the limit).
MAX_REQUEST_BYTES = 50 * 1024 * 1024
HANDSHAKE_TIMEOUT_S = 10.0  # a client that connects and says nothing gives up its thread then
log = logging.getLogger(__name__)

ApiHandler = Callable[..., Response]


class PortInUseError(OSError):
    def __init__(self, port: int):
        super().__init__(
            errno.EADDRINUSE,
            f"Port {port} is already in use by another program; "
            f"start the demo org on a free port with --port",
        )
        self.port = port


class _VersionConverter(BaseConverter):
    regex = r"\d+\.\d"


def _session_error(message: str = "Session expired or invalid") -> ApiError:
    return ApiError(401, "INVALID_SESSION_ID", message)


def _too_large() -> ApiError:
    return ApiError(
        413,
        "REQUEST_ENTITY_TOO_LARGE",
        f"The request body exceeds the maximum of {MAX_REQUEST_BYTES} bytes",
    )


class DemoOrgApp:
    """The WSGI application: OAuth pages and endpoints, REST API, Bulk API 2.0, and the
    browser's front door."""

    def __init__(self, store: OrgStore, grants: GrantStore, work_folder: Path):
        self._store = store
        self._grants = grants
        self._pager = QueryPager()
        self._bulk = BulkQueryJobs(store, work_folder)
        self._oauth = OAuthEndpoints(store, grants)
        # Where browsers open the pages: the plain-HTTP loopback address once one serves them.
        self.browser_origin: str | None = None
        browser_auth = BrowserAuth(store, BrowserSessions())
        self._frontdoor = FrontDoor(
            store,
            grants,
            browser_auth,
            browser_origin=lambda request: self.browser_origin or request.host_url,
        )
        self._browser_login = BrowserLogin(store, browser_auth)
        self._record_pages = RecordPages(store, browser_auth)
        self._url_map = Map(
            [
                *self._public_rules(),
                *self._api_rules(RestApi(store, self._pager), SObjectCollections(store)),
            ],
            strict_slashes=False,
            converters={"version": _VersionConverter},
        )
        daily = store.limits()["DailyApiRequests"]
        self._usage_lock = threading.Lock()
        self._usage = (daily["Max"] - daily["Remaining"], daily["Max"])

    def close(self) -> None:
        self._pager.close()
        self._bulk.close()

    def _public_rules(self) -> Iterable[Rule]:
        oauth = self._oauth
        yield Rule("/services/oauth2/authorize", endpoint=oauth.authorize, methods=["GET", "POST"])
        yield Rule("/services/oauth2/token", endpoint=oauth.token, methods=["POST"])
        yield Rule("/services/oauth2/revoke", endpoint=oauth.revoke, methods=["GET", "POST"])
        yield Rule("/services/oauth2/userinfo", endpoint=oauth.userinfo, methods=["GET", "POST"])
        yield Rule("/id/<org_id>/<user_id>", endpoint=oauth.identity, methods=["GET", "POST"])
        yield Rule("/services/data", endpoint=versions, methods=["GET"])
        frontdoor = self._frontdoor
        both = ["GET", "POST"]
        yield Rule("/services/oauth2/singleaccess", endpoint=frontdoor.single_access, methods=both)
        yield Rule("/secur/frontdoor.jsp", endpoint=frontdoor.frontdoor, methods=both)
        login, pages = self._browser_login, self._record_pages
        yield Rule("/", endpoint=login.login, methods=both)
        yield Rule("/secur/logout.jsp", endpoint=login.logout, methods=both)
        yield Rule(HOME_PATH, endpoint=pages.home, methods=["GET"])
        yield Rule("/lightning/r/<sobject>/<record_id>/view", endpoint=pages.view, methods=["GET"])
        yield Rule("/lightning/<path:rest>", endpoint=pages.not_found, methods=["GET"])

    def _api_rules(self, rest: RestApi, collections: SObjectCollections) -> Iterable[Rule]:
        bulk = self._bulk
        routes: list[tuple[str, str, ApiHandler]] = [
            ("", "GET", rest.resources),
            ("/sobjects", "GET", rest.describe_global),
            ("/sobjects/<sobject>", "GET", rest.sobject_info),
            ("/sobjects/<sobject>", "POST", rest.create),
            ("/sobjects/<sobject>/describe", "GET", rest.describe),
            ("/sobjects/<sobject>/<record_id>", "GET", rest.get_record),
            ("/sobjects/<sobject>/<record_id>", "PATCH", rest.update_record),
            ("/sobjects/<sobject>/<record_id>", "DELETE", rest.delete_record),
            ("/query", "GET", rest.query),
            ("/queryAll", "GET", rest.query_all),
            ("/query/<locator>", "GET", rest.query_more),
            ("/queryAll/<locator>", "GET", rest.query_more),
            ("/tooling/query", "GET", rest.tooling_query),
            ("/tooling/query/<locator>", "GET", rest.tooling_query_more),
            ("/composite/sobjects", "POST", collections.create),
            ("/composite/sobjects", "PATCH", collections.update),
            ("/composite/sobjects", "DELETE", collections.delete),
            ("/composite/sobjects/<sobject>", "GET", collections.retrieve),
            ("/composite/sobjects/<sobject>", "POST", collections.retrieve),
            ("/limits", "GET", rest.limits),
            ("/jobs/query", "POST", bulk.create),
            ("/jobs/query", "GET", bulk.list_jobs),
            ("/jobs/query/<job_id>", "GET", bulk.info),
            ("/jobs/query/<job_id>", "PATCH", bulk.abort),
            ("/jobs/query/<job_id>", "DELETE", bulk.delete),
            ("/jobs/query/<job_id>/results", "GET", bulk.results),
        ]
        for path, method, handler in routes:
            yield Rule(
                f"/services/data/v<version:version>{path}",
                endpoint=_ApiEndpoint(handler),
                methods=[method],
            )

    # WSGI

    def __call__(self, environ, start_response):
        request = Request(environ)
        request.max_content_length = MAX_REQUEST_BYTES  # also bounds a chunked body
        try:
            response = self._dispatch(request)
        except RequestEntityTooLarge:
            response = self._with_usage(error_response(_too_large()))
        return response(environ, start_response)

    def _dispatch(self, request: Request) -> Response:
        if (request.content_length or 0) > MAX_REQUEST_BYTES:
            raise RequestEntityTooLarge()  # before a byte of the body is read
        adapter = self._url_map.bind_to_environ(request.environ)
        try:
            endpoint, values = adapter.match()
        except NotFound:
            return self._with_usage(error_response(not_found()))
        except MethodNotAllowed as refused:
            allowed = ",".join(sorted(refused.valid_methods or ()))
            message = f"HTTP Method '{request.method}' not allowed. Allowed are {allowed}"
            return self._with_usage(error_response(ApiError(405, "METHOD_NOT_ALLOWED", message)))
        if isinstance(endpoint, _ApiEndpoint):
            return self._api(request, endpoint.handler, values)
        return endpoint(request, **values)

    def _api(self, request: Request, handler: ApiHandler, values: dict) -> Response:
        try:
            call = self._admit(request, values.pop("version"))
            response = handler(call, **values)
        except ApiError as error:
            response = error_response(error)
        except RequestEntityTooLarge:
            response = error_response(_too_large())
        except Exception:  # a bug must still answer like Salesforce, not with an HTML page
            log.exception("demo org failed on %s %s", request.method, request.path)
            response = error_response(
                ApiError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred.")
            )
        return self._with_usage(response)

    def _with_usage(self, response: Response) -> Response:
        with self._usage_lock:
            used, limit = self._usage
        response.headers["Sforce-Limit-Info"] = f"api-usage={used}/{limit}"
        return response

    def _admit(self, request: Request, version: str) -> ApiCall:
        if version not in SUPPORTED_VERSIONS:
            raise not_found()
        token = bearer_token(request)
        grant = self._grants.access_grant(token) if token else None
        if grant is None:
            raise _session_error()
        if not {"api", "full"} & set(grant.scope.split()):
            raise _session_error("This session is not valid for use with the REST API")
        if not self._store.scenario.api_enabled:
            raise ApiError(
                403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization."
            )
        try:
            usage = self._store.consume_api_request()
        except ApiError:
            self._set_usage_exhausted()
            raise
        with self._usage_lock:
            self._usage = usage
        return ApiCall(request=request, version=version, user_id=grant.user_id)

    def _set_usage_exhausted(self) -> None:
        with self._usage_lock:
            self._usage = (self._usage[1], self._usage[1])


class _ApiEndpoint:
    """Marks a route as an API call that must be admitted first."""

    def __init__(self, handler: ApiHandler):
        self.handler = handler


class _Quiet:
    """Leaves the access log out of embedded use (tests, --demo)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class _QuietRequestHandler(_Quiet, WSGIRequestHandler):
    pass


class _QuietKeepAliveHandler(_Quiet, KeepAliveRequestHandler):
    pass


def listen(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port (0 picks a free port).

    Bound here rather than by werkzeug, which would print and exit the whole process on a busy
    port; a busy port raises PortInUseError instead.
    """
    try:
        listener = socket.create_server((HOST, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortInUseError(port) from error
        raise
    # An answer goes out as headers, then body: with Nagle's algorithm the second write waits
    # for the client's acknowledgement of the first, some 10 ms a request. Accepted
    # connections inherit the option.
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return listener


class _HttpsServer(ThreadedWSGIServer):
    """HTTPS where each TLS handshake happens in the connection's own thread, with a timeout,
    and a connection serves one request after another (``keep_alive``).

    werkzeug would wrap the listening socket, and so do the handshake inside ``accept()`` on
    the one serving thread: a client that connects and sends nothing would stop every other
    client. Here ``accept()`` returns the plain socket and its thread does the handshake.
    Closing the server also ends the connections kept open, so a stopped org answers no more."""

    def __init__(
        self,
        listener: socket.socket,
        app,
        ssl_context: ssl.SSLContext,
        handler,
        keep_alive_s: float,
    ):
        self._open_lock = threading.Lock()  # before the base class, which may close
        self._open: set[socket.socket] = set()
        super().__init__(HOST, listener.getsockname()[1], app, handler, fd=listener.fileno())
        self.ssl_context = ssl_context  # after the base class: it must not wrap the listener
        self.keep_alive_s = keep_alive_s  # read by the request handler

    def finish_request(self, request, client_address) -> None:
        request.settimeout(HANDSHAKE_TIMEOUT_S)
        try:
            connection = self.ssl_context.wrap_socket(request, server_side=True)
        except (OSError, ssl.SSLError) as error:  # silent, slow, or not speaking TLS
            log.debug("TLS handshake with %s failed: %s", client_address, error)
            request.close()
            return
        with self._open_lock:
            self._open.add(connection)
        try:
            super().finish_request(connection, client_address)
        finally:
            with self._open_lock:
                self._open.discard(connection)
            self.shutdown_request(connection)

    def server_close(self) -> None:
        super().server_close()
        with self._open_lock:
            still_open = list(self._open)
        for connection in still_open:
            shut_down(connection)


class BrowserPages:
    """The part of the demo org that a person's browser opens: the login and consent pages, the
    front door and the pages behind them (home, records, logout). Served on plain HTTP on the
    loopback interface, which browsers treat as a secure context, so no certificate warning
    stands between a trainer and the login; the API stays on HTTPS with the pinned
    certificate."""

    PATHS = ("/services/oauth2/authorize", "/secur/", "/lightning/")

    def __init__(self, app: DemoOrgApp):
        self._app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        if path == "/" or any(
            path == known or path.startswith(known.rstrip("/") + "/") for known in self.PATHS
        ):
            return self._app(environ, start_response)
        else:  # the API and the token endpoint are HTTPS only
            response = Response(
                message_page("Not here", "The demo org's API answers on HTTPS only."),
                status=404,
                content_type="text/html;charset=UTF-8",
            )
        return response(environ, start_response)


def serve_plain_on(
    listener: socket.socket, app, *, log_requests: bool = False
) -> ThreadedWSGIServer:
    """A threaded plain-HTTP server for ``app`` on the listening socket (which it takes over)."""
    with listener:
        return ThreadedWSGIServer(
            HOST,
            listener.getsockname()[1],
            app,
            WSGIRequestHandler if log_requests else _QuietRequestHandler,
            fd=listener.fileno(),
        )


def serve_on(
    listener: socket.socket,
    app: DemoOrgApp,
    ssl_context: ssl.SSLContext,
    *,
    log_requests: bool = False,
    keep_alive_s: float = KEEP_ALIVE_S,
) -> ThreadedWSGIServer:
    """A threaded HTTPS server for ``app`` on the listening socket (which it takes over);
    a connection idle for ``keep_alive_s`` between requests is closed."""
    with listener:
        return _HttpsServer(
            listener,
            app,
            ssl_context,
            KeepAliveRequestHandler if log_requests else _QuietKeepAliveHandler,
            keep_alive_s,
        )
