"""The browser's front door: single-use links from /services/oauth2/singleaccess, the session
cookie that /secur/frontdoor.jsp sets, and the home page behind it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests

from navsync_desktop.demo_org.browser_sessions import (
    CODE_LIFETIME,
    HOME_PATH,
    SESSION_LIFETIME,
    BrowserSessions,
    local_path,
)

from .conftest import client, https_session, oauth_tokens

BROWSER_SCOPE = "api web refresh_token"
USERNAME = "integration@northwind-demo.example"


def browser() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies, and no CA bundle from the environment
    return session


def single_access(endpoint, token: str | None, **params: str) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return https_session(endpoint).get(
        f"{endpoint.instance_url}/services/oauth2/singleaccess", params=params, headers=headers
    )


@pytest.fixture(scope="module")
def web_token(healthy_org) -> str:
    return oauth_tokens(healthy_org.endpoint, scope=BROWSER_SCOPE)["access_token"]


def test_a_front_door_link_opens_a_browser_session_on_the_home_page(healthy_org, web_token):
    endpoint = healthy_org.endpoint
    answer = single_access(endpoint, web_token)
    assert answer.status_code == 200
    link = answer.json()["frontdoor_uri"]
    # the browser's pages are plain HTTP on loopback: no certificate warning in a browser
    assert endpoint.browser_url.startswith("http://127.0.0.1:")
    assert link.startswith(f"{endpoint.browser_url}/secur/frontdoor.jsp?otp=")

    user_agent = browser()
    door = user_agent.get(link, allow_redirects=False)
    assert door.status_code == 302
    assert door.headers["Location"] == HOME_PATH
    cookie = door.headers["Set-Cookie"]
    assert cookie.startswith("sid=")
    for attribute in ("HttpOnly", "SameSite=Lax", "Path=/"):
        assert attribute in cookie
    assert "Secure" not in cookie, "a Secure cookie would never come back over plain HTTP"

    home = user_agent.get(f"{endpoint.browser_url}{HOME_PATH}")
    assert home.status_code == 200
    page = home.text
    for expected in (USERNAME, "Integration User", "Northwind Demo GmbH", "00DDm0000000001MAA"):
        assert expected in page
    assert "healthy" in page and "Enterprise Edition" in page
    assert "<script" not in page
    assert home.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_the_browser_address_serves_no_api(healthy_org, healthy_tokens):
    endpoint = healthy_org.endpoint
    headers = {"Authorization": f"Bearer {healthy_tokens['access_token']}"}
    for path in ("/services/data/v62.0/query?q=SELECT+Id+FROM+Contact", "/services/oauth2/token"):
        answer = browser().get(f"{endpoint.browser_url}{path}", headers=headers)
        assert answer.status_code == 404
        assert "HTTPS only" in answer.text
    root = browser().get(f"{endpoint.browser_url}/")  # as on Salesforce: the login form
    assert root.status_code == 200 and '<form method="post" action="/">' in root.text


def test_a_link_works_once(healthy_org, web_token):
    endpoint = healthy_org.endpoint
    link = single_access(endpoint, web_token).json()["frontdoor_uri"]
    first = browser().get(link, verify=str(endpoint.ca_cert), allow_redirects=False)
    assert first.status_code == 302
    again = browser().get(link, verify=str(endpoint.ca_cert), allow_redirects=False)
    assert again.status_code == 401
    assert "Set-Cookie" not in again.headers
    assert "no longer works" in again.text


@pytest.mark.parametrize(
    ("redirect", "lands_on"),
    [
        ("/lightning/page/home?tab=recent", "/lightning/page/home?tab=recent"),
        ("https://evil.example/phish", HOME_PATH),
        ("//evil.example/phish", HOME_PATH),
        ("/\\evil.example", HOME_PATH),
    ],
)
def test_ret_url_must_stay_on_the_demo_org(healthy_org, web_token, redirect, lands_on):
    endpoint = healthy_org.endpoint
    link = single_access(endpoint, web_token, redirect_uri=redirect).json()["frontdoor_uri"]
    door = browser().get(link, verify=str(endpoint.ca_cert), allow_redirects=False)
    assert door.headers["Location"] == lands_on


def test_single_access_needs_a_live_token_with_the_web_scope(healthy_org, healthy_tokens):
    endpoint = healthy_org.endpoint
    no_web = single_access(endpoint, healthy_tokens["access_token"])  # api refresh_token id
    assert no_web.status_code == 403
    assert no_web.json()["error"] == "insufficient_scope"
    for token in (None, "00Dnonsense!AQnotatoken"):
        refused = single_access(endpoint, token)
        assert (refused.status_code, refused.text) == (403, "Bad_OAuth_Token")


def test_home_page_without_a_session_sends_the_browser_to_the_login(healthy_org):
    endpoint = healthy_org.endpoint
    for cookies in ({}, {"sid": "forged"}):
        home = browser().get(
            f"{endpoint.browser_url}{HOME_PATH}", cookies=cookies, allow_redirects=False
        )
        assert home.status_code == 302
        assert home.headers["Location"] == "/?startURL=%2Flightning%2Fpage%2Fhome&ec=302"


def test_home_page_escapes_what_it_shows(start_org):
    server = start_org()
    endpoint = server.endpoint
    tokens = oauth_tokens(endpoint, scope=BROWSER_SCOPE)
    name = "<script>alert('home')</script> & Söhne"
    client(endpoint, tokens["access_token"]).Account.create({"Name": name})
    link = single_access(endpoint, tokens["access_token"]).json()["frontdoor_uri"]
    page = browser().get(link, verify=str(endpoint.ca_cert)).text
    assert "&lt;script&gt;alert(&#39;home&#39;)&lt;/script&gt; &amp; Söhne" in page
    assert "<script" not in page


def test_codes_and_sessions_expire_and_codes_work_once():
    now = [1000.0]
    sessions = BrowserSessions(clock=lambda: now[0])
    code = sessions.issue_code("005A")
    assert sessions.redeem_code(code) == "005A"
    assert sessions.redeem_code(code) is None, "single use"
    late = sessions.issue_code("005A")
    now[0] += CODE_LIFETIME + 1
    assert sessions.redeem_code(late) is None, "expired"
    session = sessions.open_session("005A")
    assert sessions.session_user(session) == "005A"
    now[0] += SESSION_LIFETIME + 1
    assert sessions.session_user(session) is None


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("/lightning/r/Contact/003/view", True),
        ("/", True),
        (None, False),
        ("", False),
        ("lightning/page/home", False),
        ("https://127.0.0.1/x", False),
        ("//evil.example", False),
        ("/\\evil.example", False),
        ("/x\r\nSet-Cookie: sid=1", False),
    ],
)
def test_local_path(url, local):
    assert local_path(url) == (url if local else None)


def test_front_door_link_names_the_browser_address_of_this_org(healthy_org, web_token):
    link = single_access(healthy_org.endpoint, web_token).json()["frontdoor_uri"]
    assert urlsplit(link)[:2] == urlsplit(healthy_org.endpoint.browser_url)[:2]
