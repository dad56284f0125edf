# SPDX-License-Identifier: MIT
"""seed: the registry still carries the 26 entries of upstream msrs_test.c.

The table below is transcribed by hand from the upstream KVM selftest
(tools/testing/selftests/kvm/x86/msrs_test.c), reading its macros as:
  MSR_TEST(msr, val, rsvd, feat)                features [feat], reset 0
  MSR_TEST2(msr, val, rsvd, feat, f2)           features [feat, f2]
  MSR_TEST_NON_ZERO(msr, val, rsvd, reset, feat) a non-zero reset
  MSR_TEST_CANONICAL(msr, feat)                 write 0x123456789000, reserved NONCANONICAL
  MSR_TEST_KVM(GUEST_SSP, ...)                  kind kvm_reg, index 0
with rsvd 0 meaning "no reserved value" and upstream's feature NONE (KVM
emulates the MSR unconditionally) being the registry's NONE.

It is compared with the generator's model, whose expanded reserved list
includes the noncanonical probe of canonical entries, as a multiset:
upstream's order is not the registry's.  Every upstream row must be there;
the registry may add entries, also for the MSRs upstream tests (PAT's
reserved memory types are a scenario of their own, next to upstream's).
"""
import unittest
from collections import Counter

from gentest import REGISTRY, import_msrgen

import_msrgen()
from msrgen.load import load_toml  # noqa: E402
from msrgen.model import build_registry  # noqa: E402
from msrgen.validate import validate_registry  # noqa: E402

CANONICAL = 0x0000_1234_5678_9000
NONCANONICAL = 0xaaaa_aaaa_aaaa_aaaa
U64_VAL = 0xaaaa_5555_aaaa_5555
CET_RESERVED = 0x3c0
CET_SHSTK_EN = 0x1
CET_ENDBR_EN = 0x4

# (kind, name, index, features, reset, write, reserved values), upstream order.
UPSTREAM = [
    ("msr", "IA32_MISC_ENABLE", 0x1a0, ("NONE",), 0x1800, 0x1801, (0x1,)),
    ("msr", "IA32_CR_PAT", 0x277, ("NONE",), 0x0007_0406_0007_0406, 0x0707_0707, ()),
    ("msr", "TSC_AUX", 0xc000_0103, ("RDTSCP", "RDPID"), 0, 0x1234_5678, (U64_VAL,)),
    ("msr", "TSC_AUX", 0xc000_0103, ("RDPID", "RDTSCP"), 0, 0x1234_5678, (U64_VAL,)),
    ("msr", "IA32_SYSENTER_CS", 0x174, ("NONE",), 0, 0x1234, ()),
    ("msr", "IA32_SYSENTER_ESP", 0x175, ("NONE",), 0, CANONICAL, ()),
    ("msr", "IA32_SYSENTER_EIP", 0x176, ("NONE",), 0, CANONICAL, ()),
    ("msr", "FS_BASE", 0xc000_0100, ("LM",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "GS_BASE", 0xc000_0101, ("LM",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "KERNEL_GS_BASE", 0xc000_0102, ("LM",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "LSTAR", 0xc000_0082, ("LM",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "CSTAR", 0xc000_0083, ("LM",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "SYSCALL_MASK", 0xc000_0084, ("LM",), 0, 0xffff_ffff, ()),
    ("msr", "IA32_S_CET", 0x6a2, ("SHSTK", "IBT"), 0, CET_SHSTK_EN, (CET_RESERVED,)),
    ("msr", "IA32_S_CET", 0x6a2, ("IBT", "SHSTK"), 0, CET_ENDBR_EN, (CET_RESERVED,)),
    ("msr", "IA32_U_CET", 0x6a0, ("SHSTK", "IBT"), 0, CET_SHSTK_EN, (CET_RESERVED,)),
    ("msr", "IA32_U_CET", 0x6a0, ("IBT", "SHSTK"), 0, CET_ENDBR_EN, (CET_RESERVED,)),
    ("msr", "IA32_PL0_SSP", 0x6a4, ("SHSTK",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "IA32_PL0_SSP", 0x6a4, ("SHSTK",), 0, CANONICAL, (CANONICAL | 1,)),
    ("msr", "IA32_PL1_SSP", 0x6a5, ("SHSTK",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "IA32_PL1_SSP", 0x6a5, ("SHSTK",), 0, CANONICAL, (CANONICAL | 1,)),
    ("msr", "IA32_PL2_SSP", 0x6a6, ("SHSTK",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "IA32_PL2_SSP", 0x6a6, ("SHSTK",), 0, CANONICAL, (CANONICAL | 1,)),
    ("msr", "IA32_PL3_SSP", 0x6a7, ("SHSTK",), 0, CANONICAL, (NONCANONICAL,)),
    ("msr", "IA32_PL3_SSP", 0x6a7, ("SHSTK",), 0, CANONICAL, (CANONICAL | 1,)),
    ("kvm_reg", "GUEST_SSP", 0x0, ("SHSTK",), 0, CANONICAL, (NONCANONICAL,)),
]

# The CPUID bits upstream's X86_FEATURE_* stand for: (leaf, subleaf, reg, bit).
FEATURES = {
    "IBT": (0x7, 0, "edx", 20),
    "LM": (0x8000_0001, 0, "edx", 29),
    "NONE": (0x1, 0, "ecx", 31),  # X86_FEATURE_HYPERVISOR
    "RDPID": (0x7, 0, "ecx", 22),
    "RDTSCP": (0x8000_0001, 0, "edx", 27),
    "SHSTK": (0x7, 0, "ecx", 7),
}


def show(rows: Counter) -> str:
    """Rows for a failure message, numbers in hex."""
    return "".join(f"\n  {kind} {name} {index:#x} features={list(features)} reset={reset:#x} "
                   f"write={write:#x} reserved={[hex(v) for v in reserved]}"
                   for kind, name, index, features, reset, write, reserved in sorted(rows))


class Seed(unittest.TestCase):
    def test_registry_matches_upstream(self) -> None:
        doc, diags = load_toml(str(REGISTRY), "registry/msrs.toml")
        self.assertEqual(diags, [])
        assert doc is not None
        self.assertEqual(validate_registry(doc), [])
        registry = build_registry(doc.data, doc.smap.lines)
        self.assertEqual(registry.noncanonical, NONCANONICAL)
        ours = Counter(
            (m.kind, m.name, m.index, m.features, m.reset, m.write,
             tuple(r.value for r in m.expanded_reserved(registry.noncanonical)))
            for m in registry.msrs if m.name in {row[1] for row in UPSTREAM})
        self.assertEqual(len(UPSTREAM), 26)
        missing = Counter(UPSTREAM) - ours
        if missing:
            self.fail(f"upstream entries the registry lacks:{show(missing)}")
        cpuids = {f.name: f.cpuid()[1:] for f in registry.features if f.source == "cpuid"}
        self.assertEqual({name: cpuids.get(name) for name in FEATURES}, FEATURES)


if __name__ == "__main__":
    unittest.main()
