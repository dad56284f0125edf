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
from msrgen.model import Feature, Msr, Registry, build_registry  # noqa: E402
from msrgen.validate import validate_registry  # noqa: E402

FORMAT = "msrcheck-oracle 1"

GP = 13         # #GP vector
# KVM's value of a feature MSR, as oracle_dump asks about it.
FEATURE_VALUE = 0x0000_0000_feed_0000
EINVAL = 22     # Linux errno
ANY_ERRNO = -1  # a host ioctl that must fail, whatever the errno

# Guest CPUID vendors, in enum vendor order.
VENDORS = ("intel", "amd", "hygon", "other")

# (name, KVM_CAP_ONE_REG, host writes through ONE_REG).  Upstream runs the
# second pass only when KVM has ONE_REG, so "onereg without the cap" is not
# a pass.
# (name, the pass writes through ONE_REG, an earlier vCPU looks the same).
PASSES = (("msrs", False, False), ("msrs-twin", False, True), ("onereg", True, False),
          ("onereg-twin", True, True))


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
    bit: int = -1
    agg: int = 0


def skip(check: str, why: str, reserved: int | str = -1) -> T:
    """A check that does not apply."""
    return T("SKIP", check, skip=why, reserved=reserved)


def step_text(t: T, q: dict[str, int], index: int | None) -> str:
    """One STEP of the canonical text, quantities resolved."""
    reserved = index if t.reserved == "I" else t.reserved
    assert isinstance(reserved, int)
    # A WRMSR that is undone if it was wrongly accepted writes the vCPU's
    # reset value back: that is its `want`.
    want = q["reset"] if t.restore else q[t.want]
    return (f"{t.op} {t.check} skip={t.skip} fault={t.fault} reserved={reserved} "
            f"restore={t.restore} value=0x{q[t.value]:016x} want=0x{want:016x} "
            f"bit={t.bit} agg={t.agg}")


# --- decision tables ----------------------------------------------------------
#
# What the vCPU has of the entry's features ("vcpu_has"):
#   "primary"    the first listed feature: the supported path
#   "secondary"  not the primary, but another listed feature: the MSR exists
#   "nothing"    none of them: the MSR does not exist for this vCPU

# What kvm.ignore_msrs does to a #GP, by KVM's failure class of the access:
# nothing to an invalid ([I]) one, turns an unsupported ([U]) one into a
# read of 0 / a dropped write, and an unclassified one cannot be checked.
GP_FATE: dict[tuple[bool, str], str] = {
    (False, "unknown"): "gp", (False, "unsupported"): "gp", (False, "invalid"): "gp",
    (True, "unknown"): "skipped", (True, "unsupported"): "ignored", (True, "invalid"): "gp",
}

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
# A [U] MSR under ignore_msrs: KVM reads 0 and drops the write.
ANSWERED = (
    T("RDMSR", "rdmsr-ignored", want="0"),
    T("WRMSR", "wrmsr-ignored", value="write"),
)
ABSENT = (
    T("RDMSR", "rdmsr-gp", fault=GP),
    T("WRMSR", "wrmsr-gp", value="write", fault=GP, restore=1),
)

# A write that must #GP, by its fate: check name, value quantity.
def gp_write(fate: str, check: str, value: str, reserved: int | str = -1) -> tuple[T, ...]:
    """A WRMSR that must #GP; under ignore_msrs dropped or not checked."""
    if fate == "gp":
        return (T("WRMSR", check, value=value, fault=GP, restore=1, reserved=reserved),)
    if fate == "ignored":
        return (T("WRMSR", "wrmsr-ignored", value=value, reserved=reserved),)
    return (skip(check, "SKIP_IGNORE_MSRS", reserved),)


