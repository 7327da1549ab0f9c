"""A browser played by a script, for the demo org's OAuth login: it opens the authorization
address, submits the login form as a person would (pressing Allow or Deny), and follows the
redirect to the app's loopback listener. The tour and the tests log in with it; it speaks
only HTTP(S) to the demo org, like any browser.
"""

from __future__ import annotations

import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import requests

TIMEOUT_S = 30


class _LoginForm(HTMLParser):
    """The first form of a page: its action and what a browser would submit."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._inside = False

    def handle_starttag(self, tag, attrs) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and self.action is None:
            self.action, self._inside = attributes.get("action", ""), True
        elif tag == "input" and self._inside and "name" in attributes:
            self.fields[attributes["name"]] = attributes.get("value", "")

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self._inside = False


class LoginRefused(RuntimeError):
    """The demo org did not redirect after the login form (its page says why)."""


class ScriptedBrowser:
    """``login`` returns the app's page (the loopback listener's answer)."""

    def __init__(self, ca_cert: Path | str) -> None:
        self._http = requests.Session()
        self._http.trust_env = False  # no proxies, and no CA bundle from the environment
        self._ca_cert = str(ca_cert)  # pinned per request
        self._thread: threading.Thread | None = None
        self._outcome: list = []

    def login(
        self, authorization_url: str, *, username: str | None = None, decision: str = "allow"
    ) -> requests.Response:
        page = self._http.get(authorization_url, verify=self._ca_cert, timeout=TIMEOUT_S)
        page.raise_for_status()
        form = _LoginForm()
        form.feed(page.text)
        fields = dict(form.fields, decision=decision)
        if username is not None:
            fields["username"] = username
        answer = self._http.post(
            urljoin(page.url, form.action or ""),
            data=fields,
            verify=self._ca_cert,
            allow_redirects=False,
            timeout=TIMEOUT_S,
        )
        if answer.status_code != 302:
            raise LoginRefused(f"the demo org answered {answer.status_code}: {answer.text[:500]}")
        # the app's listener on loopback (plain HTTP)
        return self._http.get(answer.headers["Location"], timeout=TIMEOUT_S)

    def login_in_background(self, authorization_url: str, **options) -> None:
        """For flows that block while waiting for the browser (pass this as the callback)."""

        def run() -> None:
            try:
                self._outcome.append(self.login(authorization_url, **options))
            except Exception as error:  # handed to ``result``
                self._outcome.append(error)

        self._thread = threading.Thread(target=run, name="scripted-browser", daemon=True)
        self._thread.start()

    def result(self, timeout: float = TIMEOUT_S) -> requests.Response:
        """The app's page from the background login (its error, re-raised)."""
        self._thread.join(timeout)
        outcome = self._outcome.pop()
        if isinstance(outcome, Exception):
            raise outcome
        return outcome
