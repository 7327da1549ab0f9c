"""OAuth 2.0 web-server flow with PKCE for a desktop app, as Salesforce runs it.

The app opens the authorization URL in the browser, and a loopback listener
(127.0.0.1 only, ``/OauthRedirect``) receives the redirect with the code. The
code is exchanged with the PKCE verifier; refresh tokens are exchanged for
access tokens and revoked at the org's token endpoints. TLS verification is
always on: ``ca_cert`` pins a certificate authority (the demo org's), otherwise
the system's CAs are used.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
import urllib3

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text
from navsync_desktop.salesforce.errors import (
    AuthorizationCancelled,
    AuthorizationFailed,
    AuthorizationTimedOut,
    PortBusy,
    ReconnectRequired,
    SalesforceUnavailable,
)
from navsync_desktop.salesforce.retry import HTTP_TIMEOUT_S, RetryPolicy, is_transient_network_error

log = logging.getLogger(__name__)

LOOPBACK_HOST = "127.0.0.1"
REDIRECT_PATH = "/OauthRedirect"
DEFAULT_REDIRECT_PORT = 1717
DEFAULT_TIMEOUT_S = 120.0
SCOPE = "api refresh_token id"
# The demo org's preregistered client may also open browser sessions (the front door), so
# "View in CRM" opens a demo record logged in; a real org's app is asked for no more than SCOPE.
DEMO_SCOPE = f"{SCOPE} web"


@dataclass(frozen=True)
class PkcePair:
    verifier: str
    challenge: str

    def __repr__(self) -> str:
        return "PkcePair(…)"


def new_pkce_pair() -> PkcePair:
    """A code verifier (86 URL-safe characters) and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return PkcePair(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii"))


def new_state() -> str:
    return secrets.token_urlsafe(32)


def redirect_uri(port: int) -> str:
    # "localhost", as connected apps register it; the listener itself binds 127.0.0.1 only.
    return f"http://localhost:{port}{REDIRECT_PATH}"


def authorization_url(
    login_url: str,
    *,
    client_id: str,
    redirect_uri: str,
    code_challenge: str,
    state: str,
    ask_for_login: bool = False,
    scope: str = SCOPE,
) -> str:
    """``ask_for_login``: Salesforce shows its login form even to a browser that is logged in
    already (``prompt=login``), so the admin can sign in as another user."""
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope,
        "state": state,
        "code_challenge": code_challenge,
        "code_challenge_method": "S256",
    }
    if ask_for_login:
        params["prompt"] = "login"
    query = urlencode(params)
    return f"{login_url}/services/oauth2/authorize?{query}"


# The loopback listener


