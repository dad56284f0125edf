# SPDX-License-Identifier: MIT
"""determinism: the same registry always renders to the same bytes.

Two renderings of the real registry, from different working directories
and with different hash seeds, are byte-identical, and neither holds an
absolute path, a carriage return or a trailing blank.
"""
import os
import tempfile
import unittest
from pathlib import Path

from gentest import OUTPUTS, SRC, inputs, run_generator


class Determinism(unittest.TestCase):
    def test_twice_identical(self) -> None:
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            runs = ((Path(a), Path(a), "0"), (Path(b), Path("/"), "12345"))
            for out, cwd, seed in runs:
                env = dict(os.environ, PYTHONHASHSEED=seed)
                r = run_generator("render", *inputs(), "--outdir", out, cwd=cwd, env=env)
                self.assertEqual(r.returncode, 0, r.stderr)
            forbidden = {p for p in (str(SRC), os.getcwd(), a, b, str(Path(a).resolve()))
                         if len(p) > 1}
            for name in OUTPUTS:
                with self.subTest(file=name):
                    first = (Path(a) / name).read_bytes()
                    self.assertEqual(first, (Path(b) / name).read_bytes())
                    text = first.decode("utf-8")
                    for path in forbidden:
                        self.assertNotIn(path, text)
                    self.assertNotIn("\r", text)
                    self.assertTrue(text.endswith("\n") and not text.endswith("\n\n"))
                    for line in text.split("\n"):
                        self.assertEqual(line, line.rstrip(), f"trailing blank in {name}")


if __name__ == "__main__":
    unittest.main()
