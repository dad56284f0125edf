# SPDX-License-Identifier: MIT
"""scenarios: named, concrete expectations on the rules, read from oracle_dump.

Each function below is one test case (TAP test point named after it).  They
state facts of upstream msrs_test and of msrcheck's documented differences
in terms of actual numbers, so a reader can check them without reading the
rules or the spec.

Usage: scenarios.py ORACLE_DUMP     (TAP 13 on stdout)
"""
from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable

import oracle_text
from oracle_text import Block, Dump, Step

GP = 13
EINVAL = 22
TSC_AUX = ("TSC_AUX/rdpid", "TSC_AUX/rdtscp")
TSC_AUX_RSVD = 0xaaaa_5555_aaaa_5555
CET = ("IA32_U_CET/ibt", "IA32_U_CET/shstk", "IA32_S_CET/ibt", "IA32_S_CET/shstk")
AMD_LIKE = ("amd", "hygon")
INTEL_LIKE = ("intel", "other")
CANONICAL_VAL = 0x0000_1234_5678_9000
NONCANONICAL = 0xaaaa_aaaa_aaaa_aaaa

SCENARIOS: list[Callable[[Dump], None]] = []


def scenario(fn: Callable[[Dump], None]) -> Callable[[Dump], None]:
    """Register a test case; its name is the function's."""
    SCENARIOS.append(fn)
    return fn


def S(op: str, check: str, skip: str = "SKIP_NONE", fault: int = 0, reserved: int = -1,
      restore: int = 0, value: int = 0, want: int = 0) -> Step:
    """A wanted step; every field is compared."""
    return Step(op, check, skip, fault, reserved, restore, value, want)


def expect_steps(blocks: Iterable[Block], where: str, want: list[Step]) -> None:
    """Every block has exactly these steps at `where`."""
    for b in blocks:
        got = b.steps(where)
        if got != want:
            raise AssertionError(
                f"{b.header}\n  {where} steps: wanted\n    "
                + "\n    ".join(s.short() for s in want) + "\n  got\n    "
                + "\n    ".join(s.short() for s in got))


def expect(cond: bool, b: Block | None, what: str) -> None:
    """A plain assertion that names the scenario."""
    if not cond:
        raise AssertionError(f"{b.header + ': ' if b else ''}{what}")


def truncated_sequence(value: int, read: int, reset: int = 0, i: int = 0) -> list[Step]:
    """The after-host steps of a reserved value that is written truncated."""
    return [
        S("WRMSR", "wrmsr-truncated", reserved=i, value=value),
        S("RDMSR", "rdmsr-truncated", reserved=i, want=read),
        S("WRMSR", "wrmsr-restore", value=reset),
        S("RDMSR", "rdmsr-restore", reserved=i, want=reset),
    ]


def reserved_gp(value: int, i: int = 0) -> list[Step]:
    """The after-host step of a reserved value that must #GP (undone if not)."""
    return [S("WRMSR", "wrmsr-reserved-gp", fault=GP, reserved=i, restore=1, value=value)]


def tsc_aux_after(d: Dump, vendors: Iterable[str], vcpu: set[str], want: list[Step]) -> None:
    """TSC_AUX's after-host steps for every TSC_AUX entry, vendor and KVM."""
    for entry in TSC_AUX:
        for b in d.select(pass_="msrs", entry=entry, vendor=vendors, vcpu=vcpu, ignore_msrs=False,
                          realistic=True):
            steps = b.steps("after")
            # The supported path first reads what the host wrote back.
            if b.attrs()["path"] == "supported":
                expect(steps[:1] == [S("RDMSR", "rdmsr-host-reset")], b, "no host-reset read")
                steps = steps[1:]
            if steps != want:
                raise AssertionError(f"{b.header}\n  wanted\n    "
                                     + "\n    ".join(s.short() for s in want) + "\n  got\n    "
                                     + "\n    ".join(s.short() for s in steps))
            faults = [f for _, f in b.reserved()]
            expect(faults == [want[0].check == "wrmsr-reserved-gp"], b,
                   f"reserved faults={faults}")


