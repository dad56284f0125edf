# SPDX-License-Identifier: MIT
"""golden: small fixture registries render byte for byte as committed.

tests/gen/ok_small uses every key and strings that need C escaping;
tests/gen/ok_minimal has no quirks and no deviations (the empty forms).
Their renderings are committed in tests/gen/golden/<name>/.  After an
intended change to the templates or the generator, refresh them with
    /usr/bin/python3 -B tests/gen/test_golden.py --update
and review the diff before committing it.
"""
import sys
import tempfile
import unittest
from pathlib import Path

from gentest import CHECKS, HERE, OUTPUTS, inputs, run_generator

CASES = ("small", "minimal")


def render(case: str, outdir: Path) -> None:
    """Render tests/gen/ok_<case> into outdir."""
    src = HERE / f"ok_{case}"
    r = run_generator("render", *inputs(src / "msrs.toml", src / "deviations.toml", CHECKS),
                      "--outdir", outdir)
    if r.returncode != 0:
        raise AssertionError(f"rendering ok_{case} failed:\n{r.stderr}")


class Golden(unittest.TestCase):
    def test_golden(self) -> None:
        for case in CASES:
            with self.subTest(case=case), tempfile.TemporaryDirectory() as out:
                render(case, Path(out))
                for name in OUTPUTS:
                    want = (HERE / "golden" / case / name).read_bytes()
                    got = (Path(out) / name).read_bytes()
                    self.assertEqual(got.decode(), want.decode(),
                                     f"golden/{case}/{name} differs; if intended, run "
                                     "tests/gen/test_golden.py --update")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        for case in CASES:
            render(case, HERE / "golden" / case)
            print(f"updated tests/gen/golden/{case}/")
    else:
        unittest.main()