def unsupported_main(s: Scenario) -> tuple[T, ...]:
    """The vCPU lacks the primary feature (upstream's unsupported path)."""
    m = s.msr
    fate = GP_FATE[(s.ignore_msrs, m.failure)]
    if fate == "skipped":
        return IGNORED
    if s.vcpu_has() == "secondary":
        # The MSR exists through the secondary feature: RDMSR works.  Its
        # write value is an invalid value only if it needs the primary.
        if not m.write_needs_primary:
            return (skip("rdmsr-gp", "SKIP_SECONDARY"), skip("wrmsr-gp", "SKIP_SECONDARY"))
        return ((skip("rdmsr-gp", "SKIP_SECONDARY"),)
                + gp_write(GP_FATE[(s.ignore_msrs, m.reserved_failure)], "wrmsr-gp", "write"))
    return ANSWERED if fate == "ignored" else ABSENT


def write_and_read(s: Scenario) -> tuple[T, ...]:
    """The supported path's write, with its reads where the guest reads."""
    return SUPPORTED if s.reads else (T("WRMSR", "wrmsr", value="write"),)


def main_steps(s: Scenario) -> tuple[T, ...]:
    """The guest's main stage, by the entry's class."""
    m = s.msr
    if s.vcpu_has() != "primary" or m.access == "none":
        return unsupported_main(s) if s.probes else ()
    if m.scope == "vm":
        if s.vm in ("first", "only"):
            return write_and_read(s)
        return (T("RDMSR", "rdmsr-vm-scope", want="write~"),) if s.reads else ()
    if m.access == "ro":
        read = (T("RDMSR", "rdmsr-reset", want="reset"),) if s.reads else ()
        return read + (gp_write(GP_FATE[(s.ignore_msrs, m.reserved_failure)], "wrmsr-ro-gp",
                                "write") if s.probes else ())
    if m.access == "wo":
        if not s.reads:
            return ()
        # No read handler: an unknown-MSR read, class [U].
        read = ((T("RDMSR", "rdmsr-ignored", want="0")
                 if GP_FATE[(s.ignore_msrs, "unsupported")] == "ignored"
                 else T("RDMSR", "rdmsr-wo-gp", fault=GP)),) if s.probes else ()
        return read + (T("WRMSR", "wrmsr-zero", value="0"), T("WRMSR", "wrmsr", value="write"))
    return write_and_read(s)


def set_via(s: Scenario, steps: tuple[T, ...]) -> tuple[T, ...]:
    """The host's writes go through ONE_REG in the one-reg pass, but a
    twin's go through KVM_SET_MSRS (its twin made the ONE_REG writes)."""
    if not (s.use_one_reg and s.host_probes):
        return steps
    return tuple(T("HOST_SET_REG", t.check, value=t.value, fault=t.fault)
                 if t.op == "HOST_SET" else t for t in steps)


def pre_steps(s: Scenario) -> tuple[T, ...]:
    """Before the first run: the host may write a read-only MSR."""
    m = s.msr
    # The one-reg pass goes on with vCPUs that ran: no "before the first run".
    if (m.access != "ro" or s.vcpu_has() != "primary" or m.features[0] not in s.kvm
            or not s.host_probes or s.use_one_reg):
        return ()
    return set_via(s, (T("HOST_SET", "host-set-pre", value="reset",
                         fault=-1 if m.host_write == "fails" else 0),))


# After the host's write, the supported path (read-write and read-only
# MSRs) reads it: (KVM supports the primary feature).  A vCPU with a
# feature KVM lacks is not realistic; then the host wrote nothing.
AFTER_HOST_START: dict[bool, tuple[T, ...]] = {
    True: (T("RDMSR", "rdmsr-host-reset", want="reset"),),
    False: (skip("rdmsr-host-reset", "SKIP_HOST_DID_NOT_WRITE"),),
}

