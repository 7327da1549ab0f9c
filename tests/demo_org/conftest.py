"""Demo org test fixtures: real servers over HTTPS, a browser stand-in for OAuth, real clients.

The browser stand-in fetches the authorize page, submits its form as a browser would and reads
the code from the redirect's Location header (no loopback listener is needed for that).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from simple_salesforce import Salesforce

from navsync_desktop.demo_org.runtime import DEMO_CLIENT_ID, DemoOrgEndpoint, DemoOrgServer

API_VERSION = "60.0"
REDIRECT_URI = "http://localhost:1717/OauthRedirect"
SMALL_ORG = 300  # contacts: enough for every test that does not page


class _FormReader(HTMLParser):
    """Reads the first form: its action and what a browser would submit."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self.buttons: dict[str, list[str]] = {}
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and self.action is None:
            self.action, self._in_form = attributes.get("action", ""), True
        elif tag == "input" and self._in_form and "name" in attributes:
            self.fields[attributes["name"]] = attributes.get("value", "")
        elif tag == "button" and self._in_form and "name" in attributes:
            self.buttons.setdefault(attributes["name"], []).append(attributes.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False


@dataclass
class PkcePair:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> PkcePair:
        verifier = secrets.token_urlsafe(64)
        digest = hashlib.sha256(verifier.encode()).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode())


def https_session(endpoint: DemoOrgEndpoint) -> requests.Session:
    session = requests.Session()
    session.verify = str(endpoint.ca_cert)  # pinned: the demo org's own CA
    # Otherwise REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE from the environment replace the pin.
    session.trust_env = False
    return session


def authorize_params(pkce: PkcePair, **overrides: str) -> dict[str, str]:
    params = {
        "response_type": "code",
        "client_id": DEMO_CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "state": "state-" + secrets.token_hex(4),
        "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
        "scope": "api refresh_token id",
    }
    params.update(overrides)
    return params


def read_form(html: str) -> _FormReader:
    reader = _FormReader()
    reader.feed(html)
    return reader


def browser_login(
    endpoint: DemoOrgEndpoint,
    params: dict[str, str],
    *,
    username: str | None = None,
    password: str | None = None,
    decision: str = "allow",
) -> requests.Response:
    """GET the authorize page, fill in and submit its form; returns the (unfollowed) answer."""
    session = https_session(endpoint)
    page = session.get(f"{endpoint.login_url}/services/oauth2/authorize", params=params)
    page.raise_for_status()
    form = read_form(page.text)
    assert decision in form.buttons["decision"]
    fields = dict(form.fields, decision=decision)
    if username is not None:
        fields["username"] = username
    if password is not None:
        fields["password"] = password
    return session.post(urljoin(page.url, form.action), data=fields, allow_redirects=False)


def redirect_query(response: requests.Response) -> dict[str, str]:
    """The query parameters of the redirect to the app's loopback URI."""
    assert response.status_code == 302, response.text
    location = response.headers["Location"]
    assert location.startswith(REDIRECT_URI + "?")
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


def exchange_code(endpoint: DemoOrgEndpoint, code: str, verifier: str) -> requests.Response:
    return https_session(endpoint).post(
        f"{endpoint.login_url}/services/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": DEMO_CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "code_verifier": verifier,
        },
    )


def oauth_tokens(endpoint: DemoOrgEndpoint, *, scope: str | None = None, **login: str) -> dict:
    """The whole authorization code + PKCE flow, as the desktop app and a browser run it."""
    pkce = PkcePair.new()
    params = authorize_params(pkce, **({"scope": scope} if scope else {}))
    query = redirect_query(browser_login(endpoint, params, **login))
    assert query["state"] == params["state"]
    answer = exchange_code(endpoint, query["code"], pkce.verifier)
    assert answer.status_code == 200, answer.text
    return answer.json()


def refresh(endpoint: DemoOrgEndpoint, refresh_token: str) -> requests.Response:
    return https_session(endpoint).post(
        f"{endpoint.login_url}/services/oauth2/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": DEMO_CLIENT_ID,
        },
    )


def client(endpoint: DemoOrgEndpoint, access_token: str) -> Salesforce:
    """The real simple-salesforce client, certificate pinned."""
    return Salesforce(
        instance_url=endpoint.instance_url,
        session_id=access_token,
        version=API_VERSION,
        session=https_session(endpoint),
    )


@pytest.fixture(scope="session")
def healthy_org(tmp_path_factory) -> Iterator[DemoOrgServer]:
    """One default org shared by the read-mostly tests (5,000 contacts: several query pages)."""
    with DemoOrgServer(tmp_path_factory.mktemp("healthy-org"), port=0) as server:
        yield server


@pytest.fixture(scope="session")
def healthy_tokens(healthy_org) -> dict:
    return oauth_tokens(healthy_org.endpoint)


@pytest.fixture
def sf(healthy_org, healthy_tokens) -> Salesforce:
    return client(healthy_org.endpoint, healthy_tokens["access_token"])


@pytest.fixture
def start_org(tmp_path) -> Iterator[Callable[..., DemoOrgServer]]:
    """Start a dedicated org (own folder, free port); stopped after the test."""
    servers: list[DemoOrgServer] = []

    def start(
        scenario: str | None = None, *, folder: Path | None = None, **options
    ) -> DemoOrgServer:
        options.setdefault("records", SMALL_ORG)
        server = DemoOrgServer(
            folder or tmp_path / f"org-{len(servers)}", port=0, scenario=scenario, **options
        )
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
