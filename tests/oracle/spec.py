# SPDX-License-Identifier: MIT
"""spec: what msrcheck must expect, written down without looking at rules.c.

This is the second, independent statement of the expectation rules.  It is
derived from the behaviour of the upstream KVM selftest msrs_test (the 2026
version with the "any feature" reserved-value rule), the registry schema in
the header of registry/msrs.toml, and the two documented differences of
msrcheck:

  D1  a guest that skipped the write (unsupported path) reports the reset
      value at the end of the main phase; upstream reports 0;
  D2  a WRMSR that must fault but does not is undone (step restore flag).

Where rules.c is a sequence of `if`s that build steps, this file classifies
the situation first (what the vCPU has of the entry's features, what KVM
has, the vendor, ignore_msrs, the pass) and then looks the steps up in
explicit decision tables: every row of every table is written out, so a
reviewer can check each against upstream one by one.

It prints the same canonical text as oracle_dump.c (the format is described
there).  Usage:

    spec.py [--registry registry/msrs.toml] [-o OUT]

Run it with a Python that has tomllib (3.11+); it needs no Jinja2.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
if str(SRC / "gen") not in sys.path:
    sys.path.insert(0, str(SRC / "gen"))

from msrgen.load import load_toml  # noqa: E402
from msrgen.model import Msr, Registry, build_registry  # noqa: E402
from msrgen.validate import validate_registry  # noqa: E402

FORMAT = "msrcheck-oracle 1"

GP = 13         # #GP vector
EINVAL = 22     # Linux errno
ANY_ERRNO = -1  # a host ioctl that must fail, whatever the errno

# Guest CPUID vendors, in enum vendor order.
VENDORS = ("intel", "amd", "hygon", "other")

# (name, KVM_CAP_ONE_REG, host writes through ONE_REG).  Upstream runs the
# second pass only when KVM has ONE_REG, so "onereg without the cap" is not
# a pass.
PASSES = (("msrs", False, False), ("msrs+onereg", True, False), ("onereg", True, True))


# --- steps -----------------------------------------------------------------

@dataclass(frozen=True)
class T:
    """A step template.  value/want name a quantity of the scenario:

    "0", "reset", "write", "write~" (the write value as the vendor reads it
    back), "rsvd" (the reserved value at hand), "rsvd~", "reset~", "sync"
    (the value the guest reported).  reserved: -1, or "I" for the index of
    the reserved value at hand.
    """

    op: str
    check: str
    skip: str = "SKIP_NONE"
    fault: int = 0
    value: str = "0"
    want: str = "0"
    restore: int = 0
    reserved: int | str = -1


def skip(check: str, why: str, reserved: int | str = -1) -> T:
    """A check that does not apply."""
    return T("SKIP", check, skip=why, reserved=reserved)


def step_text(t: T, q: dict[str, int], index: int | None) -> str:
    """One STEP of the canonical text, quantities resolved."""
    reserved = index if t.reserved == "I" else t.reserved
    assert isinstance(reserved, int)
    return (f"{t.op} {t.check} skip={t.skip} fault={t.fault} reserved={reserved} "
            f"restore={t.restore} value=0x{q[t.value]:016x} want=0x{q[t.want]:016x}")


# --- decision tables ----------------------------------------------------------
#
# What the vCPU has of the entry's features ("vcpu_has"):
#   "primary"    the first listed feature: the supported path
#   "secondary"  not the primary, but another listed feature: the MSR exists
#   "nothing"    none of them: the MSR does not exist for this vCPU

SUPPORTED = (
    T("RDMSR", "rdmsr-reset", want="reset"),
    T("WRMSR", "wrmsr", value="write"),
    T("RDMSR", "rdmsr-write", want="write~"),
)
# Upstream: ignore_msrs makes the unsupported checks meaningless; skip them.
IGNORED = (
    skip("rdmsr-gp", "SKIP_IGNORE_MSRS"),
    skip("wrmsr-gp", "SKIP_IGNORE_MSRS"),
)
# Upstream: the MSR exists through the secondary feature, nothing to check...
SECONDARY_EXISTS = (
    skip("rdmsr-gp", "SKIP_SECONDARY"),
    skip("wrmsr-gp", "SKIP_SECONDARY"),
)
# ...except that the write value of CET's entries sets a bit of the primary
# feature, so writing it must still #GP (D2: undone if it does not).
SECONDARY_WRITE_GP = (
    skip("rdmsr-gp", "SKIP_SECONDARY"),
    T("WRMSR", "wrmsr-gp", value="write", fault=GP, restore=1),
)
ABSENT = (
    T("RDMSR", "rdmsr-gp", fault=GP),
    T("WRMSR", "wrmsr-gp", value="write", fault=GP, restore=1),
)

# PHASE_MAIN guest steps: (vcpu_has, ignore_msrs, write_needs_primary).
MAIN_PHASE: dict[tuple[str, bool, bool], tuple[T, ...]] = {
    ("primary", False, False): SUPPORTED,
    ("primary", False, True): SUPPORTED,
    ("primary", True, False): SUPPORTED,
    ("primary", True, True): SUPPORTED,
    ("secondary", False, False): SECONDARY_EXISTS,
    ("secondary", False, True): SECONDARY_WRITE_GP,
    ("secondary", True, False): IGNORED,
    ("secondary", True, True): IGNORED,
    ("nothing", False, False): ABSENT,
    ("nothing", False, True): ABSENT,
    ("nothing", True, False): IGNORED,
    ("nothing", True, True): IGNORED,
}

# Value reported to the host after PHASE_MAIN: upstream syncs the value it
# read back, or 0 when it skipped the write; D1 makes that the reset value.
MAIN_SYNC = {"primary": "write~", "secondary": "reset", "nothing": "reset"}

# PHASE_AFTER_HOST starts, on the supported path, by reading what the host
# wrote back.  (vcpu_has is primary, KVM supports the primary feature).  A
# vCPU with a feature KVM lacks is not realistic; then the host wrote
# nothing and there is nothing to read.
AFTER_HOST_START: dict[tuple[bool, bool], tuple[T, ...]] = {
    (True, True): (T("RDMSR", "rdmsr-host-reset", want="reset"),),
    (True, False): (skip("rdmsr-host-reset", "SKIP_HOST_DID_NOT_WRITE"),),
    (False, True): (),
    (False, False): (),
}

# What a reserved value does: (ignore_msrs, the MSR exists for the vCPU
# through ANY of its features, the vendor's truncation changes the value).
# This is upstream's fixed rule: #GP iff no feature at all, or nothing to
# truncate; so AMD/Hygon with only RDPID or only RDTSCP write TSC_AUX's
# reserved value truncated.
RESERVED_OUTCOME: dict[tuple[bool, bool, bool], str] = {
    (False, False, False): "gp",
    (False, False, True): "gp",
    (False, True, False): "gp",
    (False, True, True): "truncated",
    (True, False, False): "ignored",
    (True, False, True): "ignored",
    (True, True, False): "ignored",
    (True, True, True): "ignored",
}

# The steps of each outcome for reserved value I.  Every step carries I but
# the WRMSR that puts the reset value back: `reserved` names the reserved
# value a WRMSR writes (the host words its message from it), and that WRMSR
# writes none.
RESERVED_STEPS: dict[str, tuple[T, ...]] = {
    "gp": (T("WRMSR", "wrmsr-reserved-gp", value="rsvd", fault=GP, restore=1, reserved="I"),),
    "truncated": (
        T("WRMSR", "wrmsr-truncated", value="rsvd", reserved="I"),
        T("RDMSR", "rdmsr-truncated", want="rsvd~", reserved="I"),
        T("WRMSR", "wrmsr-restore", value="reset"),
        T("RDMSR", "rdmsr-restore", want="reset~", reserved="I"),
    ),
    "ignored": (skip("wrmsr-reserved-gp", "SKIP_IGNORE_MSRS", reserved="I"),),
}

# Whatever happened, the guest leaves the reset value after PHASE_AFTER_HOST.
AFTER_SYNC = "reset"

# Host steps after each phase: (KVM supports the primary feature,
# KVM_CAP_ONE_REG).  Upstream checks only when KVM has the primary feature.
HOST_CHECKS = (
    T("HOST_GET", "host-get", want="sync"),
    T("HOST_SET", "host-set", value="reset"),
    T("HOST_GET", "host-get-reset", want="reset"),
)
HOST_STEPS: dict[tuple[bool, bool], tuple[T, ...]] = {
    (True, False): HOST_CHECKS,
    (True, True): HOST_CHECKS + (T("HOST_GET_REG", "host-get-reg", want="reset"),),
    (False, False): (skip("host-get", "SKIP_KVM_LACKS_PRIMARY"),),
    (False, True): (skip("host-get", "SKIP_KVM_LACKS_PRIMARY"),),
}

# KVM-defined registers: (this pass uses ONE_REG, the vCPU's CPUID has the
# primary feature).  Upstream asks the vCPU's CPUID, not KVM.  Reserved
# values follow the present register's steps, one set each.
KVM_REG_STEPS: dict[tuple[bool, bool], tuple[T, ...]] = {
    (False, False): (skip("reg-list", "SKIP_NOT_ONE_REG_PASS"),),
    (False, True): (skip("reg-list", "SKIP_NOT_ONE_REG_PASS"),),
    (True, False): (
        T("REG_LIST", "reg-list", want="0"),
        T("REG_GET", "reg-get-absent", fault=EINVAL),
        T("REG_SET", "reg-set-absent", fault=ANY_ERRNO, value="0"),
    ),
    (True, True): (
        T("REG_LIST", "reg-list", want="1"),
        T("REG_GET", "reg-get-reset", want="reset"),
        T("REG_SET", "reg-set-write", value="write"),
        T("REG_GET", "reg-get-write", want="write"),
    ),
}
KVM_REG_RESERVED = T("REG_SET", "reg-set-reserved", value="rsvd", fault=ANY_ERRNO, reserved="I")


# --- the situation --------------------------------------------------------

@dataclass(frozen=True)
class Scenario:
    """One question to the rules."""

    msr: Msr
    vendor: str
    kvm: frozenset[str]
    vcpu: frozenset[str]
    ignore_msrs: bool
    pass_name: str
    has_one_reg: bool
    use_one_reg: bool

    def vcpu_has(self) -> str:
        """primary, secondary or nothing (see the tables)."""
        if self.msr.features[0] in self.vcpu:
            return "primary"
        if self.vcpu & set(self.msr.features[1:]):
            return "secondary"
        return "nothing"


def readback(reg: Registry, m: Msr, vendor: str, value: int) -> int:
    """A written value as RDMSR returns it: every quirk of the entry that
    names the vendor drops the bits outside its keep_mask."""
    quirks = {q.name: q for q in reg.quirks}
    for name in m.quirks:
        if vendor in quirks[name].vendors:
            value &= quirks[name].keep_mask
    return value


def subsets(features: Sequence[str]) -> Iterator[frozenset[str]]:
    """Every subset; subset k has features[j] iff bit j of k is set."""
    for k in range(1 << len(features)):
        yield frozenset(f for j, f in enumerate(features) if k & (1 << j))


def set_text(m: Msr, s: frozenset[str]) -> str:
    """A feature set in the entry's order, '+'-joined, '-' if empty."""
    return "+".join(f for f in m.features if f in s) or "-"


