"""`demo-org serve` / `demo-org scenarios`, and finding a served org from another process."""

from __future__ import annotations

import argparse
import json
import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from navsync_desktop.cli_types import port, positive_int
from navsync_desktop.demo_org import cli
from navsync_desktop.demo_org.runtime import DemoOrgServer, ensure_demo_org
from navsync_desktop.demo_org.scenarios import SCENARIOS

from .conftest import https_session

# The lead's main CLI mounts these subcommands under `navsync-desktop demo-org`; this stand-in
# does the same, so the tests run the real code in a real child process.
DEMO_ORG_MAIN = textwrap.dedent(
    """
    import argparse, sys
    from pathlib import Path
    from navsync_desktop.demo_org import cli
    from navsync_desktop.cli_types import port, positive_int
    parser = argparse.ArgumentParser(prog="demo-org")
    parser.add_argument("folder", type=Path)
    cli.add_subcommands(parser, port_type=port, count_type=positive_int)
    args = parser.parse_args()
    sys.exit(cli.run(args, args.folder))
    """
)


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="demo-org")
    cli.add_subcommands(parser, port_type=port, count_type=positive_int)
    return parser.parse_args(argv)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(folder, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", DEMO_ORG_MAIN, str(folder), "serve", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_scenarios_lists_one_line_each(capsys, tmp_path):
    assert cli.run(_parse("scenarios"), tmp_path) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(SCENARIOS)
    assert [line.split()[0] for line in lines] == list(SCENARIOS)
    assert "(default)" in lines[0]


def test_serve_options_are_checked():
    args = _parse("serve", "--port", "20000", "--scenario", "sandbox", "--records", "50")
    assert (args.port, args.scenario, args.records, args.reset) == (20000, "sandbox", 50, False)
    flaky = _parse("serve", "--scenario", "flaky", "--faults", "0.5", "--fault-seed", "7")
    assert (flaky.scenario, flaky.faults, flaky.fault_seed) == ("flaky", 0.5, 7)
    assert _parse("serve", "--fault-kinds", "slow,reset").fault_kinds == ("slow", "reset")
    for bad in (
        ["--scenario", "wobbly"],
        ["--records", "0"],
        ["--port", "70000"],
        ["--faults", "1.5"],
        ["--fault-kinds", "gremlins"],
    ):
        with pytest.raises(SystemExit):
            _parse("serve", *bad)


def test_serve_prints_the_url_answers_and_stops_cleanly(tmp_path):
    folder = tmp_path / "demo-org"
    port = _free_port()
    process = _serve(folder, "--port", str(port), "--records", "100")
    try:
        url_line = process.stdout.readline()
        cert_line = process.stdout.readline()
        assert url_line.strip().endswith(f"https://127.0.0.1:{port}"), process.stderr.read()
        assert cert_line.strip() == f"CA certificate: {folder / 'ca.pem'}"
        browser_line = process.stdout.readline()
        assert browser_line.startswith("Browser pages (login, front door): http://127.0.0.1:")
        served = json.loads((folder / "served.json").read_text())
        assert served == {
            "pid": process.pid,
            "port": port,
            "instance_url": f"https://127.0.0.1:{port}",
            "browser_url": browser_line.split(": ", 1)[1].strip(),
        }
        endpoint, started = ensure_demo_org(folder, port=_free_port())
        assert started is None  # the served org is used, not a second one
        assert endpoint.instance_url == f"https://127.0.0.1:{port}"
        answer = https_session(endpoint).get(f"{endpoint.instance_url}/services/data/")
        assert answer.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    assert not (folder / "served.json").exists()


def test_a_second_serve_of_the_same_folder_is_refused_and_the_first_keeps_serving(tmp_path):
    folder = tmp_path / "demo-org"
    port = _free_port()
    first = _serve(folder, "--port", str(port), "--records", "100")
    try:
        assert first.stdout.readline().strip().endswith(f"https://127.0.0.1:{port}")
        served_before = (folder / "served.json").read_text()

        second = _serve(folder, "--port", str(_free_port()), "--records", "100")
        _, stderr = second.communicate(timeout=60)

        assert second.returncode == 1
        lines = stderr.strip().splitlines()
        assert len(lines) == 1, stderr
        assert (
            f"already runs from {folder} at https://127.0.0.1:{port} (pid {first.pid})"
            in (lines[0])
        )
        assert (folder / "served.json").read_text() == served_before, "the first one's file"
        endpoint, started = ensure_demo_org(folder, port=_free_port())
        assert started is None and endpoint.instance_url == f"https://127.0.0.1:{port}"
    finally:
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=20) == 0


def test_busy_port_gets_a_one_line_error_with_the_fix(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        process = _serve(tmp_path / "demo-org", "--port", str(port))
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(port) in lines[0] and "--port" in lines[0]


def test_ensure_starts_an_embedded_org_when_none_is_served(tmp_path):
    folder = tmp_path / "demo-org"
    (folder).mkdir()
    (folder / "served.json").write_text(
        '{"pid": 1, "port": 9, "instance_url": "https://127.0.0.1:9"}'
    )
    endpoint, server = ensure_demo_org(folder, port=_free_port())
    try:
        assert isinstance(server, DemoOrgServer)
        answer = https_session(endpoint).get(f"{endpoint.instance_url}/services/data/")
        assert answer.status_code == 200
    finally:
        server.stop()
