# SPDX-License-Identifier: MIT
"""mutants: every single-rule mistake in rules.c below is caught by the oracle.

Each mutant is one exact text replacement in runtime/common/rules.c.  For
each, the mutated copy is compiled with oracle_dump.c and the generated
table into a temporary directory, and its output is put through the oracle
diff (against spec.py) and the named scenarios.  The test fails if any
mutant survives both, if a mutant's text is no longer found exactly once in
rules.c (so the list cannot rot silently), if a mutant does not compile, or
if the unmutated rules.c does not pass (which would make every kill
meaningless).

Usage: mutants.py --table-c BUILD/gen/msr_table.c -I DIR [-I DIR...] -- CC [ARGS...]
(meson passes the generated table, runtime/common and BUILD/gen, and
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
RULES_C = spec.SRC / "runtime" / "common" / "rules.c"
DUMP_C = HERE / "oracle_dump.c"
CFLAGS = ["-std=gnu11", "-O0", "-w", "-D_GNU_SOURCE"]


@dataclass(frozen=True)
class Mutant:
    """One rule changed: `old` (found exactly once in rules.c) becomes `new`."""

    name: str
    why: str
    old: str
    new: str


MUTANTS = (
    Mutant("reserved_rule_primary_only",
           "pre-fix upstream: a reserved value #GPs unless the vCPU has the PRIMARY feature",
           "return !rules_has_any(e, c->vcpu) ||",
           "return !rules_has_primary(e, c->vcpu) ||"),
    Mutant("reserved_rule_ignores_truncation",
           "a reserved value always #GPs, even where the vendor truncates it",
           "rules_readback(e, c->vendor, val) == val;",
           "true;"),
    Mutant("truncation_on_every_vendor",
           "a quirk truncates whatever the guest vendor",
           "if ((e->quirks & (1u << q)) && (quirk->vendors & VENDOR_BIT(v)))",
           "if (e->quirks & (1u << q))"),
    Mutant("truncation_never",
           "quirks keep every bit",
           "val &= quirk->keep_mask;",
           "val &= ~(uint64_t)0;"),
    Mutant("write_needs_primary_ignored",
           "with only a secondary feature, CET's write value is no longer expected to #GP",
           "if (e->write_needs_primary)",
           "if (false)"),
    Mutant("secondary_skip_dropped",
           "a secondary feature no longer makes the MSR exist: RDMSR/WRMSR expected to #GP",
           "if (rules_has_secondary(e, c->vcpu)) {",
           "if (false) {"),
    Mutant("supported_path_any_feature",
           "any feature, not the primary one, picks the supported path",
           "const struct rules_ctx *c)\n{\n\treturn rules_has_primary(e, c->vcpu);\n}\n\n/*",
           "const struct rules_ctx *c)\n{\n\treturn rules_has_any(e, c->vcpu);\n}\n\n/*"),
    Mutant("ignore_msrs_main_not_honoured",
           "ignore_msrs does not skip the unsupported RDMSR/WRMSR #GP checks",
           "if (c->ignore_msrs) {\n\t\tadd_skip(s++, CHECK_RDMSR_GP",
           "if (false) {\n\t\tadd_skip(s++, CHECK_RDMSR_GP"),
    Mutant("ignore_msrs_reserved_not_honoured",
           "ignore_msrs does not skip the reserved-value checks",
           "if (c->ignore_msrs) {\n\t\t\tadd_skip(s, CHECK_WRMSR_RESERVED_GP",
           "if (false) {\n\t\t\tadd_skip(s, CHECK_WRMSR_RESERVED_GP"),
    Mutant("ignore_msrs_hides_supported_path",
           "ignore_msrs also skips the supported path",
           "const struct rules_ctx *c)\n{\n\treturn rules_has_primary(e, c->vcpu);\n}\n\n/*",
           "const struct rules_ctx *c)\n{\n\treturn rules_has_primary(e, c->vcpu) && !c->ignore_msrs;\n}\n\n/*"),
    Mutant("save_list_exempt_ignored",
           "FS_BASE/GS_BASE are expected in the save/restore list after all",
           "	if (e->save_list_exempt) {\n		out->op = OP_SKIP;",
           "	if (0) {\n		out->op = OP_SKIP;"),
    Mutant("save_list_primary_only",
           "the save list is expected only when KVM has the primary feature",
           "return rules_has_any(e, kvm);",
           "return rules_has_primary(e, kvm);"),
    Mutant("host_checks_any_feature",
           "host checks run when KVM has any feature, not the primary",
           "return rules_has_primary(e, c->kvm);",
           "return rules_has_any(e, c->kvm);"),
    Mutant("kvm_reg_presence_from_kvm",
           "a KVM register's presence follows KVM's support instead of the vCPU's CPUID",
           "bool rules_kvm_reg_present(const struct msr_entry *e,\n\t\t\t   const struct rules_ctx *c)\n"
           "{\n\treturn rules_has_primary(e, c->vcpu);",
           "bool rules_kvm_reg_present(const struct msr_entry *e,\n\t\t\t   const struct rules_ctx *c)\n"
           "{\n\treturn rules_has_primary(e, c->kvm);"),
    Mutant("sync_zero_when_unsupported",
           "upstream's sync value: 0 after a skipped write (documented difference D1 undone)",
           "\treturn e->reset;\n}\n\nint rules_host_steps",
           "\treturn phase == PHASE_MAIN ? 0 : e->reset;\n}\n\nint rules_host_steps"),
    Mutant("sync_untruncated",
           "the guest reports the write value without vendor truncation",
           "return rules_readback(e, c->vendor, e->write);",
           "return e->write;"),
    Mutant("rdmsr_write_untruncated",
           "the read-back of the write value ignores vendor truncation",
           "rules_readback(e, c->vendor, e->write));",
           "e->write);"),
    Mutant("keep_flag_ignored",
           "the featureless vCPU loses LM and NONE too",
           "if (!msr_features[f].keep)",
           "if (true)"),
    Mutant("restore_never_set",
           "a WRMSR that should have faulted is not undone (documented difference D2 undone)",
           "s->restore = want_fault != 0;",
           "s->restore = false;"),
    Mutant("host_get_reg_without_cap",
           "KVM_GET_ONE_REG of the MSR is checked even without KVM_CAP_ONE_REG",
           "if (c->has_one_reg)",
           "if (true)"),
    Mutant("host_get_reg_only_in_onereg_pass",
           "KVM_GET_ONE_REG of the MSR is checked only in the ONE_REG pass",
           "if (c->has_one_reg)",
           "if (c->use_one_reg)"),
    Mutant("kvm_reg_in_msr_pass",
           "KVM-defined registers are checked in the MSR pass too",
           "if (!c->use_one_reg) {",
           "if (false) {"),
    Mutant("absent_reg_get_any_errno",
           "KVM_GET_ONE_REG of an absent register may fail with any errno",
           "RULES_EINVAL;",
           "-1;"),
    Mutant("host_reset_read_without_host_write",
           "the guest expects the host's reset value even when KVM lacks the primary feature",
           "if (rules_host_checks_apply(e, c))\n\t\t\tadd_rdmsr",
           "if (true)\n\t\t\tadd_rdmsr"),
    Mutant("truncated_restore_dropped",
           "after a truncated write the reset value is not written back",
           "\t\t\tadd_wrmsr(s++, CHECK_WRMSR_RESTORE, e->reset, 0);\n",
           ""),
    Mutant("unsupported_rdmsr_no_fault",
           "RDMSR of an absent MSR is expected to succeed",
           "add(s, OP_RDMSR, CHECK_RDMSR_GP)->want_fault = GP_VECTOR;",
           "add(s, OP_RDMSR, CHECK_RDMSR_GP)->want_fault = 0;"),
    Mutant("host_set_writes_guest_value",
           "the host writes back the guest's value instead of the reset value",
           "add(s, OP_HOST_SET, CHECK_HOST_SET)->value = e->reset;",
           "add(s, OP_HOST_SET, CHECK_HOST_SET)->value = guest_val;"),
)


@dataclass
class Outcome:
    """What happened to one mutant."""

    mutant: Mutant
    error: str | None = None        # could not be tried: a broken test
    killers: tuple[str, ...] = ()   # what caught it


def compile_and_dump(cc: list[str], includes: list[str], table_c: str, rules_text: str,
                     tmp: Path, tag: str) -> str:
    """Build oracle_dump against this rules.c text and return its output."""
    d = tmp / tag
    d.mkdir()
    (d / "rules.c").write_text(rules_text, encoding="utf-8")
    exe = d / "oracle_dump"
    argv = [*cc, *CFLAGS, *(f"-I{i}" for i in includes), "-o", str(exe),
            str(DUMP_C), str(d / "rules.c"), table_c]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    if r.returncode:
        raise RuntimeError(f"does not compile:\n{' '.join(argv)}\n{r.stderr}")
    return oracle_text.run_dump([str(exe)])


def judge(dump: str, want: str) -> tuple[str, ...]:
    """The checks that fail on this oracle_dump output."""
    killers = []
    bad, report = oracle_text.compare(dump, want, "mutant", "spec.py", limit=1)
    if bad:
        first = report.splitlines()[0] if report else ""
        killers.append(f"oracle-diff ({bad} scenarios differ; first: {first})")
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
    p.add_argument("-I", dest="includes", action="append", default=[])
    p.add_argument("--only", action="append", default=[])
    args = p.parse_args(argv[:split])
    cc = argv[split + 1:] or ["cc"]
    start = time.monotonic()

    rules_text = RULES_C.read_text(encoding="utf-8")
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
        count = rules_text.count(m.old)
        if count != 1:
            print(f"mutant text not found exactly once in rules.c ({count} times): {m.name}")
            stale.append(m)
            failed = True
    mutants = [m for m in mutants if m not in stale]

    with tempfile.TemporaryDirectory(prefix="msrcheck-mutants-") as tmpdir:
        tmp = Path(tmpdir)
        try:
            base = compile_and_dump(cc, args.includes, args.table_c, rules_text, tmp, "baseline")
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            print(f"baseline: {e}")
            return 1
        killers = judge(base, want)
        if killers:
            print("baseline: the unmutated rules.c already fails: " + "; ".join(killers))
            print("fix that first (run oracle-diff and oracle-scenarios); no mutant was tried")
            return 1

        def attempt(i: int, m: Mutant) -> Outcome:
            try:
                text = rules_text.replace(m.old, m.new, 1)
                return Outcome(m, killers=judge(
                    compile_and_dump(cc, args.includes, args.table_c, text, tmp, f"m{i}"), want))
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
