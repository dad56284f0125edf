# SPDX-License-Identifier: MIT
"""Helpers shared by the generator tests (meson suite `gen`).

Every test script runs standalone too:
    /usr/bin/python3 -B -W error tests/gen/test_<name>.py
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
HERE = SRC / "tests" / "gen"
FIXTURES = HERE / "fixtures"
GENERATE = SRC / "gen" / "generate.py"
REGISTRY = SRC / "registry" / "msrs.toml"
DEVIATIONS = SRC / "registry" / "deviations.toml"
CHECKS = SRC / "runtime" / "common" / "checks.def"
OK_SMALL = HERE / "ok_small"
OUTPUTS = ("msr_table.h", "msr_table.c", "msr_plans.c", "deviations.c")


def run_generator(command: str, *args: str | os.PathLike[str], cwd: Path | None = None,
                  env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run gen/generate.py COMMAND ARGS --root SRC the way meson does."""
    argv = [sys.executable, "-B", "-W", "error", str(GENERATE), command,
            *(str(a) for a in args), "--root", str(SRC)]
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=120, check=False)


def run_generator_in_process(command: str, *args: str | os.PathLike[str]
                             ) -> subprocess.CompletedProcess[str]:
    """gen/generate.py COMMAND ARGS --root SRC, called in this process.

    Much faster than a new interpreter per case; an exception the
    generator lets escape (a traceback) fails the calling test.
    """
    import io
    import_msrgen()
    from msrgen.cli import main  # pylint: disable=import-outside-toplevel
    out, err = io.StringIO(), io.StringIO()
    argv = [command, *(str(a) for a in args), "--root", str(SRC)]
    try:
        code = main(argv, out, err)
    except SystemExit as e:  # argparse: usage errors
        code = e.code if isinstance(e.code, int) else 2
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def inputs(registry: Path = REGISTRY, deviations: Path = DEVIATIONS,
           checks: Path = CHECKS) -> list[str]:
    """The --registry/--deviations/--checks arguments."""
    return ["--registry", str(registry), "--deviations", str(deviations), "--checks", str(checks)]


def rel(path: Path) -> str:
    """A path as the generator prints it (relative to the source root)."""
    return Path(os.path.relpath(path.resolve(), SRC)).as_posix()


def import_msrgen() -> None:
    """Make `import msrgen` work in-process."""
    gen = str(SRC / "gen")
    if gen not in sys.path:
        sys.path.insert(0, gen)
