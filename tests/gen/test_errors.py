# SPDX-License-Identifier: MIT
"""errors: every bad input is reported at its line, and nothing is written.

Each tests/gen/fixtures/err_*.toml opens with `# expect: LINE: substring`
lines.  Fixtures named err_dev_* are deviations files, checked against
tests/gen/ok_small/msrs.toml; the others are registries.  For each one,
`generate.py render` (called in-process, for speed; test_bad_checks_def
runs the real entry point) must exit 1 without a traceback, print every expected
substring as `<fixture>:LINE: error: ...`, print no error that no `# expect:`
line matches, and leave its output directory exactly as it was.

No message may print a control, format or separator character raw
(err_control_chars.toml puts them in names, labels and keys).  A few
inputs cannot be committed as fixtures (a 0-byte file, a byte order mark,
a file too big to review, values nested thousands deep, 4,000- and
5,000-digit numbers, strings longer than C allows, a missing file, a
broken checks.def, a file name with control characters); they are built
here.
"""
from __future__ import annotations

import re
import tempfile
import time
import unittest
from pathlib import Path

from gentest import CHECKS, FIXTURES, OK_SMALL, inputs, rel, run_generator
from gentest import run_generator_in_process

EXPECT = re.compile(rb"# expect: (\d+): (.*)")
ERROR_LINE = re.compile(r"[^:\s]+(:\d+)?: error: .+")
# What no message may print raw: C0 and C1 controls, DEL, and the format
# and separator characters that hide text or break lines (bidi overrides,
# zero widths, U+2028/9).
UNESCAPED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e"
                       "\u2066-\u2069\ufeff]")
SENTINEL = b"/* an earlier rendering, to be left alone */\n"


def expectations(path: Path) -> list[tuple[int, str]]:
    """The (line, substring) pairs of a fixture's leading `# expect:` lines."""
    out = []
    for line in path.read_bytes().split(b"\n"):
        m = EXPECT.fullmatch(line)
        if not m:
            break
        out.append((int(m[1]), m[2].decode("utf-8")))
    return out


