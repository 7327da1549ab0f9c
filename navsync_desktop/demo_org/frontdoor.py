"""The browser's way into the demo org: single-use front-door links and browser sessions.

``/services/oauth2/singleaccess`` (Salesforce's UI Bridge API) trades an access token with the
``web`` or ``full`` scope for a link ``/secur/frontdoor.jsp?otp=…`` (what ``sf org open`` prints).
The code in it works once and only for a short time; opening it starts a browser session (cookie
``sid``) and lands on the home page, or on ``retURL`` when that is a path on this server.

Codes and sessions live in memory: a restart of the demo org logs every browser out.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from werkzeug.wrappers import Request, Response

from .grants import GrantStore
from .oauth import bad_token, bearer_token
from .pages import RecentRecord, home_page, message_page
from .store import OrgStore
from .wire import json_response

CODE_LIFETIME = 120.0  # seconds; Salesforce's front-door links are single use and short-lived
SESSION_LIFETIME = 2 * 3600.0  # Salesforce's default session timeout
HOME_PATH = "/lightning/page/home"
SESSION_COOKIE = "sid"
_BROWSER_SCOPES = frozenset({"web", "full"})
_RECENT_OBJECTS = ("Account", "Contact", "Lead", "Opportunity")
_RECENT_COUNT = 10
_PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "Referrer-Policy": "no-referrer",  # the front-door URL carries the code
    "X-Frame-Options": "DENY",
}


@dataclass
class _Grant:
    user_id: str
    expires_at: float


class BrowserSessions:
    """Single-use front-door codes and the browser sessions they open."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._codes: dict[str, _Grant] = {}
        self._sessions: dict[str, _Grant] = {}

    def issue_code(self, user_id: str) -> str:
        return self._issue(self._codes, user_id, CODE_LIFETIME)

    def redeem_code(self, code: str) -> str | None:
        """The user a code stands for; None when it is unknown, used or expired."""
        with self._lock:
            grant = self._codes.pop(code, None)
        return self._live(grant)

    def open_session(self, user_id: str) -> str:
        return self._issue(self._sessions, user_id, SESSION_LIFETIME)

    def session_user(self, session_id: str) -> str | None:
        with self._lock:
            grant = self._sessions.get(session_id)
        return self._live(grant)

    def _issue(self, table: dict[str, _Grant], user_id: str, lifetime: float) -> str:
        key = secrets.token_urlsafe(32)
        with self._lock:
            self._forget_expired()
            table[key] = _Grant(user_id, self._clock() + lifetime)
        return key

    def _live(self, grant: _Grant | None) -> str | None:
        return grant.user_id if grant is not None and grant.expires_at > self._clock() else None

    def _forget_expired(self) -> None:
        now = self._clock()
        for table in (self._codes, self._sessions):
            for key in [key for key, grant in table.items() if grant.expires_at <= now]:
                del table[key]


def local_path(url: str | None) -> str | None:
    """``url`` when it is a path on this server (no scheme, no host), else None."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    if any(ord(char) < 0x20 for char in url):
        return None
    parts = urlsplit(url)
    return url if not (parts.scheme or parts.netloc) else None


class FrontDoor:
    def __init__(self, store: OrgStore, grants: GrantStore, sessions: BrowserSessions):
        self._store = store
        self._grants = grants
        self._sessions = sessions

    # /services/oauth2/singleaccess

    def single_access(self, request: Request) -> Response:
        token = bearer_token(request)
        grant = self._grants.access_grant(token) if token else None
        if grant is None:
            return bad_token()
        if not _BROWSER_SCOPES & set(grant.scope.split()):
            body = {
                "error": "insufficient_scope",
                "error_description": "the access token needs the web or full scope",
            }
            return json_response(body, 403)
        query = {"otp": self._sessions.issue_code(grant.user_id)}
        redirect = request.values.get("redirect_uri")
        if redirect:
            query["retURL"] = redirect
        frontdoor = f"{request.host_url}secur/frontdoor.jsp?{urlencode(query)}"
        return json_response({"frontdoor_uri": frontdoor})

    # /secur/frontdoor.jsp

    def frontdoor(self, request: Request) -> Response:
        user_id = self._sessions.redeem_code(request.values.get("otp", ""))
        user = self._store.user_by_id(user_id) if user_id else None
        if user is None or not user["IsActive"]:
            return _page(
                message_page(
                    "This link no longer works",
                    f"A front-door link works once and only for {CODE_LIFETIME / 60:g} minutes. "
                    "Ask for a new one, for example with sf org open.",
                ),
                401,
            )
        target = local_path(request.values.get("retURL")) or HOME_PATH
        response = Response(status=302, headers={"Location": target, **_PAGE_HEADERS})
        response.set_cookie(
            SESSION_COOKIE,
            self._sessions.open_session(user["Id"]),
            max_age=int(SESSION_LIFETIME),
            path="/",
            secure=request.scheme == "https",
            httponly=True,
            samesite="Lax",
        )
        return response

    # the home page

    def home(self, request: Request) -> Response:
        user_id = self._sessions.session_user(request.cookies.get(SESSION_COOKIE, ""))
        user = self._store.user_by_id(user_id) if user_id else None
        if user is None:
            return _page(
                message_page(
                    "You are not logged in",
                    "Open the demo org through a front-door link, for example with sf org open.",
                ),
                401,
            )
        page = home_page(
            user=user,
            organization=self._store.organization(),
            scenario=self._store.scenario,
            recent=self._recent_records(),
        )
        return _page(page)

    def _recent_records(self) -> list[RecentRecord]:
        """The most recently modified records of the main objects, newest first."""
        found: list[RecentRecord] = []
        for sobject in _RECENT_OBJECTS:
            obj = self._store.schema[sobject]
            name = next(fdef.name for fdef in obj.fields.values() if fdef.name_field)
            soql = (
                f"SELECT {name}, LastModifiedDate FROM {sobject} "  # noqa: S608 - schema names
                f"ORDER BY LastModifiedDate DESC LIMIT {_RECENT_COUNT}"
            )
            cursor = self._store.query(soql)
            try:
                with closing(cursor.pages(_RECENT_COUNT)) as pages:
                    records = next(pages, [])
            finally:
                cursor.close()
            found += [RecentRecord(obj.label, r[name], r["LastModifiedDate"]) for r in records]
        found.sort(key=lambda record: record.last_modified, reverse=True)
        return found[:_RECENT_COUNT]


def _page(body: str, status: int = 200) -> Response:
    return Response(
        body, status=status, content_type="text/html;charset=UTF-8", headers=_PAGE_HEADERS
    )
