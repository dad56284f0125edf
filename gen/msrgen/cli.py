"""Command line: render, check and lint.

    generate.py render --registry R --deviations D --checks C --outdir DIR [--root SRC]
    generate.py check  --registry R --deviations D --checks C --against DIR [--root SRC]
    generate.py lint   --registry R [--deviations D --checks C] [--root SRC]

Exit status: 0 on success, 1 on invalid input or a stale snapshot, 2 on a
usage error.  Paths in messages and generated files are relative to --root
(default: the repository holding this generator).
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from .diag import Diag, escape, sort_diags
from .load import load_checks, load_toml
from .model import Check, Deviations, Registry, build_deviations, build_registry
from .validate import validate_deviations, validate_registry

DEFAULT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REGEN_HINT = "run: ninja -C build regen, then commit gen/generated/"


def display_path(path: str, root: str) -> str:
    """A path as messages and generated files show it: relative to root, with '/'."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return rel.replace(os.sep, "/")


@dataclass(frozen=True)
class Loaded:
    """The validated inputs, or None for those that were not given."""

    registry: Registry | None
    deviations: Deviations | None
    checks: tuple[Check, ...] | None
    registry_path: str
    deviations_path: str


def load_all(args: argparse.Namespace) -> tuple[Loaded, list[Diag]]:
    """Load and validate every input that was given; collect all errors.

    The deviations are checked against the registry and checks.def only if
    those are valid, so one mistake is not reported twice.
    """
    diags: list[Diag] = []
    reg_path = display_path(args.registry, args.root)
    registry = None
    doc, errs = load_toml(args.registry, reg_path)
    diags += errs
    if doc is not None:
        errs = validate_registry(doc)
        diags += errs
        if not errs:
            registry = build_registry(doc.data, doc.smap.lines)

    checks = None
    checks_path = ""
    if args.checks is not None:
        checks_path = display_path(args.checks, args.root)
        checks, errs = load_checks(args.checks, checks_path)
        diags += errs
        if errs:
            checks = None

    deviations = None
    dev_path = ""
    if args.deviations is not None:
        dev_path = display_path(args.deviations, args.root)
        doc, errs = load_toml(args.deviations, dev_path)
        diags += errs
        if doc is not None:
            errs = validate_deviations(doc, registry, checks)
            diags += errs
            if not errs:
                deviations = build_deviations(doc.data, doc.smap.lines)
    loaded = Loaded(registry, deviations, checks, reg_path, dev_path)
    return loaded, sort_diags(diags, [reg_path, dev_path, checks_path])


def report(diags: Sequence[Diag], err: TextIO) -> int:
    """Print diagnostics; the exit status they call for."""
    for d in diags:
        print(d.format(), file=err)
    return 1 if diags else 0


def render_files(loaded: Loaded, err: TextIO) -> dict[str, str] | None:
    """Render every output in memory (None if Jinja2 is missing)."""
    try:
        from . import render
    except ModuleNotFoundError as e:
        print(escape(f"msrcheck: cannot render: {e}; run the generator with a Python that "
                     "has Jinja2 (Debian: python3-jinja2)"), file=err)
        return None
    assert loaded.registry is not None and loaded.deviations is not None
    assert loaded.checks is not None
    return render.render_all(loaded.registry, loaded.deviations, loaded.checks,
                             loaded.registry_path, loaded.deviations_path)


