# SPDX-License-Identifier: MIT
"""The oracle's canonical text (see oracle_dump.c): run, parse, compare.

Shared by oracle_diff.py, scenarios.py and mutants.py.
"""
from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

STEP_RE = re.compile(
    r"^ (?P<where>pre|main|main host|after|after host|reg) (?P<n>\d+) (?P<op>\S+)"
    r" (?P<check>\S+) skip=(?P<skip>\S+) fault=(?P<fault>-?\d+) reserved=(?P<reserved>-?\d+)"
    r" restore=(?P<restore>[01]) value=0x(?P<value>[0-9a-f]{16}) want=0x(?P<want>[0-9a-f]{16})"
    r" bit=(?P<bit>-?\d+) agg=(?P<agg>[01])$")
HEADER_RE = re.compile(
    r"^scenario (?P<entry>\S+) vendor=(?P<vendor>\S+) host=(?P<host>\S+) la57=(?P<la57>\S+)"
    r" bsp=(?P<bsp>\S+) vm=(?P<vm>\S+) kvm=(?P<kvm>\S+) vcpu=(?P<vcpu>\S+)"
    r" ignore_msrs=(?P<ignore>[01]) pass=(?P<pass_>\S+) realistic=(?P<realistic>[01])$")


def run_dump(argv: Sequence[str]) -> str:
    """oracle_dump's output; raises on a non-zero exit."""
    r = subprocess.run(list(argv), capture_output=True, text=True, timeout=120, check=False)
    if r.returncode:
        raise RuntimeError(f"{' '.join(argv)}: exit {r.returncode}\n{r.stderr}")
    return r.stdout


@dataclass(frozen=True)
class Step:
    """One STEP line."""

    op: str
    check: str
    skip: str
    fault: int
    reserved: int
    restore: int
    value: int
    want: int
    bit: int = -1
    agg: int = 0

    def short(self) -> str:
        """For messages."""
        return (f"{self.op} {self.check} skip={self.skip} fault={self.fault} "
                f"reserved={self.reserved} restore={self.restore} "
                f"value={self.value:#x} want={self.want:#x} bit={self.bit} agg={self.agg}")


def feature_set(text: str) -> frozenset[str]:
    """kvm=/vcpu= text as a set."""
    return frozenset() if text == "-" else frozenset(text.split("+"))


@dataclass
class Block:
    """One scenario: its header fields and its lines."""

    header: str
    entry: str
    vendor: str
    host: str
    la57: str
    vm: str
    kvm: frozenset[str]
    vcpu: frozenset[str]
    ignore_msrs: bool
    pass_: str
    realistic: bool
    lines: list[str] = field(default_factory=list)

    def attrs(self) -> dict[str, str]:
        """key=value pairs of the non-step lines (path=, host_checks=, ...)."""
        out: dict[str, str] = {}
        for line in self.lines:
            if line.startswith((" path=", " reg_present=")):
                out.update(kv.split("=", 1) for kv in line.split())
        return out

    def steps(self, where: str) -> list[Step]:
        """The steps of main, main host, after, after host or reg."""
        out = []
        for line in self.lines:
            m = STEP_RE.match(line)
            if m and m["where"] == where:
                out.append(Step(m["op"], m["check"], m["skip"], int(m["fault"]),
                                int(m["reserved"]), int(m["restore"]), int(m["value"], 16),
                                int(m["want"], 16), int(m["bit"]), int(m["agg"])))
        return out

    def sync(self, phase: str) -> int:
        """The value reported after main or after."""
        prefix = f" {phase} sync=0x"
        for line in self.lines:
            if line.startswith(prefix):
                return int(line[len(prefix):], 16)
        raise KeyError(f"{self.header}: no {phase} sync line")

    def reserved(self) -> list[tuple[int, bool]]:
        """(value, faults) of each reserved value."""
        out = []
        for line in self.lines:
            if line.startswith(" reserved "):
                _, _, value, faults = line.split()
                out.append((int(value.split("=0x")[1], 16), faults == "faults=1"))
        return out


