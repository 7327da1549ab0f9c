"""The Salesforce session: real simple-salesforce against the demo org over pinned HTTPS,
and failure injection from a tiny local HTTPS server of the test's own."""

from __future__ import annotations

import json
import socket
import ssl
import struct
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme
from conftest import DEMO_ACCESS_TOKEN_LIFETIME_S
from simple_salesforce import format_soql

from navsync_desktop.credentials import SalesforceCredentials
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    ReconnectRequired,
    SalesforceApiError,
    SalesforceUnavailable,
)
from navsync_desktop.salesforce.retry import RetryPolicy
from navsync_desktop.salesforce.session import SalesforceSession

FAST_RETRY = RetryPolicy(attempts=3, initial_wait_s=0.01, max_wait_s=0.05)


def log_in(endpoint, browser) -> oauth.TokenResponse:
    """The app's side of the OAuth flow, with the browser stand-in logging in."""
    pkce, state = oauth.new_pkce_pair(), oauth.new_state()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with oauth.LoopbackListener(state, port=port) as listener:
        browser.login_in_background(
            oauth.authorization_url(
                endpoint.login_url,
                client_id=endpoint.client_id,
                redirect_uri=listener.redirect_uri,
                code_challenge=pkce.challenge,
                state=state,
            )
        )
        code = listener.wait(30)
    return oauth.exchange_code(
        endpoint.login_url,
        code=code,
        pkce=pkce,
        client_id=endpoint.client_id,
        redirect_uri=listener.redirect_uri,
        ca_cert=endpoint.ca_cert,
    )


def session_for(endpoint, tokens, *, with_access_token=True, **options) -> SalesforceSession:
    credentials = SalesforceCredentials(
        tokens.refresh_token, tokens.instance_url, endpoint.client_id, tokens.org_id
    )
    return SalesforceSession(
        credentials,
        user_id=tokens.user_id,
        ca_cert=endpoint.ca_cert,
        access_token=tokens.access_token if with_access_token else None,
        retry=FAST_RETRY,
        **options,
    )


@pytest.fixture
def tokens(demo_org, browser) -> oauth.TokenResponse:
    return log_in(demo_org.endpoint, browser)


@pytest.fixture
def session(demo_org, tokens):
    with session_for(demo_org.endpoint, tokens) as session:
        yield session


def test_queries_describe_limits_userinfo_and_api_usage(session):
    assert session.api_usage is None
    organization = session.query_all(
        "SELECT Id, Name, IsSandbox, OrganizationType FROM Organization"
    )
    assert organization[0]["Id"][:15] == session.org_id[:15]
    assert session.api_usage is not None and session.api_usage.total > session.api_usage.used > 0

    me = session.query_all(format_soql("SELECT Username FROM User WHERE Id = {}", session.user_id))
    assert me[0]["Username"] == session.userinfo()["preferred_username"]

    packages = session.tooling_query(
        "SELECT SubscriberPackage.NamespacePrefix FROM InstalledSubscriberPackage"
    )
    assert "LID" in {p["SubscriberPackage"]["NamespacePrefix"] for p in packages}
    assert "DailyApiRequests" in session.limits()

    describe = session.describe("Contact")
    used = session.api_usage.used
    assert session.describe("contact") is describe, "cached: no second request"
    session.limits()
    assert session.api_usage.used == used + 1


def test_query_all_iter_follows_pages(tmp_path, browser):
    with DemoOrgServer(tmp_path / "org", port=0, records=450) as server:
        tokens = log_in(server.endpoint, type(browser)(server.endpoint.ca_cert))
        with session_for(server.endpoint, tokens) as session:
            ids = [
                r["Id"] for r in session.query_all_iter("SELECT Id FROM Contact", batch_size=200)
            ]
    assert len(ids) == len(set(ids)) == 450


def test_errors_are_mapped_with_salesforces_code_status_and_a_user_text(session):
    with pytest.raises(SalesforceApiError) as refused:
        session.query_all("SELECT Nme FROM Contact")
    error = refused.value
    assert error.status == 400 and error.error_code == "INVALID_FIELD"
    assert "Nme" in error.message
    assert error.text.context == "Salesforce" and "INVALID_FIELD" in str(error.text)