class Errors(unittest.TestCase):
    def render_fails(self, registry: Path, deviations: Path) -> str:
        """Render into a directory holding one old output; return stderr.

        Asserts exit status 1, no traceback, only error lines, and an
        output directory left exactly as it was.
        """
        with tempfile.TemporaryDirectory() as out:
            old = Path(out) / "msr_table.c"
            old.write_bytes(SENTINEL)
            r = run_generator_in_process("render", *inputs(registry, deviations, CHECKS),
                                         "--outdir", out)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertNotIn("Traceback", r.stderr)
            self.assertEqual(r.stdout, "")
            self.assertIsNone(UNESCAPED.search(r.stderr), r.stderr)
            for line in r.stderr.splitlines():
                self.assertRegex(line, ERROR_LINE)
            self.assertEqual(sorted(p.name for p in Path(out).iterdir()), ["msr_table.c"])
            self.assertEqual(old.read_bytes(), SENTINEL)
        return r.stderr

    def assert_reported(self, stderr: str, path: str, line: int, substring: str) -> None:
        """Some error line is `path:line: error: ...substring...`."""
        prefix = f"{path}:{line}: error: "
        hits = [e for e in stderr.splitlines() if e.startswith(prefix) and substring in e]
        self.assertTrue(hits, f"want {prefix}...{substring}\ngot:\n{stderr}")

    def test_fixtures(self) -> None:
        fixtures = sorted(FIXTURES.glob("err_*.toml"))
        self.assertGreaterEqual(len(fixtures), 25)
        for fixture in fixtures:
            with self.subTest(fixture=fixture.name):
                expects = expectations(fixture)
                self.assertTrue(expects, f"{fixture.name} has no `# expect:` line")
                if fixture.name.startswith("err_dev_"):
                    stderr = self.render_fails(OK_SMALL / "msrs.toml", fixture)
                else:
                    stderr = self.render_fails(fixture, OK_SMALL / "deviations.toml")
                for line, substring in expects:
                    self.assert_reported(stderr, rel(fixture), line, substring)
                for error in stderr.splitlines():
                    self.assertTrue(any(error.startswith(f"{rel(fixture)}:{line}: error: ")
                                        and substring in error for line, substring in expects),
                                    f"{fixture.name}: reported but not expected:\n{error}")

    def test_empty_file(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "msrs.toml"
            empty.write_bytes(b"")
            stderr = self.render_fails(empty, OK_SMALL / "deviations.toml")
            self.assertIn(f"{rel(empty)}:1: error: top level: schema: empty document", stderr)

    def test_byte_order_mark(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            bom = Path(tmp) / "msrs.toml"
            bom.write_bytes(b"\xef\xbb\xbf" + (OK_SMALL / "msrs.toml").read_bytes())
            stderr = self.render_fails(bom, OK_SMALL / "deviations.toml")
            self.assertIn(f"{rel(bom)}:1: error: starts with a byte order mark", stderr)

    def test_missing_file(self) -> None:
        stderr = self.render_fails(FIXTURES / "no_such_file.toml", OK_SMALL / "deviations.toml")
        self.assertIn(f"{rel(FIXTURES)}/no_such_file.toml: error: cannot read: "
                      "No such file or directory", stderr)

    def test_control_characters_in_path(self) -> None:
        """A file name cannot forge a line: its tab, newline and bidi override are escaped."""
        with tempfile.TemporaryDirectory() as tmp:
            odd = Path(tmp) / "a\tb\nerror\u202ec.toml"
            odd.write_bytes(b"schema = 1\nbogus = 1\n")
            stderr = self.render_fails(odd, OK_SMALL / "deviations.toml")
            shown = (rel(odd).replace("\t", "\\t").replace("\n", "\\n")
                     .replace("\u202e", "\\u202e"))
        self.assertIn(f"{shown}:2: error: top level: bogus: unknown key `bogus`",
                      stderr.splitlines())

    def test_bad_checks_def(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            checks = Path(tmp) / "checks.def"
            checks.write_text('CHECK(RUN, "run", "ran")\nCHECK(RUN, "run-again", "ran")\n'
                              'CHECK(BROKEN, "broken")\n')
            with tempfile.TemporaryDirectory() as out:
                r = run_generator("render", *inputs(OK_SMALL / "msrs.toml",
                                                    OK_SMALL / "deviations.toml", checks),
                                  "--outdir", out)
                self.assertEqual(list(Path(out).iterdir()), [])
        self.assertEqual(r.returncode, 1)
        self.assertNotIn("Traceback", r.stderr)
        self.assertIn("checks.def:2: error: RUN: id: repeats the id of line 1", r.stderr)
        self.assertIn('checks.def:3: error: cannot parse; want CHECK(ID, "name", "doc")', r.stderr)

    def test_thousands_deep(self) -> None:
        """Values nested far past tomllib's recursion: each at its own line, not line 1."""
        head = (OK_SMALL / "msrs.toml").read_text()
        # After a [[msr]] header: one level for the table, one for the key.
        deep = [
            "deep_array = " + "[" * 100_000 + "]" * 100_000,
            "deep_table = " + "{a = " * 10_000 + "1" + "}" * 10_000,
            "deep." * 20_000 + "key = 1",
            "deep_inline = {" + "k." * 20_000 + "k = 1}",
            "deep_lines = [",  # unclosed, to the end of the file
            *["  [" for _ in range(3_000)],
        ]
        first = head.count("\n") + 1
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "msrs.toml"
            registry.write_text(head + "\n".join(deep) + "\n")
            stderr = self.render_fails(registry, OK_SMALL / "deviations.toml")
        where = f"{rel(registry)}:"
        tail = "levels deep (tables, dotted keys, arrays and inline tables); at most 32"
        self.assertEqual(stderr.splitlines(), [
            f"{where}{first}: error: nested 100002 {tail}",
            f"{where}{first + 1}: error: nested 10002 {tail}",
            f"{where}{first + 2}: error: nested 20002 {tail}",
            f"{where}{first + 3}: error: nested 20003 {tail}",
            f"{where}{first + 4}: error: nested 3003 {tail}",
        ])

    def test_huge_decimal(self) -> None:
        """A decimal integer longer than int() reads (4,300 digits), at its own line."""
        head = (OK_SMALL / "msrs.toml").read_text()
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "msrs.toml"
            registry.write_text(head + "extra = [\n  0x1,\n  " + "9" * 5_000 + ",\n]\n")
            stderr = self.render_fails(registry, OK_SMALL / "deviations.toml")
        self.assertEqual(stderr.splitlines(), [
            f"{rel(registry)}:{head.count(chr(10)) + 3}: error: cannot read a value: Exceeds "
            "the limit (4300 digits) for integer string conversion: value has 5000 digits; "
            "numbers are at most 64 bits"])

    def test_huge_hex(self) -> None:
        """A 4,000-digit hex number where 0..63 is wanted: shown in hex, no traceback."""
        lines = (OK_SMALL / "msrs.toml").read_text().split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("bit = "))
        lines[at] = "bit = 0x" + "f" * 4_000
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "msrs.toml"
            registry.write_text("\n".join(lines))
            stderr = self.render_fails(registry, OK_SMALL / "deviations.toml")
        self.assertRegex(stderr, rf"^{re.escape(rel(registry))}:{at + 1}: error: feature\.\w+: "
                                 r"bit: 0xffff(_ffff){999} is out of range 0\.\.63\n\Z")

    def test_long_strings(self) -> None:
        """Strings longer than a portable C literal, in both inputs."""
        registry = (OK_SMALL / "msrs.toml").read_text().split("\n")
        deviations = (OK_SMALL / "deviations.toml").read_text().split("\n")
        why = next(i for i, line in enumerate(registry) if line.startswith("why = "))
        flavour = next(i for i, line in enumerate(deviations) if line.startswith("flavour = "))
        registry[why] = f'why = "{"é" * 1_001}"'
        deviations[flavour] = f'flavour = "{"x" * 5_000}"'
        with tempfile.TemporaryDirectory() as tmp:
            reg, dev = Path(tmp) / "msrs.toml", Path(tmp) / "deviations.toml"
            reg.write_text("\n".join(registry))
            dev.write_text("\n".join(deviations))
            stderr = self.render_fails(reg, dev)
        self.assert_reported(stderr, rel(reg), why + 1, "why: a string of 1001 characters; "
                                                        "at most 1000 (strings become C string")
        self.assert_reported(stderr, rel(dev), flavour + 1,
                             "flavour: a string of 5000 characters; at most 1000")

    def test_long_table_names(self) -> None:
        """[feature.NAME] and [quirk.NAME] become C strings too: the same limit."""
        head = (OK_SMALL / "msrs.toml").read_text()
        name = "A" * 1_001
        extra = (f'\n[feature.{name}]\nleaf = 0x1\nreg = "eax"\nbit = 3\n'
                 f'\n[quirk.{name}]\nvendors = ["amd"]\nkeep_mask = 0x1\nwhy = "w"\n')
        at = head.index("\n[[msr]]")
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "msrs.toml"
            registry.write_text(head[:at] + extra + head[at:])
            stderr = self.render_fails(registry, OK_SMALL / "deviations.toml")
        first = head[:at].count("\n") + 2
        self.assertEqual(stderr.splitlines(), [
            f"{rel(registry)}:{first}: error: feature.{name}: name: a name of 1001 characters; "
            "at most 1000 (it becomes a C string literal)",
            f"{rel(registry)}:{first + 5}: error: quirk.{name}: name: a name of 1001 "
            "characters; at most 1000 (it becomes a C string literal)"])

    def test_huge_file(self) -> None:
        """10,000 entries and one error: the right line, quickly."""
        head = ("schema = 1\nnoncanonical = 0xaaaa_aaaa_aaaa_aaaa\n\n"
                '[feature.NONE]\nleaf = 0x1\nreg = "ecx"\nbit = 31\n')
        entries = []
        bad_line = 0
        # Indices from 0x1_0000: clear of IA32_MCG_CAP (0x179), whose reset
        # value the validator compares with mce_banks.
        for i in range(10_000):
            write = "0x1_0000_0000_0000_0000" if i == 7_777 else "0x1"
            if i == 7_777:
                bad_line = head.count("\n") + sum(e.count("\n") for e in entries) + 6
            entries.append(f'\n[[msr]]\nname = "M{i:05d}"\nindex = {0x1_0000 + i:#x}\n'
                           f'features = ["NONE"]\nwrite = {write}\n')
        with tempfile.TemporaryDirectory() as tmp:
            huge = Path(tmp) / "msrs.toml"
            huge.write_text(head + "".join(entries))
            start = time.monotonic()
            stderr = self.render_fails(huge, OK_SMALL / "deviations.toml")
            elapsed = time.monotonic() - start
        print(f"huge registry: {len(entries)} entries checked in {elapsed:.2f} s")
        self.assertEqual(stderr.splitlines(),
                         [f"{rel(huge)}:{bad_line}: error: M07777: write: "
                          "0x1_0000_0000_0000_0000 does not fit in 64 bits"])
        self.assertLess(elapsed, 30)


if __name__ == "__main__":
    unittest.main()
