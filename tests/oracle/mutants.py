# SPDX-License-Identifier: MIT
"""mutants: every single-rule mistake below is caught by the oracle.

Each mutant is one exact text replacement in runtime/common/rules.c or
steps.c.  For each, the mutated file is compiled and linked with
oracle_dump.c and the generated tables (compiled once) in a temporary
directory, and its output is put through the oracle diff (against spec.py)
and the named scenarios.  The test fails if any mutant survives both, if a
mutant's text is no longer found exactly once in its file (so the list
cannot rot silently), if a mutant does not compile, or if the unmutated
sources do not pass (which would make every kill meaningless).

Usage: mutants.py --table-c BUILD/gen/msr_table.c --plans-c BUILD/gen/msr_plans.c
                  -I DIR [-I DIR...] -- CC [ARGS...]
(meson passes the generated tables, runtime/common and BUILD/gen, and
cc.cmd_array()).  Add --only NAME to try one mutant.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import oracle_text
import scenarios
import spec

HERE = Path(__file__).resolve().parent
COMMON = spec.SRC / "runtime" / "common"
MUTABLE = ("rules.c", "steps.c")
DUMP_C = HERE / "oracle_dump.c"
CFLAGS = ["-std=gnu11", "-O0", "-w", "-D_GNU_SOURCE"]


@dataclass(frozen=True)
class Mutant:
    """One rule changed: in `file` (rules.c or steps.c), `old` (found
    exactly once there) becomes `new`."""

    name: str
    why: str
    file: str
    old: str
    new: str


R, S = "rules.c", "steps.c"

MUTANTS = (
    Mutant("reserved_rule_primary_only",
           "pre-fix upstream: a reserved value #GPs unless the vCPU has the PRIMARY feature", R,
           "return !rules_has_any(e, c->vcpu) ||",
           "return !rules_has_primary(e, c->vcpu) ||"),
    Mutant("reserved_rule_ignores_truncation",
           "a reserved value always #GPs, even where the vendor truncates it", R,
           "return !rules_has_any(e, c->vcpu) || kept == value;",
           "return true;"),
    Mutant("truncation_on_every_vendor",
           "a quirk truncates whatever the guest vendor", R,
           "return (q->vendors & VENDOR_BIT(c->vendor)) &&",
           "return true &&"),
    Mutant("truncation_never",
           "quirks keep every bit", R,
           "val &= quirk->keep_mask;",
           "val &= ~(uint64_t)0;"),
    Mutant("write_needs_primary_ignored",
           "with only a secondary feature, CET's write value is no longer expected to #GP", S,
           "if (e->write_needs_primary)",
           "if (false)"),
    Mutant("secondary_skip_dropped",
           "a secondary feature no longer makes the MSR exist: RDMSR/WRMSR expected to #GP", S,
           "if (rules_has_secondary(e, c->vcpu)) {",
           "if (false) {"),
    Mutant("supported_path_any_feature",
           "any feature, not the primary one, picks the supported path", R,
           "const struct rules_ctx *c)\n{\n\treturn rules_has_primary(e, c->vcpu);\n}\n\n/*",
           "const struct rules_ctx *c)\n{\n\treturn rules_has_any(e, c->vcpu);\n}\n\n/*"),
    Mutant("ignore_msrs_main_not_honoured",
           "ignore_msrs does not skip the unsupported RDMSR/WRMSR #GP checks", S,
           "if (fate == GP_SKIPPED) {\n\t\tadd_skip(p, st, CHECK_RDMSR_GP",
           "if (false) {\n\t\tadd_skip(p, st, CHECK_RDMSR_GP"),
    Mutant("ignore_msrs_reserved_not_honoured",
           "ignore_msrs does not skip the reserved-value checks", S,
           "\t\tif (gp_fate(c, failure) != GP_EXPECTED) {",
           "\t\tif (false) {"),
    Mutant("ignore_msrs_hides_supported_path",
           "ignore_msrs also skips the supported path", R,
           "const struct rules_ctx *c)\n{\n\treturn rules_has_primary(e, c->vcpu);\n}\n\n/*",
           "const struct rules_ctx *c)\n{\n\treturn rules_has_primary(e, c->vcpu) && "
           "!c->ignore_msrs;\n}\n\n/*"),
    Mutant("save_list_exempt_ignored",
           "FS_BASE/GS_BASE are expected in the save/restore list after all", S,
           "if (e->save_list_exempt) {",
           "if (0) {"),
    Mutant("save_list_primary_only",
           "the save list is expected only when KVM has the primary feature", R,
           "return e->save_list == SAVE_LIST_ALWAYS || rules_has_any(e, kvm);",
           "return e->save_list == SAVE_LIST_ALWAYS || rules_has_primary(e, kvm);"),
    Mutant("host_checks_any_feature",
           "host checks run when KVM has any feature, not the primary", R,
           "return rules_has_primary(e, c->kvm);",
           "return rules_has_any(e, c->kvm);"),
    Mutant("kvm_reg_presence_from_kvm",
           "a KVM register's presence follows KVM's support instead of the vCPU's CPUID", R,
           "bool rules_kvm_reg_present(const struct msr_entry *e,\n\t\t\t   const struct rules_ctx *c)\n"
           "{\n\treturn rules_has_primary(e, c->vcpu);",
           "bool rules_kvm_reg_present(const struct msr_entry *e,\n\t\t\t   const struct rules_ctx *c)\n"
           "{\n\treturn rules_has_primary(e, c->kvm);"),
    Mutant("sync_zero_when_unsupported",
           "upstream's sync value: 0 after a skipped write (documented difference D1 undone)", R,
           "\treturn rules_reset(e, c);\n}\n\nstruct feature_set rules_cleared_features",
           "\treturn guest_stage == STAGE_MAIN ? 0 : rules_reset(e, c);\n}\n\n"
           "struct feature_set rules_cleared_features"),
    Mutant("sync_untruncated",
           "the guest reports the write value without vendor truncation", R,
           "\t\treturn rules_readback(e, c, e->write);\n\treturn rules_reset",
           "\t\treturn e->write;\n\treturn rules_reset"),
    Mutant("rdmsr_write_untruncated",
           "the read-back of the write value ignores vendor truncation", S,
           "CHECK_RDMSR_WRITE,\n\t\t\t  rules_readback(e, c, e->write), 0, -1);\n}",
           "CHECK_RDMSR_WRITE,\n\t\t\t  e->write, 0, -1);\n}"),
    Mutant("keep_flag_ignored",
           "the featureless vCPU loses LM and NONE too", R,
           "if (!msr_features[f].keep)",
           "if (true)"),
    Mutant("restore_never_set",
           "a WRMSR that should have faulted is not undone (documented difference D2 undone)", S,
           "s.restore = want_fault != 0;",
           "s.restore = false;"),
    Mutant("restore_registry_reset",
           "a wrongly accepted write is undone with the registry's reset, not the vCPU's", S,
           "s.restore = want_fault != 0;\n\tif (s.restore)\n\t\ts.want = rules_reset(p->e, p->c);",
           "s.restore = want_fault != 0;\n\tif (s.restore)\n\t\ts.want = p->e->reset;"),
    Mutant("immutable_not_probed",
           "an immutable feature MSR's refusal of another value is not checked", S,
           "if (e->immutable && st == STAGE_MAIN_HOST && rules_host_probes(c)) {",
           "if (false) {"),
    Mutant("immutable_probe_same_value",
           "the immutable probe writes the value the MSR already holds", S,
           "s.value = rules_other_value(rules_reset(e, c));",
           "s.value = rules_reset(e, c);"),
    Mutant("round_trip_twins",
           "twins take part in the save/restore round trip", R,
           "!c->twin && rules_supported_path(e, c) &&",
           "rules_supported_path(e, c) &&"),
    Mutant("round_trip_read_only",
           "read-only MSRs take part in the round trip", R,
           "return listed && e->kind == MSR_KIND_MSR && e->access == ACCESS_RW &&",
           "return listed && e->kind == MSR_KIND_MSR && e->access != ACCESS_WO &&"),
    Mutant("round_trip_unlisted",
           "MSRs KVM does not list take part in the round trip", R,
           "return listed && e->kind == MSR_KIND_MSR",
           "return e->kind == MSR_KIND_MSR"),
    Mutant("init_keep_reads_reset",
           "an MSR that INIT keeps is expected back at its reset value", R,
           "return e->init == INIT_KEEP ? rules_readback(e, c, e->write) :",
           "return e->init == INIT_RESET ? rules_readback(e, c, e->write) :"),
    Mutant("init_on_twins",
           "twins take part in the INIT scenario", R,
           "e->init != INIT_NONE && e->kind == MSR_KIND_MSR &&\n\t       "
           "e->access == ACCESS_RW && e->scope == SCOPE_VCPU && !c->twin &&",
           "e->init != INIT_NONE && e->kind == MSR_KIND_MSR &&\n\t       "
           "e->access == ACCESS_RW && e->scope == SCOPE_VCPU &&"),
    Mutant("tsc_coupling_in_onereg_pass",
           "the TSC coupling scenario runs in the one-reg pass too", R,
           "\t       !c->use_one_reg && rules_supported_path(e, c);",
           "\t       rules_supported_path(e, c);"),
    Mutant("vm_cap_gate_skips_ro",
           "the VM-capability scenario leaves read-only MSRs out", R,
           "(e->access == ACCESS_RW || e->access == ACCESS_RO) &&",
           "e->access == ACCESS_RW &&"),
    Mutant("vm_cap_gate_on_twins",
           "twins take part in the VM-capability scenario", R,
           "\t       !c->twin && !c->use_one_reg && rules_supported_path(e, c);",
           "\t       !c->use_one_reg && rules_supported_path(e, c);"),
    Mutant("host_get_reg_in_msrs_pass",
           "KVM_GET_ONE_REG of the MSR is checked in the msrs pass too", S,
           "if (c->use_one_reg && rules_host_probes(c)) {",
           "if (rules_host_probes(c)) {"),
    Mutant("twin_reads_one_reg",
           "a twin vCPU repeats the ONE_REG read", S,
           "if (c->use_one_reg && rules_host_probes(c)) {",
           "if (c->use_one_reg) {"),
    Mutant("twin_probes_guest",
           "a twin vCPU repeats the guest's probes", R,
           "return !c->use_one_reg && !c->twin;",
           "return !c->use_one_reg;"),
    Mutant("onereg_pass_probes_guest",
           "the one-reg pass repeats the guest's probes", R,
           "return !c->use_one_reg && !c->twin;",
           "return !c->twin;"),
    Mutant("onereg_pass_reads",
           "the one-reg pass repeats the guest's reads", R,
           "bool rules_guest_reads(const struct rules_ctx *c)\n{\n\treturn !c->use_one_reg;",
           "bool rules_guest_reads(const struct rules_ctx *c)\n{\n\treturn true;"),
    Mutant("twin_probes_host",
           "a twin vCPU repeats the host's probes", R,
           "\treturn !c->twin;\n}",
           "\treturn true;\n}"),
    Mutant("onereg_pass_second_round_trip",
           "the one-reg pass makes its host round trip twice", S,
           "return c->use_one_reg ? STAGE_MAIN_HOST : STAGE_AFTER_HOST;",
           "return STAGE_AFTER_HOST;"),
    Mutant("twin_failing_host_write",
           "a twin vCPU repeats a host write that must fail", S,
           "if (e->host_write == HOST_WRITE_FAILS && !rules_host_probes(c))\n\t\treturn;",
           ""),
    Mutant("kvm_reg_in_msr_pass",
           "KVM-defined registers are checked in the MSR pass too", S,
           "if (!c->use_one_reg) {",
           "if (false) {"),
    Mutant("absent_reg_get_any_errno",
           "KVM_GET_ONE_REG of an absent register may fail with any errno", S,
           "s.want_fault = RULES_EINVAL;",
           "s.want_fault = -1;"),
    Mutant("host_reset_read_without_host_write",
           "the guest expects the host's reset value even when KVM lacks the primary feature", S,
           "if (rules_host_checks_apply(e, c))\n\t\tadd_rdmsr",
           "if (true)\n\t\tadd_rdmsr"),
    Mutant("truncated_restore_dropped",
           "after a truncated write the reset value is not written back", S,
           "\t\t\tadd_wrmsr(p, st, CHECK_WRMSR_RESTORE,\n\t\t\t\t  rules_reset(e, c), 0, -1);\n",
           ""),
    Mutant("unsupported_rdmsr_no_fault",
           "RDMSR of an absent MSR is expected to succeed", S,
           "add_rdmsr(p, st, CHECK_RDMSR_GP, 0, GP_VECTOR, -1);",
           "add_rdmsr(p, st, CHECK_RDMSR_GP, 0, 0, -1);"),
    Mutant("host_set_writes_guest_value",
           "the host writes back the guest's value instead of the reset value", S,
           "\ts = step(host_set_op(c), CHECK_HOST_SET);\n\ts.value = rules_reset(e, c);",
           "\ts = step(host_set_op(c), CHECK_HOST_SET);\n\ts.value = guest_val;"),
    Mutant("twin_writes_through_one_reg",
           "a twin's host writes go through ONE_REG too", S,
           "return c->use_one_reg && rules_host_probes(c) ? OP_HOST_SET_REG :",
           "return c->use_one_reg ? OP_HOST_SET_REG :"),
    Mutant("quirk_ignores_host_vendor",
           "a quirk that names host vendors applies on any host (SYSENTER truncated on VMX)", R,
           "(!q->host_vendors || (q->host_vendors & VENDOR_BIT(c->host_vendor)));",
           "true;"),
    Mutant("canonical_57_by_guest",
           "the 57-bit probe #GPs whatever KVM's LA57 support says", R,
           "\treturn c->la57;",
           "\treturn false;"),
    Mutant("canonical_48_probe_dropped",
           "the 48-bit canonical probe is not made", S,
           "\tprobe_accepted(p, CHECK_CANONICAL_48, MSR_CANONICAL_48);\n",
           ""),
    Mutant("canonical_probe_not_restored",
           "an accepted probe is not followed by a write of the reset value", S,
           "\tadd_wrmsr(p, STAGE_AFTER, check, rules_reset(p->e, p->c), 0, -1);\n",
           ""),
    Mutant("save_list_only_in_vcpu_scope",
           "the save-list check is planned per vCPU instead of once per pass", S,
           "\tif (!p->pass_scope)\n\t\treturn;\n\tif (e->save_list_exempt)",
           "\tif (p->pass_scope)\n\t\treturn;\n\tif (e->save_list_exempt)"),
)


@dataclass
class Outcome:
    """What happened to one mutant."""

    mutant: Mutant
    error: str | None = None        # could not be tried: a broken test
    killers: tuple[str, ...] = ()   # what caught it


class Builder:
    """Builds oracle_dump against mutated sources, fast: everything that no
    mutant touches is compiled once; a mutant costs one compile and a link."""

    def __init__(self, cc: list[str], includes: list[str], fixed_c: list[str], tmp: Path):
        self.cc = cc
        self.includes = [f"-I{i}" for i in includes]
        self.tmp = tmp
        self.fixed = [self.compile(Path(c), tmp / f"fixed{i}.o") for i, c in
                      enumerate([str(DUMP_C), *fixed_c])]
        self.pristine = {name: self.compile(COMMON / name, tmp / f"pristine-{name}.o")
                         for name in MUTABLE}

    def compile(self, src: Path, obj: Path) -> Path:
        """One object; raises RuntimeError if it does not compile."""
        argv = [*self.cc, *CFLAGS, *self.includes, "-c", "-o", str(obj), str(src)]
        r = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
        if r.returncode:
            raise RuntimeError(f"does not compile:\n{' '.join(argv)}\n{r.stderr}")
        return obj

    def dump(self, tag: str, name: str | None = None, text: str = "") -> str:
        """oracle_dump's output with `name` replaced by `text` (None: pristine)."""
        d = self.tmp / tag
        d.mkdir()
        objs = dict(self.pristine)
        if name is not None:
            src = d / name
            src.write_text(text, encoding="utf-8")
            objs[name] = self.compile(src, d / (name + ".o"))
        exe = d / "oracle_dump"
        argv = [*self.cc, "-o", str(exe), *map(str, self.fixed), *map(str, objs.values())]
        r = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
        if r.returncode:
            raise RuntimeError(f"does not compile:\n{' '.join(argv)}\n{r.stderr}")
        return oracle_text.run_dump([str(exe)])