# What a reserved value does: (its fate, the MSR exists for the vCPU
# through ANY of its features, the vendor's truncation changes the value).
# This is upstream's fixed rule: #GP iff no feature at all, or nothing to
# truncate; so AMD/Hygon with only RDPID or only RDTSCP write TSC_AUX's
# reserved value truncated.
RESERVED_OUTCOME: dict[tuple[str, bool, bool], str] = {
    ("gp", False, False): "gp",
    ("gp", False, True): "gp",
    ("gp", True, False): "gp",
    ("gp", True, True): "truncated",
    ("ignored", False, False): "ignored",
    ("ignored", False, True): "ignored",
    ("ignored", True, False): "ignored",
    ("ignored", True, True): "ignored",
    ("skipped", False, False): "skipped",
    ("skipped", False, True): "skipped",
    ("skipped", True, False): "skipped",
    ("skipped", True, True): "skipped",
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
    "ignored": (T("WRMSR", "wrmsr-ignored", value="rsvd", reserved="I"),),
    "skipped": (skip("wrmsr-reserved-gp", "SKIP_IGNORE_MSRS", reserved="I"),),
}

# Host steps after each stage: (KVM supports the primary feature, the
# ONE_REG read is made: the one-reg pass, not a twin).  Upstream checks only
# when KVM has the primary feature.
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

# The vCPU lacks the MSR, KVM advertises it: KVM's host relaxation for
# [U] (read 0, write 0 only), plain failures for [I]; checked once, after
# the main stage.
HOST_UNSUPPORTED: dict[str, tuple[T, ...]] = {
    "zero": (
        T("HOST_GET", "host-get-unsup", want="0"),
        T("HOST_SET", "host-set-unsup-zero", value="0"),
        T("HOST_SET", "host-set-unsup", value="write|1", fault=ANY_ERRNO),
    ),
    "fails": (
        T("HOST_GET", "host-get-unsup", fault=ANY_ERRNO),
        T("HOST_SET", "host-set-unsup-zero", value="0", fault=ANY_ERRNO),
        T("HOST_SET", "host-set-unsup", value="write|1", fault=ANY_ERRNO),
    ),
}


# How the host's accesses go when the vCPU lacks the MSR: (the entry's
# host_absent, its failure class, KVM advertises it).  "class" follows
# KVM's failure class; an unclassified MSR keeps upstream's full checks.
HOST_ABSENT: dict[tuple[str, str, bool], str] = {
    **{(h, f, a): h for h in ("zero", "fails", "full")
       for f in ("unknown", "unsupported", "invalid") for a in (False, True)},
    ("class", "unknown", False): "full", ("class", "unknown", True): "full",
    ("class", "unsupported", False): "fails", ("class", "unsupported", True): "zero",
    ("class", "invalid", False): "fails", ("class", "invalid", True): "fails",
}


def unsupported_host(s: Scenario, mode: str) -> tuple[T, ...]:
    """The host's accesses to an MSR the vCPU lacks (once per configuration);
    the one-reg pass reads it through ONE_REG too, with the same answer."""
    if not s.host_probes:
        return ()
    steps = HOST_UNSUPPORTED[mode]
    if s.use_one_reg:
        get = steps[0]
        steps = (get, T("HOST_GET_REG", get.check, want=get.want, fault=get.fault)) + steps[1:]
    return steps


def host_steps(s: Scenario, stage: str) -> tuple[T, ...]:
    """The host's checks after the main ("main") or after ("after") stage."""
    return set_via(s, _host_steps(s, stage))


def _host_steps(s: Scenario, stage: str) -> tuple[T, ...]:
    """host_steps, every write as KVM_SET_MSRS."""
    m = s.msr
    kvm_primary = m.features[0] in s.kvm
    advertised = not m.save_list_exempt and m.access != "none" and (
        m.save_list == "always" or bool(s.kvm & set(m.features)))
    mode = HOST_ABSENT[(m.host_absent, m.failure, advertised)]
    if kvm_primary and s.vcpu_has() != "primary" and mode != "full":
        return unsupported_host(s, mode) if stage == "main" else ()
    steps = HOST_STEPS[(kvm_primary, s.use_one_reg and s.host_probes)]
    if not kvm_primary:
        return steps
    fault = -1 if m.host_write == "fails" else 0
    steps = tuple(t if t.op != "HOST_SET" else T("HOST_SET", t.check, value=t.value,
                                                    fault=fault) for t in steps)
    # One value per VM: only the last vCPU's last host stage restores it
    # (the one-reg pass has only the main one).
    last = "main" if s.use_one_reg else "after"
    if m.scope == "vm" and not (s.vm in ("last", "only") and stage == last):
        return steps[:1]
    # A host write that must fail changes nothing: a probe.
    if m.host_write == "fails" and not s.host_probes:
        return steps[:1]
    # After the first run an immutable feature MSR refuses another value.
    if m.immutable and stage == "main" and s.host_probes:
        steps = steps[:1] + (T("HOST_SET", "host-set-immutable", value="other",
                               fault=ANY_ERRNO),) + steps[1:]
    return steps


