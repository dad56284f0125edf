"""Diagnostics in the compiler's format, and number formatting for them."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

# Unicode categories that are escaped in every message: controls (C0, DEL,
# C1), format characters (bidi overrides, zero widths), surrogates (from
# undecodable file names), private use, unassigned, and line and paragraph
# separators.  What is left can neither start a new line nor hide text.
ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NAMED_ESCAPES = MappingProxyType({"\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _escape_char(ch: str) -> str:
    """One character as a message shows it: itself, or \\t, \\x00, \\u202e, \\U000e0001."""
    if unicodedata.category(ch) not in ESCAPED_CATEGORIES:
        return ch
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape(text: str) -> str:
    """Text with every control, format and separator character escaped.

    Every message goes through here (Diag.format, and the command line's
    other lines), so no input -- a name, a key, a value, a file path -- can
    forge a second line, move the cursor or reorder what the reader sees.
    Backslashes are left alone; quoted strings double them (validate._quote).
    """
    if text.isprintable():
        return text
    return "".join(_escape_char(ch) for ch in text)


@dataclass(frozen=True)
class Diag:
    """One error: `file:line: error: entry: field: message`.

    line 0 means the error has no line (an unreadable file).  entry and
    field are empty for errors about the file as a whole (TOML syntax).
    """

    file: str
    line: int
    entry: str
    field: str
    message: str

    def format(self) -> str:
        """The diagnostic as one line, without the newline, control characters escaped."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        context = "".join(f"{p}: " for p in (self.entry, self.field) if p)
        return escape(f"{where}: error: {context}{self.message}")


def sort_diags(diags: Iterable[Diag], files: Iterable[str]) -> list[Diag]:
    """Diagnostics ordered by file (in the order given), then by line.

    The sort is stable, so errors on one line keep the order they were found.
    """
    rank = {f: i for i, f in enumerate(files)}
    return sorted(diags, key=lambda d: (rank.get(d.file, len(rank)), d.file, d.line))


def _group(digits: str) -> str:
    """Underscore every four hex digits, counting from the right."""
    head = len(digits) % 4 or 4
    return "_".join([digits[:head]] + [digits[i:i + 4] for i in range(head, len(digits), 4)])


def hex_u64(value: int) -> str:
    """A 64-bit value as the registry writes it: 0x0000_0000_0000_1800."""
    return "0x" + _group(f"{value:016x}")


def hex_num(value: int) -> str:
    """Any integer in hex with `_` every four digits: 0x1_0000_0000, -0x5."""
    sign = "-" if value < 0 else ""
    return f"{sign}0x" + _group(f"{abs(value):x}")


def hex_index(value: int) -> str:
    """An MSR index as messages show it: 0x277, 0xc0000103."""
    return f"{value:#x}"
