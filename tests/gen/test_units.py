# SPDX-License-Identifier: MIT
"""units: the generator's building blocks, in-process.

The source map (lines of headers and keys, past multi-line values), the
nesting limit, the canonical-address rule at 48 and 57 bits, value type
checks, the entry name limit, the expanded reserved list, C escaping, message escaping,
checks.def parsing (and the checks got_fault may go with), the keys the
header of registry/msrs.toml documents, and the list of generator files
gen/meson.build makes the tables depend on.
"""
import re
import unittest

from gentest import CHECKS, REGISTRY, SRC, import_msrgen

import_msrgen()
from msrgen.diag import Diag, escape, hex_num, hex_u64  # noqa: E402
from msrgen.load import (MAX_NESTING, SourceMap, nesting_depths, parse_checks,  # noqa: E402
                         parse_toml)
from msrgen.model import (BIT, ENTRY_NAME_MAX, TEXT, TEXT_MAX, U32, U64, Feature,  # noqa: E402
                          KeyType, Msr, NotTested, Origin, Quirk, Registry, is_canonical,
                          toml_keys)
from msrgen.render import comment_text, cstr, hex32, hex64  # noqa: E402
from msrgen.validate import VALUE_CHECKS, check_value, validate_registry  # noqa: E402


class SourceMapLines(unittest.TestCase):
    TEXT = "\n".join([
        "schema = 1",                         # 1
        "# [[msr]] in a comment",             # 2
        "[feature.A]",                        # 3
        "leaf = 1",                           # 4
        "[[msr]]",                            # 5
        'name = "X"',                         # 6
        "features = [",                       # 7
        '  "A",  # ] not the end',            # 8
        "]",                                  # 9
        'ref = """',                          # 10
        "[[msr]]",                            # 11: inside the string
        'write = 1 """',                      # 12
        "write = 5",                          # 13
        "[[msr]]",                            # 14
        "'odd key' = 1",                      # 15
        "a.b = 2",                            # 16
        "[quirk.Q]",                          # 17
        "why = 'it [is] \"so\"'",             # 18
        "vendors = [\"amd\",",                # 19
        "  \"intel\"]",                       # 20
        "keep_mask = 0x1",                    # 21
    ]) + "\n"

    def setUp(self) -> None:
        doc, diags = parse_toml(self.TEXT, "t.toml")
        self.assertEqual(diags, [])
        assert doc is not None
        self.smap: SourceMap = doc.smap
        self.assertEqual(len(doc.data["msr"]), 2)

    def test_headers_and_keys(self) -> None:
        line = self.smap.line
        self.assertEqual(line(("schema",)), 1)
        self.assertEqual(line(("feature", "A")), 3)
        self.assertEqual(line(("feature", "A", "leaf")), 4)
        self.assertEqual(line(("msr", 0)), 5)
        self.assertEqual(line(("msr", 0, "features")), 7)
        self.assertEqual(line(("msr", 0, "ref")), 10)
        self.assertEqual(line(("msr", 0, "write")), 13)
        self.assertEqual(line(("msr", 1)), 14)
        self.assertEqual(line(("msr", 1, "odd key")), 15)
        self.assertEqual(line(("msr", 1, "a", "b")), 16)
        self.assertEqual(line(("quirk", "Q", "why")), 18)
        self.assertEqual(line(("quirk", "Q", "vendors")), 19)
        self.assertEqual(line(("quirk", "Q", "keep_mask")), 21)

    def test_missing_key_maps_to_header(self) -> None:
        self.assertEqual(self.smap.line(("msr", 1, "index")), 14)
        self.assertEqual(self.smap.line(("noncanonical",)), 1)

    def test_crlf(self) -> None:
        doc, _ = parse_toml("schema = 1\r\n\r\n[[msr]]\r\nname = \"X\"\r\n", "t.toml")
        assert doc is not None
        self.assertEqual(doc.smap.line(("msr", 0, "name")), 4)