# --- the seed fix: "any feature" reserved-value rule for TSC_AUX ----------------

@scenario
def seed_fix_amd_rdpid_only_tsc_aux_reserved_truncated(d: Dump) -> None:
    tsc_aux_after(d, ["amd"], {"RDPID"}, truncated_sequence(TSC_AUX_RSVD, 0xaaaa5555))


@scenario
def seed_fix_amd_rdtscp_only_tsc_aux_reserved_truncated(d: Dump) -> None:
    tsc_aux_after(d, ["amd"], {"RDTSCP"}, truncated_sequence(TSC_AUX_RSVD, 0xaaaa5555))


@scenario
def seed_fix_hygon_rdpid_only_tsc_aux_reserved_truncated(d: Dump) -> None:
    tsc_aux_after(d, ["hygon"], {"RDPID"}, truncated_sequence(TSC_AUX_RSVD, 0xaaaa5555))


@scenario
def seed_fix_hygon_rdtscp_only_tsc_aux_reserved_truncated(d: Dump) -> None:
    tsc_aux_after(d, ["hygon"], {"RDTSCP"}, truncated_sequence(TSC_AUX_RSVD, 0xaaaa5555))


@scenario
def seed_fix_amd_hygon_both_tsc_aux_reserved_truncated(d: Dump) -> None:
    tsc_aux_after(d, AMD_LIKE, {"RDPID", "RDTSCP"},
                  truncated_sequence(TSC_AUX_RSVD, 0xaaaa5555))


@scenario
def seed_fix_amd_neither_gp(d: Dump) -> None:
    tsc_aux_after(d, ["amd"], set(), reserved_gp(TSC_AUX_RSVD))


@scenario
def seed_fix_hygon_neither_gp(d: Dump) -> None:
    tsc_aux_after(d, ["hygon"], set(), reserved_gp(TSC_AUX_RSVD))


@scenario
def seed_fix_intel_rdpid_only_gp(d: Dump) -> None:
    tsc_aux_after(d, ["intel"], {"RDPID"}, reserved_gp(TSC_AUX_RSVD))


@scenario
def seed_fix_intel_rdtscp_only_gp(d: Dump) -> None:
    tsc_aux_after(d, ["intel"], {"RDTSCP"}, reserved_gp(TSC_AUX_RSVD))


@scenario
def seed_fix_other_vendor_one_feature_gp(d: Dump) -> None:
    tsc_aux_after(d, ["other"], {"RDPID"}, reserved_gp(TSC_AUX_RSVD))
    tsc_aux_after(d, ["other"], {"RDTSCP"}, reserved_gp(TSC_AUX_RSVD))


# --- vendor truncation of SYSENTER -------------------------------------------

def sysenter(d: Dump, entry: str, write: int, read_amd: int) -> None:
    """AMD hardware keeps bits 31:0; it holds the MSR only for an AMD guest
    on an AMD host (SVM passes it through); VMX keeps 64 bits."""
    for b in d.select(pass_="msrs", entry=entry, vcpu={"NONE"}, realistic=True):
        amd = b.vendor in AMD_LIKE and b.host in AMD_LIKE
        read = read_amd if amd else write
        expect_steps([b], "main", [
            S("RDMSR", "rdmsr-reset"),
            S("WRMSR", "wrmsr", value=write),
            S("RDMSR", "rdmsr-write", want=read),
        ])
        expect(b.sync("main") == read, b, f"main sync {b.sync('main'):#x}, wanted {read:#x}")
    for v in ("intel", "amd", "hygon", "other"):
        for host in ("intel", "amd", "hygon") if read_amd != write else ("-",):
            amd = v in AMD_LIKE and host in AMD_LIKE
            keep = 0xffff_ffff if amd else 2**64 - 1
            got = d.readback_all_ones(entry, v, host)
            expect(got == keep, None, f"{entry} on {v} guest, {host} host: WRMSR ~0 reads "
                                      f"back {got:#x}, wanted {keep:#x}")