def scenarios(reg: Registry) -> Iterator[Scenario]:
    """Every scenario, in the order oracle_dump prints them."""
    for m in reg.msrs:
        for vendor in VENDORS:
            for kvm in subsets(m.features):
                for vcpu in subsets(m.features):
                    for ignore in (False, True):
                        for name, has, use in PASSES:
                            yield Scenario(m, vendor, kvm, vcpu, ignore, name, has, use)


def header(s: Scenario) -> str:
    """The scenario line."""
    m = s.msr
    return (f"scenario {m.display} vendor={s.vendor} kvm={set_text(m, s.kvm)} "
            f"vcpu={set_text(m, s.vcpu)} ignore_msrs={int(s.ignore_msrs)} "
            f"pass={s.pass_name} realistic={int(s.vcpu <= s.kvm)}")


def msr_lines(reg: Registry, s: Scenario) -> Iterator[str]:
    """The outcome for an entry of kind msr."""
    m = s.msr
    has = s.vcpu_has()
    exists = has != "nothing"
    kvm_primary = m.features[0] in s.kvm
    reserved = m.expanded_reserved(reg.noncanonical)

    if m.save_list_exempt:
        save = "exempt"
    else:
        # Upstream: listed iff KVM supports any of the entry's features.
        save = "listed" if s.kvm & set(m.features) else "unlisted"
    yield (f" path={'supported' if has == 'primary' else 'unsupported'} "
           f"host_checks={int(kvm_primary)} save_list={save}")

    def outcome(ignore: bool, value: int) -> str:
        changed = readback(reg, m, s.vendor, value) != value
        return RESERVED_OUTCOME[(ignore, exists, changed)]

    for i, r in enumerate(reserved):
        yield f" reserved {i} value=0x{r.value:016x} faults={int(outcome(False, r.value) == 'gp')}"

    q = {
        "0": 0, "1": 1,
        "reset": m.reset, "write": m.write,
        "reset~": readback(reg, m, s.vendor, m.reset),
        "write~": readback(reg, m, s.vendor, m.write),
    }
    host = HOST_STEPS[(kvm_primary, s.has_one_reg)]

    for n, t in enumerate(MAIN_PHASE[(has, s.ignore_msrs, m.write_needs_primary)]):
        yield f" main {n} {step_text(t, q, None)}"
    q["sync"] = q[MAIN_SYNC[has]]
    yield f" main sync=0x{q['sync']:016x}"
    for n, t in enumerate(host):
        yield f" main host {n} {step_text(t, q, None)}"

    after: list[str] = []
    for t in AFTER_HOST_START[(has == "primary", kvm_primary)]:
        after.append(step_text(t, q, None))
    for i, r in enumerate(reserved):
        qr = dict(q, rsvd=r.value, **{"rsvd~": readback(reg, m, s.vendor, r.value)})
        for t in RESERVED_STEPS[outcome(s.ignore_msrs, r.value)]:
            after.append(step_text(t, qr, i))
    for n, text in enumerate(after):
        yield f" after {n} {text}"
    q["sync"] = q[AFTER_SYNC]
    yield f" after sync=0x{q['sync']:016x}"
    for n, t in enumerate(host):
        yield f" after host {n} {step_text(t, q, None)}"


