"""How fast the demo org serves contacts: Bulk API 2.0 vs REST query paging.

Seeds a fresh org (100,000 contacts by default) in a temporary folder, logs in through the OAuth
flow, then reads every contact with simple-salesforce twice: ``sf.bulk2.Contact.query`` and
``query_all_iter``. Prints seconds and rows/s for each.

    .venv/bin/python benchmarks/bench_demo_serve.py [--records N]
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import secrets
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests
from simple_salesforce import Salesforce

from navsync_desktop.demo_org.runtime import DEMO_CLIENT_ID, DemoOrgEndpoint, DemoOrgServer
from navsync_desktop.demo_org.scenarios import DEMO_PASSWORD

SOQL = "SELECT Id, FirstName, LastName, Email, Title, AccountId, SystemModstamp FROM Contact"
REDIRECT_URI = "http://localhost:1717/OauthRedirect"


def login(endpoint: DemoOrgEndpoint, session: requests.Session, username: str) -> str:
    """An access token through the authorization code flow with PKCE (the form posted directly)."""
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    answer = session.post(
        f"{endpoint.login_url}/services/oauth2/authorize",
        data={
            "response_type": "code",
            "client_id": DEMO_CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "code_challenge": challenge.rstrip(b"=").decode(),
            "username": username,
            "password": DEMO_PASSWORD,
            "decision": "allow",
        },
        allow_redirects=False,
    )
    code = parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]
    tokens = session.post(
        f"{endpoint.login_url}/services/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": DEMO_CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "code_verifier": verifier,
        },
    )
    tokens.raise_for_status()
    return tokens.json()["access_token"]


def bulk_rows(sf: Salesforce) -> int:
    rows = 0
    for page in sf.bulk2.Contact.query(SOQL, max_records=50_000, wait=0):
        rows += sum(1 for _ in csv.reader(io.StringIO(page))) - 1
    return rows


def rest_rows(sf: Salesforce) -> int:
    return sum(1 for _ in sf.query_all_iter(SOQL))


def timed(label: str, read) -> None:
    started = time.perf_counter()
    rows = read()
    seconds = time.perf_counter() - started
    print(f"{label:<28} {rows:>9,} rows  {seconds:7.2f} s  {rows / seconds:>10,.0f} rows/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="contacts to seed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with DemoOrgServer(Path(folder), port=0, records=args.records) as server:
            print(f"seed + start {args.records:,} contacts: {time.perf_counter() - started:.2f} s")
            session = requests.Session()
            session.verify = str(server.endpoint.ca_cert)
            session.trust_env = False  # else REQUESTS_CA_BUNDLE would replace the pinned CA
            sf = Salesforce(
                instance_url=server.endpoint.instance_url,
                session_id=login(server.endpoint, session, server.store.scenario.login_username),
                version="60.0",
                session=session,
            )
            timed("Bulk API 2.0 (50k pages)", lambda: bulk_rows(sf))
            timed("REST query_all_iter (2000)", lambda: rest_rows(sf))


if __name__ == "__main__":
    main()
