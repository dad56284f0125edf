# SPDX-License-Identifier: MIT
"""fuzz: thousands of broken inputs, and the generator never breaks.

Each case starts from one input -- registry/msrs.toml, registry/
deviations.toml, tests/gen/ok_{small,minimal}/*.toml or a
tests/gen/fixtures/err_*.toml -- applies one to four mutations drawn from
the list below, and renders it in-process (msrgen.cli.main with stdout and
stderr captured) into a fresh directory holding one sentinel file, next to
the input's unmutated partner (the deviations of a registry, the registry
of a deviations file).  The verdict:

- exit 0: nothing on stderr; the directory holds exactly the four outputs
  (the sentinel overwritten, no temporary file left), each UTF-8, ending in
  one newline, with no control character but tab and newline, msr_table.h
  defining MSR_ENTRY_NAME_MAX; tomllib accepts the input and every entry
  name fits; every 4th success renders a second time to the same bytes, and
  a sample of the distinct renderings (one per 40 cases) compiles with
  -Wall -Wextra -Wpedantic -Werror, msr_table.c also freestanding, as
  test_compile does.
- exit 1: nothing on stdout, and stderr is only lines
  `<file>:<line>: error: ...` where <file> is the mutated input (or its
  partner: a registry that drops an entry makes a deviation name an
  unknown one) and 1 <= line <= the lines of that file; the directory holds
  the sentinel alone, unchanged.
- never exit 2 (the command line is valid), never an exception.

Mutations (`MUTATIONS`):
  drop-key, duplicate-key, move-key, swap-keys     key/value lines
  drop-table, duplicate-table, swap-tables         [x] / [[x]] blocks
  splice-table                                     a block of another input
  swap-type, swap-values                           a value of another type
  flip-digit                                       change/insert/drop a digit
  huge-number                                      2^64, 4,000 hex digits,
                                                   5,000 decimal digits, 1e999
  truncate                                         cut at any character
  unicode                                          control, format, bidi,
                                                   C-hostile text in strings
  rename                                           names, labels, keys,
                                                   [feature.X]/[quirk.X]:
                                                   typos, clashes, too long
  retable                                          [[msr]] -> [msr], ...
  deep-nesting                                     arrays, inline tables,
                                                   dotted keys (inline too),
                                                   headers, 3 to 20,000 levels
  encoding                                         BOM, CRLF, lone CR, NUL,
                                                   bad UTF-8, UTF-16
  empty                                            nothing or almost nothing

Settings (environment):
  MSRCHECK_FUZZ_CASES  number of cases (default 2000; the fuzz-long
                       benchmark runs 50,000)
  MSRCHECK_FUZZ_SEED   seed (default 1); case N depends only on seed and N
  MSRCHECK_FUZZ_CASE   run only case N; print its mutations and stderr,
                       and keep its input
  MSRCHECK_FUZZ_KEEP   directory to keep the inputs of failing cases in

The Teeth tests run the verdict on fake generators that each break one
rule above, and the real one on good and bad input: every break is caught.

The cases come from Python's random, seeded per case, rather than from
python3-hypothesis: the mutations are edits of TOML text that know its
structure, any case can be rerun alone, and the test needs nothing but
the generator's own python3-jinja2.

What it found, each fixed in the generator with its own test: a decimal
integer of more than 4,300 digits and a 4,000-digit hex `bit` ended in
tracebacks (int/str conversion limit); an error at the end of a file
ending in a newline was reported one line past it; control characters
and bidi overrides of doc/ref, and "*/" in input paths, reached C
comments; strings longer than a C99 string literal (4095 bytes) rendered
C that -Wpedantic rejects.

Usage: test_fuzz.py [CC...]   (meson passes cc.cmd_array(); default: cc)
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import traceback
import unicodedata
import unittest
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gentest import CHECKS, DEVIATIONS, FIXTURES, HERE, OUTPUTS, REGISTRY, SRC, import_msrgen

import_msrgen()
from msrgen.cli import main  # noqa: E402
from msrgen.model import ENTRY_NAME_MAX, TEXT_MAX  # noqa: E402

CC = sys.argv[1:] or ["cc"]
CASES = int(os.environ.get("MSRCHECK_FUZZ_CASES", "2000"))
SEED = os.environ.get("MSRCHECK_FUZZ_SEED", "1")
ONLY = os.environ.get("MSRCHECK_FUZZ_CASE")
KEEP = os.environ.get("MSRCHECK_FUZZ_KEEP")
SENTINEL = b"/* an earlier rendering, to be left alone */\n"
COMPILE_MAX = max(6, CASES // 40)  # distinct renderings compiled (reservoir sample)
RERENDER_EVERY = 4


# Inputs --------------------------------------------------------------------

@dataclass(frozen=True)
class Seed:
    """One input the mutations start from."""

    name: str  # how failures name it: a path relative to the source root
    role: str  # "registry" or "deviations"
    text: str  # undecodable bytes kept as surrogates (surrogateescape)
    partner: Path  # the unmutated other input
    weight: int


def _read(path: Path) -> str:
    """A file as text, undecodable bytes kept (err_not_utf8.toml)."""
    return path.read_bytes().decode("utf-8", "surrogateescape")


def load_seeds() -> tuple[Seed, ...]:
    """The inputs, weighted: the real registry gets a third of the cases,
    the error fixtures a fifth between them."""
    seeds = [
        Seed("registry/msrs.toml", "registry", _read(REGISTRY), DEVIATIONS, 120),
        Seed("registry/deviations.toml", "deviations", _read(DEVIATIONS), REGISTRY, 60),
    ]
    for case, weight in (("small", 150), ("minimal", 50)):
        src = HERE / f"ok_{case}"
        seeds.append(Seed(f"tests/gen/ok_{case}/msrs.toml", "registry",
                          _read(src / "msrs.toml"), src / "deviations.toml", weight))
        seeds.append(Seed(f"tests/gen/ok_{case}/deviations.toml", "deviations",
                          _read(src / "deviations.toml"), src / "msrs.toml", weight // 2))
    small = HERE / "ok_small"
    fixtures = sorted(FIXTURES.glob("err_*.toml"))
    for fixture in fixtures:
        dev = fixture.name.startswith("err_dev_")
        seeds.append(Seed(f"tests/gen/fixtures/{fixture.name}",
                          "deviations" if dev else "registry", _read(fixture),
                          small / ("msrs.toml" if dev else "deviations.toml"),
                          max(1, 200 // len(fixtures))))
    return tuple(seeds)


# Mutations -----------------------------------------------------------------

KEY_LINE = re.compile(r"""^[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
                      r"""(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*[ \t]*=""")