# The canonical probes, on the supported path: canonical at 48 bits is
# always writable; canonical at 57 but not at 48 only if KVM has LA57
# (host support decides, not the guest's CR4 or CPUID).
def probe(check: str, value: str) -> tuple[T, ...]:
    """Write a probe, read it back, write the reset value back."""
    return (T("WRMSR", check, value=value), T("RDMSR", check, want=value + "~"),
            T("WRMSR", check, value="reset"))


CANONICAL_57: dict[bool, tuple[T, ...]] = {
    True: probe("canonical-57", "c57"),
    False: (T("WRMSR", "canonical-57", value="c57", fault=GP, restore=1),),
}


# --- the situation --------------------------------------------------------

@dataclass(frozen=True)
class Scenario:
    """One question to the rules."""

    msr: Msr
    vendor: str
    host: str
    la57: str
    bsp: str
    vm: str
    kvm: frozenset[str]
    vcpu: frozenset[str]
    ignore_msrs: bool
    pass_name: str
    use_one_reg: bool
    twin: bool

    # Where the checks run (rules_guest_reads/probes, rules_host_probes):
    # the guest's own reads in the msrs pass; its probes there, once per
    # configuration; the host's probes once per configuration.
    @property
    def reads(self) -> bool:
        """The guest reads the reset value and its write back."""
        return not self.use_one_reg

    @property
    def probes(self) -> bool:
        """The guest probes: reserved values, canonical, sweep, #GP."""
        return not self.use_one_reg and not self.twin

    @property
    def host_probes(self) -> bool:
        """The host probes: ONE_REG reads, failing or early accesses."""
        return not self.twin

    def vcpu_has(self) -> str:
        """primary, secondary or nothing (see the tables)."""
        if self.msr.features[0] in self.vcpu:
            return "primary"
        if self.vcpu & set(self.msr.features[1:]):
            return "secondary"
        return "nothing"


def gate_msr(f: Feature) -> int | None:
    """The MSR a non-CPUID feature is a bit of (MCG_CAP for mcg_cap)."""
    return {"mcg_cap": 0x179, "msr": f.msr}.get(f.source)


def relevant(reg: Registry, m: Msr) -> tuple[str, ...]:
    """The features that can change an entry's outcome: its own, then those
    whose gate MSR it is (in feature order)."""
    if m.kind != "msr":
        return m.features
    return m.features + tuple(f.name for f in reg.features if gate_msr(f) == m.index)


def reset_of(reg: Registry, s: Scenario) -> int:
    """The MSR's value on a fresh vCPU: KVM's for a feature MSR, the
    bootstrap vCPU's where it differs, and without the gate bits of features
    the vCPU lacks whose gate it is (the suite clears them before it runs)."""
    value = s.msr.reset
    if s.msr.kind == "msr" and s.msr.feature_msr:
        value = FEATURE_VALUE
    if s.msr.kind == "msr" and s.msr.reset_svm is not None and s.host in ("amd", "hygon"):
        value = s.msr.reset_svm
    if s.msr.kind == "msr" and s.msr.reset_bsp is not None and s.bsp == "1":
        value = s.msr.reset_bsp
    for f in reg.features:
        if s.msr.kind == "msr" and gate_msr(f) == s.msr.index and f.name not in s.vcpu:
            value &= ~(1 << f.bit)
    return value


