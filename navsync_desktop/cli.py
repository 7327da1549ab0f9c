"""The command line: the GUI by default, and headless commands on the same engine.

Every command exits 0 on success; otherwise it prints one line saying why on
stderr and exits non-zero. ``--json`` prints exactly one JSON document on stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from navsync_desktop import __version__, paths
from navsync_desktop.engine import doctor
from navsync_desktop.engine.checks import Status, worst
from navsync_desktop.engine.status import read_status
from navsync_desktop.logs import setup_logging
from navsync_desktop.store import StoreError

log = logging.getLogger(__name__)

STATUS_MARK = {Status.PASS: "ok  ", Status.WARN: "warn", Status.FAIL: "FAIL"}


class CommandError(Exception):
    """A command failed for a reason the user can act on (one line)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="navsync-desktop",
        description="Sales Navigator CRM sync and activity write-back to Salesforce. "
        "Without a command, opens the setup wizard (or the main window once set up).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="use the embedded demo org")
    parser.add_argument("--lang", choices=["en", "de"], help="user interface language")
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="render the window to a PNG file and exit"
    )
    parser.add_argument(doctor.QT_PROBE_FLAG, action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    doctor_parser = commands.add_parser("doctor", help="check this machine's environment")
    doctor_parser.add_argument("--json", action="store_true", help="print JSON")
    doctor_parser.set_defaults(handler=cmd_doctor)

    status_parser = commands.add_parser("status", help="connection state, last synced, counts")
    status_parser.add_argument("--json", action="store_true", help="print JSON")
    status_parser.set_defaults(handler=cmd_status)
    return parser


def print_json(document: object) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def cmd_doctor(args: argparse.Namespace) -> int:
    results = doctor.run_doctor()
    overall = worst(results)
    if args.json:
        print_json({"status": overall.value, "checks": [r.to_json() for r in results]})
    else:
        for result in results:
            print(f"[{STATUS_MARK[result.status]}] {result.title}: {result.finding}")
            if result.fix:
                print(f"       fix: {result.fix}")
    return 1 if overall is Status.FAIL else 0


def cmd_status(args: argparse.Namespace) -> int:
    status = read_status(paths.store_path())
    if args.json:
        print_json(status.to_json())
        return 0
    print(status.headline())
    if status.connection.org_id:
        connection = status.connection
        print(f"Org: {connection.org_name} ({connection.org_id}) as {connection.username}")
        print(f"Instance: {connection.instance_url}")
    for name, count in status.counts.items():
        print(f"{name}: {count}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.probe_qt_platform:
        return doctor.probe_qt_platform()
    setup_logging()
    if args.command is None:
        from navsync_desktop.gui.app import run_gui

        return run_gui(demo=args.demo, lang=args.lang, screenshot=args.screenshot)
    try:
        return args.handler(args)
    except (CommandError, StoreError) as error:
        print(f"navsync-desktop {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"navsync-desktop {args.command}: interrupted", file=sys.stderr)
        return 130
