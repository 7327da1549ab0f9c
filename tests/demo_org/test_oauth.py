"""OAuth 2.0 against the demo org: the browser flow with PKCE, tokens, expiry, refresh, revoke."""

from __future__ import annotations

import base64
import re
import time

import pytest
from simple_salesforce.exceptions import SalesforceExpiredSession

from navsync_desktop.demo_org.scenarios import DEMO_PASSWORD, INTEGRATION_USERNAME

from .conftest import (
    REDIRECT_URI,
    PkcePair,
    authorize_params,
    browser_login,
    client,
    exchange_code,
    https_session,
    oauth_tokens,
    read_form,
    redirect_query,
    refresh,
)


def test_browser_flow_issues_salesforce_shaped_tokens(healthy_org):
    endpoint = healthy_org.endpoint
    tokens = oauth_tokens(endpoint)
    assert tokens["token_type"] == "Bearer"
    assert tokens["instance_url"] == endpoint.instance_url
    assert re.fullmatch(rf"{endpoint.instance_url}/id/00D\w{{15}}/005\w{{15}}", tokens["id"])
    assert tokens["issued_at"].isdigit() and len(tokens["issued_at"]) == 13
    assert len(base64.b64decode(tokens["signature"])) == 32  # HMAC-SHA256
    assert set(tokens["scope"].split()) == {"api", "refresh_token", "id"}
    assert tokens["refresh_token"] and tokens["access_token"]


INJECTED = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def test_login_page_names_the_scenario_user_and_the_password(healthy_org):
    session = https_session(healthy_org.endpoint)
    page = session.get(
        f"{healthy_org.endpoint.login_url}/services/oauth2/authorize",
        params=authorize_params(PkcePair.new()),
    )
    assert page.status_code == 200
    form = read_form(page.text)
    assert form.fields["username"] == INTEGRATION_USERNAME
    assert DEMO_PASSWORD in page.text


@pytest.mark.parametrize("reflected", ["state", "username"])
def test_login_page_shows_markup_in_the_query_as_text(healthy_org, reflected):
    """The page puts query parameters back into its form: markup there must stay text."""
    params = authorize_params(PkcePair.new(), **{reflected: INJECTED})
    page = https_session(healthy_org.endpoint).get(
        f"{healthy_org.endpoint.login_url}/services/oauth2/authorize", params=params
    )
    assert page.status_code == 200
    assert "<script" not in page.text and "<img" not in page.text
    assert read_form(page.text).fields[reflected] == INJECTED, "the value itself is kept"


def test_identity_url_and_userinfo_describe_the_user(healthy_org, healthy_tokens):
    session = https_session(healthy_org.endpoint)
    auth = {"Authorization": f"Bearer {healthy_tokens['access_token']}"}
    identity = session.get(healthy_tokens["id"], headers=auth).json()
    assert identity["username"] == INTEGRATION_USERNAME
    assert identity["urls"]["rest"].endswith("/services/data/v{version}/")
    info = session.get(
        f"{healthy_org.endpoint.instance_url}/services/oauth2/userinfo", headers=auth
    ).json()
    assert info["preferred_username"] == INTEGRATION_USERNAME
    assert info["user_id"] == identity["user_id"]
    assert session.get(healthy_tokens["id"]).status_code == 403


@pytest.mark.parametrize(
    ("override", "description"),
    [
        ({"code_challenge_method": "plain"}, "S256"),
        ({"code_challenge": ""}, "code_challenge"),
        ({"response_type": "token"}, "response type"),
        ({"scope": "api everything"}, "scope"),
    ],
)
def test_flow_errors_go_back_to_the_app_with_state(healthy_org, override, description):
    params = authorize_params(PkcePair.new(), **override)
    session = https_session(healthy_org.endpoint)
    answer = session.get(
        f"{healthy_org.endpoint.login_url}/services/oauth2/authorize",
        params=params,
        allow_redirects=False,
    )
    query = redirect_query(answer)
    assert query["state"] == params["state"]
    assert query["error"] in ("invalid_request", "unsupported_response_type", "invalid_scope")
    assert description in query["error_description"]


@pytest.mark.parametrize(
    ("override", "error"),
    [
        ({"client_id": "someone-else"}, "invalid_client_id"),
        ({"redirect_uri": "https://evil.example/OauthRedirect"}, "redirect_uri_mismatch"),
        ({"redirect_uri": "http://localhost:1717/elsewhere"}, "redirect_uri_mismatch"),
        ({"redirect_uri": "http://localhost/OauthRedirect"}, "redirect_uri_mismatch"),
    ],
)
def test_untrusted_client_or_redirect_gets_an_error_page(healthy_org, override, error):
    params = authorize_params(PkcePair.new(), **override)
    answer = https_session(healthy_org.endpoint).get(
        f"{healthy_org.endpoint.login_url}/services/oauth2/authorize",
        params=params,
        allow_redirects=False,
    )
    assert answer.status_code == 400
    assert "Location" not in answer.headers
    assert answer.headers["Content-Type"].startswith("text/html")
    assert error in answer.text


