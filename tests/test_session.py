"""The Salesforce session: real simple-salesforce against the demo org over pinned HTTPS,
and failure injection from a tiny local HTTPS server of the test's own."""

from __future__ import annotations

import contextlib
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
from conftest import DEMO_ACCESS_TOKEN_LIFETIME_S, app_login
from simple_salesforce import format_soql

from navsync_desktop.credentials import SalesforceCredentials
from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    DailyLimitExceeded,
    ReconnectRequired,
    SalesforceApiError,
    SalesforceUnavailable,
)
from navsync_desktop.salesforce.retry import RetryPolicy
from navsync_desktop.salesforce.session import SalesforceSession

FAST_RETRY = RetryPolicy(attempts=3, initial_wait_s=0.01, max_wait_s=0.05)


def log_in(endpoint, browser) -> oauth.TokenResponse:
    return app_login(endpoint, browser)[1]


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

    def do_POST(self) -> None:
        """The token endpoint: refuses every refresh token, as after a revoke."""
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.server.lock:
            self.server.token_requests += 1
        payload = json.dumps(
            {"error": "invalid_grant", "error_description": "expired access/refresh token"}
        ).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *_args) -> None:
        pass


LIMITS_OK = (200, {"DailyApiRequests": {"Max": 15000, "Remaining": 14993}})
UNAVAILABLE = (503, [{"errorCode": "SERVER_UNAVAILABLE", "message": "Try again"}])
# Salesforce's two REQUEST_LIMIT_EXCEEDED: too many long requests at once (passes in seconds),
# and the org's allowance of the last 24 hours used up (does not)
CONCURRENT_LIMIT = (
    403,
    [{"errorCode": "REQUEST_LIMIT_EXCEEDED", "message": "ConcurrentPerOrgLongTxn Limit exceeded."}],
)
DAILY_LIMIT = (
    403,
    [{"errorCode": "REQUEST_LIMIT_EXCEEDED", "message": "TotalRequests Limit exceeded."}],
)
EXPIRED_SESSION = (401, [{"errorCode": "INVALID_SESSION_ID", "message": "Session expired"}])


@pytest.fixture
def faulty_org(tmp_path):
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PlannedAnswers)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.lock, server.requests, server.plan, server.last = threading.Lock(), 0, [], LIMITS_OK
    server.token_requests = 0
    ca_file = tmp_path / "faulty-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    credentials = SalesforceCredentials(
        "unused-refresh-token", f"https://127.0.0.1:{server.server_port}", "client", "00Dfaulty"
    )
    reported = []
    session = SalesforceSession(
        credentials,
        user_id="005x",
        ca_cert=ca_file,
        access_token="00Dfaulty!x",
        retry=FAST_RETRY,
        on_reconnect_required=reported.append,
    )
    session.reported = reported
    yield server, session
    session.close()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("failure", [UNAVAILABLE, "reset", CONCURRENT_LIMIT])
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


def test_the_daily_limit_is_not_retried_and_says_when_requests_are_possible_again(faulty_org):
    server, session = faulty_org
    server.last = DAILY_LIMIT
    with pytest.raises(DailyLimitExceeded) as exhausted:
        session.limits()
    assert server.requests == 1, "retrying within seconds cannot help"
    assert exhausted.value.error_code == "REQUEST_LIMIT_EXCEEDED"
    message = str(exhausted.value)
    assert "daily allowance of API requests" in message and "within 24 hours" in message


def test_one_refused_refresh_settles_every_waiter(faulty_org):
    """After a revoke, many threads find the session expired at once: one refresh request,
    one "reconnect required", and every thread gets that answer."""
    server, session = faulty_org
    server.last = EXPIRED_SESSION
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda _: _outcome(session.limits), range(8)))
    assert all(isinstance(outcome, ReconnectRequired) for outcome in outcomes), outcomes
    assert server.token_requests == 1
    assert len(session.reported) == 1
    with pytest.raises(ReconnectRequired):  # later calls too, without asking again
        session.limits()
    assert server.token_requests == 1


def _outcome(call):
    try:
        return call()
    except Exception as error:
        return error


def test_a_connection_cut_mid_tls_is_retried_a_refused_certificate_never(demo_org, tmp_path):
    """A connection cut in the middle of the TLS handshake is an SSLError to requests, but a
    network failure like any other: retried. A certificate that fails verification is not."""
    import requests

    from navsync_desktop.salesforce.retry import is_transient_network_error

    other_ca = tmp_path / "other-ca.pem"
    other_ca.write_bytes(trustme.CA().cert_pem.bytes())
    http = requests.Session()
    http.trust_env = False
    with pytest.raises(requests.exceptions.SSLError) as refused:
        http.get(f"{demo_org.endpoint.instance_url}/services/data/", verify=str(other_ca))
    assert not is_transient_network_error(refused.value)

    # a server that reads the client's hello and hangs up before answering it
    with socket.create_server(("127.0.0.1", 0)) as listener:

        def hang_up_mid_handshake() -> None:
            connection, _ = listener.accept()
            connection.settimeout(1)
            with contextlib.suppress(OSError):
                while connection.recv(4096):
                    pass
            connection.close()

        threading.Thread(target=hang_up_mid_handshake, daemon=True).start()
        port = listener.getsockname()[1]
        with pytest.raises(requests.exceptions.SSLError) as cut:
            http.get(f"https://127.0.0.1:{port}/", verify=str(other_ca), timeout=30)
    assert is_transient_network_error(cut.value), repr(cut.value)
