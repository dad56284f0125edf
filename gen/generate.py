#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Entry point of the generator: generate.py {render,check,lint} ...

Meson runs it as `py gen/generate.py ...`; see msrgen/cli.py for the options.
"""
import os
import sys

# Keep the source tree free of __pycache__ whoever runs us.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from msrgen.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