@scenario
def sysenter_esp_truncated_on_amd_hygon_only(d: Dump) -> None:
    sysenter(d, "IA32_SYSENTER_ESP", CANONICAL_VAL, 0x5678_9000)


@scenario
def sysenter_eip_truncated_on_amd_hygon_only(d: Dump) -> None:
    sysenter(d, "IA32_SYSENTER_EIP", CANONICAL_VAL, 0x5678_9000)


@scenario
def sysenter_cs_never_truncated(d: Dump) -> None:
    sysenter(d, "IA32_SYSENTER_CS", 0x1234, 0x1234)


# --- secondary features ------------------------------------------------------------

@scenario
def cet_secondary_only_rdmsr_skipped_wrmsr_gp(d: Dump) -> None:
    for entry in CET:
        primary, secondary = ("IBT", "SHSTK") if entry.endswith("ibt") else ("SHSTK", "IBT")
        write = 0x4 if primary == "IBT" else 0x1
        blocks = d.select(pass_="msrs", entry=entry, vcpu={secondary}, ignore_msrs=False)
        for b in blocks:
            expect(b.attrs()["path"] == "unsupported", b, "path is not unsupported")
        expect_steps(blocks, "main", [
            S("SKIP", "rdmsr-gp", skip="SKIP_SECONDARY"),
            S("WRMSR", "wrmsr-gp", fault=GP, restore=1, value=write),
        ])
        # The reserved bits #GP whichever feature makes the MSR exist.
        for b in blocks:
            expect(b.steps("after") == reserved_gp(0x3c0), b, "CET reserved value does not #GP")


@scenario
def tsc_aux_secondary_only_both_skipped(d: Dump) -> None:
    for entry, secondary in (("TSC_AUX/rdpid", "RDTSCP"), ("TSC_AUX/rdtscp", "RDPID")):
        blocks = d.select(pass_="msrs", entry=entry, vcpu={secondary}, ignore_msrs=False)
        expect_steps(blocks, "main", [
            S("SKIP", "rdmsr-gp", skip="SKIP_SECONDARY"),
            S("SKIP", "wrmsr-gp", skip="SKIP_SECONDARY"),
        ])
        for b in blocks:
            expect(b.sync("main") == 0, b, "TSC_AUX reports a value it never wrote")


@scenario
def unsupported_without_any_feature_both_gp(d: Dump) -> None:
    writes = {"IA32_U_CET/ibt": 0x4, "IA32_U_CET/shstk": 0x1, "IA32_S_CET/ibt": 0x4,
              "IA32_S_CET/shstk": 0x1, "TSC_AUX/rdpid": 0x1234_5678,
              "TSC_AUX/rdtscp": 0x1234_5678, "IA32_PL0_SSP/alignment": CANONICAL_VAL,
              "LSTAR": CANONICAL_VAL}
    for entry, write in writes.items():
        for b in d.select(pass_="msrs", entry=entry, vcpu=set(), ignore_msrs=False):
            expect_steps([b], "main", [
                S("RDMSR", "rdmsr-gp", fault=GP),
                S("WRMSR", "wrmsr-gp", fault=GP, restore=1, value=write),
            ])


# --- ignore_msrs ---------------------------------------------------------------

def msr_blocks(d: Dump, ignore_msrs: bool | None = None) -> list[Block]:
    """Every block of an entry of kind msr."""
    return [b for b in d.select(pass_="msrs", ignore_msrs=ignore_msrs) if "path" in b.attrs()]


# The entries transcribed from upstream msrs_test (the seed), by entry name.
SEED = ("IA32_MISC_ENABLE", "IA32_CR_PAT/seed", *TSC_AUX, "IA32_SYSENTER_CS",
        "IA32_SYSENTER_ESP", "IA32_SYSENTER_EIP", "FS_BASE", "GS_BASE", "KERNEL_GS_BASE",
        "LSTAR", "CSTAR", "SYSCALL_MASK", *CET,
        *(f"IA32_PL{n}_SSP/{label}" for n in range(4) for label in ("alignment", "canonical")))