def test_wrong_password_shows_the_page_again(healthy_org):
    answer = browser_login(
        healthy_org.endpoint, authorize_params(PkcePair.new()), password="not-the-password"
    )
    assert answer.status_code == 200
    assert "check your username and password" in answer.text


def test_inactive_user_cannot_log_in(healthy_org, sf):
    inactive = sf.query("SELECT Username FROM User WHERE IsActive = false LIMIT 1")["records"]
    assert inactive, "the seed has inactive users"
    answer = browser_login(
        healthy_org.endpoint,
        authorize_params(PkcePair.new()),
        username=inactive[0]["Username"],
    )
    assert answer.status_code == 200
    assert "inactive" in answer.text


def test_deny_sends_access_denied(healthy_org):
    params = authorize_params(PkcePair.new())
    query = redirect_query(browser_login(healthy_org.endpoint, params, decision="deny"))
    assert query == {
        "error": "access_denied",
        "error_description": "end-user denied authorization",
        "state": params["state"],
    }


def test_code_needs_the_right_verifier_and_works_once(healthy_org):
    endpoint = healthy_org.endpoint
    pkce = PkcePair.new()
    code = redirect_query(browser_login(endpoint, authorize_params(pkce)))["code"]
    wrong = exchange_code(endpoint, code, PkcePair.new().verifier)
    assert wrong.status_code == 400
    assert wrong.json() == {"error": "invalid_grant", "error_description": "invalid code verifier"}
    # the failed attempt used the code up, as a stolen code must not be retried
    again = exchange_code(endpoint, code, pkce.verifier)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_redirect_uri_must_match_at_the_token_endpoint(healthy_org):
    endpoint = healthy_org.endpoint
    pkce = PkcePair.new()
    code = redirect_query(browser_login(endpoint, authorize_params(pkce)))["code"]
    answer = https_session(endpoint).post(
        f"{endpoint.login_url}/services/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": authorize_params(pkce)["client_id"],
            "redirect_uri": REDIRECT_URI.replace("1717", "1718"),
            "code_verifier": pkce.verifier,
        },
    )
    assert answer.status_code == 400
    assert answer.json()["error"] == "redirect_uri_mismatch"


def test_expired_token_answers_401_and_refresh_recovers(start_org):
    org = start_org(access_token_lifetime=1.0)
    tokens = oauth_tokens(org.endpoint)
    sf = client(org.endpoint, tokens["access_token"])
    assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] > 0
    time.sleep(1.2)
    with pytest.raises(SalesforceExpiredSession) as expired:
        sf.query("SELECT COUNT() FROM Contact")
    assert expired.value.status == 401
    assert expired.value.content == [
        {"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID", "fields": []}
    ]
    renewed = refresh(org.endpoint, tokens["refresh_token"])
    assert renewed.status_code == 200
    body = renewed.json()
    assert "refresh_token" not in body
    assert body["id"] == tokens["id"]
    sf = client(org.endpoint, body["access_token"])
    assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] > 0


def test_refresh_token_survives_a_restart_until_reset(start_org, tmp_path):
    folder = tmp_path / "restarted"
    first = start_org(folder=folder)
    tokens = oauth_tokens(first.endpoint)
    first.stop()
    second = start_org(folder=folder)
    assert refresh(second.endpoint, tokens["refresh_token"]).status_code == 200
    second.stop()
    third = start_org(folder=folder, reset=True)
    gone = refresh(third.endpoint, tokens["refresh_token"])
    assert gone.status_code == 400
    assert gone.json()["error"] == "invalid_grant"


def test_revoking_the_refresh_token_ends_its_sessions(start_org):
    org = start_org()
    tokens = oauth_tokens(org.endpoint)
    session = https_session(org.endpoint)
    revoke_url = f"{org.endpoint.login_url}/services/oauth2/revoke"
    assert session.post(revoke_url, data={"token": tokens["refresh_token"]}).status_code == 200
    with pytest.raises(SalesforceExpiredSession):
        client(org.endpoint, tokens["access_token"]).query("SELECT Id FROM Account LIMIT 1")
    assert refresh(org.endpoint, tokens["refresh_token"]).json()["error"] == "invalid_grant"
    again = session.post(revoke_url, data={"token": tokens["refresh_token"]})
    assert again.status_code == 400


def test_revoking_an_access_token_keeps_the_refresh_token(start_org):
    org = start_org()
    tokens = oauth_tokens(org.endpoint)
    revoke_url = f"{org.endpoint.login_url}/services/oauth2/revoke"
    https_session(org.endpoint).post(revoke_url, data={"token": tokens["access_token"]})
    with pytest.raises(SalesforceExpiredSession):
        client(org.endpoint, tokens["access_token"]).query("SELECT Id FROM Account LIMIT 1")
    assert refresh(org.endpoint, tokens["refresh_token"]).status_code == 200
