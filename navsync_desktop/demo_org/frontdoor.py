"""The browser's way into the demo org from a client that holds a token: single-use front-door
links.

``/services/oauth2/singleaccess`` (Salesforce's UI Bridge API) trades an access token with the
``web`` or ``full`` scope for a link ``/secur/frontdoor.jsp?otp=…`` (what ``sf org open`` prints).
The code in it works once and only for a short time; opening it starts a browser session and
lands on the home page, or on ``retURL`` when that is a path on this server.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from werkzeug.wrappers import Request, Response

from .browser_sessions import CODE_LIFETIME, BrowserAuth, page_response
from .grants import GrantStore
from .oauth import bad_token, bearer_token
from .page_language import PAGE_TEXT, page_language
from .pages import message_page
from .store import OrgStore
from .wire import json_response

_BROWSER_SCOPES = frozenset({"web", "full"})


class FrontDoor:
    def __init__(
        self,
        store: OrgStore,
        grants: GrantStore,
        auth: BrowserAuth,
        browser_origin: Callable[[Request], str] = lambda request: request.host_url,
    ):
        """``browser_origin`` says where a browser opens the demo org's pages ("http://…/"),
        which may be another address than the API's."""
        self._store = store
        self._grants = grants
        self._auth = auth
        self._browser_origin = browser_origin

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
        query = {"otp": self._auth.sessions.issue_code(grant.user_id)}
        redirect = request.values.get("redirect_uri")
        if redirect:
            query["retURL"] = redirect
        origin = self._browser_origin(request).rstrip("/")
        frontdoor = f"{origin}/secur/frontdoor.jsp?{urlencode(query)}"
        return json_response({"frontdoor_uri": frontdoor})

    # /secur/frontdoor.jsp

    def frontdoor(self, request: Request) -> Response:
        user_id = self._auth.sessions.redeem_code(request.values.get("otp", ""))
        user = self._store.user_by_id(user_id) if user_id else None
        if user is None or not user["IsActive"]:
            language = page_language(request)
            words = PAGE_TEXT[language]
            page = message_page(
                words["link_used"],
                words["link_used_text"].format(minutes=f"{CODE_LIFETIME / 60:g}"),
                language=language,
            )
            return page_response(page, 401)
        return self._auth.log_in(request, user["Id"], request.values.get("retURL"))
