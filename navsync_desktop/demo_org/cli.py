"""`demo-org serve` and `demo-org scenarios`, hooked into the main command line by the caller."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .faults import DEFAULT_KINDS, FaultKind
from .launcher import DEFAULT_PORT
from .scenarios import DEFAULT_SCENARIO, DEMO_PASSWORD, SCENARIOS

ArgumentType = Callable[[str], int]


def _share(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text}")
    return value


def _fault_kinds(text: str) -> tuple[FaultKind, ...]:
    try:
        return tuple(FaultKind(name.strip()) for name in text.split(",") if name.strip())
    except ValueError:
        known = ", ".join(kind.value for kind in FaultKind)
        message = f"unknown fault kind in {text!r}; known: {known}"
        raise argparse.ArgumentTypeError(message) from None


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
    situation = serve.add_mutually_exclusive_group()
    situation.add_argument(
        "--scenario",
        choices=sorted(SCENARIOS),
        help=f"reseed the org as this scenario (default: as seeded, first time {DEFAULT_SCENARIO})",
    )
    situation.add_argument(
        "--from-bundle",
        type=Path,
        metavar="ZIP",
        help="reseed the org in the situation of a customer's support bundle",
    )
    serve.add_argument("--records", type=count_type, metavar="N", help="reseed with N contacts")
    serve.add_argument(
        "--reset", action="store_true", help="throw away the org's data and grants, seed anew"
    )
    serve.add_argument(
        "--faults",
        type=_share,
        metavar="RATE",
        help="share of API requests that meet a fault (default: 0.2 with --scenario flaky, else 0)",
    )
    serve.add_argument("--fault-seed", type=int, default=0, metavar="N", help="seed of the faults")
    serve.add_argument(
        "--fault-kinds",
        type=_fault_kinds,
        metavar="K,K",
        help=f"which faults (default: {','.join(kind.value for kind in DEFAULT_KINDS)}; "
        f"{FaultKind.LOST_WRITE_ANSWER.value} and {FaultKind.ROW_LOCK.value} only when named)",
    )
    commands.add_parser("scenarios", help="list the scenarios, one line each")


def run(
    args: argparse.Namespace, folder: Path, *, on_reseeded: Callable[[], None] | None = None
) -> int:
    """Run the parsed `demo-org` command on the demo org kept in ``folder``;
    ``on_reseeded`` is called once a reset org serves (the app clears its demo data then)."""
    if args.demo_org_command == "scenarios":
        return _list_scenarios()
    return _serve(args, Path(folder), on_reseeded)


def _list_scenarios() -> int:
    width = max(map(len, SCENARIOS))
    for name, scenario in SCENARIOS.items():
        marker = " (default)" if name == DEFAULT_SCENARIO else ""
        print(f"{name:<{width}}  {scenario.summary}{marker}")
    return 0


def _serve(args: argparse.Namespace, folder: Path, on_reseeded: Callable[[], None] | None) -> int:
    from .runtime import DemoOrgBusyError, DemoOrgServer  # the server loads only to serve
    from .server import PortInUseError

    scenario, reset = args.scenario, args.reset
    if args.from_bundle is not None:
        from .bundle_scenario import BundleUnreadable, replay_from_bundle

        try:
            replay = replay_from_bundle(args.from_bundle)
        except BundleUnreadable as error:
            print(f"demo-org serve: {error}", file=sys.stderr)
            return 1
        scenario, reset = replay.scenario, True
        for what in replay.not_reproduced:
            print(f"Not reproduced: {what}")
    server = DemoOrgServer(
        folder,
        port=args.port,
        scenario=scenario,
        records=args.records,
        reset=reset,
        log_requests=True,
        announce=True,
        faults=args.faults,
        fault_seed=args.fault_seed,
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
    if args.fault_kinds and server.fault_plan:
        server.inject_faults(replace(server.fault_plan, kinds=args.fault_kinds))
    scenario = server.store.scenario
    print(f"Demo org ({scenario.name}) serving at {endpoint.instance_url}")
    if server.fault_plan:
        plan = server.fault_plan
        kinds = ", ".join(kind.value for kind in plan.kinds)
        print(f"Faults: {plan.rate:.0%} of API requests (seed {plan.seed}): {kinds}")
    print(f"CA certificate: {endpoint.ca_cert}")
    print(f"Browser pages (login, front door): {endpoint.browser_url}")
    print(f"Log in as {scenario.login_username} with password {DEMO_PASSWORD}")
    if server.store.reseeded_from is not None:
        print(
            f"The org was seeded anew (before: scenario {server.store.reseeded_from}), so the "
            "logins to it are gone: connect NavSync Desktop to the demo org again "
            "(navsync-desktop connect --demo, or Reconnect on the Connect to CRM page)."
        )
    if args.reset and on_reseeded is not None:
        on_reseeded()
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
