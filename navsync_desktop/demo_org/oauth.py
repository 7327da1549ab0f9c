"""OAuth 2.0 endpoints of the demo org, shaped like Salesforce's.

Authorization code flow with PKCE (S256 only) for preregistered public clients whose redirect
URIs are loopback ``/OauthRedirect`` addresses, the refresh-token grant, revocation, userinfo and
the identity URL. Errors that happen before the redirect URI is trusted are shown as an HTML page;
later ones go back to the client as ``error``/``error_description`` query parameters.
"""

from __future__ import annotations

import hmac
import re
import time
from urllib.parse import urlencode, urlsplit

from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Request, Response

from .grants import CODE_LIFETIME, AuthorizationCode, GrantError, GrantStore, IssuedTokens
from .page_language import page_language
from .pages import authorize_page, message_page
from .scenarios import DEMO_PASSWORD
from .store import OrgStore
from .wire import identity_url, json_response

DEMO_CLIENT_ID = "3MVG9NavSyncDesktopDemoOrgClient"
# The desktop app, plus the Salesforce CLI's well-known client id so `sf org login web` works too.
REGISTERED_CLIENTS = {DEMO_CLIENT_ID: "NavSync Desktop", "PlatformCLI": "Salesforce CLI"}
DEFAULT_SCOPE = "api refresh_token id"
KNOWN_SCOPES = frozenset(
    {"api", "refresh_token", "offline_access", "id", "openid", "profile", "email", "address"}
    | {"phone", "web", "full"}
)
_S256_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")
# The flow's parameters, carried through the login form.
_CARRIED = (
    "response_type",
    "client_id",
    "redirect_uri",
    "state",
    "scope",
    "code_challenge",
    "code_challenge_method",
)


def is_loopback_redirect(uri: str) -> bool:
    """True for http://localhost:<port>/OauthRedirect and http://127.0.0.1:<port>/OauthRedirect."""
    parts = urlsplit(uri)
    try:
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme == "http"
        and parts.hostname in ("localhost", "127.0.0.1")
        and port is not None
        and parts.path == "/OauthRedirect"
        and not parts.query
        and not parts.fragment
    )


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer|OAuth <token>`` header (Salesforce takes both)."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() in ("bearer", "oauth") and token.strip():
        return token.strip()
    return None


def authenticate(store: OrgStore, username: str, password: str) -> tuple[dict | None, str | None]:
    """The user a login form names, or why not: ``bad_login`` or ``inactive`` (a text of the
    login page's words)."""
    user = store.user_by_username(username.strip())
    if user is None or not hmac.compare_digest(password.encode(), DEMO_PASSWORD.encode()):
        return None, "bad_login"
    if not user["IsActive"]:
        return None, "inactive"
    return user, None


def bad_token() -> Response:
    # Salesforce answers the identity and userinfo URLs this way for a missing or dead token.
    return Response("Bad_OAuth_Token", status=403, content_type="text/plain;charset=UTF-8")