@scenario
def ignore_msrs_answers_unsupported_class(d: Dump) -> None:
    # KVM_WALL_CLOCK fails as "unsupported" without KVM_CLOCKSOURCE: with
    # ignore_msrs KVM reads it as 0 and drops writes.
    for b in d.select(pass_="msrs", entry="KVM_WALL_CLOCK", vcpu=set(), ignore_msrs=True):
        expect_steps([b], "main", [
            S("RDMSR", "rdmsr-ignored", want=0),
            S("WRMSR", "wrmsr-ignored", value=0x80000),
        ])


@scenario
def ignore_msrs_never_answers_invalid_class(d: Dump) -> None:
    # TSC_AUX without RDTSCP and RDPID is "invalid": #GP even with ignore_msrs.
    for b in d.select(pass_="msrs", entry=TSC_AUX, vcpu=set(), ignore_msrs=True):
        expect_steps([b], "main", [
            S("RDMSR", "rdmsr-gp", fault=GP),
            S("WRMSR", "wrmsr-gp", fault=GP, restore=1, value=0x1234_5678),
        ])


@scenario
def ignore_msrs_keeps_invalid_reserved_gp(d: Dump) -> None:
    # APICBASE's reserved values are "invalid": #GP with or without ignore_msrs.
    for ignore in (False, True):
        for b in d.select(pass_="msrs", entry="IA32_APICBASE", vcpu={"X2APIC", "NONE"}, ignore_msrs=ignore):
            after = [st for st in b.steps("after") if st.check == "wrmsr-reserved-gp"]
            # Undone if accepted: back to the vCPU's reset value (BSP or not).
            reset = 0xfee0_0900 if " bsp=1 " in b.header else 0xfee0_0800
            want = [S("WRMSR", "wrmsr-reserved-gp", fault=GP, restore=1, reserved=i, value=v,
                      want=reset)
                    for i, v in enumerate((0xfee0_0901, 0xfee0_0400, 0xfff0_0000_fee0_0eff))]
            expect(after == want, b, "APICBASE reserved values: "
                   + "; ".join(st.short() for st in after))


@scenario
def ignore_msrs_answers_read_only_stub_write(d: Dump) -> None:
    # A write to the read-0 stub P5_MC_ADDR is "unsupported": #GP, or dropped
    # with ignore_msrs.
    for ignore, write in ((False, S("WRMSR", "wrmsr-ro-gp", fault=GP, restore=1)),
                          (True, S("WRMSR", "wrmsr-ignored"))):
        expect_steps(d.select(pass_="msrs", entry="P5_MC_ADDR", vcpu={"NONE"}, ignore_msrs=ignore), "main",
                     [S("RDMSR", "rdmsr-reset", want=0), write])


@scenario
def ignore_msrs_seed_supported_path_unchanged(d: Dump) -> None:
    plain = {(b.entry, b.vendor, b.host, b.la57, b.vm, b.kvm, b.vcpu, b.pass_): b
             for b in msr_blocks(d, ignore_msrs=False)}
    for b in d.select(pass_="msrs", entry=SEED, ignore_msrs=True):
        if b.attrs()["path"] != "supported":
            continue
        twin = plain[(b.entry, b.vendor, b.host, b.la57, b.vm, b.kvm, b.vcpu, b.pass_)]
        for where in ("main", "main host", "after host"):
            expect(b.steps(where) == twin.steps(where), b, f"{where} steps change with ignore_msrs")
        expect(b.sync("main") == twin.sync("main"), b, "main sync changes with ignore_msrs")
        expect(b.steps("after")[:1] == twin.steps("after")[:1], b,
               "host-reset read changes with ignore_msrs")


# --- the featureless vCPU -----------------------------------------------------------

@scenario
def featureless_vcpu_clears_all_but_lm_none(d: Dump) -> None:
    cleared = d.cleared()
    want = {f: f not in ("LM", "NONE") for f in cleared}
    expect(cleared == want, None, f"cleared {cleared}, wanted {want}")
    expect({"IBT", "SHSTK", "RDPID", "RDTSCP"} <= set(cleared), None, "features missing")