def judge(dump: str, want: str, every: bool = False) -> tuple[str, ...]:
    """The checks that fail on this oracle_dump output.

    The oracle diff goes first; the named scenarios (slower) run only if it
    passes, or when `every` asks for all of them (the baseline).
    """
    killers = []
    bad, report = oracle_text.compare(dump, want, "mutant", "spec.py", limit=1)
    if bad:
        first = report.splitlines()[0] if report else ""
        killers.append(f"oracle-diff ({bad} scenarios differ; first: {first})")
        if not every:
            return tuple(killers)
    for name, err in scenarios.run(oracle_text.parse(dump)):
        if err:
            killers.append(f"scenario {name}")
    return tuple(killers)


def main() -> int:
    """Try every mutant; TAP-like lines, then the tally."""
    argv = sys.argv[1:]
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--table-c", required=True)
    p.add_argument("--plans-c", required=True)
    p.add_argument("-I", dest="includes", action="append", default=[])
    p.add_argument("--only", action="append", default=[])
    args = p.parse_args(argv[:split])
    cc = argv[split + 1:] or ["cc"]
    start = time.monotonic()

    texts = {name: (COMMON / name).read_text(encoding="utf-8") for name in MUTABLE}
    want = spec.render(spec.load_registry(spec.SRC / "registry" / "msrs.toml"))
    mutants = [m for m in MUTANTS if not args.only or m.name in args.only]
    failed = False

    # The list must not rot: each text is found exactly once, names unique.
    names = [m.name for m in MUTANTS]
    for n in sorted({n for n in names if names.count(n) > 1}):
        print(f"duplicate mutant name: {n}")
        failed = True
    stale = []
    for m in mutants:
        count = texts[m.file].count(m.old) if m.file in texts else 0
        if count != 1:
            print(f"mutant text not found exactly once in {m.file} ({count} times): {m.name}")
            stale.append(m)
            failed = True
    mutants = [m for m in mutants if m not in stale]

    with tempfile.TemporaryDirectory(prefix="msrcheck-mutants-") as tmpdir:
        tmp = Path(tmpdir)
        try:
            builder = Builder(cc, args.includes, [args.table_c, args.plans_c], tmp)
            base = builder.dump("baseline")
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            print(f"baseline: {e}")
            return 1
        killers = judge(base, want, every=True)
        if killers:
            print("baseline: the unmutated sources already fail: " + "; ".join(killers))
            print("fix that first (run oracle-diff and oracle-scenarios); no mutant was tried")
            return 1

        def attempt(i: int, m: Mutant) -> Outcome:
            try:
                text = texts[m.file].replace(m.old, m.new, 1)
                return Outcome(m, killers=judge(builder.dump(f"m{i}", m.file, text), want))
            except RuntimeError as e:
                if "does not compile" in str(e):
                    return Outcome(m, error=str(e))
                # oracle_dump itself fails (crash, bad step count): caught.
                return Outcome(m, killers=(f"oracle_dump failed: {str(e).splitlines()[0]}",))
            except (OSError, subprocess.TimeoutExpired) as e:
                return Outcome(m, error=str(e))

        with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
            outcomes = list(pool.map(lambda im: attempt(*im), enumerate(mutants)))

    killed = 0
    for o in outcomes:
        if o.error:
            print(f"mutant broken: {o.mutant.name}: {o.error}")
            failed = True
        elif o.killers:
            killed += 1
            print(f"killed {o.mutant.name}: {o.mutant.why}")
            for k in o.killers[:4]:
                print(f"    by {k}")
            if len(o.killers) > 4:
                print(f"    and {len(o.killers) - 4} more")
        else:
            print(f"mutant survived: {o.mutant.name}: {o.mutant.why}")
            failed = True
    total = len(mutants) + len(stale)
    print(f"mutants killed: {killed} of {total} ({time.monotonic() - start:.1f} s)")
    return 1 if failed or killed != total else 0


if __name__ == "__main__":
    sys.exit(main())
