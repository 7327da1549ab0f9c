"""How long the support bundle's masking takes on a big store: learning the personal values of
N people (name, email, profile URL) and scrubbing the log's lines, each naming one of them.

    .venv/bin/python benchmarks/bench_bundle_redact.py [--people N] [--lines N]
"""

from __future__ import annotations

import argparse
import random
import string
import time

from navsync_desktop.engine.bundle_redact import Redactor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--lines", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(7)).title()

    people = [
        {
            "person_name": f"{word()} {word()}",
            "person_email": f"{word().lower()}@{word().lower()}.example",
            "person_url": f"https://www.linkedin.com/in/{word().lower()}",
        }
        for _ in range(args.people)
    ]
    lines = [
        f"2026-11-27 08:00:00,123 INFO navsync_desktop.engine.writeback [worker] item {n}: "
        f"{people[n % args.people]['person_name']} <{people[n % args.people]['person_email']}>"
        for n in range(args.lines)
    ]
    redactor = Redactor(include_personal_data=False)
    started = time.perf_counter()
    redactor.learn({"people": people})
    learned = time.perf_counter()
    scrubbed = [redactor.scrub(line) for line in lines]
    done = time.perf_counter()
    assert not any(people[0]["person_name"] in line for line in scrubbed)
    print(f"{args.people:,} people learned in {learned - started:.2f} s")
    print(f"{args.lines:,} log lines scrubbed in {done - learned:.2f} s (automaton built on first)")


if __name__ == "__main__":
    main()
