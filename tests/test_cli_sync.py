"""`sync`, `status`, `history`, `seats`, `saved-lists` and `settings` as subprocesses: the JSON
shapes scripts rely on (DESIGN.md), exit codes, one-line errors, the progress line, Ctrl+C."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest
from conftest import free_port
from test_cli_connect import authorization_url_from, run_cli, start_connect

from navsync_desktop.demo_org.faults import FaultKind, FaultPlan

OBJECTS = {
    "User",
    "UserRole",
    "Account",
    "Contact",
    "Lead",
    "Opportunity",
    "OpportunityContactRole",
    "OpportunityStage",
}
RUN_KEYS = {
    "outcome",
    "full",
    "started_at",
    "finished_at",
    "seconds",
    "api_requests",
    "objects",
    "error",
}
REP = "lena.hoffmann@northwind-demo.example"


@pytest.fixture
def connected(demo_org, browser):
    process = start_connect("--demo", "--no-browser", "--port", str(free_port()))
    browser.login(authorization_url_from(process))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return demo_org


def json_of(*args: str) -> dict:
    result = run_cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_run_shape(run: dict) -> None:
    assert set(run) >= RUN_KEYS
    assert run["outcome"] in ("succeeded", "failed", "cancelled")
    assert isinstance(run["full"], bool) and isinstance(run["api_requests"], int)
    assert isinstance(run["seconds"], float | int) and run["started_at"] <= run["finished_at"]
    for counts in run["objects"].values():
        assert set(counts) >= {"read", "changed", "deleted", "total", "api"}
        assert counts["api"] in ("bulk", "rest")


def test_sync_status_and_history_print_the_documented_json(connected):
    first = json_of("sync")
    second = json_of("sync")
    status = json_of("status")
    history = json_of("history")

    assert_run_shape(first)
    assert first["outcome"] == "succeeded" and first["full"] is True and first["error"] is None
    assert set(first["objects"]) == OBJECTS
    assert second["full"] is False
    assert second["objects"]["Contact"]["read"] < first["objects"]["Contact"]["read"]

    assert set(status) >= {"state", "connection", "last_synced", "counts"}
    assert status["state"] == "connected"
    last_synced = datetime.fromisoformat(status["last_synced"])
    assert last_synced == datetime.fromisoformat(second["finished_at"])
    assert status["counts"] == {name: c["total"] for name, c in second["objects"].items()}

    assert [run["started_at"] for run in history["runs"]] == [
        second["started_at"],
        first["started_at"],
    ]
    for run in history["runs"]:
        assert_run_shape(run)


def test_sync_text_output_and_status_lines(connected):
    result = run_cli("sync")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Sync succeeded (full)")
    assert "Contact" in result.stdout and "rest" in result.stdout
    assert result.stderr == "", "no progress line when stderr is not a terminal"
    status = run_cli("status").stdout
    assert "Connected to Salesforce · Last synced 2" in status
    assert "Contact: 200" in status and "sync_runs" not in status
    assert "succeeded  full" in run_cli("history").stdout


def test_a_terminal_sees_a_progress_line(connected):
    controller, terminal = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "navsync_desktop", "sync"],
            stdout=subprocess.PIPE,
            stderr=terminal,
            timeout=120,
            check=False,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert process.returncode == 0
    assert b"\r\x1b[KSyncing " in shown and b"Contact" in shown


def test_sync_without_a_connection_says_so_in_one_line():
    result = run_cli("sync")
    assert result.returncode == 1
    assert "Not connected to Salesforce" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json_of("history") == {"runs": []}
    assert json_of("status")["counts"] == dict.fromkeys(OBJECTS, 0)


def test_ctrl_c_cancels_the_sync_cleanly(connected):
    # every answer takes a while, so the sync is still running when Ctrl+C comes
    connected.inject_faults(FaultPlan(1.0, kinds=(FaultKind.SLOW,), slow_s=1.5))
    process = subprocess.Popen(
        [sys.executable, "-m", "navsync_desktop", "sync", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    connected.inject_faults(None)

    assert process.returncode == 130, err
    assert json.loads(out)["outcome"] == "cancelled"
    assert err.strip() == "navsync-desktop sync: cancelled; the local data is unchanged"
    assert json_of("status")["counts"]["Contact"] == 0
    assert json_of("status")["state"] == "connected"
    assert json_of("history")["runs"][0]["outcome"] == "cancelled"


def test_seats_and_saved_lists_from_the_command_line(connected, tmp_path):
    assert run_cli("sync").returncode == 0
    added = run_cli("seats", "add", "--email", REP, "--name", "Lena Hoffmann", "--sync", "on")
    assert added.returncode == 0, added.stderr
    again = run_cli("seats", "add", "--email", REP.upper(), "--name", "Lena")
    assert again.returncode == 1 and "already" in again.stderr

    csv_file = tmp_path / "seats.csv"
    csv_file.write_text("Name,Email,Seat Type\nJonas Becker,jonas.becker@northwind-demo.example,")
    assert "1 added, 0 updated" in run_cli("seats", "import", str(csv_file)).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("email,name\nnot-an-email,X\n")
    refused = run_cli("seats", "import", str(bad))
    assert refused.returncode == 1 and "bad.csv, line 2" in refused.stderr

    assert (
        run_cli("seats", "set-sync", "jonas.becker@northwind-demo.example", "off").returncode == 0
    )
    listed = json_of("seats", "list")["seats"]
    assert {seat["email"] for seat in listed} == {REP, "jonas.becker@northwind-demo.example"}
    lena = next(seat for seat in listed if seat["email"] == REP)
    assert lena["matched"] and lena["user"]["name"] == "Lena Hoffmann" and lena["synced"]
    assert lena["saved_lists"]["accounts"] > 0

    lists = json_of("saved-lists", "--seat", REP)["seats"]
    assert len(lists) == 1 and lists[0]["accounts"] and lists[0]["leads_and_contacts"]
    assert set(lists[0]["accounts"][0]) == {"sobject", "id", "name", "detail"}
    unknown = run_cli("saved-lists", "--seat", "nobody@example.com")
    assert unknown.returncode == 1 and "no seat holder" in unknown.stderr

    reps = run_cli("seats", "add-demo-reps")
    assert reps.returncode == 0 and "sales reps" in reps.stdout
    assert len(json_of("seats", "list")["seats"]) >= 8


def test_crm_settings_are_checked_against_the_org(connected):
    offered = run_cli("settings", "set", "crm.pipeline_stage", "Bogus")  # before any sync
    assert offered.returncode == 1 and "Prospecting" in offered.stderr
    assert run_cli("settings", "set", "crm.pipeline_stage", "Value Proposition").returncode == 0
    assert (
        run_cli("settings", "set", "crm.won_value_field", "Contract_Value_Net__c").returncode == 0
    )
    assert run_cli("settings", "set", "crm.auto_sync_all_seats", "no").returncode == 0
    shown = json_of("settings", "show")
    assert shown["crm.pipeline_stage"] == "Value Proposition"
    assert shown["crm.won_value_field"] == "Contract_Value_Net__c"
    assert shown["crm.auto_sync_all_seats"] is False
    assert "crm.auto_sync_all_seats = no" in run_cli("settings", "show").stdout


def test_a_sync_killed_midway_changes_nothing_and_the_next_one_completes(connected):
    assert run_cli("sync").returncode == 0
    before = json_of("status")["counts"]
    connected.inject_faults(FaultPlan(1.0, kinds=(FaultKind.SLOW,), slow_s=1.0))
    process = subprocess.Popen(
        [sys.executable, "-m", "navsync_desktop", "sync", "--full"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(2.5)
    process.kill()  # SIGKILL: no cleanup runs
    process.wait(timeout=30)
    connected.inject_faults(None)

    status = json_of("status")
    assert status["state"] == "connected" and status["counts"] == before
    killed = json_of("history")["runs"][0]
    assert killed["outcome"] == "failed" and "interrupted" in killed["error"]
    again = json_of("sync")
    assert again["outcome"] == "succeeded"
    assert json_of("status")["counts"] == before