@dataclass
class Dump:
    """A parsed canonical text."""

    preamble: list[str]
    blocks: list[Block]

    def cleared(self) -> dict[str, bool]:
        """feature -> cleared on the featureless vCPU."""
        return {p[1]: p[2] == "cleared=1" for p in
                (line.split() for line in self.preamble) if p[0] == "feature"}

    def readback_all_ones(self, entry: str, vendor: str, host: str = "-") -> int:
        """RDMSR after WRMSR of ~0 (host "-": no quirk of the entry asks)."""
        for line in self.preamble:
            p = line.split()
            if p[0] == "readback" and p[1] == entry and p[2] == f"vendor={vendor}" \
                    and p[3] == f"host={host}":
                return int(p[4].split("=0x")[1], 16)
        raise KeyError(f"no readback line for {entry} {vendor} host {host}")

    def select(self, entry: str | Iterable[str] | None = None, vendor: str | Iterable[str] | None = None,
               vcpu: Iterable[str] | None = None, kvm: Iterable[str] | None = None,
               ignore_msrs: bool | None = None, pass_: str | None = None,
               realistic: bool | None = None) -> list[Block]:
        """The blocks that match every given criterion.  Raises if none do,
        so a scenario test can never pass by checking nothing."""
        def one_of(v: str | Iterable[str] | None) -> set[str] | None:
            return None if v is None else {v} if isinstance(v, str) else set(v)
        entries, vendors = one_of(entry), one_of(vendor)
        vcpu_set = None if vcpu is None else frozenset(vcpu)
        kvm_set = None if kvm is None else frozenset(kvm)
        out = [b for b in self.blocks
               if (entries is None or b.entry in entries)
               and (vendors is None or b.vendor in vendors)
               and (vcpu_set is None or b.vcpu == vcpu_set)
               and (kvm_set is None or b.kvm == kvm_set)
               and (ignore_msrs is None or b.ignore_msrs == ignore_msrs)
               and (pass_ is None or b.pass_ == pass_)
               and (realistic is None or b.realistic == realistic)]
        if not out:
            raise AssertionError(f"no scenario matches entry={entry} vendor={vendor} vcpu={vcpu} "
                                 f"kvm={kvm} ignore_msrs={ignore_msrs} pass={pass_}")
        return out


def parse(text: str) -> Dump:
    """Split the canonical text into its preamble and scenario blocks."""
    preamble: list[str] = []
    blocks: list[Block] = []
    for line in text.splitlines():
        if line.startswith("scenario "):
            m = HEADER_RE.match(line)
            if not m:
                raise ValueError(f"bad scenario line: {line}")
            blocks.append(Block(line, m["entry"], m["vendor"], m["host"], m["la57"], m["vm"],
                                feature_set(m["kvm"]),
                                feature_set(m["vcpu"]), m["ignore"] == "1", m["pass_"],
                                m["realistic"] == "1"))
        elif blocks:
            blocks[-1].lines.append(line)
        else:
            preamble.append(line)
    return Dump(preamble, blocks)


def _chunks(text: str) -> dict[str, str]:
    """{title: body}: the preamble, then one chunk per scenario, in order."""
    parts = text.split("\nscenario ")
    out = {"(preamble)": parts[0]}
    for part in parts[1:]:
        title, _, body = part.partition("\n")
        out["scenario " + title] = body
    return out


_LAST: list[tuple[str, dict[str, str]]] = []


def _chunks_cached(text: str) -> dict[str, str]:
    """_chunks of the text compared last time too (spec.py's, per mutant)."""
    if not _LAST or _LAST[0][0] is not text:
        _LAST[:] = [(text, _chunks(text))]
    return _LAST[0][1]


def compare(got: str, want: str, got_name: str, want_name: str,
            limit: int = 3) -> tuple[int, str]:
    """(number of chunks that differ, a report of the first `limit` of them).

    Chunks are matched by their scenario line, so a missing or extra step
    only disturbs its own scenario.
    """
    if got == want:
        return 0, ""
    g, w = _chunks(got), _chunks_cached(want)
    titles = list(w) + [t for t in g if t not in w]
    bad = [t for t in titles if g.get(t) != w.get(t)]
    # Show the scenarios a real KVM can produce first.
    bad.sort(key=lambda t: t.endswith(" realistic=0"))
    report = []
    for t in bad[:limit]:
        if t not in g:
            report.append(f"{t}\n  missing from {got_name}")
        elif t not in w:
            report.append(f"{t}\n  not in {want_name}")
        else:
            diff = difflib.unified_diff(w[t].splitlines(), g[t].splitlines(), want_name,
                                        got_name, lineterm="", n=1)
            report.append(t + "\n" + "\n".join("  " + d for d in diff))
    if len(bad) > limit:
        report.append(f"... and {len(bad) - limit} more differing scenarios")
    return len(bad), "\n".join(report)
