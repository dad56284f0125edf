# SPDX-License-Identifier: MIT
"""snapshot: gen/generated/ is what the registry renders to today.

On failure the generator prints a unified diff and the command that
refreshes the committed copy (ninja -C build regen).
"""
import sys
import tempfile
import unittest
from pathlib import Path

from gentest import SRC, inputs, rel, run_generator


class Snapshot(unittest.TestCase):
    def test_committed_copy_is_fresh(self) -> None:
        r = run_generator("check", *inputs(), "--against", SRC / "gen" / "generated")
        sys.stderr.write(r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertEqual(r.returncode, 0, "gen/generated is stale (diff above)")

    def test_stale_copy_with_odd_name(self) -> None:
        """The path of a stale copy is escaped in every line that names it."""
        with tempfile.TemporaryDirectory() as tmp:
            odd = Path(tmp) / "gen\nmsrcheck: up to date\u202e"
            odd.mkdir()
            r = run_generator("check", *inputs(), "--against", odd)
            shown = rel(odd).replace("\n", "\\n").replace("\u202e", "\\u202e")
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stderr.splitlines()
        self.assertIn(f"{shown}/msr_table.h: missing", lines)
        self.assertIn(f"+++ {shown}/msr_table.h", lines)
        self.assertEqual(lines[-1], f"msrcheck: {shown} is stale")
        self.assertNotIn("\u202e", r.stderr)


if __name__ == "__main__":
    unittest.main()
