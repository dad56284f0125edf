# SPDX-License-Identifier: MIT
"""multi_error: one run reports every error of a file, sorted by line.

fixtures/err_multi.toml holds errors of several classes, placed so that the
order the validator finds them in (top level, features, quirks, entries,
then the checks across entries) differs from their order in the file.
"""
import unittest

from gentest import FIXTURES, OK_SMALL, inputs, rel, run_generator
from test_errors import expectations


class MultiError(unittest.TestCase):
    def test_all_errors_sorted_by_line(self) -> None:
        fixture = FIXTURES / "err_multi.toml"
        expects = expectations(fixture)
        self.assertGreaterEqual(len(expects), 5)
        self.assertEqual(expects, sorted(expects), "write the expect lines in line order")
        r = run_generator("lint", *inputs(fixture, OK_SMALL / "deviations.toml"))
        self.assertEqual(r.returncode, 1)
        got = r.stderr.splitlines()
        self.assertEqual(len(got), len(expects), r.stderr)
        for line, (want_line, substring) in zip(got, expects):
            self.assertTrue(line.startswith(f"{rel(fixture)}:{want_line}: error: "), line)
            self.assertIn(substring, line)


if __name__ == "__main__":
    unittest.main()
