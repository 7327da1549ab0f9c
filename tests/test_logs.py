"""The log file never holds a token: real tokens of the demo org, in every form they travel in."""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlencode

import pytest
from conftest import DEMO_RECORDS, BrowserStandIn, app_login

from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.logs import mask_secrets, setup_logging


@pytest.fixture(scope="module")
def real_tokens(tmp_path_factory) -> dict[str, str]:
    """An authorization code, an access token and a refresh token as the demo org issues
    them (the shapes of Salesforce's: 00D…!…, 5Aep…, aPrx…)."""
    folder = tmp_path_factory.mktemp("token-org")
    with DemoOrgServer(folder, port=0, records=DEMO_RECORDS) as server:
        code, tokens = app_login(server.endpoint, BrowserStandIn(server.endpoint.ca_cert))
    return {"code": code, "access": tokens.access_token, "refresh": tokens.refresh_token}


# How a token shows up in a log line: each form a function of the token.
FORMS = {
    "bare": lambda t: f"session {t} expired",
    "query string": lambda t: f"GET /OauthRedirect?code={t}&state=abc",
    "form body": lambda t: f"grant_type=refresh_token&refresh_token={t}&client_id=x",
    "json": lambda t: json.dumps({"access_token": t, "instance_url": "https://x"}),
    "escaped json": lambda t: json.dumps(json.dumps({"refresh_token": t})),
    "percent-encoded": lambda t: urlencode({"body": f"access_token={t}&x=1"}),
    "python repr": lambda t: repr({"Authorization": f"Bearer {t}"}),
    "header": lambda t: f"Authorization: OAuth {t}",
    "bare bearer": lambda t: f"sent Bearer {t} to the org",
    "cookie": lambda t: f"Cookie: sid={t}; BrowserId=abc",
    "set-cookie": lambda t: f'{{"Set-Cookie": "sid={t}; Path=/; Secure"}}',
}


def secret_pieces(token: str) -> list[str]:
    """The parts of a token that must not leak, also on their own: what follows the org id,
    and every run between the -, ., _ and ! separators long enough to matter."""
    secret = token.split("!", 1)[-1]
    return [secret, *(piece for piece in re.split(r"[-._!]", secret) if len(piece) >= 6)]


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("kind", ["access", "refresh", "code"])
def test_the_log_file_never_holds_a_real_token(navsync_home, real_tokens, kind, form):
    token = real_tokens[kind]
    target = setup_logging()
    logging.getLogger("navsync_desktop.test").info("marker %s", FORMS[form](token))
    try:
        raise RuntimeError(f"failed: {FORMS[form](token)}")
    except RuntimeError:
        logging.getLogger("navsync_desktop.test").exception("traceback marker")
    for handler in logging.getLogger().handlers:
        handler.flush()

    text = target.read_text()
    assert "marker" in text and "traceback marker" in text, "the lines themselves are kept"
    for piece in secret_pieces(token):
        assert piece not in text, f"{kind} token leaked in the {form} form: {piece}"


@pytest.mark.parametrize(
    "line",
    [
        '[{"message": "No such column", "errorCode": "INVALID_FIELD", "fields": []}]',
        "status_code=400 error_code=REQUEST_LIMIT_EXCEEDED",
        "OAuth redirect ignored: missing or wrong state",
        "synced 2000 Contact rows from https://northwind.my.salesforce.com in 3.2 s",
        "connected to org 00D5g000004ZqKlEAK (Enterprise Edition) as user 005Dm0000000001IAA",
    ],
)
def test_ordinary_fields_are_not_masked(line):
    assert mask_secrets(line) == line


def test_masking_leaves_the_record_for_other_handlers_untouched(navsync_home, real_tokens):
    """Masking happens in the file's formatter; the shared record keeps its message."""
    seen = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append((record.msg, record.args, record.getMessage()))

    target = setup_logging()
    keeper = Keep()
    logging.getLogger().addHandler(keeper)
    try:
        logging.getLogger("navsync_desktop.test").info("token %s", real_tokens["access"])
    finally:
        logging.getLogger().removeHandler(keeper)
    assert seen == [("token %s", (real_tokens["access"],), f"token {real_tokens['access']}")]
    assert real_tokens["access"] not in target.read_text()
