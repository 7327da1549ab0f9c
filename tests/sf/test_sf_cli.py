"""The Salesforce CLI (`sf`, npm @salesforce/cli) against the demo org, unchanged.

The CLI is large (about 700 npm packages and the Node 22 it needs), so these checks run only
from tests/sf/run_sf_cli_checks.sh, which installs it into a cache folder and points
NAVSYNC_SF_CLI at it; the normal test run skips them. Each check runs `sf` as a user would, in a
project folder of its own with its own HOME, and reads its --json answer.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
import requests
from conftest import BrowserStandIn, free_port
from demo_org.conftest import oauth_tokens
from simple_salesforce import format_soql

from navsync_desktop.demo_org.runtime import DemoOrgServer
from navsync_desktop.demo_org.versions import LATEST_VERSION

CLI_FOLDER = os.environ.get("NAVSYNC_SF_CLI")
CONTACTS = 2_500  # more than one 2,000-record page
USERNAME = "integration@northwind-demo.example"
ADMIN = "dana.fischer@northwind-demo.example"
LOGIN_WAIT_S = 120

if not CLI_FOLDER:
    pytest.skip(
        "the Salesforce CLI checks run with tests/sf/run_sf_cli_checks.sh",
        allow_module_level=True,
    )


class SfCli:
    """Runs `sf` in a project folder with its own HOME, trusting the demo org's CA."""

    def __init__(self, cli_folder: Path, workspace: Path, ca_cert: Path):
        self.project = workspace / "project"
        self.project.mkdir()
        self.oauth_port = free_port()
        # `sf org login web` listens on the project's oauthLocalPort (1717 by default)
        (self.project / "sfdx-project.json").write_text(
            json.dumps(
                {
                    "packageDirectories": [{"path": "force-app", "default": True}],
                    "oauthLocalPort": self.oauth_port,
                }
            )
        )
        binaries = cli_folder / "node_modules" / ".bin"  # sf, and the node it runs on
        self.env = {
            **os.environ,
            "HOME": str(workspace / "home"),
            "PATH": f"{binaries}{os.pathsep}{os.environ['PATH']}",
            "NODE_EXTRA_CA_CERTS": str(ca_cert),
            "SF_DISABLE_TELEMETRY": "true",
            "SF_AUTOUPDATE_DISABLE": "true",
            "SF_SKIP_NEW_VERSION_CHECK": "true",
        }

    def popen(self, *args: str, **env: str) -> subprocess.Popen:
        return subprocess.Popen(
            ["sf", *args],
            cwd=self.project,
            env={**self.env, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def text(self, *args: str, **env: str) -> str:
        done = subprocess.run(
            ["sf", *args],
            cwd=self.project,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def json(self, *args: str, **env: str) -> dict:
        answer = json.loads(self.text(*args, "--json", **env))
        assert answer["status"] == 0, answer
        return answer["result"]


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    with DemoOrgServer(tmp_path_factory.mktemp("sf-org"), port=0, records=CONTACTS) as server:
        yield server


@pytest.fixture(scope="module")
def sf(org, tmp_path_factory) -> SfCli:
    return SfCli(Path(CLI_FOLDER), tmp_path_factory.mktemp("sf-cli"), org.endpoint.ca_cert)


@pytest.fixture(scope="module")
def web_login(org, sf, tmp_path_factory) -> dict:
    """`sf org login web`: the CLI opens "the browser" through $BROWSER; that script only notes
    the URL, and the browser stand-in logs in there as a user would."""
    opened = tmp_path_factory.mktemp("browser") / "opened-url"
    browser = opened.with_name("browser.sh")
    browser.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$1\" > '{opened}'\n")
    browser.chmod(0o700)
    login = sf.popen(
        "org", "login", "web", "--instance-url", org.endpoint.instance_url,
        "--alias", "web", "--json",
        BROWSER=str(browser),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + LOGIN_WAIT_S
        while not (opened.is_file() and opened.read_text().strip()):
            assert login.poll() is None, login.communicate()
            assert time.monotonic() < deadline, "sf never opened the browser"
            time.sleep(0.2)
        landing = BrowserStandIn(org.endpoint.ca_cert).login(opened.read_text().strip())
        assert landing.status_code == 200  # the CLI's own success page
        out, err = login.communicate(timeout=LOGIN_WAIT_S)
    finally:
        if login.poll() is None:
            login.kill()
    assert login.returncode == 0, out + err
    return json.loads(out)["result"]


def test_org_login_web_with_a_scripted_browser(org, web_login):
    assert web_login["username"] == USERNAME
    assert web_login["orgId"] == org.store.organization()["Id"]
    assert web_login["instanceUrl"].rstrip("/") == org.endpoint.instance_url
    assert web_login["instanceApiVersion"] == LATEST_VERSION
    assert web_login["isDevHub"] is False, "ScratchOrgInfo is not there: not a Dev Hub"
    assert web_login["isSandbox"] is False


def test_org_login_access_token(org, sf):
    # another user: the CLI keeps one login per username, and the web login must stay as it is
    token = oauth_tokens(org.endpoint, username=ADMIN)["access_token"]
    result = sf.json(
        "org", "login", "access-token", "--instance-url", org.endpoint.instance_url,
        "--no-prompt", "--alias", "token",
        SF_ACCESS_TOKEN=token,
    )  # fmt: skip
    assert result["username"] == ADMIN
    assert result["orgEdition"] == "Enterprise Edition"
    assert sf.json("data", "query", "-o", "token", "-q", "SELECT Id FROM User")["totalSize"] > 1


def test_org_display(org, sf, web_login):
    shown = sf.json("org", "display", "-o", "web")
    assert shown["connectedStatus"] == "Connected"
    assert shown["id"] == org.store.organization()["Id"]
    assert shown["username"] == USERNAME
    assert shown["apiVersion"] == LATEST_VERSION


def test_data_query_as_a_table_and_as_json(sf, web_login):
    soql = "SELECT Id, Name, Account.Name, Account.Owner.Name FROM Contact"
    table = sf.text("data", "query", "-o", "web", "-q", soql)
    header = next(line for line in table.splitlines() if "ACCOUNT.NAME" in line)
    assert "ACCOUNT.OWNER.NAME" in header
    assert f"Total number of records retrieved: {CONTACTS}." in table
    result = sf.json("data", "query", "-o", "web", "-q", soql)
    assert result["totalSize"] == len(result["records"]) == CONTACTS
    assert result["done"] is True
    assert len({record["Id"] for record in result["records"]}) == CONTACTS


def test_data_export_bulk(sf, web_login, tmp_path):
    exported = tmp_path / "contacts.csv"
    sf.json(
        "data", "export", "bulk", "-o", "web", "-q", "SELECT Id, Email FROM Contact",
        "--output-file", str(exported), "--wait", "5",
    )  # fmt: skip
    with exported.open(newline="", encoding="utf-8") as rows:
        records = list(csv.DictReader(rows))
    assert len(records) == len({record["Id"] for record in records}) == CONTACTS
    assert set(records[0]) == {"Id", "Email"}


def test_sobject_describe(sf, web_login):
    described = sf.json("sobject", "describe", "-o", "web", "-s", "Contact")
    assert described["name"] == "Contact"
    assert {"LastName", "Email", "AccountId"} <= {field["name"] for field in described["fields"]}


def test_record_create_get_update_delete(sf, web_login):
    created = sf.json(
        "data", "create", "record", "-o", "web", "-s", "Account",
        "-v", "Name='CLI Probe GmbH' Industry=Retail",
    )  # fmt: skip
    record_id = created["id"]
    assert created["success"] is True
    got = sf.json("data", "get", "record", "-o", "web", "-s", "Account", "-i", record_id)
    assert (got["Name"], got["Industry"]) == ("CLI Probe GmbH", "Retail")
    sf.json("data", "update", "record", "-o", "web", "-s", "Account", "-i", record_id,
            "-v", "Industry=Energy")  # fmt: skip
    by_name = sf.json(
        "data", "get", "record", "-o", "web", "-s", "Account", "-w", "Name='CLI Probe GmbH'"
    )
    assert (by_name["Id"], by_name["Industry"]) == (record_id, "Energy")
    sf.json("data", "delete", "record", "-o", "web", "-s", "Account", "-i", record_id)
    soql = format_soql("SELECT Id FROM Account WHERE Id = {}", record_id)
    gone = sf.json("data", "query", "-o", "web", "-q", soql)
    assert gone["totalSize"] == 0


def test_limits_api_display(sf, web_login):
    limits = {entry["name"]: entry for entry in sf.json("limits", "api", "display", "-o", "web")}
    assert limits["DailyApiRequests"]["max"] == 115_000
    assert 0 < limits["DailyApiRequests"]["remaining"] < 115_000


def test_org_open_url_only_gives_a_single_use_front_door(org, sf, web_login):
    url = sf.json("org", "open", "-o", "web", "--url-only")["url"]
    # the browser's pages are on the plain-HTTP loopback address (no certificate warning)
    assert url.startswith(f"{org.endpoint.browser_url}/secur/frontdoor.jsp?otp=")
    ca = str(org.endpoint.ca_cert)
    browser = requests.Session()
    browser.trust_env = False  # no proxies, and no CA bundle from the environment
    home = browser.get(url, verify=ca, timeout=30)
    assert home.status_code == 200
    assert USERNAME in home.text and "Northwind Demo GmbH" in home.text
    assert "healthy" in home.text
    other_browser = requests.Session()
    other_browser.trust_env = False
    again = other_browser.get(url, verify=ca, timeout=30)
    assert again.status_code == 401, "the link works once"


def test_org_open_path_opens_a_record_page(org, sf, web_login):
    contact = sf.json("data", "query", "-o", "web", "-q", "SELECT Id, Name FROM Contact LIMIT 1")
    record = contact["records"][0]
    path = f"/lightning/r/Contact/{record['Id']}/view"
    url = sf.json("org", "open", "-o", "web", "--path", path, "--url-only")["url"]
    browser = requests.Session()
    browser.trust_env = False
    page = browser.get(url, timeout=30)
    assert page.status_code == 200
    assert page.url == f"{org.endpoint.browser_url}{path}"
    assert record["Name"] in page.text and "Past Activities" in page.text