# --- KVM-defined registers ------------------------------------------------------------

@scenario
def kvm_reg_absent(d: Dump) -> None:
    # Presence follows the vCPU's CPUID, not what KVM supports.
    for kvm in (set(), {"SHSTK"}):
        blocks = d.select(entry="GUEST_SSP", vcpu=set(), kvm=kvm, pass_="onereg")
        for b in blocks:
            expect(b.attrs()["reg_present"] == "0", b, "absent register reported present")
        expect_steps(blocks, "reg", [
            S("REG_LIST", "reg-list", want=0),
            S("REG_GET", "reg-get-absent", fault=EINVAL),
            S("REG_SET", "reg-set-absent", fault=-1),
        ])


@scenario
def kvm_reg_present(d: Dump) -> None:
    for kvm in (set(), {"SHSTK"}):
        blocks = d.select(entry="GUEST_SSP", vcpu={"SHSTK"}, kvm=kvm, pass_="onereg")
        for b in blocks:
            expect(b.attrs()["reg_present"] == "1", b, "present register reported absent")
        expect_steps(blocks, "reg", [
            S("REG_LIST", "reg-list", want=1),
            S("REG_GET", "reg-get-reset", want=0),
            S("REG_SET", "reg-set-write", value=CANONICAL_VAL),
            S("REG_GET", "reg-get-write", want=CANONICAL_VAL),
            S("REG_SET", "reg-set-reserved", fault=-1, reserved=0, value=NONCANONICAL),
        ])


@scenario
def kvm_reg_not_in_msr_pass(d: Dump) -> None:
    for pass_ in ("msrs", "msrs-twin"):
        expect_steps(d.select(entry="GUEST_SSP", pass_=pass_), "reg", [
            S("SKIP", "reg-list", skip="SKIP_NOT_ONE_REG_PASS"),
        ])


# --- save list and host checks ---------------------------------------------------------

@scenario
def save_list_any_feature_supported_by_kvm(d: Dump) -> None:
    for b in d.select(pass_="msrs", entry=SEED):
        a = b.attrs()
        if b.entry.split("/")[0] in ("FS_BASE", "GS_BASE"):
            expect(a["save_list"] == "exempt", b, "FS/GS_BASE are not exempt")
        else:
            want = "listed" if b.kvm else "unlisted"
            expect(a["save_list"] == want, b, f"save_list={a['save_list']}, wanted {want}")
    # TSC_AUX is listed with only the secondary feature in KVM.
    for b in d.select(pass_="msrs", entry="TSC_AUX/rdpid", kvm={"RDTSCP"}):
        expect(b.attrs()["save_list"] == "listed", b, "TSC_AUX with RDTSCP only not listed")


@scenario
def host_checks_need_primary_supported_by_kvm(d: Dump) -> None:
    for b in msr_blocks(d):
        primary = {"TSC_AUX/rdpid": "RDPID", "TSC_AUX/rdtscp": "RDTSCP"}.get(b.entry)
        if primary is None:
            continue
        applies = primary in b.kvm
        expect(b.attrs()["host_checks"] == str(int(applies)), b, "host_checks wrong")
        if not applies:
            for where in ("main host", "after host"):
                expect_steps([b], where, [S("SKIP", "host-get", skip="SKIP_KVM_LACKS_PRIMARY")])


