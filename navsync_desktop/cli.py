"""The command line: the GUI by default, and headless commands on the same engine.

Every command exits 0 on success; otherwise it prints one line saying why on
stderr and exits non-zero. ``--json`` prints exactly one JSON document on stdout.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from navsync_desktop import (
    __version__,
    cli_crm,
    cli_support,
    cli_tour,
    cli_types,
    cli_writeback,
    paths,
)
from navsync_desktop.cli_common import (
    CommandError,
    connection_manager,
    demo_org_launcher,
    open_store,
    print_json,
    store_to_look_at,
)
from navsync_desktop.credentials import CredentialsError
from navsync_desktop.demo_org import cli as demo_org_cli  # the parser only: its server loads lazily
from navsync_desktop.engine import crm_settings, doctor, prerequisites, settings_catalog
from navsync_desktop.engine.activities import ActivityError
from navsync_desktop.engine.checks import CheckResult, Status, worst
from navsync_desktop.engine.connection_state import ConnectionFailed
from navsync_desktop.engine.seats import SeatError
from navsync_desktop.engine.settings_catalog import SettingError
from navsync_desktop.engine.status import read_status
from navsync_desktop.logs import setup_logging
from navsync_desktop.salesforce.errors import SalesforceError
from navsync_desktop.salesforce.login_hosts import PRODUCTION_LOGIN_URL
from navsync_desktop.salesforce.oauth import DEFAULT_REDIRECT_PORT, DEFAULT_TIMEOUT_S
from navsync_desktop.store import StoreError
from navsync_desktop.store.connection import ConnectionState

log = logging.getLogger(__name__)

# Errors whose message says what went wrong and what to do: one line, no traceback.
USER_ERRORS = (
    StoreError,
    CredentialsError,
    ConnectionFailed,
    SalesforceError,
    SeatError,
    SettingError,
    ActivityError,
    paths.DataFolderError,
)
STATUS_MARK = {Status.PASS: "ok  ", Status.WARN: "warn", Status.FAIL: "FAIL"}


class _Parser(argparse.ArgumentParser):
    """Refuses bad arguments in one line (argparse would print the whole usage first)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="navsync-desktop",
        description="Sales Navigator CRM sync and activity write-back to Salesforce. "
        "Without a command, opens the setup wizard (or the main window once set up).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="use the embedded demo org")
    parser.add_argument(
        "--demo-port",
        type=cli_types.port,
        metavar="P",
        help="port of the demo org when NavSync Desktop starts it (default 18443)",
    )
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
    add_connection_commands(commands)

    check_parser = commands.add_parser("check", help="prerequisites and org readiness")
    check_parser.add_argument("--json", action="store_true", help="print JSON")
    _add_demo_port(check_parser)
    check_parser.set_defaults(handler=cmd_check)

    settings_parser = commands.add_parser("settings", help="show or change settings")
    settings_commands = settings_parser.add_subparsers(dest="settings_command", required=True)
    show_parser = settings_commands.add_parser("show", help="print every setting")
    show_parser.add_argument("--json", action="store_true", help="print JSON")
    set_parser = settings_commands.add_parser(
        "set", help=f"change a setting ({', '.join(sorted(settings_catalog.SETTINGS))})"
    )
    set_parser.add_argument("key")
    set_parser.add_argument("value")
    settings_parser.set_defaults(handler=cmd_settings)
    cli_crm.add_commands(commands)
    cli_writeback.add_commands(commands)
    cli_support.add_commands(commands)
    cli_tour.add_command(commands)

    demo_org_parser = commands.add_parser("demo-org", help="the embedded demo org")
    demo_org_cli.add_subcommands(
        demo_org_parser, port_type=cli_types.port, count_type=cli_types.positive_int
    )
    demo_org_parser.set_defaults(handler=cmd_demo_org)
    return parser