def kvm_reg_lines(reg: Registry, s: Scenario) -> Iterator[str]:
    """The outcome for an entry of kind kvm_reg."""
    m = s.msr
    present = m.features[0] in s.vcpu
    yield f" reg_present={int(present)}"
    q = {"0": 0, "1": 1, "reset": m.reset, "write": m.write}
    lines = [step_text(t, q, None) for t in KVM_REG_STEPS[(s.use_one_reg, present)]]
    if s.use_one_reg and present:
        for i, r in enumerate(m.expanded_reserved(reg.noncanonical)):
            lines.append(step_text(KVM_REG_RESERVED, dict(q, rsvd=r.value), i))
    for n, text in enumerate(lines):
        yield f" reg {n} {text}"


def render(reg: Registry) -> str:
    """The whole canonical text."""
    out = [FORMAT]
    # The featureless vCPU loses every feature but those the registry keeps
    # (upstream: all but LM and NONE).  Features print in enum order, which
    # is the model's (sorted by name).
    out += [f"feature {f.name} cleared={int(f.keep is None)}" for f in reg.features]
    out += [f"readback {m.display} vendor={v} all_ones=0x{readback(reg, m, v, (1 << 64) - 1):016x}"
            for m in reg.msrs for v in VENDORS]
    for s in scenarios(reg):
        out.append(header(s))
        if s.msr.kind == "kvm_reg":
            out += kvm_reg_lines(reg, s)
        else:
            out += msr_lines(reg, s)
    return "\n".join(out) + "\n"


def load_registry(path: Path) -> Registry:
    """registry/msrs.toml through gen/msrgen's loader and validator."""
    doc, diags = load_toml(str(path), str(path))
    if doc is not None and not diags:
        diags = validate_registry(doc)
    if doc is None or diags:
        raise SystemExit("\n".join(d.format() for d in diags) or f"{path}: cannot load")
    return build_registry(doc.data, doc.smap.lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the specification's canonical text."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--registry", type=Path, default=SRC / "registry" / "msrs.toml")
    p.add_argument("-o", "--output", type=Path)
    args = p.parse_args(argv)
    text = render(load_registry(args.registry))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