HEADER_LINE = re.compile(r"^[ \t]*\[")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|"
                    r"[0-9][0-9_]*(?:\.[0-9_]+)?(?:[eE][+-]?[0-9_]+)?)")
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
TABLE_NAME = re.compile(r"^\[(?:feature|quirk)\.([A-Za-z0-9_]+)\]", re.M)

# Values of every TOML type, for swap-type.
VALUES = (
    "1", "0", "-1", "0x0000_0001", "0o17", "0b101", "+7", "1.5", "-0.0", "nan", "inf", "1e3",
    '"text"', '""', "'literal'", '"NONE"', '"amd"', '"ecx"', '"IA32_CR_PAT"', '"rdmsr-reset"',
    "true", "false", "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z", "1979-05-27 07:32:00",
    "[]", "[1, 2]", '["NONE"]', '["NONE", "LM"]', '["amd", "amd"]', '[1, "a"]', "[[1], [2]]",
    "[0xffff_ffff_ffff_ffff]", "{}", "{ a = 1 }", '{ name = "X" }', '"""two\nlines"""',
    "'''raw\nlines'''", '"tab\there"',
)

# Numbers at and past every limit the registry has.
HUGE = (
    "0xffff_ffff", "0x1_0000_0000", "0xffff_ffff_ffff_ffff", "0x1_0000_0000_0000_0000",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-1", "32", "31",
    "99999999999999999999999999999999", "0x" + "f" * 4_000, "0x1" + "0" * 20_000,
    "9" * 4_300, "1" + "0" * 5_000, "-" + "9" * 5_000, "1e999", "-1e999", "1e-999",
    "0b" + "1" * 100, "0o" + "7" * 100, "0x" + "_" * 3, "0x", "00", "1__0", "_1", "1_",
)

# Text for the inside of strings: controls, format and bidi characters,
# separators, other scripts, and what could break the C the strings reach.
UNICODE = (
    "\\u0000", "\\t", "\\n", "\\r", "\\u001b[31m", "\\u007f", "\\u0085", "\\u009b",
    "\\u200b", "\\u200e", "\\u202e", "\\u2066", "\\u2069", "\\u2028", "\\u2029", "\\ufeff",
    "\\U000e0041", "\\uffff", "\\ud800", "\\U00110000", "\\x41", "\\", "\\u00e9",
    "\t", "\u00e9", "\u0301", "\u202e", "\u2028", "\ufeff", "\U0001f600", "\u65e5\u672c",
    "\u0410", "\uff10", "\u00a0", "*/", "/*", "//", "??/", "??=", '\\"', "%s%n", "\\\\",
    "'", "#", "]", "[[msr]]", "= 1", "\x7f", "\x85",
)

NAMES = ("IA32_CR_PAT", "TSC_AUX", "IA32_SYSENTER_ESP", "IA32_MISC_ENABLE", "NONE", "LM",
         "GUEST_SSP", "rdpid", "rdtscp", "canonical", "alignment", "kvm_pvm", "amd")

HEADERS = ("[[msr]]", "[msr]", "[[msrs]]", "[[msr.x]]", "[[feature]]", "[feature]",
           "[feature.NEW]", "[feature.LM]", "[feature.LM.sub]", '[feature."A B"]',
           '[feature."\\u202e"]', "[quirk.NEW]", "[quirk]", "[[quirk.Q]]", "[[deviation]]",
           "[deviation]", "[[deviations]]", "[schema]", "[msr.0]", "[]", "[[]]", "[a.b.c]",
           '["msr"]', "[ msr ]", "[[ msr ]]")

EMPTY = ("", "\n", "# only a comment\n", "schema = 1\n", "schema = 1\n[[msr]]\n",
         "schema = 1\n[[deviation]]\n", "schema = 2\n", "\n\n\n\n", " ", "[[msr]]")


