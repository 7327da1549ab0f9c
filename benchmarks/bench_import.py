"""The import of a large LinkedIn `messages.csv` (100,000 rows by default).

Writes a realistic export (the export's columns, CRLF, quoted multi-line content, umlauts and
emojis, one-to-one and group conversations, InMails with subjects) for a seat holder talking
with 5,000 people, then runs `navsync-desktop import-linkedin FILE --seat EMAIL --json` in a
child process of a fresh NAVSYNC_HOME and reports its seconds (start to exit) and peak RSS
(from wait4). With write-back on (the default here) the new activities are matched and queued
in the same command; `--writeback-off` measures the import alone.

    .venv/bin/python benchmarks/bench_import.py [--rows N] [--writeback-off]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from linkedin_export import Member, conversations, write  # the tests' writer

CLI = [sys.executable, "-m", "navsync_desktop"]
SEAT_EMAIL = "lena.hoffmann@northwind-demo.example"
SEAT = Member("Lena Hoffmann", "https://www.linkedin.com/in/lena-hoffmann-northwind/")


def run(env: dict, *args: str) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB, stdout) of one command in a child process."""
    started = time.perf_counter()
    process = subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return seconds, usage.ru_maxrss // 1024, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--writeback-off", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = {**os.environ, "NAVSYNC_HOME": str(home / "home")}
        people = [
            Member(f"Person{n} Müller-Łukasiewicz", f"https://www.linkedin.com/in/person-{n:05d}")
            for n in range(5_000)
        ]
        path = write(home / "messages.csv", conversations(SEAT, people, count=args.rows, seed=7))
        size_mb = path.stat().st_size / 1e6
        run(
            env,
            "seats",
            "add",
            "--email",
            SEAT_EMAIL,
            "--name",
            SEAT.name,
            "--profile-url",
            SEAT.url,
        )
        if not args.writeback_off:
            run(env, "settings", "set", "writeback.enabled", "yes")
        seconds, rss, output = run(
            env, "import-linkedin", str(path), "--seat", SEAT_EMAIL, "--json"
        )
        result = json.loads(output)
        again, again_rss, second = run(
            env, "import-linkedin", str(path), "--seat", SEAT_EMAIL, "--json"
        )
    print(f"messages.csv: {args.rows:,} rows, {size_mb:.1f} MB")
    print(
        f"import ({'write-back off' if args.writeback_off else 'write-back on: matched, queued'}):"
        f" {seconds:.2f} s, peak RSS {rss} MB, {result['added']:,} activities added"
        f" ({result['queued']:,} queued, {result['unresolved']:,} unresolved)"
    )
    print(
        f"the same file again: {again:.2f} s, peak RSS {again_rss} MB, "
        f"{json.loads(second)['added']:,} added"
    )


if __name__ == "__main__":
    main()
