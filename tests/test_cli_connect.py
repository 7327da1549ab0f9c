"""`connect`, `disconnect` and `status` as subprocesses, the test acting as the browser."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import keyring
import pytest
from conftest import free_port

from navsync_desktop import credentials
from navsync_desktop.salesforce import oauth

CLI = [sys.executable, "-m", "navsync_desktop"]


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout)


def start_connect(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "connect", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def authorization_url_from(process: subprocess.Popen) -> str:
    """The line that holds the link, exactly as the CLI prints it for copying."""
    for line in process.stdout:
        if line.startswith("https://"):
            return line.strip()
    raise AssertionError(f"no link printed; stderr: {process.stderr.read()}")


def status_json() -> dict:
    result = run_cli("status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def stored_refresh_token(org_id: str) -> str:
    keyring.core.init_backend()  # the subprocess wrote the keyring file
    return credentials.load(org_id).refresh_token


def test_connect_demo_no_browser_full_flow_then_disconnect(demo_org, browser, navsync_home):
    port = free_port()
    process = start_connect("--demo", "--no-browser", "--port", str(port), "--timeout", "60")
    url = authorization_url_from(process)
    assert f"redirect_uri=http%3A%2F%2Flocalhost%3A{port}%2FOauthRedirect" in url
    assert "code_challenge_method=S256" in url and "state=" in url

    page = browser.login(url)
    out, err = process.communicate(timeout=60)

    assert page.status_code == 200 and "Connected to Salesforce" in page.text
    assert process.returncode == 0, err
    assert "Connected to Salesforce: " in out
    assert "integration@northwind-demo.example" in out
    status = status_json()
    assert status["state"] == "connected"
    connection = status["connection"]
    assert connection["is_demo"] is True
    assert connection["instance_url"] == demo_org.endpoint.instance_url
    assert connection["org_id"].startswith("00D")

    refresh_token = stored_refresh_token(connection["org_id"])
    for path in navsync_home.rglob("*"):
        if path.is_file():
            assert refresh_token.encode() not in path.read_bytes(), path

    result = run_cli("disconnect")
    assert result.returncode == 0, result.stderr
    assert "Disconnected from Salesforce. Local data kept." in result.stdout
    keyring.core.init_backend()
    assert credentials.load(connection["org_id"]) is None
    assert status_json()["state"] == "disconnected"
    assert status_json()["connection"]["org_id"] == connection["org_id"], "metadata kept"


def test_connect_refuses_a_busy_port_naming_it_and_the_fix(demo_org):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = run_cli("connect", "--demo", "--no-browser", "--port", str(port))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"Port {port}" in result.stderr and "--port" in result.stderr
    assert status_json()["state"] == "disconnected"


def test_connect_times_out_with_a_one_line_reason(demo_org):
    result = run_cli(
        "connect", "--demo", "--no-browser", "--port", str(free_port()), "--timeout", "1"
    )
    assert result.returncode != 0
    assert "No login arrived within 1 seconds" in result.stderr
    assert "https://" in result.stdout, "the link was shown for copying"
    assert status_json()["state"] == "disconnected"


@pytest.mark.parametrize(
    "login_url", ["https://test.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com"]
)
def test_connect_refuses_sandbox_login_hosts(login_url):
    result = run_cli("connect", "--login-url", login_url, "--no-browser")
    assert result.returncode != 0
    assert "Sandbox installations are not supported" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_connect_to_a_real_org_needs_the_connected_apps_client_id():
    result = run_cli("connect", "--no-browser")
    assert result.returncode != 0
    assert "--client-id" in result.stderr


def test_disconnect_when_not_connected_is_harmless():
    result = run_cli("disconnect")
    assert result.returncode == 0, result.stderr
    assert "Disconnected from Salesforce" in result.stdout


def connect_through_cli(browser) -> dict:
    process = start_connect("--demo", "--no-browser", "--port", str(free_port()))
    browser.login(authorization_url_from(process))
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return status_json()["connection"]


def test_a_reconnect_killed_while_waiting_for_the_browser_leaves_the_org_connected(
    demo_org, browser
):
    connection = connect_through_cli(browser)
    token = stored_refresh_token(connection["org_id"])

    waiting = start_connect("--demo", "--no-browser", "--port", str(free_port()))
    authorization_url_from(waiting)  # it prints the link, then waits for the login
    waiting.send_signal(signal.SIGKILL)
    waiting.communicate(timeout=30)

    status = status_json()
    assert status["state"] == "connected"
    assert status["connection"]["org_id"] == connection["org_id"]
    assert stored_refresh_token(connection["org_id"]) == token
    renewed = oauth.refresh_access_token(  # the kept token still works
        connection["instance_url"],
        refresh_token=token,
        client_id=demo_org.endpoint.client_id,
        ca_cert=demo_org.endpoint.ca_cert,
    )
    assert renewed.access_token


def test_a_damaged_keyring_is_one_line_and_disconnect_still_disconnects(
    demo_org, browser, keyring_file
):
    connection = connect_through_cli(browser)
    keyring_file.write_text("garbage without a section header\n")

    result = run_cli("disconnect")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "keyring" in result.stderr and connection["org_id"] in result.stderr
    assert "Traceback" not in result.stderr and "configparser" not in result.stderr
    assert status_json()["state"] == "disconnected"

    check = run_cli("check")
    assert "Traceback" not in check.stderr and "configparser" not in check.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["connect", "--port", "70000"],
        ["connect", "--port", "0"],
        ["connect", "--port", "-1"],
        ["connect", "--port", "http"],
        ["connect", "--timeout", "nan"],
        ["connect", "--timeout", "inf"],
        ["connect", "--timeout", "0"],
        ["connect", "--timeout", "-5"],
        ["demo-org", "serve", "--port", "0"],
        ["demo-org", "serve", "--port", "70000"],
        ["demo-org", "serve", "--records", "0"],
    ],
)
def test_ports_and_numbers_out_of_range_are_refused_in_one_line(arguments):
    result = run_cli(*arguments)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"argument {arguments[-2]}: {arguments[-1]} is not" in result.stderr
    assert status_json()["state"] == "disconnected"