def _unchanged(path: str, text: str) -> bool:
    """Whether a file already holds exactly this text."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read() == text
    except (OSError, UnicodeDecodeError):
        return False


def write_atomically(outdir: str, files: dict[str, str]) -> None:
    """Write every changed file to a temporary name in outdir, then rename them all.

    Files that already hold their text are left alone, so their timestamps
    do not change and ninja (restat) recompiles nothing.  If any write
    fails, the temporary files are removed and the existing outputs are
    left as they were.
    """
    os.makedirs(outdir, exist_ok=True)
    temps: list[tuple[str, str]] = []
    try:
        for name, text in files.items():
            if _unchanged(os.path.join(outdir, name), text):
                continue
            tmp = os.path.join(outdir, f".{name}.{os.getpid()}.tmp")
            temps.append((tmp, os.path.join(outdir, name)))
            with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    except OSError:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise
    for tmp, final in temps:
        os.replace(tmp, final)


def unified_diff(old: str, new: str, label: str) -> str:
    """`diff -u` of two texts, both sides labelled with the same path."""
    def lines(text: str) -> list[str]:
        out = text.splitlines(keepends=True)
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
        return out
    return "".join(difflib.unified_diff(lines(old), lines(new), label, label))


def cmd_render(args: argparse.Namespace, err: TextIO) -> int:
    """`render`: validate, render in memory, then write all outputs or none."""
    loaded, diags = load_all(args)
    if diags:
        return report(diags, err)
    files = render_files(loaded, err)
    if files is None:
        return 1
    try:
        write_atomically(args.outdir, files)
    except OSError as e:
        where = display_path(e.filename or args.outdir, args.root)
        print(Diag(where, 0, "", "", f"cannot write: {e.strerror or e}").format(), file=err)
        return 1
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`check`: render in memory and compare with the committed copy."""
    loaded, diags = load_all(args)
    if diags:
        return report(diags, err)
    files = render_files(loaded, err)
    if files is None:
        return 1
    against = escape(display_path(args.against, args.root))
    stale = False
    for name, text in files.items():
        path = os.path.join(args.against, name)
        try:
            with open(path, encoding="utf-8", newline="") as f:
                committed = f.read()
        except FileNotFoundError:
            print(f"{against}/{name}: missing", file=err)
            committed = ""
        except (OSError, UnicodeDecodeError) as e:
            print(escape(f"{against}/{name}: cannot read: {e}"), file=err)
            committed = ""
        if committed != text:
            stale = True
            err.write(unified_diff(committed, text, f"{against}/{name}"))
    if stale:
        # `regen` refreshes gen/generated only; other copies are the caller's.
        hint = f"; {REGEN_HINT}" if against == "gen/generated" else ""
        print(f"msrcheck: {against} is stale{hint}", file=err)
        return 1
    print(f"{against}: up to date", file=out)
    return 0


def cmd_lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`lint`: validate only."""
    _, diags = load_all(args)
    if diags:
        return report(diags, err)
    print(escape(f"{display_path(args.registry, args.root)}: ok"), file=out)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of generate.py."""
    p = argparse.ArgumentParser(
        prog="generate.py",
        description="Generate msrcheck's C tables from registry/msrs.toml.")
    sub = p.add_subparsers(dest="command", required=True, metavar="{render,check,lint}")

    def inputs(sp: argparse.ArgumentParser, required: bool) -> None:
        sp.add_argument("--registry", required=True, help="registry/msrs.toml")
        sp.add_argument("--deviations", required=required, help="registry/deviations.toml")
        sp.add_argument("--checks", required=required, help="runtime/common/checks.def")
        sp.add_argument("--root", default=DEFAULT_ROOT,
                        help="source root that paths in messages and output are relative to "
                             "(default: the repository holding the generator)")

    sp = sub.add_parser("render", help="write msr_table.[ch], msr_plans.c and deviations.c")
    inputs(sp, True)
    sp.add_argument("--outdir", required=True, help="directory to write into")
    sp = sub.add_parser("check", help="compare a fresh rendering with a committed copy")
    inputs(sp, True)
    sp.add_argument("--against", required=True, help="directory of the committed copy")
    sp = sub.add_parser("lint", help="validate the inputs only")
    inputs(sp, False)
    return p


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout,
         err: TextIO = sys.stderr) -> int:
    """Run one command; return the exit status."""
    p = parser()
    args = p.parse_args(argv)
    if args.command == "lint" and (args.deviations is None) != (args.checks is None):
        p.error("lint: --deviations and --checks go together")
    if args.command == "render":
        return cmd_render(args, err)
    if args.command == "check":
        return cmd_check(args, out, err)
    return cmd_lint(args, out, err)
