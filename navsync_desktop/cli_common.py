"""What every command shares: one JSON document on stdout, one-line errors, the store, the
connection and the demo org (started only when a command needs it)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext

from navsync_desktop import paths
from navsync_desktop.demo_org.launcher import DemoOrgLauncher
from navsync_desktop.engine.settings_catalog import DEMO_PORT_SETTING
from navsync_desktop.store import Store, StoreCorruptError, StoreLockedError, settings

INTERRUPTED_EXIT = 130


class CommandError(Exception):
    """A command failed for a reason the user can act on (one line)."""


def print_json(document: object) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def open_store() -> Store:
    """The store for a command that writes; a damaged file is moved aside (said on stderr)
    and the command goes on with a new, empty store."""
    try:
        return Store.open(paths.store_path())
    except StoreCorruptError as error:
        print(f"navsync-desktop: {error}", file=sys.stderr)
        return Store.open(paths.store_path())


@contextmanager
def store_to_look_at() -> Iterator[tuple[Store, bool]]:
    """The store for a command that only reads: the program's own when nobody else has it,
    otherwise (the program runs) read-only. Yields (store, read_only)."""
    try:
        store, read_only = open_store(), False
    except StoreLockedError:
        store, read_only = Store.open_readonly(paths.store_path()), True
    with store:
        yield store, read_only


def connection_manager(store: Store, demo_org: DemoOrgLauncher, *, read_only: bool = False):
    """The engine's ConnectionManager, imported here: it loads the Salesforce client, which
    `status` and `doctor` do without."""
    from navsync_desktop.engine.connection import ConnectionManager

    return ConnectionManager(store, demo_org=demo_org, read_only=read_only)


def demo_org_launcher(args: argparse.Namespace | None = None) -> DemoOrgLauncher:
    """Starts the demo org only if the command turns out to need it: on --demo-port, or on
    the port chosen in the program (setting demo.port), or the default."""

    def port() -> int | None:
        if getattr(args, "demo_port", None):
            return args.demo_port
        with Store.open_readonly(paths.store_path()) or nullcontext() as store:
            return settings.get(store, DEMO_PORT_SETTING) if store else None

    return DemoOrgLauncher(paths.demo_org_dir, port=port)


class ProgressLine:
    """One line on the terminal, rewritten in place."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self._shown = False

    def __call__(self, event) -> None:
        """``event``: anything whose ``describe()`` says where a job stands."""
        self._stream.write(f"\r\x1b[K{event.describe()}")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


@contextmanager
def ctrl_c_cancels(cancel: threading.Event):
    """The first Ctrl+C asks the job (a sync, a write-back) to stop; the second one
    interrupts."""

    def on_interrupt(_signal, _frame) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_with_progress(job: Callable) -> tuple[object, bool]:
    """Run ``job(store, manager, progress, cancel)`` on the connected org with a progress line
    on a terminal and Ctrl+C as Cancel; returns its result and whether it was cancelled."""
    cancel = threading.Event()
    line = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        with (
            ctrl_c_cancels(cancel),
            demo_org_launcher() as demo_org,
            open_store() as store,
            connection_manager(store, demo_org) as manager,
        ):
            return job(store, manager, line, cancel), cancel.is_set()
    finally:
        if line is not None:
            line.close()
