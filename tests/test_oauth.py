"""OAuth pieces: login hosts, PKCE, the loopback listener, and the token endpoints of the
demo org (real HTTPS, the browser stand-in logging in)."""

from __future__ import annotations

import base64
import hashlib
import re
import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    AuthorizationCancelled,
    AuthorizationFailed,
    AuthorizationTimedOut,
    LoginHostRefused,
    PortBusy,
    ReconnectRequired,
)
from navsync_desktop.salesforce.login_hosts import check_login_url

# Login hosts


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://login.salesforce.com", "https://login.salesforce.com"),
        ("https://login.salesforce.com/", "https://login.salesforce.com"),
        ("login.salesforce.com", "https://login.salesforce.com"),
        ("https://Northwind.my.salesforce.com", "https://northwind.my.salesforce.com"),
    ],
)
def test_production_and_my_domain_login_urls_are_accepted(url, canonical):
    assert check_login_url(url) == canonical


@pytest.mark.parametrize(
    "url",
    [
        "https://test.salesforce.com",
        "https://northwind--uat.sandbox.my.salesforce.com",
        "https://northwind--uat.my.salesforce.com",
    ],
)
def test_sandbox_login_urls_are_refused_with_the_guides_reason(url):
    with pytest.raises(LoginHostRefused, match="Sandbox installations are not supported"):
        check_login_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://login.salesforce.com",
        "https://evil.example.com",
        "https://login.salesforce.com.evil.example",
        "https://login.salesforce.com/services/oauth2/authorize",
        "https://login.salesforce.com:8443",
        "https://.my.salesforce.com",
    ],
)
def test_other_login_urls_are_refused(url):
    with pytest.raises(LoginHostRefused):
        check_login_url(url)


def test_the_demo_orgs_loopback_address_is_accepted_only_in_demo_mode():
    assert check_login_url("https://127.0.0.1:18443", demo=True) == "https://127.0.0.1:18443"
    with pytest.raises(LoginHostRefused):
        check_login_url("https://127.0.0.1:18443")


# PKCE, state and the authorization URL


def test_pkce_pair_is_s256_of_a_random_verifier():
    pair, other = oauth.new_pkce_pair(), oauth.new_pkce_pair()
    assert re.fullmatch(r"[A-Za-z0-9_-]{43,128}", pair.verifier)
    expected = base64.urlsafe_b64encode(hashlib.sha256(pair.verifier.encode()).digest())
    assert pair.challenge == expected.rstrip(b"=").decode()
    assert pair.verifier != other.verifier
    assert pair.verifier not in repr(pair)


def test_authorization_url_carries_the_flow_parameters():
    url = oauth.authorization_url(
        "https://login.salesforce.com",
        client_id="3MVGclient",
        redirect_uri=oauth.redirect_uri(1717),
        code_challenge="c" * 43,
        state="s1",
    )
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("login.salesforce.com", "/services/oauth2/authorize")
    assert {k: v[0] for k, v in parse_qs(parts.query).items()} == {
        "response_type": "code",
        "client_id": "3MVGclient",
        "redirect_uri": "http://localhost:1717/OauthRedirect",
        "scope": "api refresh_token id",
        "state": "s1",
        "code_challenge": "c" * 43,
        "code_challenge_method": "S256",
    }
    assert oauth.new_state() != oauth.new_state()


# The loopback listener


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redirect(port: int, **query: str) -> requests.Response:
    return requests.get(f"http://127.0.0.1:{port}/OauthRedirect", params=query, timeout=10)


def test_listener_binds_loopback_only_and_returns_the_code_with_a_branded_page():
    port = free_port()
    with oauth.LoopbackListener("the-state", port=port) as listener:
        assert listener._server.server_address == ("127.0.0.1", port)
        assert listener.redirect_uri == f"http://localhost:{port}/OauthRedirect"
        page = redirect(port, code="the-code", state="the-state")
        assert listener.wait(5) == "the-code"
    assert page.status_code == 200
    assert "NavSync Desktop" in page.text and "Connected to Salesforce" in page.text


@pytest.mark.parametrize(
    "stray",
    [
        {"code": "c", "state": "forged"},
        {"code": "c"},
        {"error": "access_denied", "state": "forged"},
        {},
    ],
)
def test_listener_ignores_answers_without_this_logins_state_and_keeps_waiting(stray):
    """Any web page can send the browser to the redirect URI (an <img> will do): such a request
    must neither end the login nor spoil the genuine answer that comes after it."""
    port = free_port()
    with oauth.LoopbackListener("the-state", port=port) as listener:
        ignored = redirect(port, **stray)
        genuine = redirect(port, code="the-code", state="the-state")
        assert listener.wait(5) == "the-code"
    assert ignored.status_code == 400
    assert "does not belong to the login" in ignored.text and "still waits" in ignored.text
    assert genuine.status_code == 200 and "Connected to Salesforce" in genuine.text