def _key_lines(lines: list[str]) -> list[int]:
    """The indices of the lines that look like `key = value`."""
    return [i for i, line in enumerate(lines) if KEY_LINE.match(line)]


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of every table: a header line up to the next header."""
    heads = [i for i, line in enumerate(lines) if HEADER_LINE.match(line)]
    return [(h, heads[n + 1] if n + 1 < len(heads) else len(lines))
            for n, h in enumerate(heads)]


def _value_start(line: str) -> int:
    """Where the value of a `key = value` line starts."""
    return line.index("=") + 1


Mutation = Callable[[random.Random, str, "Corpus"], "tuple[str, str] | None"]


@dataclass(frozen=True)
class Corpus:
    """What mutations may borrow from: every seed's tables."""

    blocks: tuple[str, ...]


def drop_key(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Delete one key/value line."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return None
    i = rng.choice(keys)
    desc = f"drop-key line {i + 1} {lines[i][:30]!r}"
    del lines[i]
    return "\n".join(lines), desc


def duplicate_key(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Repeat one key/value line, next to itself or anywhere."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return None
    i = rng.choice(keys)
    at = i + 1 if rng.random() < 0.5 else rng.randrange(len(lines) + 1)
    lines.insert(at, lines[i])
    return "\n".join(lines), f"duplicate-key line {i + 1} to {at + 1}"


def move_key(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Move one key/value line anywhere, often into another table."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return None
    i = rng.choice(keys)
    line = lines.pop(i)
    at = rng.randrange(len(lines) + 1)
    lines.insert(at, line)
    return "\n".join(lines), f"move-key line {i + 1} to {at + 1}"


def swap_keys(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Exchange two key/value lines."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    if len(keys) < 2:
        return None
    a, b = rng.sample(keys, 2)
    lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines), f"swap-keys lines {a + 1} and {b + 1}"


def drop_table(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Delete one table, header to next header."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    if not blocks:
        return None
    first, end = rng.choice(blocks)
    del lines[first:end]
    return "\n".join(lines), f"drop-table lines {first + 1}-{end}"


def duplicate_table(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Repeat one table, after itself or before another."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    if not blocks:
        return None
    first, end = rng.choice(blocks)
    at = end if rng.random() < 0.5 else rng.choice(blocks)[0]
    lines[at:at] = lines[first:end]
    return "\n".join(lines), f"duplicate-table lines {first + 1}-{end} to {at + 1}"


def swap_tables(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Exchange two tables (reorders [[msr]] entries)."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    if len(blocks) < 2:
        return None
    (a0, a1), (b0, b1) = sorted(rng.sample(blocks, 2))
    lines = lines[:a0] + lines[b0:b1] + lines[a1:b0] + lines[a0:a1] + lines[b1:]
    return "\n".join(lines), f"swap-tables lines {a0 + 1}-{a1} and {b0 + 1}-{b1}"


def splice_table(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Insert a table taken from one of the valid inputs."""
    lines = text.split("\n")
    block = rng.choice(corpus.blocks)
    blocks = _blocks(lines)
    at = rng.choice(blocks)[0] if blocks and rng.random() < 0.7 else len(lines)
    lines[at:at] = block.split("\n")
    return "\n".join(lines), f"splice-table {block.split(chr(10))[0][:30]!r} at {at + 1}"


def swap_type(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Give one key a value of another type (VALUES)."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return None
    i = rng.choice(keys)
    value = rng.choice(VALUES)
    lines[i] = lines[i][:_value_start(lines[i])] + " " + value
    return "\n".join(lines), f"swap-type line {i + 1} = {value[:20]!r}"


def swap_values(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Exchange the values of two keys."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    if len(keys) < 2:
        return None
    a, b = rng.sample(keys, 2)
    va, vb = lines[a][_value_start(lines[a]):], lines[b][_value_start(lines[b]):]
    lines[a] = lines[a][:_value_start(lines[a])] + vb
    lines[b] = lines[b][:_value_start(lines[b])] + va
    return "\n".join(lines), f"swap-values lines {a + 1} and {b + 1}"


def flip_digit(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Change, insert or drop one character of a number."""
    spans = list(NUMBER.finditer(text))
    if not spans:
        return None
    m = rng.choice(spans)
    digits = [i for i in range(m.start(), m.end()) if text[i] in "0123456789abcdefABCDEF_"]
    if not digits:
        return None
    i = rng.choice(digits)
    new = rng.choice("0123456789abcdefxo_ -.eE+" if rng.random() < 0.3 else "0123456789abcdef")
    how = rng.randrange(3)
    if how == 0:
        text = text[:i] + new + text[i + 1:]
    elif how == 1:
        text = text[:i] + new + text[i:]
    else:
        text = text[:i] + text[i + 1:]
    return text, f"flip-digit {('change', 'insert', 'drop')[how]} at {i} in {m[0][:24]!r}"


def huge_number(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Replace a number or a value with one at or past a limit (HUGE)."""
    spans = list(NUMBER.finditer(text))
    lines = text.split("\n")
    keys = _key_lines(lines)
    big = rng.choice(HUGE)
    if spans and (rng.random() < 0.7 or not keys):
        m = rng.choice(spans)
        return (text[:m.start()] + big + text[m.end():],
                f"huge-number {big[:16]!r}... at {m.start()}")
    if not keys:
        return None
    i = rng.choice(keys)
    lines[i] = lines[i][:_value_start(lines[i])] + " " + (f"[{big}]" if rng.random() < 0.2
                                                           else big)
    return "\n".join(lines), f"huge-number {big[:16]!r}... at line {i + 1}"


def truncate(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Cut the text at any character."""
    at = rng.randrange(len(text) + 1)
    return text[:at], f"truncate at {at} of {len(text)}"


def unicode(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Insert control, format, bidi, foreign or C-hostile text (UNICODE), mostly in a string."""
    piece = rng.choice(UNICODE)
    strings = list(STRING.finditer(text))
    if strings and rng.random() < 0.85:
        m = rng.choice(strings)
        at = rng.randrange(m.start() + 1, m.end())
    else:
        at = rng.randrange(len(text) + 1)
    return text[:at] + piece + text[at:], f"unicode {piece!r} at {at}"


def _new_name(rng: random.Random, old: str) -> str:
    """A replacement for a name: a clash, a case change, a typo, or a length at a limit."""
    return rng.choice([rng.choice(NAMES), old.lower(), old.upper(), old + old, old[:-1],
                       old + "_2", "IA32_" + "X" * rng.randrange(40, 70), "A" * ENTRY_NAME_MAX,
                       "A" * (ENTRY_NAME_MAX + 1), "A" * TEXT_MAX, "A" * (TEXT_MAX + 1),
                       "lower case", ""])


def rename(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Change a string (names, labels, references), a table's name or a key."""
    strings = list(STRING.finditer(text))
    tables = list(TABLE_NAME.finditer(text))
    lines = text.split("\n")
    keys = _key_lines(lines)
    pick = rng.random()
    if strings and pick < 0.6:
        m = rng.choice(strings)
        old, new = m[0][1:-1], _new_name(rng, m[0][1:-1])
        return (text[:m.start()] + f'"{new}"' + text[m.end():],
                f"rename string {old[:20]!r} -> {new[:20]!r}")
    if tables and pick < 0.8:
        m = rng.choice(tables)
        new = _new_name(rng, m[1])
        if rng.random() < 0.3:
            new = f'"{new}"'
        return (text[:m.start(1)] + new + text[m.end(1):],
                f"rename table {m[1][:20]!r} -> {new[:20]!r}")
    if not keys:
        return None
    i = rng.choice(keys)
    key = lines[i][:lines[i].index("=")].strip()
    if not key:
        return None
    j = rng.randrange(len(key))
    new = rng.choice([key[:j] + key[j + 1:], key[:j] + key[j:].upper(), key + "s",
                      key[:j] + "." + key[j:], f'"{key}"', f'"{key} "', key + "_" + key])
    lines[i] = new + " =" + lines[i][_value_start(lines[i]):]
    return "\n".join(lines), f"rename key {key[:20]!r} -> {new[:20]!r}"


def retable(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Change a table header, or insert one (HEADERS)."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    header = rng.choice(HEADERS)
    if blocks and rng.random() < 0.8:
        i = rng.choice(blocks)[0]
        desc = f"retable line {i + 1} {lines[i][:20]!r} -> {header!r}"
        lines[i] = header
    else:
        i = rng.randrange(len(lines) + 1)
        lines.insert(i, header)
        desc = f"retable insert {header!r} at {i + 1}"
    return "\n".join(lines), desc


def deep_nesting(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Nest a value, a key or a header 3 to 20,000 levels deep, sometimes unclosed."""
    lines = text.split("\n")
    keys = _key_lines(lines)
    depth = rng.choice((3, 30, 31, 32, 33, 34, 100, 1_000, 5_000, 20_000))
    kind = rng.choice(("array", "table", "mixed", "lines", "dotted", "inline-dotted", "header"))
    if kind == "header":
        new = "[" + ".".join(["t"] * depth) + "]"
        i = rng.randrange(len(lines) + 1)
        lines.insert(i, new)
        return "\n".join(lines), f"deep-nesting header of {depth} parts at {i + 1}"
    if not keys:
        return None
    i = rng.choice(keys)
    if kind == "dotted":
        lines[i] = "a." * depth + lines[i].lstrip()
        return "\n".join(lines), f"deep-nesting dotted key of {depth} at line {i + 1}"
    if kind == "array":
        value = "[" * depth + "1" + "]" * depth
    elif kind == "table":
        value = "{a = " * depth + "1" + " }" * depth
    elif kind == "mixed":
        value = "[{a = " * (depth // 2) + "1" + "}]" * (depth // 2)
    elif kind == "inline-dotted":
        value = "{" + "a." * depth + "b = 1}"
    else:
        value = "[\n" * depth + "1" + "\n]" * depth
    if rng.random() < 0.2:  # unclosed
        value = value[:len(value) // 2]
    lines[i] = lines[i][:_value_start(lines[i])] + " " + value
    return "\n".join(lines), f"deep-nesting {kind} of {depth} at line {i + 1}"


def encoding(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Byte-level damage, kept in the text as surrogate-escaped bytes."""
    how = rng.choice(("bom", "crlf", "cr", "nul", "bad-utf8", "utf16", "formfeed"))
    at = rng.randrange(len(text) + 1)
    if how == "bom":
        text = "\ufeff" + text
    elif how == "crlf":
        text = text.replace("\n", "\r\n")
    elif how == "cr":
        text = text[:at] + "\r" + text[at:]
    elif how == "nul":
        text = text[:at] + "\x00" + text[at:]
    elif how == "bad-utf8":
        raw = rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80"))
        text = text[:at] + raw.decode("utf-8", "surrogateescape") + text[at:]
    elif how == "utf16":
        text = text.encode("utf-16", "surrogatepass").decode("utf-8", "surrogateescape")
    else:
        text = text[:at] + "\x0c" + text[at:]
    return text, f"encoding {how} at {at}"


def empty(rng: random.Random, text: str, corpus: Corpus) -> tuple[str, str] | None:
    """Replace everything with nothing, or almost nothing (EMPTY)."""
    new = rng.choice(EMPTY)
    return new, f"empty {new[:20]!r}"


# name -> (function, weight)
MUTATIONS: dict[str, tuple[Mutation, int]] = {
    "drop-key": (drop_key, 10), "duplicate-key": (duplicate_key, 6), "move-key": (move_key, 5),
    "swap-keys": (swap_keys, 5), "drop-table": (drop_table, 6),
    "duplicate-table": (duplicate_table, 5), "swap-tables": (swap_tables, 5),
    "splice-table": (splice_table, 4), "swap-type": (swap_type, 10),
    "swap-values": (swap_values, 4), "flip-digit": (flip_digit, 10),
    "huge-number": (huge_number, 6), "truncate": (truncate, 5), "unicode": (unicode, 9),
    "rename": (rename, 8), "retable": (retable, 4), "deep-nesting": (deep_nesting, 5),
    "encoding": (encoding, 4), "empty": (empty, 1),
}


# Cases ---------------------------------------------------------------------

# Odd file names, so that paths in messages are escaped too.
ODD_NAMES = ("in put.toml", "tab\there.toml", "new\nline.toml", "bidi\u202e.toml",
             "caf\u00e9.toml", "star*/slash.toml", "back\\slash.toml", "colon:1: error: x.toml")


@dataclass(frozen=True)
class Case:
    """One mutated input, all derived from (seed, number)."""

    number: int
    seed: Seed
    text: str
    mutations: tuple[str, ...]
    file_name: str


def make_case(number: int, seeds: tuple[Seed, ...], corpus: Corpus) -> Case:
    """Case `number`: an input, one to four mutations and a file name, from (SEED, number)."""
    rng = random.Random(f"msrcheck-fuzz/{SEED}/{number}")
    seed = rng.choices(seeds, weights=[s.weight for s in seeds])[0]
    text = seed.text
    names = list(MUTATIONS)
    weights = [MUTATIONS[n][1] for n in names]
    done: list[str] = []
    for _ in range(rng.choices((1, 2, 3, 4), weights=(50, 30, 15, 5))[0]):
        for _attempt in range(8):
            fn = MUTATIONS[rng.choices(names, weights=weights)[0]][0]
            result = fn(rng, text, corpus)
            if result is not None:
                text, desc = result
                done.append(desc)
                break
    file_name = rng.choice(ODD_NAMES) if rng.random() < 0.05 else f"{seed.role}.toml"
    return Case(number, seed, text, tuple(done), file_name)


def line_count(raw: bytes) -> int:
    """Lines of a file, as an editor counts them (at least 1)."""
    return max(1, raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1))


def shown(path: str) -> str:
    """A path as messages must show it: control, format and separator characters escaped.

    Written independently of msrgen.diag.escape, to check it.
    """
    out = []
    for ch in path:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            named = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
            code = ord(ch)
            out.append(named.get(ch) or (f"\\x{code:02x}" if code < 0x100 else
                                         f"\\u{code:04x}" if code < 0x10000 else
                                         f"\\U{code:08x}"))
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Result:
    """What one run of the generator did."""

    status: int | None
    stdout: str
    stderr: str
    crash: str  # a traceback, or ""
    outdir: dict[str, bytes]


Generator = Callable[[list[str], io.StringIO, io.StringIO], int]


def run_generator_inprocess(registry: Path, deviations: Path, outdir: Path,
                            generator: Generator = main) -> Result:
    """msrgen.cli.main on these inputs; exceptions and exits are caught, not raised."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["render", "--registry", str(registry), "--deviations", str(deviations),
            "--checks", str(CHECKS), "--outdir", str(outdir), "--root", str(SRC)]
    status: int | None = None
    crash = ""
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = generator(argv, out, err)
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 2
    except BaseException:  # noqa: BLE001 - every escape is a finding
        crash = traceback.format_exc()
    files = {p.name: p.read_bytes() for p in sorted(outdir.iterdir())}
    return Result(status, out.getvalue(), err.getvalue(), crash, files)


# Never in an output (tab and newline are), never raw in a message (neither is).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MESSAGE_CONTROL = re.compile(f"{CONTROL.pattern}|\t")


def judge(case: Case, raw: bytes, paths: dict[str, tuple[str, int]], r: Result) -> list[str]:
    """Every way this run broke the rules of the module docstring.

    paths maps each input's display path to (how messages show it, its lines).
    """
    problems = []
    if r.crash:
        return ["exception: " + r.crash.strip().splitlines()[-1], r.crash]
    if r.status not in (0, 1):
        problems.append(f"exit status {r.status}")
    if r.status == 0:
        if r.stderr:
            problems.append(f"exit 0 with stderr: {r.stderr[:300]!r}")
        if sorted(r.outdir) != sorted(OUTPUTS):
            problems.append(f"exit 0 but the directory holds {sorted(r.outdir)}")
        for name, data in r.outdir.items():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"{name}: not UTF-8")
                continue
            if not text.endswith("\n") or text.endswith("\n\n") or "\r" in text:
                problems.append(f"{name}: bad line ends")
            if CONTROL.search(text):
                problems.append(f"{name}: control character {CONTROL.search(text)[0]!r}")
            if not text.startswith("/* SPDX-License-Identifier: MIT */\n"):
                problems.append(f"{name}: no SPDX header")
        header = r.outdir.get("msr_table.h", b"")
        if f"\n#define MSR_ENTRY_NAME_MAX {ENTRY_NAME_MAX}\n".encode() not in header:
            problems.append("msr_table.h: no MSR_ENTRY_NAME_MAX")
        problems += oracle(case, raw)
    elif r.status == 1:
        if r.stdout:
            problems.append(f"exit 1 with stdout: {r.stdout[:300]!r}")
        if list(r.outdir) != ["msr_table.c"] or r.outdir["msr_table.c"] != SENTINEL:
            problems.append(f"exit 1 but the output directory changed: {sorted(r.outdir)}")
        lines = r.stderr.split("\n")
        if lines[-1] != "" or len(lines) < 2:
            problems.append(f"stderr is not whole lines: {r.stderr[-200:]!r}")
        for line in lines[:-1]:
            problems += judge_line(line, paths)
    return problems


def judge_line(line: str, paths: dict[str, tuple[str, int]]) -> list[str]:
    """One line of stderr: `<input>:<line>: error: ...`, the line within that input."""
    for where, count in paths.values():
        prefix = where + ":"
        if not line.startswith(prefix):
            continue
        m = re.match(r"(\d+): error: .", line[len(prefix):])
        if not m:
            continue
        if not 1 <= int(m[1]) <= count:
            return [f"line {m[1]} outside 1..{count}: {line[:300]!r}"]
        if MESSAGE_CONTROL.search(line):
            return [f"unescaped control character: {line[:300]!r}"]
        return []
    return [f"not an error line of an input: {line[:300]!r}"]


def oracle(case: Case, raw: bytes) -> list[str]:
    """Checks independent of the generator, for inputs it accepted."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, RecursionError) as e:
        return [f"exit 0, but tomllib rejects the input: {e}"]
    problems = []
    if data.get("schema") != 1:
        problems.append(f"exit 0 with schema {data.get('schema')!r}")
    if case.seed.role == "registry":
        for m in data.get("msr", []):
            name = m["name"] + (f"/{m['label']}" if "label" in m else "")
            if len(name) > ENTRY_NAME_MAX:
                problems.append(f"exit 0 with a {len(name)}-character entry name")
    return problems


@dataclass
class Tally:
    """What a run of the fuzzer saw."""

    statuses: Counter[str] = field(default_factory=Counter)
    mutations: Counter[str] = field(default_factory=Counter)
    first_errors: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    distinct: set[str] = field(default_factory=set)  # digests of successful renderings
    sample: list[dict[str, bytes]] = field(default_factory=list)  # to compile
    sampler: random.Random = field(
        default_factory=lambda: random.Random(f"msrcheck-fuzz/{SEED}/compile"))
    reruns: int = 0

    def offer(self, digest: str, rendering: dict[str, bytes]) -> None:
        """Keep a uniform sample of COMPILE_MAX distinct renderings."""
        if digest in self.distinct:
            return
        self.distinct.add(digest)
        if len(self.sample) < COMPILE_MAX:
            self.sample.append(rendering)
        else:
            slot = self.sampler.randrange(len(self.distinct))
            if slot < COMPILE_MAX:
                self.sample[slot] = rendering


def run_case(case: Case, work: Path, tally: Tally, generator: Generator = main) -> None:
    """Run one case and record what happened."""
    root = work / f"case{case.number}"
    inputs = root / "in"
    outdir = root / "out"
    inputs.mkdir(parents=True)
    outdir.mkdir()
    (outdir / "msr_table.c").write_bytes(SENTINEL)
    mutated = inputs / case.file_name
    mutated.parent.mkdir(parents=True, exist_ok=True)
    raw = case.text.encode("utf-8", "surrogateescape")
    mutated.write_bytes(raw)
    partner = case.seed.partner
    registry, deviations = (mutated, partner) if case.seed.role == "registry" else (partner,
                                                                                   mutated)
    paths = {}
    for path in (mutated, partner):
        display = os.path.relpath(path, SRC)
        paths[display] = (shown(display), line_count(path.read_bytes()))

    r = run_generator_inprocess(registry, deviations, outdir, generator)
    problems = judge(case, raw, paths, r)
    if r.status == 0 and not problems:
        rendering = {n: r.outdir[n] for n in OUTPUTS}
        if tally.statuses["exit 0"] % RERENDER_EVERY == 0:
            again = root / "again"
            again.mkdir()
            r2 = run_generator_inprocess(registry, deviations, again, generator)
            tally.reruns += 1
            if r2.status != 0 or {n: r2.outdir.get(n) for n in OUTPUTS} != rendering:
                problems.append("a second rendering differs")
        # The same content from another case differs only in the input's path.
        digest = hashlib.sha256(b"".join(rendering.values()).replace(
            os.path.relpath(mutated, SRC).encode(), b"@INPUT@")).hexdigest()
        tally.offer(digest, rendering)
    tally.statuses[f"exit {r.status}" if not r.crash else "exception"] += 1
    for desc in case.mutations:
        tally.mutations[desc.split(" ")[0]] += 1
    if r.status == 1 and r.stderr:
        tally.first_errors[error_kind(r.stderr.split("\n")[0])] += 1
    if problems:
        tally.failures.append(describe(case, problems))
    if (problems and KEEP) or ONLY is not None:
        keep = Path(KEEP or tempfile.mkdtemp(prefix="msrcheck-fuzz-case"))
        keep.mkdir(parents=True, exist_ok=True)
        kept = keep / f"case{case.number}-{case.seed.role}.toml"
        shutil.copyfile(mutated, kept)
        if ONLY is not None:
            print(f"case {case.number}: {case.seed.name}; {'; '.join(case.mutations)}\n"
                  f"input kept as {kept}, exit {r.status}, stderr:\n{r.stderr}", file=sys.stderr)
    shutil.rmtree(root)


def error_kind(line: str) -> str:
    """An error line without its place, names and numbers, for the statistics."""
    message = line.split(": error: ", 1)[-1].split(": ")[-1]
    return re.sub(r"`[^`]*`|\"[^\"]*\"|-?\b0x[0-9a-f_]+|\b\d+\b", "_", message)[:70]


def describe(case: Case, problems: list[str]) -> str:
    """A failing case, its problems and how to run it alone."""
    return (f"case {case.number} ({case.seed.name}; {'; '.join(case.mutations)}):\n  "
            + "\n  ".join(p.replace("\n", "\n    ") for p in problems)
            + f"\n  rerun: MSRCHECK_FUZZ_SEED={SEED} MSRCHECK_FUZZ_CASE={case.number} "
            "/usr/bin/python3 -B tests/gen/test_fuzz.py")


class Fuzz(unittest.TestCase):
    def test_fuzz(self) -> None:
        seeds = load_seeds()
        corpus = Corpus(tuple("\n".join(seed.text.split("\n")[first:end])
                              for seed in seeds[:6]
                              for first, end in _blocks(seed.text.split("\n"))))
        numbers = [int(ONLY)] if ONLY is not None else list(range(CASES))
        tally = Tally()
        start = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="msrcheck-fuzz-") as tmp:
            for number in numbers:
                run_case(make_case(number, seeds, corpus), Path(tmp), tally)
            fuzz_time = time.monotonic() - start
            compiled = self.compile_sample(tally, Path(tmp))
        elapsed = time.monotonic() - start
        print(f"\nfuzz: {len(numbers)} cases (seed {SEED}) in {fuzz_time:.1f} s, "
              f"{elapsed:.1f} s with {compiled} of {len(tally.distinct)} distinct renderings "
              f"compiled; {tally.reruns} rendered twice")
        print("fuzz: " + ", ".join(f"{k}: {v}" for k, v in sorted(tally.statuses.items())))
        print("fuzz: mutations: " + ", ".join(f"{k} {v}" for k, v in
                                               sorted(tally.mutations.items())))
        print(f"fuzz: {len(tally.first_errors)} kinds of first error, most common:")
        for msg, n in tally.first_errors.most_common(12):
            print(f"  {n:5d}  {msg}")
        if tally.failures:
            self.fail(f"{len(tally.failures)} failing cases; the first:\n"
                      + "\n".join(f[:3000] for f in tally.failures[:10]))
        if ONLY is None:
            self.assertGreaterEqual(len(numbers), min(CASES, 2000))
            self.assertEqual(sorted(tally.statuses), ["exit 0", "exit 1"],
                             "want both accepted and rejected inputs")

    @staticmethod
    def compile_sample(tally: Tally, work: Path) -> int:
        """Compile the sampled renderings as test_compile does; return how many."""
        warnings = ["-Wall", "-Wextra", "-Wpedantic", "-Werror"]
        common = ["-I", str(SRC / "runtime" / "common")]
        for n, rendering in enumerate(tally.sample):
            gen = work / f"compile{n}"
            gen.mkdir()
            for name, data in rendering.items():
                (gen / name).write_bytes(data)
            sources = [str(p) for p in sorted(gen.glob("*.c"))]
            runs = (
                ["-std=gnu11", *warnings, "-Wno-unused-parameter", *common,
                 "-I", str(SRC / "runtime" / "include"), "-I", str(gen), "-fsyntax-only",
                 *sources],
                # msr_table.c as the guest builds it.
                ["-std=c11", "-ffreestanding", "-nostdlib", *warnings, *common, "-I", str(gen),
                 "-fsyntax-only", str(gen / "msr_table.c")],
            )
            for args in runs:
                try:
                    r = subprocess.run([*CC, *args], capture_output=True, text=True, check=False)
                except OSError as e:
                    tally.failures.append(f"cannot run the compiler {CC}: {e}")
                    return n
                if r.returncode != 0:
                    tally.failures.append(f"sampled rendering {n} does not compile:\n"
                                          f"{r.stderr[:2000]}")
        return len(tally.sample)


class Teeth(unittest.TestCase):
    """The verdict catches each way a generator can misbehave.

    Each fake generator breaks one rule of the module docstring; run_case
    must record a failure that says so.  The real generator on the real
    inputs must record none.
    """

    def verdict(self, generator: Generator, text: str | None = None) -> list[str]:
        seed = load_seeds()[0]
        case = Case(7, seed, seed.text if text is None else text, ("none",), "registry.toml")
        tally = Tally()
        with tempfile.TemporaryDirectory() as tmp:
            run_case(case, Path(tmp), tally, generator)
        return tally.failures

    @staticmethod
    def fake(status: int, stderr: str = "", files: dict[str, str] | None = None,
             raises: BaseException | None = None) -> Generator:
        """A generator that prints `stderr` (with {input} for the input's path as
        shown), writes `files` into --outdir and returns `status`."""
        def generator(argv: list[str], out: io.StringIO, err: io.StringIO) -> int:
            if raises is not None:
                raise raises
            where = os.path.relpath(argv[argv.index("--registry") + 1], SRC)
            err.write(stderr.replace("{input}", where))
            for name, text in (files or {}).items():
                Path(argv[argv.index("--outdir") + 1], name).write_text(text)
            return status
        return generator

    def assert_caught(self, generator: Generator, what: str, text: str | None = None) -> None:
        failures = self.verdict(generator, text)
        self.assertEqual(len(failures), 1, failures)
        self.assertIn(what, failures[0])

    def test_real_generator_passes(self) -> None:
        self.assertEqual(self.verdict(main), [])
        self.assertEqual(self.verdict(main, "schema = 1\nbogus = [\n"), [])

    def test_exceptions_and_exits(self) -> None:
        self.assert_caught(self.fake(0, raises=ValueError("boom")), "exception: ValueError: boom")
        self.assert_caught(self.fake(0, raises=SystemExit(2)), "exit status 2")
        self.assert_caught(self.fake(3), "exit status 3")

    def test_error_lines(self) -> None:
        lines = load_seeds()[0].text.count("\n")
        good = "{input}:3: error: x: y: bad\n"
        self.assertEqual(self.verdict(self.fake(1, good)), [])
        self.assert_caught(self.fake(1, f"{{input}}:{lines + 1}: error: past the end\n"),
                           f"line {lines + 1} outside 1..{lines}")
        self.assert_caught(self.fake(1, "{input}:0: error: no line\n"), "outside")
        self.assert_caught(self.fake(1, good + "Traceback (most recent call last):\n"),
                           "not an error line")
        self.assert_caught(self.fake(1, "elsewhere.toml:1: error: x\n"), "not an error line")
        self.assert_caught(self.fake(1, "{input}:3: error: a\tb\n"), "unescaped control")
        self.assert_caught(self.fake(1, "{input}:3: error: a\u202eb\n"), "unescaped control")
        self.assert_caught(self.fake(1, "{input}:3: error: no newline"), "not whole lines")
        self.assert_caught(self.fake(1), "not whole lines")

    def test_output_directory(self) -> None:
        good = "{input}:3: error: bad\n"
        self.assert_caught(self.fake(1, good, {"msr_table.h": "/* half */"}),
                           "output directory changed")
        self.assert_caught(self.fake(1, good, {"msr_table.c": "/* new */\n"}),
                           "output directory changed")
        self.assert_caught(self.fake(1, good, {".msr_table.h.1.tmp": ""}),
                           "output directory changed")

    def test_accepted_inputs(self) -> None:
        header = ("/* SPDX-License-Identifier: MIT */\n"
                  f"#define MSR_ENTRY_NAME_MAX {ENTRY_NAME_MAX}\n")
        whole = {name: header for name in OUTPUTS}
        self.assertEqual(self.verdict(self.fake(0, files=whole)), [])
        self.assert_caught(self.fake(0, files={**whole, "extra.c": header}), "directory holds")
        self.assert_caught(self.fake(0, files={n: header for n in OUTPUTS[1:]}),
                           "directory holds")
        self.assert_caught(self.fake(0, files={**whole, "msr_table.c": header + "\x1b[8m\n"}),
                           "control character")
        self.assert_caught(self.fake(0, files={**whole, "deviations.c": header + "\n"}),
                           "bad line ends")
        self.assert_caught(self.fake(0, "{input}:1: error: x\n", whole), "exit 0 with stderr")
        self.assert_caught(self.fake(0, files=whole), "tomllib rejects", "schema = 1\nx = [\n")
        long = f'schema = 1\n[[msr]]\nname = "{"A" * (ENTRY_NAME_MAX + 1)}"\n'
        self.assert_caught(self.fake(0, files=whole), "49-character entry name", long)

    def test_compiler(self) -> None:
        tally = Tally()
        tally.offer("bad", {"msr_table.c": b"this is not C\n"})
        tally.offer("bad", {"msr_table.c": b"int x;\n"})  # a repeat: not kept
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(Fuzz.compile_sample(tally, Path(tmp)), 1)
        self.assertEqual(len(tally.failures), 2)  # gnu11 and freestanding
        self.assertIn("does not compile", tally.failures[0])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
