"""`check`, `settings` and `demo-org scenarios` from the command line."""

import json
import os
import subprocess
import sys

from conftest import connect_demo, served_demo_org

from navsync_desktop import paths
from navsync_desktop.demo_org.scenarios import SCENARIOS
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.store import Store


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "navsync_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BROWSER": "true"},  # a browser that can be launched, opening nothing
    )


def connect_to_demo_org(browser):
    with (
        Store.open(paths.store_path()) as store,
        ConnectionManager(store, demo_org=served_demo_org()) as manager,
    ):
        connect_demo(manager, browser)


def test_check_before_anything_is_set_up_says_what_to_do():
    result = run_cli("check", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    local = {check["id"]: check for check in report["prerequisites"]}
    assert local["contract"]["status"] == "fail"
    assert "settings set salesnav.contract" in local["contract"]["fix"]
    assert [check["id"] for check in report["org"]] == ["connection"]
    assert "navsync-desktop connect" in report["org"][0]["fix"]


def test_check_passes_on_a_ready_demo_org(demo_org, browser):
    connect_to_demo_org(browser)
    assert run_cli("settings", "set", "salesnav.contract", "advanced").returncode == 0
    assert run_cli("settings", "set", "salesnav.admin_seat", "admin_team_member").returncode == 0

    result = run_cli("check", "--json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "pass"
    assert {c["id"] for c in report["prerequisites"]} == {"keyring", "browser", "contract", "seat"}
    assert {c["id"] for c in report["org"]} >= {"edition", "permissions", "package", "sandbox"}
    text = run_cli("check").stdout
    assert "[ok  ] Salesforce edition: Enterprise Edition is supported." in text


def test_settings_refuse_unknown_values_with_the_allowed_ones():
    result = run_cli("settings", "set", "salesnav.contract", "gold")
    assert result.returncode == 1
    assert "core, advanced, advanced_plus" in result.stderr
    shown = json.loads(run_cli("settings", "show", "--json").stdout)
    assert shown["salesnav.admin_seat"] is None and shown["salesnav.contract"] is None
    assert shown["crm.auto_sync_all_seats"] is True, "the other settings show their defaults"


def test_a_contract_given_by_its_former_name_is_kept_under_today_s():
    assert run_cli("settings", "set", "salesnav.contract", "enterprise").returncode == 0
    shown = json.loads(run_cli("settings", "show", "--json").stdout)
    assert shown["salesnav.contract"] == "advanced_plus"


def test_demo_org_scenarios_are_listed_one_per_line():
    lines = run_cli("demo-org", "scenarios").stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(SCENARIOS)
    assert "(default)" in lines[0]