class Nesting(unittest.TestCase):
    def test_depths(self) -> None:
        text = "\n".join([
            "a = 1",                             # 1: 1
            "b = [[1], 'x[[[', \"]]]\"]  # [[[",  # 2: 3, brackets in strings and comments
            "[t.u]",                             # 3: 2
            "c.d = {e = [1]}",                   # 4: 2 + 2 + 2
            "f = [",                             # 5: 2 + 1 + 2, over three lines
            "  [",
            "]]",
            "[\"q.r\".s]",                       # 8: 2, a quoted dot
            "g = '''[[[",                        # 9: 3, a multi-line string
            "[[[['''",
            "h = {a.b.c = {d = [1.5, 2.5]}, 'e.f' = 1}",  # 11: 2 + 1 + 3 brackets + 2 dots
        ])
        self.assertEqual(list(nesting_depths(text)),
                         [(1, 1), (2, 3), (3, 2), (4, 6), (5, 5), (8, 2), (9, 3), (11, 8)])

    def test_limit(self) -> None:
        """MAX_NESTING levels parse; one more is an error at the key's line."""
        def value(levels: int) -> str:
            return "x = 1\ny = " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"

        doc, diags = parse_toml(value(MAX_NESTING), "t.toml")
        self.assertEqual(diags, [])
        self.assertIsNotNone(doc)
        doc, diags = parse_toml(value(MAX_NESTING + 1), "t.toml")
        self.assertIsNone(doc)
        self.assertEqual([d.format() for d in diags],
                         [f"t.toml:2: error: nested {MAX_NESTING + 1} levels deep (tables, "
                          f"dotted keys, arrays and inline tables); at most {MAX_NESTING}"])


class Canonical(unittest.TestCase):
    def test_48_bits(self) -> None:
        self.assertTrue(is_canonical(0x0000_7fff_ffff_ffff, 48))
        self.assertTrue(is_canonical(0xffff_8000_0000_0000, 48))
        self.assertFalse(is_canonical(0x0000_8000_0000_0000, 48))
        self.assertFalse(is_canonical(0xffff_7fff_ffff_ffff, 48))
        self.assertTrue(is_canonical(0, 48))
        self.assertTrue(is_canonical((1 << 64) - 1, 48))

    def test_57_bits(self) -> None:
        self.assertTrue(is_canonical(0x00ff_ffff_ffff_ffff, 57))
        self.assertTrue(is_canonical(0xff00_0000_0000_0000, 57))
        self.assertFalse(is_canonical(0x0100_0000_0000_0000, 57))
        self.assertTrue(is_canonical(0x0000_8000_0000_0000, 57))
        self.assertFalse(is_canonical(0xaaaa_aaaa_aaaa_aaaa, 57))
        self.assertFalse(is_canonical(0xaaaa_aaaa_aaaa_aaaa, 48))


class Values(unittest.TestCase):
    def test_bool_is_not_an_int(self) -> None:
        self.assertEqual(check_value(True, U32), ["expected an integer, got a boolean (true)"])
        self.assertEqual(check_value(1, KeyType("bool")),
                         ["expected true or false, got an integer (0x1)"])

    def test_ranges(self) -> None:
        self.assertEqual(check_value((1 << 32) - 1, U32), [])
        self.assertEqual(check_value(1 << 32, U32), ["0x1_0000_0000 does not fit in 32 bits"])
        self.assertEqual(check_value((1 << 64) - 1, U64), [])
        self.assertIn("does not fit in 64 bits", check_value(1 << 64, U64)[0])
        self.assertIn("is negative", check_value(-1, U64)[0])
        self.assertEqual(check_value(31, BIT), [])
        self.assertEqual(check_value(32, BIT), ["32 is out of range 0..31"])
        self.assertEqual(check_value(-5, U32), ["-5 (-0x5) is negative; numbers are unsigned"])
        # Past 4,300 decimal digits str() raises; such numbers are shown in hex.
        self.assertEqual(check_value(1 << 16_000, BIT),
                         [f"{hex_num(1 << 16_000)} is out of range 0..31"])
        self.assertEqual(check_value(-(1 << 16_000), U32),
                         [f"{hex_num(-(1 << 16_000))} is negative; numbers are unsigned"])

    def test_arrays(self) -> None:
        names = KeyType("str", pattern="[A-Z]+", array=True)
        self.assertEqual(check_value(["A", "b"], names), ['item 2: "b" does not match ^[A-Z]+$'])
        self.assertEqual(check_value("A", names), ['expected an array, got a string ("A")'])
        self.assertEqual(check_value([], names), [])

    def test_string_length(self) -> None:
        self.assertEqual(check_value("\U0001f600" * TEXT_MAX, TEXT), [])
        self.assertEqual(check_value("x" * (TEXT_MAX + 1), TEXT),
                         [f"a string of {TEXT_MAX + 1} characters; at most {TEXT_MAX} (strings "
                          "become C string literals, which C99 guarantees up to 4095 bytes)"])
        # What the limit is for: the longest string, in UTF-8, fits a C literal.
        self.assertLessEqual(len(("\U0001f600" * TEXT_MAX).encode()), 4095)

    def test_hex_formats(self) -> None:
        self.assertEqual(hex_u64(0x1800), "0x0000_0000_0000_1800")
        self.assertEqual(hex_num(1 << 32), "0x1_0000_0000")
        self.assertEqual(hex_num(-5), "-0x5")
        self.assertEqual(hex32(0x1a0), "0x000001a0")
        self.assertEqual(hex64(0x1800), "0x0000000000001800ull")
        with self.assertRaises(ValueError):
            hex32(1 << 32)

    def test_diag_format(self) -> None:
        self.assertEqual(Diag("r.toml", 3, "A/b", "write", "bad").format(),
                         "r.toml:3: error: A/b: write: bad")
        self.assertEqual(Diag("r.toml", 0, "", "", "cannot read").format(),
                         "r.toml: error: cannot read")


