"""The demo org's HTTPS server itself: TLS handshakes, keep-alive, request size, file modes."""

from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import stat
from contextlib import closing

import pytest

from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.demo_org.server import MAX_REQUEST_BYTES

from .conftest import API_VERSION, client, https_session, oauth_tokens


def test_a_silent_client_does_not_stop_the_others(healthy_org, healthy_tokens):
    """A client that opens a TCP connection and says nothing (no TLS hello) must not keep the
    server from answering everyone else."""
    endpoint = healthy_org.endpoint
    port = int(endpoint.instance_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)):
        answer = https_session(endpoint).get(
            f"{endpoint.instance_url}/services/data/v{API_VERSION}/limits",
            headers={"Authorization": f"Bearer {healthy_tokens['access_token']}"},
            timeout=15,  # a frozen server fails the test instead of hanging it
        )
    assert answer.status_code == 200
    assert "DailyApiRequests" in answer.json()


def api_connection(endpoint) -> http.client.HTTPSConnection:
    """A plain HTTP/1.1 client connection whose socket the test can watch."""
    host, port = endpoint.instance_url.removeprefix("https://").split(":")
    context = ssl.create_default_context(cafile=str(endpoint.ca_cert))
    return http.client.HTTPSConnection(host, int(port), context=context, timeout=15)


def limits(connection: http.client.HTTPSConnection, token: str) -> http.client.HTTPResponse:
    connection.request(
        "GET", f"/services/data/v{API_VERSION}/limits", headers={"Authorization": f"Bearer {token}"}
    )
    answer = connection.getresponse()
    answer.read()
    return answer


def test_one_connection_serves_request_after_request(healthy_org, healthy_tokens):
    """HTTP/1.1 keep-alive: no new TCP connection and TLS handshake for every API call."""
    connection = api_connection(healthy_org.endpoint)
    with closing(connection):
        first = limits(connection, healthy_tokens["access_token"])
        used = connection.sock
        assert first.status == 200
        assert first.getheader("Connection") != "close"
        assert used is not None, "the server kept the connection open"
        second = limits(connection, healthy_tokens["access_token"])
        assert second.status == 200
        assert connection.sock is used, "the second answer came on the same connection"


def test_a_body_the_org_did_not_read_does_not_disturb_the_next_request(healthy_org, healthy_tokens):
    """A write refused before its body is read (here: no session) leaves that body on the
    connection; the server reads it away, so the next request is understood."""
    connection = api_connection(healthy_org.endpoint)
    with closing(connection):
        body = json.dumps({"LastName": "Not Written " + "x" * 50_000})
        connection.request(
            "POST",
            f"/services/data/v{API_VERSION}/sobjects/Contact",
            body=body,
            headers={"Authorization": "Bearer not-a-token", "Content-Type": "application/json"},
        )
        refused = connection.getresponse()
        assert refused.status == 401
        assert json.loads(refused.read())[0]["errorCode"] == "INVALID_SESSION_ID"
        assert limits(connection, healthy_tokens["access_token"]).status == 200


def test_an_idle_connection_is_closed_after_its_time_and_blocks_nobody(start_org):
    org = start_org(keep_alive_s=0.5)
    token = oauth_tokens(org.endpoint)["access_token"]
    idle = api_connection(org.endpoint)
    with closing(idle):
        assert limits(idle, token).status == 200
        # while it idles, others are served
        other = api_connection(org.endpoint)
        with closing(other):
            assert limits(other, token).status == 200
        # then the server ends it: the next read sees the end of the stream, not a timeout
        assert idle.sock.recv(1) == b""


def test_stopping_the_org_ends_the_connections_it_kept_open(start_org):
    org = start_org()
    token = oauth_tokens(org.endpoint)["access_token"]
    kept = api_connection(org.endpoint)
    with closing(kept):
        assert limits(kept, token).status == 200
        org.stop()
        assert kept.sock.recv(1) == b"", "a stopped org answers no more"


def raw_request(endpoint, head: str) -> tuple[int, bytes]:
    """Sends only the request head over TLS (no body) and reads the whole answer."""
    host, port = endpoint.instance_url.removeprefix("https://").split(":")
    context = ssl.create_default_context(cafile=str(endpoint.ca_cert))
    with (
        socket.create_connection((host, int(port)), timeout=15) as plain,
        context.wrap_socket(plain, server_hostname=host) as tls,
    ):
        tls.sendall(head.encode())
        answer = b""
        while chunk := tls.recv(65536):
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize(
    "path", [f"/services/data/v{API_VERSION}/composite/sobjects", "/services/oauth2/token"]
)
def test_a_body_over_the_limit_is_refused_before_it_is_read(healthy_org, healthy_tokens, path):
    size = 200 * 1024 * 1024  # announced, never sent: the answer must come without it
    assert size > MAX_REQUEST_BYTES
    status, body = raw_request(
        healthy_org.endpoint,
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {healthy_tokens['access_token']}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n",
    )
    assert status == 413
    error = json.loads(body)[0]
    assert error["errorCode"] == "REQUEST_ENTITY_TOO_LARGE"
    assert str(MAX_REQUEST_BYTES) in error["message"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_every_file_of_the_demo_org_is_owner_only(tmp_path):
    previous_umask = os.umask(0o022)
    folder = tmp_path / "demo-org"
    try:
        with DemoOrgServer(folder, port=0, records=300, announce=True) as server:
            sf = client(server.endpoint, oauth_tokens(server.endpoint)["access_token"])
            assert len(list(sf.bulk2.Contact.query("SELECT Id FROM Contact"))) >= 1
            names = set()
            for path in [folder, *folder.rglob("*")]:
                names.add(path.name)
                expected = 0o700 if path.is_dir() else 0o600
                assert stat.S_IMODE(path.stat().st_mode) == expected, path
            assert {"org.sqlite", "org.sqlite-wal", "ca.pem", "server.pem", "served.json"} <= names
    finally:
        os.umask(previous_umask)
