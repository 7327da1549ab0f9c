"""`demo-org serve` and `demo-org scenarios`, hooked into the main command line by the caller."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from .launcher import DEFAULT_PORT
from .scenarios import DEFAULT_SCENARIO, DEMO_PASSWORD, SCENARIOS

ArgumentType = Callable[[str], int]


def add_subcommands(
    parser: argparse.ArgumentParser, *, port_type: ArgumentType, count_type: ArgumentType
) -> None:
    """Add `serve` and `scenarios` under the caller's `demo-org` parser. The caller hands in
    the argument types for a port and for a count, so every command checks them alike."""
    commands = parser.add_subparsers(dest="demo_org_command", metavar="COMMAND", required=True)
    serve = commands.add_parser(
        "serve", help="run the demo org on 127.0.0.1 until interrupted (Ctrl+C)"
    )
    serve.add_argument(
        "--port", type=port_type, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--scenario",
        choices=sorted(SCENARIOS),
        help=f"reseed the org as this scenario (default: as seeded, first time {DEFAULT_SCENARIO})",
    )
    serve.add_argument("--records", type=count_type, metavar="N", help="reseed with N contacts")
    serve.add_argument(
        "--reset", action="store_true", help="throw away the org's data and grants, seed anew"
    )
    commands.add_parser("scenarios", help="list the scenarios, one line each")


def run(args: argparse.Namespace, folder: Path) -> int:
    """Run the parsed `demo-org` command on the demo org kept in ``folder``."""
    if args.demo_org_command == "scenarios":
        return _list_scenarios()
    return _serve(args, Path(folder))


def _list_scenarios() -> int:
    width = max(map(len, SCENARIOS))
    for name, scenario in SCENARIOS.items():
        marker = " (default)" if name == DEFAULT_SCENARIO else ""
        print(f"{name:<{width}}  {scenario.summary}{marker}")
    return 0


def _serve(args: argparse.Namespace, folder: Path) -> int:
    from .runtime import DemoOrgBusyError, DemoOrgServer  # the server loads only to serve
    from .server import PortInUseError

    server = DemoOrgServer(
        folder,
        port=args.port,
        scenario=args.scenario,
        records=args.records,
        reset=args.reset,
        log_requests=True,
        announce=True,
    )
    try:
        endpoint = server.start()
    except PortInUseError as error:
        print(f"demo-org serve: {error.strerror}", file=sys.stderr)
        return 1
    except DemoOrgBusyError as error:
        print(
            f"demo-org serve: {error.strerror}. Stop it first (Ctrl+C where it runs), or give "
            "this one a folder of its own (NAVSYNC_HOME).",
            file=sys.stderr,
        )
        return 1
    scenario = server.store.scenario
    print(f"Demo org ({scenario.name}) serving at {endpoint.instance_url}")
    print(f"CA certificate: {endpoint.ca_cert}")
    print(f"Browser pages (login, front door): {endpoint.browser_url}")
    print(f"Log in as {scenario.login_username} with password {DEMO_PASSWORD}")
    if server.store.reseeded_from is not None:
        print(
            f"The org was seeded anew (before: scenario {server.store.reseeded_from}), so the "
            "logins to it are gone: connect NavSync Desktop to the demo org again "
            "(navsync-desktop connect --demo, or Reconnect on the Connect to CRM page)."
        )
    print("Press Ctrl+C to stop.", flush=True)
    try:
        _wait_for_interrupt()
    finally:
        server.stop()
    return 0


def _wait_for_interrupt() -> None:
    stopped = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        # Short waits keep Ctrl+C responsive on Windows, where Event.wait blocks signals.
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
