# SPDX-License-Identifier: MIT
"""oracle-diff: rules.c (through oracle_dump) says what spec.py says.

Usage: oracle_diff.py ORACLE_DUMP [--registry registry/msrs.toml]

Exit 0 if the two canonical texts are identical; else 1, after printing the
first differing scenarios as unified diffs (spec.py's text is the "want").
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import oracle_text
import spec


def main() -> int:
    """Compare and report."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("oracle_dump", help="the oracle_dump executable")
    p.add_argument("--registry", type=Path, default=spec.SRC / "registry" / "msrs.toml")
    p.add_argument("--limit", type=int, default=5, help="differing scenarios to show")
    args = p.parse_args()

    want = spec.render(spec.load_registry(args.registry))
    got = oracle_text.run_dump([args.oracle_dump])
    bad, report = oracle_text.compare(got, want, "rules.c", "spec.py", args.limit)
    total = sum(1 for line in want.splitlines() if line.startswith("scenario "))
    if bad:
        print(report)
        print(f"oracle-diff: {bad} of {total} scenarios (or the preamble) differ "
              "between rules.c and spec.py")
        return 1
    print(f"oracle-diff: rules.c and spec.py agree on all {total} scenarios")
    return 0


if __name__ == "__main__":
    sys.exit(main())
