#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Side-by-side wall time of two msrcheck builds, the way speed claims are
made: alternating runs (A, B, A, B, ...) so drift and noise hit both alike,
medians and quartiles, nothing asserted (it is read, not passed).

Usage: side_by_side.py [--runs N] [--warmup N] [--a-args ARGS] [--b-args ARGS]
                        A_BINARY B_BINARY [-- ARGS...]
ARGS after -- go to both; --a-args/--b-args (one string, split as a shell
would) to one only, e.g. entry patterns one build does not know.

Build the other commit in its own tree, for instance:
  git worktree add /tmp/old COMMIT && meson setup /tmp/old/build /tmp/old &&
  ninja -C /tmp/old/build msrcheck
  tests/bench/side_by_side.py /tmp/old/build/msrcheck build/msrcheck
Both run as they would by hand (readable report, output discarded); each
must exit 0 or 1 (1: a check failed, which still measures a whole run).
"""
import argparse
import shlex
import statistics
import subprocess
import sys
import time


def once(binary: str, args: list[str]) -> float:
    """Wall time of one run, in ms."""
    start = time.perf_counter()
    r = subprocess.run([binary, *args], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    if r.returncode not in (0, 1):
        sys.exit(f"{binary}: exit {r.returncode}")
    return elapsed


def summary(name: str, times: list[float]) -> str:
    q = statistics.quantiles(times, n=4)
    return (f"{name}: median {statistics.median(times):7.2f} ms  "
            f"(quartiles {q[0]:.2f} .. {q[2]:.2f}, min {min(times):.2f}, "
            f"{len(times)} runs)")


def main() -> int:
    argv = sys.argv[1:]
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=40)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--a-args", default="")
    p.add_argument("--b-args", default="")
    p.add_argument("a")
    p.add_argument("b")
    args = p.parse_args(argv)
    if args.runs < 4:
        p.error("--runs must be at least 4")
    a_args = shlex.split(args.a_args) + extra
    b_args = shlex.split(args.b_args) + extra
    for _ in range(args.warmup):
        once(args.a, a_args)
        once(args.b, b_args)
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(args.runs):
        ta.append(once(args.a, a_args))
        tb.append(once(args.b, b_args))
    print(summary("A " + args.a, ta))
    print(summary("B " + args.b, tb))
    print(f"B / A (medians): {statistics.median(tb) / statistics.median(ta):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