@scenario
def host_steps_write_reset_back(d: Dump) -> None:
    reset = 0x0007_0406_0007_0406
    write = 0x0707_0707
    main = [S("HOST_GET", "host-get", want=write),
            S("HOST_SET", "host-set", value=reset),
            S("HOST_GET", "host-get-reset", want=reset)]
    for b in d.select(pass_="msrs", entry="IA32_CR_PAT/seed", vcpu={"NONE"}, kvm={"NONE"}):
        expect_steps([b], "main host", main)
        expect_steps([b], "after host", [S("HOST_GET", "host-get", want=reset)] + main[1:])
        expect_steps([b], "after", [S("RDMSR", "rdmsr-host-reset", want=reset)])
    # The one-reg pass: the guest writes, the host makes one round trip
    # (a ONE_REG write and read; a twin writes with KVM_SET_MSRS and does
    # not read through ONE_REG, its twin did), the guest reads the host's
    # value back; nothing after.
    one_reg = [main[0], S("HOST_SET_REG", "host-set", value=reset), main[2],
               S("HOST_GET_REG", "host-get-reg", want=reset)]
    for pass_, host in (("onereg", one_reg), ("onereg-twin", main)):
        for b in d.select(pass_=pass_, entry="IA32_CR_PAT/seed", vcpu={"NONE"},
                          kvm={"NONE"}):
            expect_steps([b], "main", [S("WRMSR", "wrmsr", value=write)])
            expect_steps([b], "main host", host)
            expect_steps([b], "after", [S("RDMSR", "rdmsr-host-reset", want=reset)])
            expect_steps([b], "after host", [])


@scenario
def twin_repeats_reads_not_probes(d: Dump) -> None:
    # LSTAR on a vCPU configured like an earlier one: the reads and the
    # write again (its own state), but no reserved value or canonical probe.
    for b in d.select(pass_="msrs-twin", entry="LSTAR", vcpu={"LM"}, kvm={"LM"},
                      ignore_msrs=False):
        expect_steps([b], "main", [S("RDMSR", "rdmsr-reset"),
                                   S("WRMSR", "wrmsr", value=CANONICAL_VAL),
                                   S("RDMSR", "rdmsr-write", want=CANONICAL_VAL)])
        expect_steps([b], "after", [S("RDMSR", "rdmsr-host-reset")])


# --- the host-side scenarios ------------------------------------------------------

@scenario
def round_trip_takes_writable_listed_per_vcpu_msrs(d: Dump) -> None:
    # PAT is read-write, per vCPU and listed: it round-trips, but not on a
    # twin (its twin's values are the same).  A read-only stub, a VM-scoped
    # MSR and an MSR KVM does not list stay out.
    for pass_, want in (("msrs", "1"), ("msrs-twin", "0"), ("onereg", "1")):
        for b in d.select(pass_=pass_, entry="IA32_CR_PAT/seed", vcpu={"NONE"}, kvm={"NONE"}):
            expect(b.attrs()["round_trip"] == want, b, f"round_trip wanted {want}")
    for entry, vcpu in (("P5_MC_ADDR", {"NONE"}), ("KVM_WALL_CLOCK", {"KVM_CLOCKSOURCE"}),
                        ("IA32_MTRR_DEF_TYPE", {"NONE"})):
        for b in d.select(pass_="msrs", entry=entry, vcpu=vcpu, kvm=vcpu):
            expect(b.attrs()["round_trip"] == "0", b, "round-trips, wanted not")


@scenario
def init_keeps_pat_and_resets_steal_time(d: Dump) -> None:
    # INIT keeps PAT (what the guest wrote) and clears KVM_STEAL_TIME.
    for b in d.select(pass_="msrs", entry="IA32_CR_PAT/seed", vcpu={"NONE"}, kvm={"NONE"}):
        expect(b.attrs()["init"] == f"0x{0x0707_0707:016x}", b, "PAT not kept by INIT")
    for b in d.select(pass_="msrs", entry="KVM_STEAL_TIME", vcpu={"KVM_STEAL_TIME"},
                      kvm={"KVM_STEAL_TIME"}):
        expect(b.attrs()["init"] == f"0x{0:016x}", b, "steal time not reset by INIT")
    # Not on a twin, and not where the registry says nothing.
    for b in d.select(pass_="msrs-twin", entry="IA32_CR_PAT/seed"):
        expect(b.attrs()["init"] == "-", b, "INIT checked on a twin")
    for b in d.select(pass_="msrs", entry="LSTAR"):
        expect(b.attrs()["init"] == "-", b, "INIT checked without init")


