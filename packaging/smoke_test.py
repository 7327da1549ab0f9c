"""The frozen build's smoke test: the whole job, run with the program it is given.

    python packaging/smoke_test.py --home build/smoke-home dist/navsync-desktop/navsync-desktop

In a fresh NAVSYNC_HOME (deleted first) with the demo's file keyring, offscreen: `--version`,
the data files of a frozen build, `doctor`, a German and an English screenshot, the demo org
served in the background, `connect --demo --no-browser` with this script playing the user's
browser, `sync`, `seats add`, `import-linkedin` of a small messages.csv for that seat,
`writeback`, `test-writeback` and `test-writeback --cleanup`, then a `support-bundle`. Each
step is judged by its exit code and its JSON; the first failure ends the run with exit code 1.

Only the standard library: the program under test brings everything else itself. The tests
run the same script against the source program (`python -m navsync_desktop`), so it stays
true to the commands it calls.
"""

from __future__ import annotations

import argparse
import base64
import configparser
import csv
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

DEMO_KEYRING = "navsync_desktop.demo_keyring.DemoFileKeyring"
SEAT_EMAIL = "lena.hoffmann@northwind-demo.example"  # a sales rep of the demo org
SEAT_NAME = "Lena Hoffmann"
SEAT_URL = "https://www.linkedin.com/in/lena-hoffmann-northwind/"
STEP_TIMEOUT_S = 300
# Doctor's checks that may warn here: the desktop libraries (a headless machine lacks some of
# the xcb plugin's); everything else must pass.
MAY_WARN = {"desktop_libraries"}