def readback(reg: Registry, s: Scenario, value: int, reset: int | None = None) -> int:
    """A written value as RDMSR returns it: ignored bits keep the reset
    value, fixed bits read fixed; then every quirk of the entry that names
    the guest vendor (and the host's, if it names any) drops its bits."""
    m = s.msr
    if reset is None:
        reset = reset_of(reg, s)
    value = (value & ~m.ignored_bits) | (reset & m.ignored_bits)
    value = (value & ~m.fixed_bits) | (m.fixed_value & m.fixed_bits)
    quirks = {q.name: q for q in reg.quirks}
    for name in m.quirks:
        q = quirks[name]
        if s.vendor in q.vendors and (not q.host_vendors or s.host in q.host_vendors):
            value &= q.keep_mask
    return value


def subsets(features: Sequence[str]) -> Iterator[frozenset[str]]:
    """Every subset; subset k has features[j] iff bit j of k is set."""
    for k in range(1 << len(features)):
        yield frozenset(f for j, f in enumerate(features) if k & (1 << j))


def set_text(features: Sequence[str], s: frozenset[str]) -> str:
    """A feature set in the given order, '+'-joined, '-' if empty."""
    return "+".join(f for f in features if f in s) or "-"


def hosts(reg: Registry, m: Msr) -> tuple[str, ...]:
    """Host vendors to ask about: only if a quirk of the entry names any,
    or the entry's reset value depends on the host's vendor module."""
    quirks = {q.name: q for q in reg.quirks}
    if any(quirks[name].host_vendors for name in m.quirks) or m.reset_svm is not None:
        return ("intel", "amd", "hygon")
    return ("-",)


VM_ROLES = ("first", "mid", "last", "only")


def scenarios(reg: Registry) -> Iterator[Scenario]:
    """Every scenario, in the order oracle_dump prints them."""
    for m in reg.msrs:
        feats = relevant(reg, m)
        for vm in VM_ROLES if m.scope == "vm" else ("-",):
            for vendor in VENDORS:
                for host in hosts(reg, m):
                    for la57 in ("0", "1") if m.canonical else ("-",):
                        for bsp in ("0", "1") if m.reset_bsp is not None else ("-",):
                            for kvm in subsets(feats):
                                for vcpu in subsets(feats):
                                    for ignore in (False, True):
                                        for name, use, twin in PASSES:
                                            yield Scenario(m, vendor, host, la57, bsp, vm, kvm,
                                                           vcpu, ignore, name, use, twin)


def header(reg: Registry, s: Scenario) -> str:
    """The scenario line."""
    m = s.msr
    feats = relevant(reg, m)
    return (f"scenario {m.display} vendor={s.vendor} host={s.host} la57={s.la57} "
            f"bsp={s.bsp} vm={s.vm} "
            f"kvm={set_text(feats, s.kvm)} vcpu={set_text(feats, s.vcpu)} "
            f"ignore_msrs={int(s.ignore_msrs)} pass={s.pass_name} realistic={int(s.vcpu <= s.kvm)}")


def sweep_steps(reg: Registry, s: Scenario, q: dict[str, int]) -> list[T]:
    """Every bit written alone over the reset value (supported path, msrs
    pass): reserved bits #GP unless a vendor quirk truncates them away,
    the others are accepted and read back by the readback rule."""
    m = s.msr
    fate = GP_FATE[(s.ignore_msrs, m.reserved_failure)]
    out: list[T] = []
    for bit in range(64):
        if m.sweep_skip >> bit & 1:
            continue
        name = f"bit{bit}"
        q[name] = q["reset"] ^ (1 << bit)
        q[name + "~"] = readback(reg, s, q[name])
        reserved = m.reserved_bits >> bit & 1
        if reserved and fate == "skipped":
            continue
        if reserved and fate == "ignored":
            out += [T("WRMSR", "sweep-reserved", value=name, bit=bit, agg=1),
                    T("WRMSR", "sweep-reserved", value="reset", bit=bit, agg=1)]
        elif reserved and not quirk_truncates(reg, s, q[name]):
            out.append(T("WRMSR", "sweep-reserved", value=name, fault=GP, restore=1, bit=bit,
                         agg=1))
        else:
            out += [T("WRMSR", "sweep-accepted", value=name, bit=bit, agg=1),
                    T("RDMSR", "sweep-accepted", want=name + "~", bit=bit, agg=1),
                    T("WRMSR", "sweep-accepted", value="reset", bit=bit, agg=1)]
    if m.reserved_bits & ~m.sweep_skip and fate == "skipped":
        out.append(skip("sweep-reserved", "SKIP_IGNORE_MSRS"))
    return out


