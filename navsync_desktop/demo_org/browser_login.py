"""The demo org's own login for browsers, as at Salesforce's login URL: username and password at
the org's root address (``/?startURL=…``), a browser session, and back to the page that asked.
Logging out (``/secur/logout.jsp``) ends the session and shows the login again."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from .browser_sessions import (
    HOME_PATH,
    LOGIN_PATH,
    BrowserAuth,
    local_path,
    page_response,
    redirect,
)
from .oauth import authenticate
from .page_language import PAGE_TEXT, page_language
from .pages import login_page, message_page
from .store import OrgStore


class BrowserLogin:
    def __init__(self, store: OrgStore, auth: BrowserAuth):
        self._store = store
        self._auth = auth

    # / (GET: the form, POST: its answer)

    def login(self, request: Request) -> Response:
        start_url = local_path(request.values.get("startURL")) or ""
        if request.method == "GET":
            if self._auth.user(request) is not None:  # logged in already: straight on
                return redirect(start_url or HOME_PATH)
            return self._page(request, start_url, request.args.get("username", ""))
        if not _same_origin(request):
            language = page_language(request)
            refusal = message_page(
                PAGE_TEXT[language]["org"], PAGE_TEXT[language]["foreign_form"], language=language
            )
            return page_response(refusal, 403)
        username = request.form.get("username", "")
        user, problem = authenticate(self._store, username, request.form.get("password", ""))
        if problem:
            return self._page(request, start_url, username, problem)
        return self._auth.log_in(request, user["Id"], start_url)

    def _page(
        self, request: Request, start_url: str, username: str, error: str | None = None
    ) -> Response:
        scenario = self._store.scenario
        page = login_page(
            language=page_language(request),
            scenario=scenario,
            users=self._store.users_for_login(),
            username=username or scenario.login_username,
            start_url=start_url,
            error=error,
        )
        return page_response(page)

    # /secur/logout.jsp

    def logout(self, request: Request) -> Response:
        return self._auth.log_out(request, redirect(LOGIN_PATH))


def _same_origin(request: Request) -> bool:
    """False for a form another website sent (login CSRF); browsers name the sending page's
    origin on every POST."""
    origin = request.headers.get("Origin")
    return origin is None or origin.rstrip("/") == request.host_url.rstrip("/")
