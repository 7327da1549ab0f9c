"""How long `navsync-desktop status` takes from start to exit, and what it imports.

Runs `status` in a fresh process a number of times against an empty NAVSYNC_HOME (one warm-up
run first, which creates the store) and prints the median, the fastest and the slowest run, and
the time the import of navsync_desktop.cli takes (python -X importtime).

    .venv/bin/python benchmarks/bench_cli_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

STATUS = [sys.executable, "-m", "navsync_desktop", "status"]


def run_once(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(STATUS, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def cli_import_ms(env: dict[str, str]) -> float:
    """Cumulative import time of navsync_desktop.cli in ms, as -X importtime reports it."""
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import navsync_desktop.cli"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    for line in probe.stderr.splitlines():
        if line.rstrip().endswith("| navsync_desktop.cli"):
            return int(line.split("|")[1]) / 1000
    raise RuntimeError("navsync_desktop.cli not in the import times")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "NAVSYNC_HOME": home}
        run_once(env)  # creates the store and warms the file cache
        runs = [run_once(env) for _ in range(args.runs)]
        imports = cli_import_ms(env)
    print(
        f"status: median {statistics.median(runs):.3f} s, fastest {min(runs):.3f} s, "
        f"slowest {max(runs):.3f} s over {len(runs)} runs"
    )
    print(f"import navsync_desktop.cli: {imports:.0f} ms")


if __name__ == "__main__":
    main()
