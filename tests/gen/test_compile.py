# SPDX-License-Identifier: MIT
"""compile: the generated C compiles cleanly.

Compiles the golden renderings (every key, the empty forms) and a fresh
rendering of the real registry with -Wall -Wextra -Wpedantic -Werror
against runtime/common and runtime/include.  (The guest no longer links
any generated table: it runs plans and knows no registry.)  Input paths
with comment delimiters and control characters compile too.

Usage: test_compile.py [CC...]   (meson passes cc.cmd_array(); default: cc)
"""
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from gentest import HERE, SRC, inputs, run_generator

CC = sys.argv[1:] or ["cc"]
FLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-Wmissing-prototypes",
         "-Wstrict-prototypes", "-Wno-unused-parameter"]
INCLUDES = ["-I", str(SRC / "runtime" / "common"), "-I", str(SRC / "runtime" / "include")]


class Compile(unittest.TestCase):
    def compile_dir(self, gen: Path) -> None:
        for source in sorted(gen.glob("*.c")):
            with self.subTest(source=str(source)):
                self.cc(*FLAGS, *INCLUDES, "-I", str(gen), "-fsyntax-only", str(source))

    def cc(self, *args: str) -> None:
        r = subprocess.run([*CC, *args], capture_output=True, text=True, check=False)
        self.assertEqual(r.returncode, 0, f"{' '.join([*CC, *args])}\n{r.stderr}")

    def test_golden(self) -> None:
        for case in ("small", "minimal"):
            self.compile_dir(HERE / "golden" / case)

    def test_registry(self) -> None:
        with tempfile.TemporaryDirectory() as out:
            r = run_generator("render", *inputs(), "--outdir", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.compile_dir(Path(out))

    def test_odd_paths(self) -> None:
        """Input paths reach the comments only, escaped: "*/", "/*" or a bidi override."""
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
            odd = Path(tmp) / "end*" / "*open" / "bidi\u202e\x1b"
            odd.mkdir(parents=True)
            for name in ("msrs.toml", "deviations.toml"):
                shutil.copyfile(HERE / "ok_minimal" / name, odd / name)
            r = run_generator("render", *inputs(odd / "msrs.toml", odd / "deviations.toml"),
                              "--outdir", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.compile_dir(Path(out))
            header = (Path(out) / "msr_table.h").read_text()
            self.assertIn("end* / *open/bidi\\u202e\\x1b/msrs.toml", header)

    def test_unknown_vm_cap(self) -> None:
        """A vm_cap_gate no header defines stops the C build with the registry's words."""
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
            text = (HERE / "ok_small" / "msrs.toml").read_text()
            self.assertIn('"KVM_CAP_MSR_PLATFORM_INFO"', text)
            registry = Path(tmp) / "msrs.toml"
            registry.write_text(text.replace('"KVM_CAP_MSR_PLATFORM_INFO"',
                                             '"KVM_CAP_MSRCHECK_NO_SUCH_CAP"'))
            r = run_generator("render", *inputs(registry, HERE / "ok_small" / "deviations.toml"),
                              "--outdir", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            r = subprocess.run([*CC, *FLAGS, *INCLUDES, "-I", out, "-fsyntax-only",
                                str(Path(out) / "msr_table.c")],
                               capture_output=True, text=True, check=False)
            self.assertNotEqual(r.returncode, 0, "compiled without the capability")
            self.assertIn("[[msr]] FOO: vm_cap_gate: KVM_CAP_MSRCHECK_NO_SUCH_CAP is defined "
                          "by neither <linux/kvm.h> nor runtime/common/kvm_compat.h", r.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