def test_an_expired_access_token_is_refreshed_once_and_the_call_retried(session):
    time.sleep(DEMO_ACCESS_TOKEN_LIFETIME_S + 0.3)
    assert session.query_all("SELECT Id FROM Organization")
    assert session.refreshes == 1


def test_concurrent_calls_share_one_refresh(session):
    time.sleep(DEMO_ACCESS_TOKEN_LIFETIME_S + 0.3)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: session.limits(), range(16)))
    assert len(results) == 16
    assert session.refreshes == 1


def test_a_session_without_an_access_token_gets_one_first(demo_org, tokens):
    with session_for(demo_org.endpoint, tokens, with_access_token=False) as session:
        assert session.userinfo()["user_id"] == tokens.user_id
        assert session.refreshes == 1


def test_a_revoked_refresh_token_means_reconnect_required(demo_org, tokens):
    reported = []
    oauth.revoke_token(tokens.instance_url, tokens.refresh_token, ca_cert=demo_org.endpoint.ca_cert)
    with (
        session_for(demo_org.endpoint, tokens, on_reconnect_required=reported.append) as session,
        pytest.raises(ReconnectRequired) as refused,
    ):
        session.limits()
    assert refused.value.error_code == "invalid_grant"
    assert reported == [refused.value]
    assert tokens.refresh_token not in str(refused.value)


# Failure injection in a planned order (the demo org's `flaky` faults are random): a tiny
# HTTPS server of the test's own answers with the planned failures.


class _PlannedAnswers(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        server = self.server
        with server.lock:
            server.requests += 1
            plan = server.plan.pop(0) if server.plan else server.last
        if plan == "reset":
            # RST instead of FIN: the client sees "connection reset by peer"
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        status, body = plan
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Sforce-Limit-Info", "api-usage=7/15000")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *_args) -> None:
        pass


LIMITS_OK = (200, {"DailyApiRequests": {"Max": 15000, "Remaining": 14993}})
UNAVAILABLE = (503, [{"errorCode": "SERVER_UNAVAILABLE", "message": "Try again"}])
LIMIT_EXCEEDED = (403, [{"errorCode": "REQUEST_LIMIT_EXCEEDED", "message": "ConcurrentPerOrg"}])


@pytest.fixture
def faulty_org(tmp_path):
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PlannedAnswers)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.lock, server.requests, server.plan, server.last = threading.Lock(), 0, [], LIMITS_OK
    ca_file = tmp_path / "faulty-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    credentials = SalesforceCredentials(
        "unused-refresh-token", f"https://127.0.0.1:{server.server_port}", "client", "00Dfaulty"
    )
    session = SalesforceSession(
        credentials, user_id="005x", ca_cert=ca_file, access_token="00Dfaulty!x", retry=FAST_RETRY
    )
    yield server, session
    session.close()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("failure", [UNAVAILABLE, "reset", LIMIT_EXCEEDED])
def test_transient_failures_are_retried(faulty_org, failure):
    server, session = faulty_org
    server.plan = [failure, failure]
    assert session.limits()["DailyApiRequests"]["Max"] == 15000
    assert server.requests == 3
    assert session.api_usage.used == 7


def test_retries_are_bounded(faulty_org):
    server, session = faulty_org
    server.last = UNAVAILABLE
    with pytest.raises(SalesforceUnavailable) as failed:
        session.limits()
    assert server.requests == FAST_RETRY.attempts
    assert failed.value.status == 503 and failed.value.error_code == "SERVER_UNAVAILABLE"


def test_client_errors_are_not_retried(faulty_org):
    server, session = faulty_org
    server.last = (400, [{"errorCode": "MALFORMED_QUERY", "message": "unexpected token"}])
    with pytest.raises(SalesforceApiError, match="MALFORMED_QUERY"):
        session.limits()
    assert server.requests == 1