def _add_demo_port(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: absent here, the top-level `--demo-port P check` still counts
    parser.add_argument(
        "--demo-port",
        type=cli_types.port,
        default=argparse.SUPPRESS,
        metavar="P",
        help="port of the demo org when NavSync Desktop starts it (default 18443)",
    )


def add_connection_commands(commands) -> None:
    connect_parser = commands.add_parser("connect", help="connect to Salesforce (browser login)")
    target = connect_parser.add_mutually_exclusive_group()
    # SUPPRESS: an absent --demo here must not undo the top-level `--demo connect`
    target.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="the embedded demo org"
    )
    target.add_argument(
        "--login-url",
        default=PRODUCTION_LOGIN_URL,
        metavar="URL",
        help="https://login.salesforce.com (default) or your My Domain URL",
    )
    connect_parser.add_argument(
        "--client-id", metavar="ID", help="consumer key of your org's connected app"
    )
    connect_parser.add_argument(
        "--port",
        type=cli_types.port,
        default=DEFAULT_REDIRECT_PORT,
        metavar="P",
        help="loopback port of the redirect URI http://localhost:P/OauthRedirect "
        f"(default {DEFAULT_REDIRECT_PORT})",
    )
    connect_parser.add_argument(
        "--no-browser", action="store_true", help="only print the login link"
    )
    connect_parser.add_argument(
        "--timeout",
        type=cli_types.positive_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"seconds to wait for the login (default {DEFAULT_TIMEOUT_S:.0f})",
    )
    connect_parser.add_argument(
        "--another-user",
        action="store_true",
        help="show Salesforce's login form even when the browser is logged in already",
    )
    connect_parser.add_argument(
        "--replace-data",
        action="store_true",
        help="when logging in to another org, replace the local data of the previous one",
    )
    _add_demo_port(connect_parser)
    connect_parser.set_defaults(handler=cmd_connect)

    disconnect_parser = commands.add_parser(
        "disconnect", help="revoke the Salesforce token and forget it"
    )
    disconnect_parser.add_argument(
        "--purge", action="store_true", help="also delete the local data"
    )
    disconnect_parser.set_defaults(handler=cmd_disconnect)


def cmd_doctor(args: argparse.Namespace) -> int:
    results = doctor.run_doctor()
    overall = worst(results)
    if args.json:
        print_json({"status": overall.value, "checks": [r.to_json() for r in results]})
    else:
        print_checks(results)
    return 1 if overall is Status.FAIL else 0


def cmd_status(args: argparse.Namespace) -> int:
    status = read_status(paths.store_path())
    if args.json:
        print_json(status.to_json())
        return 0
    print(status.headline())
    if status.connection.org_id:
        connection = status.connection
        org = (
            f"{connection.org_name} ({connection.org_id})"
            if connection.org_name
            else (connection.org_id)
        )
        print(f"Org: {org}" + (f" as {connection.username}" if connection.username else ""))
        print(f"Instance: {connection.instance_url}")
    for name, count in status.counts.items():
        print(f"{name}: {count:,}")
    return 0


def cmd_connect(args: argparse.Namespace) -> int:
    def show_link(url: str) -> None:
        print(
            "Log in to Salesforce in your browser. If no browser opens, copy this link into one "
            "(a private window avoids clashes with other Salesforce logins):"
        )
        print(url)
        print(f"Waiting up to {args.timeout:.0f} s for the login…", flush=True)

    with (
        demo_org_launcher(args) as demo_org,
        open_store() as store,
        connection_manager(store, demo_org) as manager,
    ):
        record = manager.connect(
            demo=args.demo,
            login_url=args.login_url,
            client_id=args.client_id,
            port=args.port,
            timeout=args.timeout,
            open_browser=not args.no_browser,
            replace_data=args.replace_data,
            as_another_user=args.another_user,
            on_authorization_url=show_link,
        )
    if record.org_name:
        print(f"Connected to Salesforce: {record.org_name} ({record.org_id})")
    else:  # the Organization could not be read (e.g. no API access): say only what is known
        print(f"Connected to Salesforce org {record.org_id}")
    print(f"User: {record.username}")
    print(f"Instance: {record.instance_url}" + (" (demo org)" if record.is_demo else ""))
    return 0


def cmd_disconnect(args: argparse.Namespace) -> int:
    with (
        demo_org_launcher(args) as demo_org,
        open_store() as store,
        connection_manager(store, demo_org) as manager,
    ):
        record = manager.record()
        revoked = manager.disconnect(purge=args.purge)
    if record.state is not ConnectionState.DISCONNECTED and not revoked:
        print(
            "Warning: Salesforce did not confirm revoking the token; it was removed here. "
            "An admin can revoke it in Setup (Connected Apps OAuth Usage).",
            file=sys.stderr,
        )
    kept = "Local data deleted." if args.purge else "Local data kept."
    print(f"Disconnected from Salesforce. {kept}")
    return 0