_PAGE = Template(
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>NavSync Desktop</title>
<style>
body { font-family: system-ui, sans-serif; background: #f3f6f9; color: #16325c; margin: 0; }
main { max-width: 32rem; margin: 4rem auto; background: #fff; padding: 2rem;
       border: 1px solid #d8dde6; border-radius: 0.25rem; }
header { font-weight: 700; color: #0a66c2; margin-bottom: 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h1.error { color: #c23934; }
</style></head>
<body><main><header>NavSync Desktop</header>
<h1 class="$kind">$headline</h1><p>$detail</p></main></body></html>
"""
)

_SUCCESS_HEADLINE = QT_TRANSLATE_NOOP("Salesforce", "Connected to Salesforce")
_SUCCESS_DETAIL = QT_TRANSLATE_NOOP(
    "Salesforce", "You can close this window and return to NavSync Desktop."
)
_FAILURE_HEADLINE = QT_TRANSLATE_NOOP("Salesforce", "The connection to Salesforce failed")
_NOT_FOUND = QT_TRANSLATE_NOOP("Salesforce", "This address is not part of the login.")
_IGNORED_HEADLINE = QT_TRANSLATE_NOOP("Salesforce", "This page does not belong to the login")
_IGNORED_DETAIL = QT_TRANSLATE_NOOP(
    "Salesforce",
    "NavSync Desktop ignored it and still waits for the login in the window it opened. "
    "Finish the login there.",
)


class _RedirectServer(ThreadingHTTPServer):
    daemon_threads = True
    # SO_REUSEADDR lets a new login reuse the port while old connections linger in
    # TIME_WAIT (POSIX); on Windows it would let two programs share a port, so not there.
    allow_reuse_address = os.name != "nt"
    listener: LoopbackListener


class _RedirectHandler(BaseHTTPRequestHandler):
    server: _RedirectServer

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != REDIRECT_PATH:
            self._send_page(404, "error", _FAILURE_HEADLINE, _NOT_FOUND)
            return
        listener = self.server.listener
        outcome = listener._receive(parse_qs(parts.query))
        if outcome is None:  # not this login's answer: said so, and the wait goes on
            self._send_page(400, "error", _IGNORED_HEADLINE, _IGNORED_DETAIL)
            return
        try:
            if isinstance(outcome, AuthorizationFailed):
                self._send_page(400, "error", _FAILURE_HEADLINE, outcome.text)
            else:
                self._send_page(200, "success", _SUCCESS_HEADLINE, _SUCCESS_DETAIL)
        finally:
            listener._settle()  # after the page: the browser has it before the listener closes

    def _send_page(self, status: int, kind: str, headline: Text, detail: Text) -> None:
        render = self.server.listener.render
        body = _PAGE.substitute(
            kind=kind, headline=html.escape(render(headline)), detail=html.escape(render(detail))
        ).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format: str, *args) -> None:
        pass  # the request line carries the authorization code: never log it


class LoopbackListener:
    """Receives the OAuth redirect on http://127.0.0.1:<port>/OauthRedirect.

    Binding happens in the constructor, so a busy port is refused before the
    browser opens. ``wait`` returns the authorization code; ``cancel`` (from any
    thread) ends the wait.
    """

    def __init__(
        self,
        expected_state: str,
        *,
        port: int = DEFAULT_REDIRECT_PORT,
        render: Callable[[Text], str] = str,
    ) -> None:
        self.render = render
        self._expected_state = expected_state
        self._lock = threading.Lock()
        self._settled = threading.Event()
        self._outcome: str | AuthorizationFailed | None = None
        try:
            self._server = _RedirectServer((LOOPBACK_HOST, port), _RedirectHandler)
        except OSError as error:
            raise PortBusy(port) from error
        self.port = self._server.server_address[1]  # port 0 picks a free one
        self._server.listener = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="oauth-redirect-listener", daemon=True
        )
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        return redirect_uri(self.port)

    def _receive(self, params: dict[str, list[str]]) -> str | AuthorizationFailed | None:
        """Judges one redirect. Requests without this login's state are ignored (None): any
        web page can send the browser here, and must not end the login. The first answer
        with the right state decides the outcome."""
        state = params.get("state", [""])[0]
        if not state or not hmac.compare_digest(state, self._expected_state):
            log.warning("OAuth redirect ignored: missing or wrong state")
            return None
        with self._lock:
            if self._outcome is None:
                self._outcome = self._judge(params)
            return self._outcome

    def _settle(self) -> None:
        self._settled.set()

    @staticmethod
    def _judge(params: dict[str, list[str]]) -> str | AuthorizationFailed:
        if "error" in params:
            error = params["error"][0]
            description = params.get("error_description", [error])[0]
            return AuthorizationFailed(
                QT_TRANSLATE_NOOP(
                    "Salesforce", "Salesforce did not authorize the connection: {reason}"
                ).format(reason=description),
                error_code=error,
                message=description,
            )
        code = params.get("code", [""])[0]
        if not code:
            return AuthorizationFailed(
                QT_TRANSLATE_NOOP("Salesforce", "The login answer carried no authorization code.")
            )
        return code

    def wait(self, timeout: float = DEFAULT_TIMEOUT_S) -> str:
        """The authorization code, or AuthorizationFailed (timed out, cancelled, refused)."""
        if not self._settled.wait(timeout):
            with self._lock:
                if self._outcome is None:
                    self._outcome = AuthorizationTimedOut(
                        QT_TRANSLATE_NOOP(
                            "Salesforce",
                            "No login arrived within {seconds} seconds. Start the connection "
                            "again; if the browser did not open, copy the link into it.",
                        ).format(seconds=round(timeout))
                    )
        outcome = self._outcome
        if isinstance(outcome, AuthorizationFailed):
            raise outcome
        return outcome

    def cancel(self) -> None:
        with self._lock:
            if self._outcome is None:
                self._outcome = AuthorizationCancelled(
                    QT_TRANSLATE_NOOP("Salesforce", "The connection was cancelled.")
                )
        self._settled.set()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


# The token endpoints


@dataclass(frozen=True)
class TokenResponse:
    access_token: str
    refresh_token: str | None  # only the code exchange (or a rotating refresh) returns one
    instance_url: str
    identity_url: str  # https://<host>/id/<org id>/<user id>

    @property
    def org_id(self) -> str:
        return self.identity_url.rstrip("/").split("/")[-2]

    @property
    def user_id(self) -> str:
        return self.identity_url.rstrip("/").split("/")[-1]

    def __repr__(self) -> str:  # never show the tokens
        return (
            f"TokenResponse(instance_url={self.instance_url!r}, identity_url={self.identity_url!r})"
        )


class _ServerFailure(Exception):
    """A 5xx answer from a token endpoint: retried like a network failure."""


def _is_transient(error: BaseException) -> bool:
    return isinstance(error, _ServerFailure) or is_transient_network_error(error)


def _never_sent(error: BaseException) -> bool:
    """The connection was not even opened (refused, or no answer to connecting), so the form
    never reached the server."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(error, requests.ConnectionError) and isinstance(
        reason, urllib3.exceptions.NewConnectionError
    )


def _unreachable(url: str, error: Exception) -> SalesforceUnavailable:
    host = urlsplit(url).netloc
    if isinstance(error, requests.exceptions.SSLError):
        return SalesforceUnavailable(
            QT_TRANSLATE_NOOP(
                "Salesforce",
                "The certificate of {host} could not be verified, so nothing was sent. Check "
                "the address, or the network's proxy settings.",
            ).format(host=host)
        )
    return SalesforceUnavailable(
        QT_TRANSLATE_NOOP(
            "Salesforce", "Salesforce at {host} could not be reached; check the network and retry."
        ).format(host=host)
    )


def _post_form(
    url: str,
    form: dict[str, str],
    ca_cert: Path | None,
    retry: RetryPolicy,
    retry_if: Callable[[BaseException], bool] = _is_transient,
):
    """POST a form with bounded retries of the failures ``retry_if`` allows; returns
    (status, JSON body or None)."""

    def attempt() -> requests.Response:
        response = requests.post(
            url, data=form, verify=str(ca_cert) if ca_cert else True, timeout=HTTP_TIMEOUT_S
        )
        if response.status_code >= 500:
            raise _ServerFailure(response.status_code)
        return response

    try:
        response = retry.retrying(retry_if)(attempt)
    except (_ServerFailure, requests.RequestException) as error:
        log.warning("POST %s failed: %s", urlsplit(url).path, type(error).__name__)
        raise _unreachable(
            url, error
        ) from None  # the request (and its tokens) stays out of the chain
    try:
        body = response.json()
    except ValueError:
        body = None
    return response.status_code, body


def _token_response(body: dict) -> TokenResponse:
    return TokenResponse(
        access_token=body["access_token"],
        refresh_token=body.get("refresh_token"),
        instance_url=body["instance_url"].rstrip("/"),
        identity_url=body["id"],
    )


def _oauth_error(body: object) -> tuple[str, str]:
    if isinstance(body, dict):
        error = str(body.get("error", "unknown_error"))
        return error, str(body.get("error_description", error))
    return "unknown_error", "unexpected answer"


def exchange_code(
    login_url: str,
    *,
    code: str,
    pkce: PkcePair,
    client_id: str,
    redirect_uri: str,
    ca_cert: Path | None = None,
    retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - immutable
) -> TokenResponse:
    status, body = _post_form(
        f"{login_url}/services/oauth2/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "code_verifier": pkce.verifier,
        },
        ca_cert,
        retry,
        # An authorization code works once: after a timeout, a reset or a 5xx it may have been
        # spent already, so it is sent again only when it provably never left.
        retry_if=_never_sent,
    )
    if status == 200 and isinstance(body, dict) and "access_token" in body:
        return _token_response(body)
    error, description = _oauth_error(body)
    raise AuthorizationFailed(
        QT_TRANSLATE_NOOP("Salesforce", "Salesforce did not accept the login: {reason}").format(
            reason=description
        ),
        error_code=error,
        status=status,
        message=description,
    )


def refresh_access_token(
    host_url: str,
    *,
    refresh_token: str,
    client_id: str,
    ca_cert: Path | None = None,
    retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - immutable
) -> TokenResponse:
    """A new access token; ReconnectRequired when the refresh token no longer works."""
    status, body = _post_form(
        f"{host_url}/services/oauth2/token",
        {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id},
        ca_cert,
        retry,
    )
    if status == 200 and isinstance(body, dict) and "access_token" in body:
        return _token_response(body)
    error, description = _oauth_error(body)
    if error in ("invalid_grant", "invalid_client_id", "inactive_user", "inactive_org"):
        raise ReconnectRequired(
            QT_TRANSLATE_NOOP(
                "Salesforce",
                "Salesforce no longer accepts this connection ({reason}): the access was "
                "revoked, the user deactivated or a policy changed. Reconnect to Salesforce.",
            ).format(reason=description),
            error_code=error,
            status=status,
            message=description,
        )
    raise AuthorizationFailed(
        QT_TRANSLATE_NOOP("Salesforce", "Salesforce refused to renew the session: {reason}").format(
            reason=description
        ),
        error_code=error,
        status=status,
        message=description,
    )


def revoke_token(
    host_url: str,
    token: str,
    *,
    ca_cert: Path | None = None,
    retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - immutable
) -> bool:
    """Revoke a refresh (or access) token. False when Salesforce no longer knew it."""
    status, _body = _post_form(
        f"{host_url}/services/oauth2/revoke", {"token": token}, ca_cert, retry
    )
    return status == 200