class OAuthEndpoints:
    def __init__(self, store: OrgStore, grants: GrantStore):
        self._store = store
        self._grants = grants
        self._org_id = store.organization()["Id"]

    # /services/oauth2/authorize

    def authorize(self, request: Request) -> Response:
        params = request.form if request.method == "POST" else request.args
        client_id = params.get("client_id", "")
        redirect_uri = params.get("redirect_uri", "")
        if client_id not in REGISTERED_CLIENTS:
            return self._error_page("invalid_client_id", "client identifier invalid")
        if not is_loopback_redirect(redirect_uri):
            return self._error_page(
                "redirect_uri_mismatch", "redirect_uri must match configuration"
            )
        state = params.get("state")
        try:
            scope = self._check_authorize_params(params)
            if request.method == "GET":
                return self._login_page(request, params, scope)
            if params.get("decision") != "allow":
                raise GrantError("access_denied", "end-user denied authorization")
            user, problem = authenticate(
                self._store, params.get("username", ""), params.get("password", "")
            )
            if problem:
                return self._login_page(request, params, scope, error=problem)
        except GrantError as error:
            return self._redirect(
                redirect_uri, error=error.error, error_description=error.description, state=state
            )
        code = self._grants.new_code(
            AuthorizationCode(
                user_id=user["Id"],
                client_id=client_id,
                redirect_uri=redirect_uri,
                code_challenge=params["code_challenge"],
                scope=scope,
                expires_at=time.time() + CODE_LIFETIME,
            )
        )
        return self._redirect(redirect_uri, code=code, state=state)

    @staticmethod
    def _check_authorize_params(params: MultiDict) -> str:
        """Validate the flow parameters; returns the granted scope."""
        if params.get("response_type") != "code":
            raise GrantError("unsupported_response_type", "response type not supported")
        if params.get("code_challenge_method", "S256") != "S256":
            raise GrantError("invalid_request", "code_challenge_method must be S256")
        if not _S256_CHALLENGE.fullmatch(params.get("code_challenge", "")):
            raise GrantError("invalid_request", "missing or invalid code_challenge (PKCE S256)")
        scope = " ".join(params.get("scope", "").split()) or DEFAULT_SCOPE
        if not set(scope.split()) <= KNOWN_SCOPES:
            raise GrantError("invalid_scope", "the requested scope is not allowed")
        return scope

    @staticmethod
    def _redirect(redirect_uri: str, **query: str | None) -> Response:
        filled = {key: value for key, value in query.items() if value is not None}
        return Response(status=302, headers={"Location": f"{redirect_uri}?{urlencode(filled)}"})

    def _login_page(
        self, request: Request, params: MultiDict, scope: str, error: str | None = None
    ) -> Response:
        """The login and consent page in the browser's language; ``error`` names a text."""
        scenario = self._store.scenario
        page = authorize_page(
            language=page_language(request),
            scenario=scenario,
            users=self._store.users_for_login(),
            username=params.get("username") or scenario.login_username,
            hidden={name: params[name] for name in _CARRIED if name in params},
            client_name=REGISTERED_CLIENTS[params["client_id"]],
            scope=scope,
            error=error,
        )
        return Response(
            page, content_type="text/html;charset=UTF-8", headers={"Vary": "Accept-Language"}
        )

    @staticmethod
    def _error_page(error: str, description: str) -> Response:
        page = message_page(
            "The login request was refused", f"error={error}", f"error_description={description}"
        )
        return Response(page, status=400, content_type="text/html;charset=UTF-8")

    # /services/oauth2/token

    def token(self, request: Request) -> Response:
        form = request.form
        grant_type = form.get("grant_type")
        try:
            if grant_type == "authorization_code":
                issued = self._grants.redeem_code(
                    form.get("code", ""),
                    client_id=form.get("client_id", ""),
                    redirect_uri=form.get("redirect_uri", ""),
                    verifier=form.get("code_verifier", ""),
                )
            elif grant_type == "refresh_token":
                issued = self._grants.refresh(
                    form.get("refresh_token", ""), client_id=form.get("client_id", "")
                )
            else:
                raise GrantError("unsupported_grant_type", "grant type not supported")
            self._require_active(issued.user_id)
        except GrantError as error:
            return json_response(
                {"error": error.error, "error_description": error.description}, 400
            )
        return json_response(self._token_body(request, issued))

    def _require_active(self, user_id: str) -> None:
        user = self._store.user_by_id(user_id)
        if user is None or not user["IsActive"]:
            raise GrantError("invalid_grant", "inactive user")

    def _token_body(self, request: Request, issued: IssuedTokens) -> dict:
        identity_url = self._identity_url(request, issued.user_id)
        body = {
            "access_token": issued.access_token,
            "signature": self._grants.sign(identity_url, issued.issued_at_ms),
            "scope": issued.scope,
            "instance_url": request.host_url.rstrip("/"),
            "id": identity_url,
            "token_type": "Bearer",
            "issued_at": str(issued.issued_at_ms),
        }
        if issued.refresh_token:
            body["refresh_token"] = issued.refresh_token
        return body

    def _identity_url(self, request: Request, user_id: str) -> str:
        return identity_url(request, self._org_id, user_id)

    # /services/oauth2/revoke

    def revoke(self, request: Request) -> Response:
        token = request.values.get("token", "")
        if not self._grants.revoke(token):
            return json_response(
                {
                    "error": "unsupported_token_type",
                    "error_description": "this token type is not supported",
                },
                400,
            )
        return Response(status=200)

    # /services/oauth2/userinfo and /id/<org>/<user>

    def userinfo(self, request: Request) -> Response:
        user = self._token_user(request)
        if user is None:
            return bad_token()
        base = request.host_url
        return json_response(
            {
                "sub": self._identity_url(request, user["Id"]),
                "user_id": user["Id"],
                "organization_id": self._org_id,
                "preferred_username": user["Username"],
                "nickname": user["Username"].split("@")[0],
                "name": user["Name"],
                "email": user["Email"],
                "email_verified": True,
                "given_name": user.get("FirstName"),
                "family_name": user.get("LastName"),
                "zoneinfo": user.get("TimeZoneSidKey", "Europe/Berlin"),
                "active": bool(user["IsActive"]),
                "user_type": "STANDARD",
                "language": user.get("LanguageLocaleKey", "en_US"),
                "locale": user.get("LocaleSidKey", "en_US"),
                "urls": self._urls(base, user["Id"]),
            }
        )

    def identity(self, request: Request, org_id: str, user_id: str) -> Response:
        user = self._token_user(request)
        if user is None or user["Id"] != user_id or org_id != self._org_id:
            return bad_token()
        return json_response(
            {
                "id": self._identity_url(request, user_id),
                "asserted_user": True,
                "user_id": user_id,
                "organization_id": self._org_id,
                "username": user["Username"],
                "nick_name": user["Username"].split("@")[0],
                "display_name": user["Name"],
                "email": user["Email"],
                "email_verified": True,
                "first_name": user.get("FirstName"),
                "last_name": user.get("LastName"),
                "timezone": user.get("TimeZoneSidKey", "Europe/Berlin"),
                "active": bool(user["IsActive"]),
                "user_type": "STANDARD",
                "language": user.get("LanguageLocaleKey", "en_US"),
                "locale": user.get("LocaleSidKey", "en_US"),
                "urls": self._urls(request.host_url, user_id),
            }
        )

    def _token_user(self, request: Request) -> dict | None:
        token = bearer_token(request)
        grant = self._grants.access_grant(token) if token else None
        return self._store.user_by_id(grant.user_id) if grant else None

    def _urls(self, base: str, user_id: str) -> dict:
        data = f"{base}services/data/v{{version}}/"
        return {
            "rest": data,
            "sobjects": f"{data}sobjects/",
            "query": f"{data}query/",
            "search": f"{data}search/",
            "tooling_rest": f"{data}tooling/",
            "profile": f"{base}{user_id}",
            "custom_domain": base.rstrip("/"),
        }