def quirk_truncates(reg: Registry, s: Scenario, value: int) -> bool:
    """A vendor quirk that applies drops bits of the value."""
    quirks = {q.name: q for q in reg.quirks}
    kept = value
    for name in s.msr.quirks:
        q = quirks[name]
        if s.vendor in q.vendors and (not q.host_vendors or s.host in q.host_vendors):
            kept &= q.keep_mask
    return kept != value


def msr_lines(reg: Registry, s: Scenario) -> Iterator[str]:
    """The outcome for an entry of kind msr."""
    m = s.msr
    has = s.vcpu_has()
    exists = has != "nothing"
    kvm_primary = m.features[0] in s.kvm
    reserved = m.expanded_reserved(reg.noncanonical)

    if m.save_list_exempt:
        save = "exempt"
    elif m.access == "none":
        save = "unlisted"
    else:
        # Upstream: listed iff KVM supports any of the entry's features, or
        # always for KVM's emulated MSRs.
        save = "listed" if m.save_list == "always" or s.kvm & set(m.features) else "unlisted"
    # The save/restore round trip: a writable per-vCPU MSR KVM lists, on a
    # vCPU that has it and that is not a twin, the host writing it freely.
    round_trip = (save == "listed" and m.kind == "msr" and m.access == "rw"
                  and m.scope == "vcpu" and m.host_write == "any" and not s.twin
                  and has == "primary" and kvm_primary)
    # The INIT scenario: the guest's value if INIT keeps it, else the reset.
    init = "-"
    if (m.init != "none" and m.kind == "msr" and m.access == "rw" and m.scope == "vcpu"
            and not s.twin and has == "primary" and kvm_primary):
        after = readback(reg, s, m.write_value) if m.init == "keep" else reset_of(reg, s)
        init = f"0x{after:016x}"
    # The TSC coupling scenario: TSC_ADJUST the vCPU has, msrs pass, no twin.
    tsc = (m.couples_tsc and m.kind == "msr" and m.access == "rw" and m.scope == "vcpu"
           and not s.twin and not s.use_one_reg and has == "primary")
    # The VM-capability scenario: a readable MSR the vCPU has, msrs pass, no
    # twin; reads (the host's with the capability off, the guest's with it
    # on) give the reset value.
    vm_cap = "-"
    if (m.vm_cap_gate and m.kind == "msr" and m.access in ("rw", "ro")
            and not s.twin and not s.use_one_reg and has == "primary"):
        vm_cap = f"0x{reset_of(reg, s):016x}"
    yield (f" path={'supported' if has == 'primary' else 'unsupported'} "
           f"host_checks={int(kvm_primary)} save_list={save} "
           f"round_trip={int(round_trip)} init={init} tsc={int(tsc)} vm_cap={vm_cap}")

    def outcome(fate: str, value: int) -> str:
        return RESERVED_OUTCOME[(fate, exists, quirk_truncates(reg, s, value))]

    rfailure = m.reserved_failure if exists else m.failure
    for i, r in enumerate(reserved):
        yield f" reserved {i} value=0x{r.value:016x} faults={int(outcome('gp', r.value) == 'gp')}"

    reset = reset_of(reg, s)
    q = {
        "0": 0, "1": 1,
        "reset": reset, "write": m.write_value, "other": 0 if reset else 1,
        "write|1": m.write_value or 1,
        "reset~": readback(reg, s, reset),
        "write~": readback(reg, s, m.write_value),
        "c48": reg.canonical_48, "c48~": readback(reg, s, reg.canonical_48),
        "c57": reg.canonical_57, "c57~": readback(reg, s, reg.canonical_57),
    }

    for n, t in enumerate(pre_steps(s)):
        yield f" pre {n} {step_text(t, q, None)}"
    for n, t in enumerate(main_steps(s)):
        yield f" main {n} {step_text(t, q, None)}"
    if m.access == "none":
        # No vCPU has it: the host's accesses fail, nothing else runs.
        q["sync"] = q["reset"]
        yield f" main sync=0x{q['sync']:016x}"
        for n, t in enumerate(set_via(s, unsupported_host(s, "fails"))):
            yield f" main host {n} {step_text(t, q, None)}"
        yield f" after sync=0x{q['sync']:016x}"
        return
    # What the MSR holds after the main stage: the value the supported
    # path of a read-write MSR wrote, else the reset value (D1).
    main_sync = "write~" if has == "primary" and m.access == "rw" else "reset"
    q["sync"] = q[main_sync]
    yield f" main sync=0x{q['sync']:016x}"
    if m.access != "wo":
        if m.scope == "vm" and has == "primary":
            q["sync"] = q["write~"]
        for n, t in enumerate(host_steps(s, "main")):
            yield f" main host {n} {step_text(t, q, None)}"

    after: list[str] = []
    if has == "primary" and m.access in ("rw", "ro") and m.scope == "vcpu":
        for t in AFTER_HOST_START[kvm_primary]:
            after.append(step_text(t, q, None))
    for i, r in enumerate(reserved if s.probes else ()):
        qr = dict(q, rsvd=r.value, **{"rsvd~": readback(reg, s, r.value)})
        for t in RESERVED_STEPS[outcome(GP_FATE[(s.ignore_msrs, rfailure)], r.value)]:
            after.append(step_text(t, qr, i))
    if m.canonical and has == "primary" and s.probes:
        for t in probe("canonical-48", "c48") + CANONICAL_57[s.la57 == "1"]:
            after.append(step_text(t, q, None))
    if m.sweep and has == "primary" and s.probes:
        for t in sweep_steps(reg, s, q):
            after.append(step_text(t, q, None))
    for n, text in enumerate(after):
        yield f" after {n} {text}"
    q["sync"] = q["reset"]
    yield f" after sync=0x{q['sync']:016x}"
    # The one-reg pass makes its host round trip once, after the main stage.
    if m.access != "wo" and not s.use_one_reg:
        if m.scope == "vm" and has == "primary":
            q["sync"] = q["write~"]
        for n, t in enumerate(host_steps(s, "after")):
            yield f" after host {n} {step_text(t, q, None)}"


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


def kvm_reg_lines(reg: Registry, s: Scenario) -> Iterator[str]:
    """The outcome for an entry of kind kvm_reg."""
    m = s.msr
    present = m.features[0] in s.vcpu
    yield f" reg_present={int(present)}"
    q = {"0": 0, "1": 1, "reset": m.reset, "write": m.write_value}
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
    for m in reg.msrs:
        for v in VENDORS:
            for host in hosts(reg, m):
                s = Scenario(m, v, host, "-", "-", "-", frozenset(),
                             frozenset(reg_feature_names(reg)), False, "msrs", False, False)
                out.append(f"readback {m.display} vendor={v} host={host} "
                           f"all_ones=0x{readback(reg, s, (1 << 64) - 1):016x}")
    for s in scenarios(reg):
        out.append(header(reg, s))
        if s.msr.kind == "kvm_reg":
            out += kvm_reg_lines(reg, s)
        else:
            out += msr_lines(reg, s)
    return "\n".join(out) + "\n"


def reg_feature_names(reg: Registry) -> list[str]:
    """Every feature: the readback lines ask about a vCPU that has all."""
    return [f.name for f in reg.features]


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
