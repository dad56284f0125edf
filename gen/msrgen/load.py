"""Reading the inputs: TOML documents with a source map, and checks.def.

tomllib returns plain dicts without positions, so `SourceMap` scans the raw
text once and records the line of every table header and of every key, by
its full TOML path: ("msr", 3) is the fourth [[msr]] header, ("msr", 3,
"write") its `write` key, ("feature", "LM", "bit") a key of [feature.LM].
A multi-line value maps to the line of its key.  Before tomllib sees a
text, `nesting_errors` rejects anything nested more than MAX_NESTING levels,
at the line where it starts.
"""
from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .diag import Diag
from .model import Check

TomlPath = tuple[Any, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*")
_TOML_POS = re.compile(r"^(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.S)
_TOML_TWICE = re.compile(r"Cannot declare (?P<key>\(.*?\)) twice")
_TOML_END = re.compile(r"^(?P<msg>.*) \(at end of document\)$", re.S)

# Levels of tables, dotted keys, arrays and inline tables a document may
# nest; msrs.toml needs four.  Far below what exhausts tomllib's recursion.
MAX_NESTING = 32


def _split_key(text: str) -> tuple[str, ...] | None:
    """The parts of a (possibly dotted, possibly quoted) TOML key."""
    text = text.strip(" \t")
    if _BARE_KEY.fullmatch(text):
        return tuple(p.strip(" \t") for p in text.split("."))
    try:
        doc: Any = tomllib.loads(text + " = 0")
    except tomllib.TOMLDecodeError:
        return None
    parts = []
    while isinstance(doc, dict) and len(doc) == 1:
        name, doc = next(iter(doc.items()))
        parts.append(name)
    return tuple(parts)


def _skip_string(s: str, i: int) -> int:
    """Where scanning resumes after the one-line string that opens at s[i]."""
    quote = s[i]
    i += 1
    while i < len(s) and s[i] != quote:
        i += 2 if quote == '"' and s[i] == "\\" else 1
    return i + 1


def _find_unquoted(s: str, start: int, token: str) -> int:
    """Index of the first `token` in s[start:] outside quoted keys, or -1."""
    i = start
    while i < len(s):
        if s[i] in "\"'":
            i = _skip_string(s, i)
        elif s.startswith(token, i):
            return i
        else:
            i += 1
    return -1


# The characters _ValueScanner acts on; it skips everything else at once.
_VALUE_SYNTAX = re.compile(r"""["'#\[\]{},=.]""")


@dataclass
class _ValueScanner:
    """Follows a TOML value across lines: open brackets and multi-line strings.

    It also counts how deeply the value nests (`peak`): a level per array
    or inline table, and one per dot of a dotted key inside an inline table
    ({a.b.c = 1} is three tables deep).
    """

    depth: int = 0
    multiline: str | None = None  # '"""' or "'''" while inside one
    peak: int = 0  # the most levels open at once
    opened: list[str] = field(default_factory=list)  # the open brackets, "[" or "{"
    key_dots: list[int] = field(default_factory=list)  # per open bracket: its keys' dots
    dots: int = 0  # sum(key_dots)
    in_key: bool = False  # between "{" or "," of an inline table and "="

    @property
    def busy(self) -> bool:
        """Whether the next line still belongs to the current value."""
        return self.depth > 0 or self.multiline is not None

    def feed(self, s: str, i: int) -> None:
        """Scan s[i:] and update the state."""
        n = len(s)
        while i < n:
            if self.multiline is not None:
                i = self._close_multiline(s, i)
                continue
            m = _VALUE_SYNTAX.search(s, i)
            if m is None:
                return
            i = m.start()
            c = s[i]
            if c == "#":
                return
            if s.startswith('"""', i) or s.startswith("'''", i):
                self.multiline = s[i:i + 3]
                i += 3
            elif c in "\"'":
                i = _skip_string(s, i)
            else:
                self._count(c)
                i += 1

    def _count(self, c: str) -> None:
        """Follow brackets, and the dots of keys in inline tables."""
        if c in "[{":
            self.depth += 1
            self.opened.append(c)
            self.key_dots.append(0)
            self.in_key = c == "{"
        elif c in "]}":
            self.depth -= 1
            if self.opened:
                self.opened.pop()
                self.dots -= self.key_dots.pop()
            self.in_key = False
        elif c == ",":
            self.in_key = self.opened[-1:] == ["{"]
        elif c == "=":
            self.in_key = False
        elif c == "." and self.in_key:
            self.key_dots[-1] += 1
            self.dots += 1
        self.peak = max(self.peak, len(self.opened) + self.dots)

    def _close_multiline(self, s: str, i: int) -> int:
        """Scan inside a multi-line string; return where scanning resumes."""
        assert self.multiline is not None
        while i < len(s):
            if self.multiline == '"""' and s[i] == "\\":
                i += 2
            elif s.startswith(self.multiline, i):
                i += 3
                # A closing delimiter may be preceded by up to two quotes
                # that belong to the string.
                while i < len(s) and s[i] == self.multiline[0]:
                    i += 1
                self.multiline = None
                return i
            else:
                i += 1
        return i


def _count_parts(s: str, start: int, end: int) -> int:
    """How many dot-separated parts the key s[start:end] has (quoted dots excluded)."""
    parts = 1
    i = start
    while i < end:
        if s[i] in "\"'":
            i = _skip_string(s, i)
        else:
            parts += s[i] == "."
            i += 1
    return parts


def nesting_depths(text: str) -> Iterator[tuple[int, int]]:
    """(line, depth) of every table header and key/value of a TOML text.

    A header is as deep as its dotted name has parts; a key/value adds the
    parts of its key and the arrays and inline tables its value opens, which
    may continue over several lines, and the dotted keys inside its inline
    tables: the line is where it starts.  Works on any text, valid TOML or not.
    """
    table = 0
    value = _ValueScanner()
    start = depth = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if value.busy:
            value.feed(line, 0)
            if not value.busy:
                yield start, depth + value.peak
            continue
        s = line.lstrip(" \t")
        if not s or s[0] == "#":
            continue
        if s[0] == "[":
            opening = 2 if s.startswith("[[") else 1
            end = _find_unquoted(s, opening, "]")
            table = _count_parts(s, opening, end if end > 0 else len(s))
            yield lineno, table
            continue
        eq = _find_unquoted(s, 0, "=")
        if eq < 0:
            continue
        start, depth = lineno, table + _count_parts(s, 0, eq)
        value = _ValueScanner()
        value.feed(s, eq + 1)
        if not value.busy:
            yield start, depth + value.peak
    if value.busy:
        yield start, depth + value.peak


@dataclass
class SourceMap:
    """Line numbers of the tables and keys of one TOML document."""

    lines: dict[TomlPath, int] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> SourceMap:
        """Build the map from a document tomllib already accepted."""
        smap = cls({(): 1})
        arrays: dict[TomlPath, int] = {}
        table: TomlPath = ()
        value = _ValueScanner()
        for lineno, line in enumerate(text.split("\n"), 1):
            if value.busy:
                value.feed(line, 0)
                continue
            s = line.lstrip(" \t")
            if not s or s[0] == "#":
                continue
            if s.startswith("[["):
                end = _find_unquoted(s, 2, "]]")
                parts = _split_key(s[2:end]) if end > 0 else None
                if parts is None:
                    continue
                base = smap._resolve(parts[:-1], arrays) + (parts[-1],)
                index = arrays.get(base, 0)
                arrays[base] = index + 1
                table = base + (index,)
                smap._record(table, lineno)
            elif s[0] == "[":
                end = _find_unquoted(s, 1, "]")
                parts = _split_key(s[1:end]) if end > 0 else None
                if parts is None:
                    continue
                table = smap._resolve(parts, arrays)
                smap._record(table, lineno)
            else:
                eq = _find_unquoted(s, 0, "=")
                if eq < 0:
                    continue
                parts = _split_key(s[:eq])
                if parts is not None:
                    smap._record(table + parts, lineno)
                value.feed(s, eq + 1)
        return smap

    @staticmethod
    def _resolve(parts: tuple[str, ...], arrays: dict[TomlPath, int]) -> TomlPath:
        """A header's path, with each array of tables replaced by its last element."""
        path: TomlPath = ()
        for part in parts:
            path += (part,)
            if path in arrays:
                path += (arrays[path] - 1,)
        return path

    def _record(self, path: TomlPath, lineno: int) -> None:
        """Remember the first line of a path and of the tables it implies."""
        for n in range(1, len(path) + 1):
            self.lines.setdefault(path[:n], lineno)

    def line(self, path: TomlPath) -> int:
        """The line of a path, or of its nearest recorded parent.

        A key the table leaves out maps to the table's header, which is where
        a "missing key" error belongs.
        """
        while path not in self.lines:
            path = path[:-1]
        return self.lines[path]


@dataclass(frozen=True)
class Document:
    """A parsed TOML input: its display path, data and source map."""

    path: str
    data: dict[str, Any]
    smap: SourceMap


def read_bytes(path: str, display: str) -> tuple[bytes | None, list[Diag]]:
    """Read a file, or explain why it cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read(), []
    except OSError as e:
        return None, [Diag(display, 0, "", "", f"cannot read: {e.strerror or e}")]


def decode_utf8(raw: bytes, display: str) -> tuple[str | None, list[Diag]]:
    """Decode UTF-8, pointing at the first bad byte if it is not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Diag(display, 1, "", "", "starts with a byte order mark; "
                                               "save the file as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return None, [Diag(display, line, "", "",
                           f"not UTF-8: byte 0x{raw[e.start]:02x} at column {column} "
                           f"({e.reason}); the file must be UTF-8")]


def _dotted_table(m: re.Match[str]) -> str:
    """tomllib's "Cannot declare ('a', 'b') twice" as "Cannot declare [a.b] twice"."""
    try:
        parts = ast.literal_eval(m["key"])
    except (ValueError, SyntaxError):
        return m[0]
    if isinstance(parts, str):
        parts = (parts,)
    return f"Cannot declare [{'.'.join(str(p) for p in parts)}] twice"


def last_line(text: str) -> int:
    """The number of the last line of a text (1 if it is empty).

    A final newline ends the last line rather than starting another, as
    editors count: errors "at end of file" belong there.
    """
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def toml_error(e: tomllib.TOMLDecodeError, text: str, display: str) -> Diag:
    """A tomllib error as a diagnostic, with the line tomllib put in its message."""
    message = _TOML_TWICE.sub(_dotted_table, str(e))
    m = _TOML_POS.match(message)
    if m:
        return Diag(display, int(m["line"]), "", "",
                    f"TOML syntax: {m['msg']} (column {m['col']})")
    m = _TOML_END.match(message)
    if m:
        return Diag(display, last_line(text), "", "", f"TOML syntax: {m['msg']} (at end of file)")
    return Diag(display, 1, "", "", f"TOML syntax: {message}")


def load_toml(path: str, display: str) -> tuple[Document | None, list[Diag]]:
    """Read, decode and parse one TOML file and map its lines."""
    raw, diags = read_bytes(path, display)
    if raw is None:
        return None, diags
    text, diags = decode_utf8(raw, display)
    if text is None:
        return None, diags
    return parse_toml(text, display)


def _failing_line(text: str) -> int:
    """The line where tomllib stops with an exception other than TOMLDecodeError.

    tomllib reads in order and stops at the first problem, so a prefix of
    the text raises the same exception if and only if it holds that line:
    a binary search over prefixes finds it.
    """
    lines = text.split("\n")
    good, bad = 0, len(lines)  # the first `good` lines parse past it; `bad` lines do not
    while bad - good > 1:
        mid = (good + bad) // 2
        try:
            tomllib.loads("\n".join(lines[:mid]))
        except tomllib.TOMLDecodeError:
            good = mid
        except (ValueError, RecursionError):
            bad = mid
        else:
            good = mid
    return min(bad, last_line(text))


def nesting_errors(text: str, display: str) -> list[Diag]:
    """Every table or value nested more than MAX_NESTING levels, at the line it starts."""
    return [Diag(display, line, "", "", f"nested {depth} levels deep (tables, dotted keys, "
                                        f"arrays and inline tables); at most {MAX_NESTING}")
            for line, depth in nesting_depths(text) if depth > MAX_NESTING]


def parse_toml(text: str, display: str) -> tuple[Document | None, list[Diag]]:
    """Parse TOML text and map its lines.

    Nesting is checked first: tomllib recurses once per level and would
    run out of stack (a RecursionError, without a line) on thousands.
    """
    diags = nesting_errors(text, display)
    if diags:
        return None, diags
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return None, [toml_error(e, text, display)]
    except ValueError as e:
        # int() refuses decimal integers of more than 4,300 digits
        # (sys.int_info.default_max_str_digits), and tomllib lets that through.
        reason = str(e).split("; use sys.set_int_max_str_digits()")[0]
        return None, [Diag(display, _failing_line(text), "", "",
                           f"cannot read a value: {reason}; numbers are at most 64 bits")]
    except RecursionError:
        # Only if the scan above counted fewer levels than tomllib did.
        line, depth = max(nesting_depths(text), key=lambda ld: (ld[1], -ld[0]), default=(1, 0))
        return None, [Diag(display, line, "", "", f"nested too deeply ({depth} levels counted)")]
    return Document(display, data, SourceMap.scan(text)), []


_CHECK_LINE = re.compile(
    r'\s*CHECK\(\s*(?P<ident>[A-Za-z0-9_]+)\s*,\s*"(?P<name>[^"\\]*)"\s*,'
    r'\s*"(?P<doc>(?:[^"\\]|\\.)*)"\s*\)\s*')
_CHECK_IDENT = re.compile(r"[A-Z][A-Z0-9_]*")
_CHECK_NAME = re.compile(r"[a-z][a-z0-9-]*")


def parse_checks(text: str, display: str) -> tuple[tuple[Check, ...], list[Diag]]:
    """The CHECK(ID, "name", "doc") lines of checks.def, one per line.

    Lines that start with CHECK( but do not parse, and repeated ids or
    names, are errors: the generated C and the deviations depend on them.
    """
    checks: list[Check] = []
    diags: list[Diag] = []
    by_ident: dict[str, Check] = {}
    by_name: dict[str, Check] = {}
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.lstrip().startswith("CHECK("):
            continue
        m = _CHECK_LINE.fullmatch(line)
        if not m:
            diags.append(Diag(display, lineno, "", "",
                              'cannot parse; want CHECK(ID, "name", "doc") on one line'))
            continue
        check = Check(m["ident"], m["name"], m["doc"], lineno)
        if not _CHECK_IDENT.fullmatch(check.ident):
            diags.append(Diag(display, lineno, check.ident, "id", "must match ^[A-Z][A-Z0-9_]*$"))
        elif not _CHECK_NAME.fullmatch(check.name):
            diags.append(Diag(display, lineno, check.ident, "name",
                              f"'{check.name}' must match ^[a-z][a-z0-9-]*$"))
        elif check.ident in by_ident:
            diags.append(Diag(display, lineno, check.ident, "id",
                              f"repeats the id of line {by_ident[check.ident].line}"))
        elif check.name in by_name:
            diags.append(Diag(display, lineno, check.ident, "name",
                              f"'{check.name}' repeats the name of {by_name[check.name].ident} "
                              f"(line {by_name[check.name].line})"))
        else:
            by_ident[check.ident] = by_name[check.name] = check
            checks.append(check)
    if not checks and not diags:
        diags.append(Diag(display, 1, "", "", "no CHECK() lines"))
    return tuple(checks), diags


def load_checks(path: str, display: str) -> tuple[tuple[Check, ...], list[Diag]]:
    """Read and parse runtime/common/checks.def."""
    raw, diags = read_bytes(path, display)
    if raw is None:
        return (), diags
    text, diags = decode_utf8(raw, display)
    if text is None:
        return (), diags
    return parse_checks(text, display)
