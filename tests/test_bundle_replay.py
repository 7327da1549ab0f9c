"""Replay: a bundle made on a demo org of each scenario, served again by
`demo-org serve --from-bundle` in another NAVSYNC_HOME (a support person's machine), connected
and checked through the CLI, shows the bundle's readiness results; and a validation rule's
write-back error comes back with the customer's message."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile

import pytest
from conftest import BrowserStandIn, connect_demo, free_port, served_demo_org
from sync_support import QUICK_RETRY, demo_org_server
from test_cli_connect import authorization_url_from, run_cli, start_connect

from navsync_desktop import paths
from navsync_desktop.demo_org.bundle_scenario import BundleUnreadable, replay_from_bundle
from navsync_desktop.demo_org.certs import CA_FILE
from navsync_desktop.demo_org.runtime import DATABASE_FILE
from navsync_desktop.demo_org.store import OrgStore
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.support_bundle import create_support_bundle

CLI = [sys.executable, "-m", "navsync_desktop"]
# Findings that name the user (masked in the bundle) or count what this test's own requests
# use up are compared by their key facts instead.
FINDING_VARIES = {"integration_user", "api_limit"}


def make_bundle(store, scenario: str, target) -> dict:
    """The bundle of a demo org of ``scenario`` (its own login user), and its org.json."""
    with (
        demo_org_server(scenario) as server,
        ConnectionManager(store, retry=QUICK_RETRY, demo_org=served_demo_org()) as manager,
    ):
        connect_demo(manager, BrowserStandIn(server.endpoint.ca_cert))
        create_support_bundle(target, store, manager)
    with zipfile.ZipFile(target) as archive:
        return json.loads(archive.read("org.json"))


def serve_replay(bundle) -> subprocess.Popen:
    process = subprocess.Popen(
        [*CLI, "demo-org", "serve", "--port", str(free_port()), "--from-bundle", str(bundle)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    for line in process.stdout:
        if line.startswith("Press Ctrl+C"):
            return process
    process.kill()
    raise AssertionError(f"the replay did not start: {process.stderr.read()}")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)


def connect_and_check() -> dict:
    process = start_connect("--demo", "--no-browser", "--port", str(free_port()))
    BrowserStandIn(paths.demo_org_dir() / CA_FILE).login(authorization_url_from(process))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    result = run_cli("check", "--json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def support_machine(tmp_path, monkeypatch):
    """Switches to another NAVSYNC_HOME and keyring: the support person's."""

    def switch() -> None:
        monkeypatch.setenv("NAVSYNC_HOME", str(tmp_path / "support-home"))
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "support-xdg"))

    return switch


@pytest.mark.parametrize(
    "scenario",
    [
        "view-only-admin",
        "email-validation-rule",
        "api-limit-low",
        "person-accounts",
        "sandbox",
        "personal-admin",
        "package-missing",
        "professional-no-api",
        "unsupported-edition",
    ],
)
def test_replay_shows_the_bundles_readiness_results(scenario, store, tmp_path, support_machine):
    bundle = tmp_path / "customer.zip"
    customer = make_bundle(store, scenario, bundle)
    assert customer["source"] == "checked_now"
    support_machine()

    server = serve_replay(bundle)
    try:
        replayed = connect_and_check()["org"]
    finally:
        stop(server)

    expected = customer["checks"]
    assert [(c["id"], c["status"]) for c in replayed] == [(c["id"], c["status"]) for c in expected]
    for mine, theirs in zip(replayed, expected, strict=True):
        if mine["id"] not in FINDING_VARIES:
            assert mine["finding"] == theirs["finding"], mine["id"]
    if customer["shape"]["api_enabled"]:  # without the API there is no limit to compare
        limit = customer["shape"]["daily_api_max"]
        replayed_limit = next(c for c in replayed if c["id"] == "api_limit")["finding"]
        assert f"of {limit:,} daily API requests" in replayed_limit


def test_replay_gives_the_customers_validation_message_on_write(store, tmp_path, support_machine):
    """A customer's own rule (name, message, field), as a bundle would carry it, is enforced
    by the replayed org: a Contact without the field is refused with that message."""
    bundle = tmp_path / "customer.zip"
    make_bundle(store, "healthy", bundle)
    with zipfile.ZipFile(bundle) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    org = json.loads(files["org.json"])
    rule = {
        "rule_name": "Phone_Required_For_Sales",
        "error_message": "Sales needs a phone number for every contact (rule PRS-7).",
        "error_field": "Phone",
    }
    org["shape"]["contact_validation_rules"] = [rule]
    files["org.json"] = json.dumps(org).encode()
    with zipfile.ZipFile(bundle, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    support_machine()

    server = serve_replay(bundle)
    try:
        checks = connect_and_check()["org"]
        finding = next(c for c in checks if c["id"] == "validation_rules")["finding"]
        assert "Phone_Required_For_Sales" in finding and rule["error_message"] in finding
        enabled = run_cli("settings", "set", "writeback.enabled", "yes")
        assert enabled.returncode == 0, enabled.stderr
        result = run_cli("test-writeback", "--json")
    finally:
        stop(server)
    assert result.returncode == 1
    assert rule["error_message"] in result.stderr
    # the org file keeps the replayed situation: opened again without a scenario, it is the same
    org_file = OrgStore.open(paths.demo_org_dir() / DATABASE_FILE)
    org_file.close()
    assert org_file.reseeded_from is None and org_file.scenario.name == "from-bundle"
    assert [r.message for r in org_file.scenario.contact_rules] == [rule["error_message"]]


def test_a_bundle_without_org_shape_or_of_another_format_is_refused(tmp_path):
    not_zip = tmp_path / "not.zip"
    not_zip.write_text("hello")
    with pytest.raises(BundleUnreadable, match="not a NavSync Desktop support bundle"):
        replay_from_bundle(not_zip)

    future = tmp_path / "future.zip"
    with zipfile.ZipFile(future, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format_version": 99}))
        archive.writestr("org.json", json.dumps({"shape": {}}))
    with pytest.raises(BundleUnreadable, match="format 99 is not known"):
        replay_from_bundle(future)

    result = run_cli("support-bundle", str(tmp_path / "offline.zip"))
    assert result.returncode == 0, result.stderr
    result = run_cli(
        "demo-org",
        "serve",
        "--port",
        str(free_port()),
        "--from-bundle",
        str(tmp_path / "offline.zip"),
    )
    assert result.returncode == 1
    assert "holds no org shape" in result.stderr and result.stderr.count("\n") == 1