@scenario
def vm_cap_gate_reads_platform_info_with_cpuid_fault_bit(d: Dump) -> None:
    # PLATFORM_INFO's guest reads are gated by KVM_CAP_MSR_PLATFORM_INFO:
    # checked in the msrs pass on every vCPU configuration that has the
    # MSR, the reads giving KVM's value less CPUID_FAULT where the vCPU
    # lacks it; never in the one-reg pass or on a twin; LSTAR has no gate.
    for vcpu in ({"NONE"}, {"NONE", "CPUID_FAULT"}):
        for b in d.select(pass_="msrs", entry="PLATFORM_INFO", vcpu=vcpu):
            value = int(b.attrs()["vm_cap"], 16)
            expect(bool(value >> 31 & 1) == ("CPUID_FAULT" in vcpu), b,
                   f"vm_cap read 0x{value:x}: CPUID_FAULT bit wrong")
    for pass_ in ("msrs-twin", "onereg", "onereg-twin"):
        for b in d.select(pass_=pass_, entry="PLATFORM_INFO"):
            expect(b.attrs()["vm_cap"] == "-", b, f"VM-capability gate checked in {pass_}")
    for b in d.select(pass_="msrs", entry="LSTAR"):
        expect(b.attrs()["vm_cap"] == "-", b, "VM-capability gate checked without vm_cap_gate")


@scenario
def kvm_lacks_primary_host_wrote_nothing(d: Dump) -> None:
    # Not realistic (KVM builds vCPUs from its supported CPUID), but the
    # rules must not expect the host's write that never happened.
    for b in d.select(pass_="msrs", entry="TSC_AUX/rdpid", vendor=INTEL_LIKE, vcpu={"RDPID"}, kvm=set()):
        expect_steps([b], "after", [
            S("SKIP", "rdmsr-host-reset", skip="SKIP_HOST_DID_NOT_WRITE"),
            S("WRMSR", "wrmsr-reserved-gp", fault=GP, restore=1, reserved=0,
              value=TSC_AUX_RSVD),
        ])


# --- msrcheck's documented differences from upstream -------------------------------------

@scenario
def unsupported_guest_syncs_reset_not_zero(d: Dump) -> None:
    for b in d.select(pass_="msrs", entry="IA32_MISC_ENABLE", vcpu=set()):
        expect(b.sync("main") == 0x1800, b, f"main sync {b.sync('main'):#x}, wanted 0x1800")
        expect(b.sync("after") == 0x1800, b, f"after sync {b.sync('after'):#x}, wanted 0x1800")


@scenario
def faulting_writes_are_undone(d: Dump) -> None:
    seen = 0
    for b in msr_blocks(d):
        for where in ("main", "after"):
            for s in b.steps(where):
                if s.op == "WRMSR":
                    expect(s.restore == int(s.fault != 0), b, f"restore flag wrong: {s.short()}")
                    seen += s.restore
                elif s.restore:
                    raise AssertionError(f"{b.header}: restore on a {s.op}")
    expect(seen > 0, None, "no faulting WRMSR seen")


def run(d: Dump) -> list[tuple[str, str | None]]:
    """(name, failure message or None) for every scenario."""
    out: list[tuple[str, str | None]] = []
    for fn in SCENARIOS:
        try:
            fn(d)
            out.append((fn.__name__, None))
        except (AssertionError, KeyError, IndexError, ValueError) as e:
            out.append((fn.__name__, f"{type(e).__name__}: {e}"))
    return out


def main() -> int:
    """TAP 13 on stdout."""
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    print("TAP version 13")
    try:
        d = oracle_text.parse(oracle_text.run_dump([sys.argv[1]]))
    except (OSError, RuntimeError, ValueError):
        print("Bail out! cannot run oracle_dump")
        traceback.print_exc()
        return 1
    results = run(d)
    print(f"1..{len(results)}")
    for n, (name, err) in enumerate(results, 1):
        print(f"{'not ok' if err else 'ok'} {n} - {name}")
        if err:
            for line in err.splitlines()[:40]:
                print(f"# {line}")
    return 1 if any(err for _, err in results) else 0


if __name__ == "__main__":
    sys.exit(main())
