"""Writes are never sent twice by the lower layers: a create whose answer is lost is not
retried (the caller reconciles), and an OAuth authorization code is not sent again after a
failed answer (a code works once)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from simple_salesforce import format_soql
from sync_support import connected, demo_org_server

from navsync_desktop.demo_org.faults import FaultKind, FaultPlan
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import SalesforceUnavailable, WriteOutcomeUnknown
from navsync_desktop.salesforce.retry import RetryPolicy


def test_a_create_whose_answer_is_lost_is_sent_once_and_said_to_be_unknown(store):
    with demo_org_server() as server, connected(store, server) as manager:
        with manager.open_session() as session:
            server.inject_faults(FaultPlan(1.0, kinds=(FaultKind.LOST_WRITE_ANSWER,)))
            with pytest.raises(WriteOutcomeUnknown):
                session.write(lambda sf: sf.Contact.create({"LastName": "Once-Only"}))
            server.inject_faults(None)
            created = session.query_all(
                format_soql("SELECT Id FROM Contact WHERE LastName = {}", "Once-Only")
            )
        assert len(created) == 1, "the lost answer's write happened, exactly once"


class _Failing(BaseHTTPRequestHandler):
    posts = 0

    def do_POST(self) -> None:
        type(self).posts += 1
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_the_authorization_code_is_sent_once_even_when_the_answer_is_a_5xx():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(SalesforceUnavailable):
            oauth.exchange_code(
                f"http://127.0.0.1:{server.server_address[1]}",
                code="a-code",
                pkce=oauth.new_pkce_pair(),
                client_id="client",
                redirect_uri="http://localhost:1717/OauthRedirect",
                retry=RetryPolicy(attempts=5, initial_wait_s=0.01, max_wait_s=0.02),
            )
        assert _Failing.posts == 1
        _Failing.posts = 0
        with pytest.raises(SalesforceUnavailable):  # a refresh may be retried: it is a read
            oauth.refresh_access_token(
                f"http://127.0.0.1:{server.server_address[1]}",
                refresh_token="r",
                client_id="client",
                retry=RetryPolicy(attempts=3, initial_wait_s=0.01, max_wait_s=0.02),
            )
        assert _Failing.posts == 3
    finally:
        server.shutdown()
        server.server_close()