class SmokeFailure(Exception):
    pass


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Program:
    """The program under test, run as a user runs it, in the smoke test's environment."""

    def __init__(self, command: list[str], home: Path, *, os_keyring: bool = False) -> None:
        self.command = command
        self.home = home
        self.env = {
            **os.environ,
            "NAVSYNC_HOME": str(home),
            "PYTHON_KEYRING_BACKEND": DEMO_KEYRING,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONUNBUFFERED": "1",
        }
        if os_keyring:  # the backend keyring picks by itself, as for a real org
            del self.env["PYTHON_KEYRING_BACKEND"]

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - the program under test
            [*self.command, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT_S,
        )

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603 - the program under test
            [*self.command, *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def json(self, *args: str) -> dict:
        """``args --json``: exit code 0 and one JSON document on stdout."""
        result = self.run(*args, "--json")
        expect(
            result.returncode == 0,
            f"`{' '.join(args)}` exited {result.returncode}: {result.stderr.strip()}",
        )
        try:
            return json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise SmokeFailure(f"`{' '.join(args)}` printed no JSON: {error}") from None

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        expect(
            result.returncode == 0,
            f"`{' '.join(args)}` exited {result.returncode}: {result.stderr.strip()}",
        )
        return result.stdout


# The user's browser


class _FirstForm(HTMLParser):
    """What a browser submits from a page's first form when its "allow" button is pressed."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._open = False

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "form" and self.action is None:
            self.action, self._open = attributes.get("action") or "", True
            return
        name = attributes.get("name")
        if not (self._open and name):
            return
        if tag == "input":
            self.fields[name] = attributes.get("value") or ""
        elif tag == "button" and attributes.get("value") == "allow":
            self.fields[name] = "allow"

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self._open = False


def play_browser(link: str) -> str:
    """Opens the login link as the user's browser would: the demo org's login page (plain
    HTTP on loopback), submits its form as filled in, and follows the redirect to the
    program's loopback listener. Returns the listener's page."""
    browser = urllib.request.build_opener(
        urllib.request.ProxyHandler({}),  # loopback: never through a proxy
        urllib.request.HTTPCookieProcessor(),
    )
    expect(link.startswith("http://127.0.0.1:"), f"the login link is not on loopback: {link}")
    with browser.open(link, timeout=60) as page:
        form = _FirstForm()
        form.feed(page.read().decode("utf-8"))
        page_url = page.url
    expect(form.action is not None, "the login page has no form")
    body = urllib.parse.urlencode(form.fields).encode()
    # a browser names the page's origin when it posts a form
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(page_url))
    target = urllib.parse.urljoin(page_url, form.action)
    request = urllib.request.Request(target, data=body, headers={"Origin": origin})  # noqa: S310 - loopback only
    with browser.open(request, timeout=60) as landed:  # 302 to the listener, followed
        return landed.read().decode("utf-8")


# The steps


def step_version(program: Program, _state: dict) -> str:
    version = program.ok("--version").strip()
    name, _, number = version.partition(" ")
    expect(name == "navsync-desktop" and number[:1].isdigit(), f"--version printed {version!r}")
    return version


def step_doctor(program: Program, _state: dict) -> str:
    checks = program.json("doctor")["checks"]
    failing = [
        f"{check['id']}: {check['status']} ({check.get('detail')})"
        for check in checks
        if check["status"] != "pass" and not (check["id"] in MAY_WARN and check["status"] == "warn")
    ]
    expect(not failing, "doctor: " + "; ".join(failing))
    return f"{len(checks)} checks"


# What the program loads from files rather than imports: the translations (a program without
# them falls back to English without a word), the window icon, the demo org's SOQL grammar
# and its page templates.
DATA_FILES = ("navsync_de.qm", "qtbase_de.qm", "navsync-desktop.svg", "soql.lark", "login.html")


def step_data_files(program: Program, _state: dict) -> str:
    executable = Path(shutil.which(program.command[0]) or program.command[0]).resolve()
    if (executable.parent / "_internal").is_dir():  # PyInstaller's one-folder layout
        folder = executable.parent / "_internal"
    elif executable.parent.name == "MacOS":  # a macOS app bundle: look through Contents
        folder = executable.parent.parent
    else:
        return "not a frozen build: the source tree has them"
    missing = [name for name in DATA_FILES if next(folder.rglob(name), None) is None]
    expect(not missing, f"{folder} lacks {', '.join(missing)}")
    return f"{len(DATA_FILES)} kinds found in {folder.name}"


def screenshot(program: Program, language: str) -> bytes:
    picture = program.home / f"window-{language}.png"
    program.ok("--lang", language, "--screenshot", str(picture))
    data = picture.read_bytes() if picture.exists() else b""
    expect(data.startswith(b"\x89PNG\r\n\x1a\n"), f"no PNG written to {picture}")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    expect(width >= 400 and height >= 300, f"the {language} screenshot is {width}x{height}")
    return data


def step_screenshot(program: Program, _state: dict) -> str:
    german = screenshot(program, "de")
    # the same pixels would mean that no German reached the window, not even Qt's buttons
    expect(german != screenshot(program, "en"), "the German window looks like the English one")
    return f"German and English differ, {len(german):,} bytes"


def step_demo_org(program: Program, state: dict) -> str:
    port = free_port()
    server = program.start("demo-org", "serve", "--port", str(port))
    state["server"] = server
    lines = []
    for line in server.stdout:
        lines.append(line.rstrip())
        if line.startswith("Press Ctrl+C to stop."):
            break
    if server.poll() is not None:
        raise SmokeFailure(f"demo-org serve ended: {server.stderr.read().strip()}")
    # keep reading its output, so its pipe never fills up
    threading.Thread(target=server.stdout.read, daemon=True).start()
    threading.Thread(target=server.stderr.read, daemon=True).start()
    state["demo_port"] = port
    return lines[0]


def step_connect(program: Program, state: dict) -> str:
    process = program.start(
        "connect",
        "--demo",
        "--demo-port",
        str(state["demo_port"]),
        "--no-browser",
        "--port",
        str(free_port()),
        "--timeout",
        "120",
    )
    link = next((line.strip() for line in process.stdout if line.startswith("http")), None)
    try:
        if link is None:
            raise SmokeFailure(f"connect printed no link: {process.stderr.read().strip()}")
        page = play_browser(link)
        out, err = process.communicate(timeout=STEP_TIMEOUT_S)
    finally:
        if process.poll() is None:  # the login failed: connect would wait for its timeout
            process.kill()
            process.wait()
    expect(process.returncode == 0, f"connect exited {process.returncode}: {err.strip()}")
    expect("Connected to Salesforce" in page, "the listener's page does not say connected")
    status = program.json("status")
    expect(status["state"] == "connected", f"status after connect: {status['state']}")
    expect(status["connection"]["is_demo"] is True, "the connection is not the demo org's")
    return out.strip().splitlines()[-1]


def step_sync(program: Program, _state: dict) -> str:
    run = program.json("sync")
    expect(run["outcome"] == "succeeded", f"sync: {run['outcome']}: {run['error']}")
    contacts = run["objects"]["Contact"]["total"]
    expect(contacts > 0, "sync read no contacts")
    counts = program.json("status")["counts"]
    expect(counts["Contact"] == contacts, f"status counts {counts['Contact']} contacts")
    return f"{sum(o['read'] for o in run['objects'].values()):,} rows in {run['seconds']} s"


def step_seat(program: Program, _state: dict) -> str:
    seat_args = ("--email", SEAT_EMAIL, "--name", SEAT_NAME, "--profile-url", SEAT_URL)
    program.ok("seats", "add", *seat_args)
    program.ok("settings", "set", "writeback.enabled", "yes")
    seats = program.json("seats", "list")["seats"]
    seat = next((s for s in seats if s["email"] == SEAT_EMAIL), None)
    expect(seat is not None, f"seats list lacks {SEAT_EMAIL}")
    expect(seat["matched"], f"{SEAT_EMAIL} is not matched to a Salesforce User")
    lists = seat["saved_lists"]
    return (
        f"{SEAT_NAME}, User {seat['user']['id']}, saved lists: {lists['accounts']} accounts, "
        f"{lists['leads_and_contacts']} leads and contacts"
    )


def contacts_with_profiles(home: Path, count: int) -> list[tuple[str, str]]:
    """People to write to: synced contacts with a LinkedIn URL, read from the program's store
    (read-only) as the seat holder would know them from LinkedIn."""
    store = next(home.rglob("navsync.db"), None)
    expect(store is not None, f"no store under {home}")
    with sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True) as database:
        rows = database.execute(
            "SELECT first_name || ' ' || last_name, linkedin_profile_url FROM crm_contact "
            "WHERE linkedin_profile_url IS NOT NULL ORDER BY id LIMIT ?",
            (count,),
        ).fetchall()
    expect(len(rows) == count, f"the synced org has {len(rows)} contacts with a LinkedIn URL")
    return rows


def write_messages_csv(path: Path, people: list[tuple[str, str]]) -> dict:
    """A small messages.csv as LinkedIn's data export writes it (UTF-8 with BOM, CRLF, quoted
    fields with commas, quotes and line breaks): an InMail and its reply, a message, a group
    message, a sponsored InMail (skipped) and a "LinkedIn Member" without a URL (unresolved).
    Returns what the import should count."""
    seat = (SEAT_NAME, SEAT_URL)
    (first, first_url), (second, second_url), (third, third_url) = people
    header = [
        "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
        "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    ]  # fmt: skip

    def message(conversation, sender, recipients, date, content, subject=""):
        return [
            conversation, "", sender[0], sender[1], ",".join(r[0] for r in recipients),
            ",".join(r[1] for r in recipients), date, subject, content, "INBOX", "",
        ]  # fmt: skip

    rows = [
        message("2-c1", seat, [(first, first_url)], "2026-10-05 08:39:28 UTC",
                f"Hallo {first.split()[0]}, danke für das Gespräch – anbei die Unterlagen.",
                subject="Pilot Q1"),
        message("2-c1", (first, first_url), [seat], "2026-10-05 10:02:11 UTC",
                'Thanks, "Pilot Q1" sounds good,\r\nlet\'s talk on Tuesday 🙂',
                subject="Re: Pilot Q1"),
        message("2-c2", seat, [(second, second_url)], "2026-10-12 14:15:00 UTC",
                "Kurze Rückfrage zu Ihrer Bestellung, passt Donnerstag?"),
        message("2-c3", seat, [(second, second_url), (third, third_url)],
                "2026-10-20 09:00:00 UTC", "Hi both, kick-off on Monday?"),
        message("2-c4", ("Northwind Events", ""), [seat], "2026-10-21 07:00:00 UTC",
                "<p>Join our <b>webinar</b></p>", subject="Sponsored: Webinar"),
        message("2-c5", ("LinkedIn Member", ""), [seat], "2026-10-22 18:30:00 UTC",
                "Hello, are you the right person for logistics?"),
    ]  # fmt: skip
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    # one activity per counterpart (the group message has two), the skipped one included
    return {"rows": len(rows), "added": 7, "queued": 5, "unresolved": 1, "skipped": 1}


def step_import(program: Program, state: dict) -> str:
    path = program.home / "messages.csv"
    people = state["people"] = contacts_with_profiles(program.home, 3)
    expected = state["expected_import"] = write_messages_csv(path, people)
    imported = program.json("import-linkedin", str(path), "--seat", SEAT_EMAIL)
    for key, value in expected.items():
        expect(imported[key] == value, f"import-linkedin: {key} {imported[key]}, not {value}")
    return ", ".join(f"{key} {imported[key]}" for key in expected)


def step_writeback(program: Program, state: dict) -> str:
    result = program.json("writeback")
    queued = state["expected_import"]["queued"]
    expect(result["error"] is None, f"writeback: {result['error']}")
    expect(
        result["sent"] == queued and result["failed"] == 0 and result["queued"] == 0,
        f"writeback sent {result['sent']} of {queued}, {result['failed']} failed",
    )
    records = [item["record_id"] for item in result["items"] if item["state"] == "sent"]
    expect(len(records) == queued and all(records), "writeback: sent items without a record Id")
    return f"{result['sent']} sent in {result['api_requests']} API requests"


def step_test_writeback(program: Program, _state: dict) -> str:
    created = program.json("test-writeback")["records"]
    expect(created and created[0]["what"] == "Contact", "test-writeback made no test contact")
    expect(all(record["id"] for record in created), "test-writeback: a record without an Id")
    deleted = program.json("test-writeback", "--cleanup")["deleted"]
    expect(deleted >= len(created), f"test-writeback --cleanup deleted {deleted} records")
    return f"{len(created)} test records created, {deleted} deleted"


def stored_refresh_tokens(home: Path) -> list[str]:
    """The refresh tokens in the demo's file keyring (keyrings.alt keeps each entry as
    base64 text); none when the OS keyring holds them."""
    keyring_file = next(home.rglob("demo-keyring.cfg"), None)
    if keyring_file is None:
        return []
    entries = configparser.ConfigParser(interpolation=None)
    entries.read(keyring_file, encoding="utf-8")
    values = [value for section in entries.sections() for value in entries[section].values()]
    return [json.loads(base64.b64decode(value))["refresh_token"] for value in values]


def step_support_bundle(program: Program, state: dict) -> str:
    path = program.home / "support-bundle.zip"
    document = program.json("support-bundle", str(path))
    expect(document["personal_data_masked"] is True, "the bundle keeps personal data")
    with zipfile.ZipFile(path) as bundle:
        names = bundle.namelist()
        texts = [bundle.read(name).decode("utf-8", "replace") for name in names]
    expect(sorted(names) == sorted(document["files"]), f"the zip holds {names}")
    tokens = stored_refresh_tokens(program.home)
    secrets = [*tokens, SEAT_EMAIL, *(name for name, _ in state["people"])]
    shown = [value for value in secrets if any(value in text for text in texts)]
    expect(not shown, f"the bundle shows {len(shown)} secret or personal values unmasked")
    return f"{len(names)} files, none holds the {len(secrets)} values searched for"


STEPS: list[tuple[str, Callable[[Program, dict], str]]] = [
    ("--version", step_version),
    ("data files", step_data_files),
    ("doctor --json", step_doctor),
    ("--screenshot in German and English", step_screenshot),
    ("demo-org serve", step_demo_org),
    ("connect --demo --no-browser", step_connect),
    ("sync", step_sync),
    ("seats add, settings set writeback.enabled yes", step_seat),
    ("import-linkedin messages.csv", step_import),
    ("writeback", step_writeback),
    ("test-writeback, test-writeback --cleanup", step_test_writeback),
    ("support-bundle", step_support_bundle),
]


def stop_server(state: dict) -> None:
    server = state.get("server")
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)  # its Ctrl+C
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run(program: Program) -> int:
    state: dict = {}
    started = time.monotonic()
    try:
        for name, step in STEPS:
            began = time.monotonic()
            try:
                detail = step(program, state)
            except SmokeFailure as failure:
                print(f"FAIL {name}: {failure}", file=sys.stderr)
                return 1
            except (OSError, subprocess.SubprocessError, KeyError, TypeError) as error:
                # the browser's HTTP, a hung command, JSON without the documented keys
                print(f"FAIL {name}: {type(error).__name__}: {error}", file=sys.stderr)
                return 1
            print(f"ok   {name} ({time.monotonic() - began:.1f} s): {detail}", flush=True)
    finally:
        stop_server(state)
    print(f"smoke test passed in {time.monotonic() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="NAVSYNC_HOME, deleted first")
    parser.add_argument(
        "--os-keyring",
        action="store_true",
        help="use the OS keyring (an unlocked Secret Service on Linux), not the demo's file",
    )
    parser.add_argument("program", nargs=argparse.REMAINDER, help="the program's command line")
    args = parser.parse_args(argv)
    shutil.rmtree(args.home, ignore_errors=True)
    args.home.mkdir(parents=True)
    return run(Program(args.program, args.home.resolve(), os_keyring=args.os_keyring))


if __name__ == "__main__":
    raise SystemExit(main())