class MessageEscaping(unittest.TestCase):
    def test_escape(self) -> None:
        cases = {
            "\x00": "\\x00", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b[2J": "\\x1b[2J",
            "\x7f": "\\x7f", "\x85": "\\x85", "\x9b": "\\x9b", "\u2028": "\\u2028",
            "\u2029": "\\u2029", "\u202e": "\\u202e", "\u2066": "\\u2066",
            "\u200b": "\\u200b", "\ufeff": "\\ufeff", "\udcff": "\\udcff",
            "\U000e0041": "\\U000e0041", "\ue000": "\\ue000",
        }
        for raw, shown in cases.items():
            with self.subTest(raw=repr(raw)):
                self.assertEqual(escape(f"a{raw}b"), f"a{shown}b")
        for kept in ("für", "a\\x00b", "tab\\t", "µ × 2", "a\u00a0b", "日本"):
            self.assertEqual(escape(kept), kept)

    def test_every_character_keeps_one_line(self) -> None:
        """No character survives escaping that splits a line or is unprintable."""
        for code in range(0x110000):
            ch = chr(code)
            shown = escape(ch)
            if shown != ch:
                self.assertTrue(shown.isascii() and shown.isprintable(), hex(code))
            else:
                self.assertEqual(len(ch.splitlines()), 1, hex(code))

    def test_diag_format_escapes_every_part(self) -> None:
        d = Diag("a\nb.toml", 3, "X\x00Y", "f\tg", "bad \u202eevil\nr.toml:1: error: forged")
        line = d.format()
        self.assertEqual(line.splitlines(), [line])
        self.assertEqual(line, "a\\nb.toml:3: error: X\\x00Y: f\\tg: bad \\u202eevil\\n"
                               "r.toml:1: error: forged")


class Model(unittest.TestCase):
    def test_expanded_reserved_order(self) -> None:
        m = Msr(name="X", index=1, features=("A",), write=0x1000, reserved=(0x5, 0x6),
                reserved_bits=0xf0, canonical=True)
        got = [(r.value, r.origin) for r in m.expanded_reserved(0xaaaa)]
        self.assertEqual(got, [(0x5, Origin.LISTED), (0x6, Origin.LISTED),
                               (0xaaaa, Origin.NONCANONICAL), (0x10f0, Origin.BITS)])
        self.assertEqual(Msr(name="X", index=1, features=("A",), write=1)
                         .expanded_reserved(0xaaaa), ())

    def test_sort_key(self) -> None:
        reg = Msr(name="R", index=0, features=("A",), write=1, kind="kvm_reg")
        pat = Msr(name="P", index=0x277, features=("A",), write=1)
        aux = Msr(name="T", label="rdpid", index=0xc000_0103, features=("A",), write=1)
        self.assertEqual(sorted([reg, aux, pat], key=Msr.sort_key), [pat, aux, reg])


class EntryNames(unittest.TestCase):
    """ENTRY_NAME_MAX counts NAME/label, the slash included."""

    @staticmethod
    def errors(name: str, label: str | None = None) -> list[tuple[str, str]]:
        text = ("schema = 1\nnoncanonical = 0xaaaa_aaaa_aaaa_aaaa\n"
                '[feature.NONE]\nleaf = 1\nreg = "ecx"\nbit = 31\n'
                f'[[msr]]\nname = "{name}"\nindex = 0x10\nfeatures = ["NONE"]\nwrite = 1\n'
                + (f'label = "{label}"\n' if label else ""))
        doc, diags = parse_toml(text, "t.toml")
        assert doc is not None, diags
        return [(d.field, d.message) for d in validate_registry(doc)]

    def test_boundary(self) -> None:
        self.assertEqual(ENTRY_NAME_MAX, 48)
        self.assertEqual(self.errors("A" * 48), [])
        self.assertEqual(self.errors("A" * 40, "b" * 7), [])
        self.assertEqual([f for f, _ in self.errors("A" * 49)], ["name"])
        self.assertEqual([f for f, _ in self.errors("A" * 40, "b" * 8)], ["label"])
        self.assertEqual([f for f, _ in self.errors("A" * 49, "b")], ["name"])
        self.assertIn("50 characters long (NAME/label); at most 48 (MSR_ENTRY_NAME_MAX)",
                      self.errors("A" * 48, "b")[0][1])

    def test_header_defines_it(self) -> None:
        """msr_table.h hands the same number to the runtime."""
        header = (SRC / "gen" / "generated" / "msr_table.h").read_text()
        self.assertIn(f"\n#define MSR_ENTRY_NAME_MAX {ENTRY_NAME_MAX}\n", header)


class Escaping(unittest.TestCase):
    def test_cstr(self) -> None:
        self.assertEqual(cstr(None), "NULL")
        self.assertEqual(cstr('a "b" \\c'), '"a \\"b\\" \\\\c"')
        self.assertEqual(cstr("x\ny\tz"), '"x\\ny\\tz"')
        self.assertEqual(cstr("\x01" + "7"), '"\\0017"')
        self.assertEqual(cstr("??="), '"?\\?="')
        self.assertEqual(cstr("für"), '"für"')

    def test_comment_text(self) -> None:
        self.assertEqual(comment_text("a  b\n\tc\u2028d"), "a b c d")
        self.assertEqual(comment_text("x\x00y\x1b[2Jz\u202e\x7f"), "x\\x00y\\x1b[2Jz\\u202e\\x7f")
        self.assertEqual(comment_text("a */ b /* c"), "a * / b / * c")
        for tricky in ("/*/", "*/*", "/**/", "**//**", "/*/*/"):
            with self.subTest(text=tricky):
                got = comment_text(tricky)
                self.assertNotIn("*/", got)
                self.assertNotIn("/*", got)
        self.assertEqual(comment_text("für — ok"), "für — ok")


class ChecksDef(unittest.TestCase):
    def test_real_file(self) -> None:
        text = CHECKS.read_text()
        checks, diags = parse_checks(text, "checks.def")
        self.assertEqual(diags, [])
        self.assertEqual(len(checks), sum(1 for line in text.splitlines()
                                          if line.startswith("CHECK(")))
        self.assertIn("rdmsr-reset", {c.name for c in checks})
        self.assertEqual(checks[0].line, text.split("\n").index(
            next(line for line in text.split("\n") if line.startswith("CHECK("))) + 1)

    def test_bad_lines(self) -> None:
        _, diags = parse_checks('CHECK(A, "a", "x")\nCHECK(B, "a", "y")\n CHECK(C)\n', "c.def")
        self.assertEqual([(d.line, d.field) for d in diags], [(2, "name"), (3, "")])

    def test_value_checks_exist(self) -> None:
        """The checks got_fault may go with are all in checks.def."""
        checks, _ = parse_checks(CHECKS.read_text(), "checks.def")
        self.assertLessEqual(VALUE_CHECKS, {c.name for c in checks})


class RegistryHeader(unittest.TestCase):
    def test_every_key_is_documented(self) -> None:
        """The header comment of registry/msrs.toml names every key of the model."""
        header = []
        for line in REGISTRY.read_text().splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        # A key opens a line of a key list: "#   name ...", "#   leaf, subleaf, reg ...".
        documented = {key for line in header
                      for m in [re.match(r"#\s+((?:[a-z_0-9]+, )*[a-z_0-9]+)\s", line)] if m
                      for key in m[1].split(", ")}
        for cls in (Registry, Feature, Quirk, Msr, NotTested):
            for key in toml_keys(cls):
                with self.subTest(table=cls.__name__, key=key):
                    self.assertIn(key, documented)


class MesonDependencies(unittest.TestCase):
    def test_every_generator_file_is_a_dependency(self) -> None:
        """gen/meson.build lists every module and template, so editing one regenerates."""
        build = (SRC / "gen" / "meson.build").read_text()
        gen = SRC / "gen"
        files = [*gen.glob("msrgen/*.py"), *gen.glob("msrgen/templates/*.j2")]
        self.assertTrue(files)
        for path in files:
            self.assertIn(f"'{path.relative_to(gen).as_posix()}'", build)


if __name__ == "__main__":
    unittest.main()