def cmd_demo_org(args: argparse.Namespace) -> int:
    return demo_org_cli.run(args, paths.demo_org_dir(), on_reseeded=_forget_demo_connection)


def _forget_demo_connection() -> None:
    """`demo-org serve --reset` is a demo reset: once the org serves seeded anew (by the demo
    org's own command), the demo login leaves the keyring and the local data is cleared."""
    from navsync_desktop.engine.demo_reset import DemoResetRefused, forget_demo_connection

    try:
        # no demo org handed in: the old grant dies with the reseed, nothing to revoke
        with open_store() as store, connection_manager(store, None) as manager:
            if forget_demo_connection(manager):
                print("Local data cleared and the demo login removed from the keyring.")
            else:
                print("The local data belongs to a Salesforce org, not to the demo: kept.")
    except (DemoResetRefused, StoreError, CredentialsError) as error:
        print(f"Local data not cleared: {error}", file=sys.stderr)


def print_checks(results: list[CheckResult]) -> None:
    for result in results:
        print(f"[{STATUS_MARK[result.status]}] {result.title}: {result.finding}")
        if result.cli_fix and result.status is not Status.PASS:
            print(f"       fix: {result.cli_fix}")


def cmd_check(args: argparse.Namespace) -> int:
    from navsync_desktop.engine import bundle_collect, readiness  # loads the Salesforce client
    from navsync_desktop.engine.connection_state import NotConnected, not_connected_text
    from navsync_desktop.salesforce.errors import ReconnectRequired

    with (
        demo_org_launcher(args) as demo_org,
        store_to_look_at() as (store, read_only),
        connection_manager(store, demo_org, read_only=read_only) as manager,
    ):
        local = prerequisites.local_checks(*prerequisites.declared_contract_and_seat(store))
        try:
            with manager.open_session() as session:
                org = readiness.org_checks(session)
            bundle_collect.remember_checks(org)  # the last known, for a support bundle
        except (NotConnected, ReconnectRequired):
            # the same answer whether this run or an earlier one found the refusal
            record = manager.record()
            refused = record.state is ConnectionState.RECONNECT_REQUIRED
            org = [readiness.not_connected(not_connected_text(record) if refused else None)]
    overall = worst(local + org)
    if args.json:
        print_json(
            {
                "status": overall.value,
                "prerequisites": [result.to_json() for result in local],
                "org": [result.to_json() for result in org],
            }
        )
    else:
        print("Prerequisites")
        print_checks(local)
        print("Org readiness")
        print_checks(org)
    return 1 if overall is Status.FAIL else 0


def cmd_settings(args: argparse.Namespace) -> int:
    if args.settings_command == "set":
        with open_store() as store:
            with demo_org_launcher() as demo_org, connection_manager(store, demo_org) as manager:

                def offered() -> crm_settings.CrmChoices:
                    live = manager.state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)
                    return crm_settings.choices(store, manager.open_session if live else None)

                settings_catalog.change(store, args.key, args.value, offered)
            if args.key in (crm_settings.AUTO_SYNC_ALL_SEATS, crm_settings.PIPELINE_STAGE):
                from navsync_desktop.engine import autosave

                autosave.recompute(store)
        return 0
    with store_to_look_at() as (store, _read_only):
        current = settings_catalog.show(store)
    if args.json:
        print_json(current)
    else:
        for key, value in current.items():
            shown = {None: "(not set)", True: "yes", False: "no"}.get(value, value)
            print(f"{key} = {shown}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.probe_qt_platform:
        from navsync_desktop.gui.app import probe_platform

        return probe_platform()
    name = f"navsync-desktop {args.command}" if args.command else "navsync-desktop"
    try:
        own_home = getattr(args, "own_home", False)  # the tour keeps all in a folder of its own
        if args.command != "doctor" and not own_home:  # doctor reports an unusable folder
            paths.require_writable(paths.data_dir())
        if not own_home:
            setup_logging()
        if args.command is None:
            from navsync_desktop.gui.app import run_gui

            return run_gui(demo=args.demo, lang=args.lang, screenshot=args.screenshot)
        return args.handler(args)
    except (CommandError, *USER_ERRORS) as error:
        print(f"{name}: {error}", file=sys.stderr)
        if args.command is None and args.screenshot is None:
            from navsync_desktop.gui.app import show_startup_error

            show_startup_error(error, lang=args.lang)
        return 1
    except KeyboardInterrupt:
        print(f"{name}: interrupted", file=sys.stderr)
        return 130
