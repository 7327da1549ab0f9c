"""Browser sessions of the demo org: who a browser is logged in as, through the ``sid`` cookie,
and the headers every page a browser opens carries.

A session starts from the login form or from a single-use front-door code. Codes and sessions
live in memory: a restart of the demo org logs every browser out.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from werkzeug.wrappers import Request, Response

from .store import OrgStore

CODE_LIFETIME = 120.0  # seconds; Salesforce's front-door links are single use and short-lived
SESSION_LIFETIME = 2 * 3600.0  # Salesforce's default session timeout
SESSION_COOKIE = "sid"
HOME_PATH = "/lightning/page/home"
LOGIN_PATH = "/"  # as on Salesforce, the login form is the root of the org's address
_PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "Referrer-Policy": "no-referrer",  # the front-door URL carries the code
    "X-Frame-Options": "DENY",
    "Vary": "Accept-Language, Cookie",
}


def page_response(body: str, status: int = 200) -> Response:
    """An HTML page for a browser: no caching, no scripts, no framing."""
    return Response(
        body, status=status, content_type="text/html;charset=UTF-8", headers=_PAGE_HEADERS
    )


def redirect(location: str) -> Response:
    return Response(status=302, headers={"Location": location, **_PAGE_HEADERS})


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

    def end_session(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

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


class BrowserAuth:
    """Reads and sets the session of a browser request."""

    def __init__(self, store: OrgStore, sessions: BrowserSessions):
        self._store = store
        self.sessions = sessions

    def user(self, request: Request) -> dict | None:
        """The logged-in user of the request; None without a live session, or when the user
        has been deactivated since."""
        user_id = self.sessions.session_user(request.cookies.get(SESSION_COOKIE, ""))
        user = self._store.user_by_id(user_id) if user_id else None
        return user if user is not None and user["IsActive"] else None

    @staticmethod
    def to_login(request: Request) -> Response:
        """Send a browser without a session to the login, to come back here afterwards."""
        back = request.full_path.rstrip("?")
        return redirect(f"{LOGIN_PATH}?{urlencode({'startURL': back, 'ec': '302'})}")

    def log_in(self, request: Request, user_id: str, target: str | None) -> Response:
        """Start a session for ``user_id`` and send the browser to ``target`` (a path on this
        org; the home page otherwise)."""
        response = redirect(local_path(target) or HOME_PATH)
        response.set_cookie(
            SESSION_COOKIE,
            self.sessions.open_session(user_id),
            max_age=int(SESSION_LIFETIME),
            path="/",
            secure=request.scheme == "https",  # a Secure cookie never comes back over plain HTTP
            httponly=True,
            samesite="Lax",
        )
        return response

    def log_out(self, request: Request, response: Response) -> Response:
        self.sessions.end_session(request.cookies.get(SESSION_COOKIE, ""))
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="Lax")
        return response
