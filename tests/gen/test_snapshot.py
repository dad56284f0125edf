# SPDX-License-Identifier: MIT
"""snapshot: gen/generated/ is what the registry renders to today.

On failure the generator prints a unified diff and the command that
refreshes the committed copy (ninja -C build regen).
"""
import sys
import unittest

from gentest import SRC, inputs, run_generator


class Snapshot(unittest.TestCase):
    def test_committed_copy_is_fresh(self) -> None:
        r = run_generator("check", *inputs(), "--against", SRC / "gen" / "generated")
        sys.stderr.write(r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertEqual(r.returncode, 0, "gen/generated is stale (diff above)")


if __name__ == "__main__":
    unittest.main()