def test_listener_reports_a_refusal_from_salesforce():
    port = free_port()
    with oauth.LoopbackListener("s", port=port) as listener:
        redirect(
            port,
            error="access_denied",
            error_description="end-user denied authorization",
            state="s",
        )
        with pytest.raises(AuthorizationFailed, match="end-user denied") as refused:
            listener.wait(5)
    assert refused.value.error_code == "access_denied"


def test_listener_answers_other_paths_with_not_found():
    port = free_port()
    with oauth.LoopbackListener("s", port=port):
        assert requests.get(f"http://127.0.0.1:{port}/favicon.ico", timeout=10).status_code == 404


def test_listener_times_out():
    with oauth.LoopbackListener("s", port=free_port()) as listener:
        started = time.monotonic()
        with pytest.raises(AuthorizationTimedOut, match="within 0 seconds"):
            listener.wait(0.3)
        assert time.monotonic() - started < 3


def test_listener_can_be_cancelled_from_another_thread():
    with oauth.LoopbackListener("s", port=free_port()) as listener:
        threading.Timer(0.2, listener.cancel).start()
        with pytest.raises(AuthorizationCancelled):
            listener.wait(30)


def test_a_busy_port_is_refused_naming_the_port_and_the_fix():
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        with pytest.raises(PortBusy) as refused:
            oauth.LoopbackListener("s", port=port)
    message = str(refused.value)
    assert f"Port {port}" in message and "--port" in message and "connected app" in message


# The token endpoints, against the demo org


def login_for_code(endpoint, browser, pkce, *, port=None, decision="allow") -> tuple[str, str]:
    """Runs the browser half of the flow; returns (code, redirect URI)."""
    state = oauth.new_state()
    with oauth.LoopbackListener(state, port=port or free_port()) as listener:
        url = oauth.authorization_url(
            endpoint.login_url,
            client_id=endpoint.client_id,
            redirect_uri=listener.redirect_uri,
            code_challenge=pkce.challenge,
            state=state,
        )
        browser.login_in_background(url, decision=decision)
        code = listener.wait(30)
        browser.result()
        return code, listener.redirect_uri


def test_code_exchange_refresh_and_revoke(demo_org, browser):
    endpoint = demo_org.endpoint
    pkce = oauth.new_pkce_pair()
    code, redirect_uri = login_for_code(endpoint, browser, pkce)

    tokens = oauth.exchange_code(
        endpoint.login_url,
        code=code,
        pkce=pkce,
        client_id=endpoint.client_id,
        redirect_uri=redirect_uri,
        ca_cert=endpoint.ca_cert,
    )
    assert tokens.instance_url == endpoint.instance_url
    assert tokens.org_id.startswith("00D") and tokens.user_id.startswith("005")
    assert tokens.refresh_token and tokens.refresh_token not in repr(tokens)

    renewed = oauth.refresh_access_token(
        endpoint.instance_url,
        refresh_token=tokens.refresh_token,
        client_id=endpoint.client_id,
        ca_cert=endpoint.ca_cert,
    )
    assert renewed.access_token != tokens.access_token

    assert oauth.revoke_token(endpoint.instance_url, tokens.refresh_token, ca_cert=endpoint.ca_cert)
    with pytest.raises(ReconnectRequired) as refused:
        oauth.refresh_access_token(
            endpoint.instance_url,
            refresh_token=tokens.refresh_token,
            client_id=endpoint.client_id,
            ca_cert=endpoint.ca_cert,
        )
    assert refused.value.error_code == "invalid_grant"
    assert tokens.refresh_token not in str(refused.value)


def test_code_exchange_needs_the_matching_pkce_verifier(demo_org, browser):
    endpoint = demo_org.endpoint
    code, redirect_uri = login_for_code(endpoint, browser, oauth.new_pkce_pair())
    with pytest.raises(AuthorizationFailed, match="invalid code verifier"):
        oauth.exchange_code(
            endpoint.login_url,
            code=code,
            pkce=oauth.new_pkce_pair(),
            client_id=endpoint.client_id,
            redirect_uri=redirect_uri,
            ca_cert=endpoint.ca_cert,
        )


def test_denying_access_in_the_browser_ends_the_wait(demo_org, browser):
    with pytest.raises(AuthorizationFailed, match="denied") as refused:
        login_for_code(demo_org.endpoint, browser, oauth.new_pkce_pair(), decision="deny")
    assert refused.value.error_code == "access_denied"


def test_tls_verification_is_on_without_the_pinned_ca(demo_org):
    """The demo org's certificate is not trusted by the system: without the pin, no token."""
    from navsync_desktop.salesforce.errors import SalesforceUnavailable

    with pytest.raises(SalesforceUnavailable, match="certificate"):
        oauth.revoke_token(demo_org.endpoint.instance_url, "anything")
