"""The registry as frozen dataclasses: the one place defaults live.

Each dataclass field read from TOML carries its key type in the field
metadata (see `key()`), so the validator learns the closed set of keys, which
of them are required (no default) and how to check their values from here,
and the registry's header comment mirrors these definitions.
"""
from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = 1

# The longest entry name, as Msr.display spells it ("NAME" or "NAME/label",
# the slash counted).  Defined here only: the generated msr_table.h hands it
# to the runtime as MSR_ENTRY_NAME_MAX, which sizes the buffers that TAP
# lines, the summary and --fault/pattern matching print and compare names in.
ENTRY_NAME_MAX = 48

# The longest string value, in characters.  Strings become C string
# literals, and C99 only guarantees 4095 bytes for one: 1000 characters of
# at most four UTF-8 bytes each stay below that.
TEXT_MAX = 1000

UPPER_NAME = r"[A-Z][A-Z0-9_]*"
LOWER_NAME = r"[a-z][a-z0-9_]*"
# An entry name; `{n}` stands for the bank number of a `count` entry.
BANK_NAME = r"[A-Z](?:[A-Z0-9_]|\{n\})*"
# A KVM capability's UAPI name.
VM_CAP_NAME = r"KVM_CAP_[A-Z0-9_]+"


@dataclass(frozen=True)
class Vendor:
    """A CPU vendor as the registry names it and as CPUID leaf 0 spells it."""

    name: str
    display: str
    cpuid: str

    @property
    def c_id(self) -> str:
        """VENDOR_INTEL."""
        return f"VENDOR_{self.name.upper()}"


# The enums the registry and the C runtime share are defined here, once:
# the generator emits them into msr_table.h (enum vendor, enum msr_kind,
# enum reserved_origin, enum cpuid_reg) with their names.
VENDOR_TABLE = (
    Vendor("intel", "Intel", "GenuineIntel"),
    Vendor("amd", "AMD", "AuthenticAMD"),
    Vendor("hygon", "Hygon", "HygonGenuine"),
)
# A CPUID vendor none of the above: no vendor rule applies to it.
OTHER_VENDOR = Vendor("other", "other", "")
VENDORS = tuple(v.name for v in VENDOR_TABLE)
REGS = ("eax", "ebx", "ecx", "edx")
KINDS = ("msr", "kvm_reg")
# Where a feature's presence comes from (enum feature_source).
SOURCES = ("cpuid", "mcg_cap", "msr")
# What guest RDMSR/WRMSR may do (enum msr_access); "none": the MSR never
# exists for the suite's VMs (an unknown index, a range KVM does not back).
ACCESSES = ("rw", "ro", "wo", "none")
# When KVM_GET_MSR_INDEX_LIST lists the MSR (enum save_list_rule).
SAVE_LISTS = ("features", "always")
# Host accesses when the vCPU lacks the MSR (enum host_absent): by the
# failure class ([U]: read 0, write 0; [I]: fail), "zero", "fails", or
# "full" when host accesses skip the CPUID gate altogether.
HOST_ABSENT = ("class", "zero", "fails", "full")
# KVM's two failure classes (enum failure_class; "unknown" is the default).
FAILURES = ("unknown", "unsupported", "invalid")
# Whether the MSR belongs to a vCPU or to the VM (enum msr_scope).
SCOPES = ("vcpu", "vm")
# What a host write does (enum host_write).
HOST_WRITES = ("any", "fails")
# What an INIT does to the value (enum init_effect; "none": not checked).
INIT_EFFECTS = ("none", "keep", "reset")


@dataclass(frozen=True)
class KeyType:
    """What a TOML key accepts.

    base is "int", "str" or "bool".  An int has `bits` bits (unsigned) or
    a `maximum`; a str may be limited to `choices` or to a `pattern` (an
    anchored regular expression), is never empty and has at most TEXT_MAX
    characters.  With `array`, the value is an array of such items.  `hint`
    is appended to the message when the key is missing or empty.
    """

    base: str
    bits: int = 0
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    # What the pattern means, for messages, instead of the regex itself.
    pattern_doc: str = ""
    array: bool = False
    hint: str = ""

    def item(self) -> KeyType:
        """The type of one element of an array type."""
        return dataclasses.replace(self, array=False)


U32 = KeyType("int", bits=32)
U64 = KeyType("int", bits=64)
BIT = KeyType("int", maximum=31)
BOOL = KeyType("bool")
TEXT = KeyType("str")
SCHEMA = KeyType("int", bits=32)

_NO_DEFAULT: Any = dataclasses.MISSING


def key(ktype: KeyType, default: Any = _NO_DEFAULT) -> Any:
    """A dataclass field read from the TOML key of the same name.

    Without a default the key is required.
    """
    return field(default=default, metadata={"toml": ktype})


def toml_keys(cls: type) -> dict[str, KeyType]:
    """The TOML keys of a model class, in declaration order."""
    return {f.name: f.metadata["toml"] for f in dataclasses.fields(cls)
            if "toml" in f.metadata}


def required_keys(cls: type) -> tuple[str, ...]:
    """The TOML keys of a model class that have no default."""
    return tuple(f.name for f in dataclasses.fields(cls)
                 if "toml" in f.metadata
                 and f.default is dataclasses.MISSING
                 and f.default_factory is dataclasses.MISSING)


def default_of(cls: type, name: str) -> Any:
    """The default of one field of a model class."""
    for f in dataclasses.fields(cls):
        if f.name == name:
            return f.default
    raise KeyError(name)


T = TypeVar("T")


def from_toml(cls: type[T], raw: Mapping[str, Any], **extra: Any) -> T:
    """Build a model object from an already validated TOML table.

    Arrays become tuples; keys the table leaves out take the defaults of the
    dataclass.  `extra` supplies the fields that do not come from keys.
    """
    keys = toml_keys(cls)
    values = {k: tuple(v) if isinstance(v, list) else v
              for k, v in raw.items() if k in keys}
    return cls(**values, **extra)


class Origin(enum.Enum):
    """Where a reserved value comes from (enum reserved_origin, generated).

    The value is what messages call such a value ("non-canonical 0x...").
    """

    LISTED = "reserved"
    NONCANONICAL = "non-canonical"
    BITS = "reserved-bits"

    @property
    def c_id(self) -> str:
        """RESERVED_LISTED."""
        return f"RESERVED_{self.name}"


@dataclass(frozen=True)
class Reserved:
    """One value whose WRMSR must #GP."""

    value: int
    origin: Origin


@dataclass(frozen=True)
class Feature:
    """A feature that can make an MSR exist, [feature.NAME].

    Usually a CPUID bit (source "cpuid": leaf, subleaf, reg, bit).  Some
    gates are not CPUID: a capability bit of MCG_CAP that userspace sets
    with KVM_X86_SETUP_MCE (source "mcg_cap": bit), or a bit of another MSR
    (source "msr": msr, bit).  A KVM paravirtual feature (`pv = true`, a
    bit of CPUID 0x4000_0001) gates its MSRs only on vCPUs with
    KVM_CAP_ENFORCE_PV_FEATURE_CPUID enabled.
    """

    name: str
    bit: int = key(KeyType("int", maximum=63))
    source: str = key(KeyType("str", choices=SOURCES), "cpuid")
    leaf: int | None = key(U32, None)
    reg: str | None = key(KeyType("str", choices=REGS), None)
    subleaf: int = key(U32, 0)
    msr: int | None = key(U32, None)
    pv: bool = key(BOOL, False)
    keep: str | None = key(TEXT, None)
    doc: str | None = key(TEXT, None)
    line: int = field(default=0, compare=False)

    def cpuid(self) -> tuple[Any, ...]:
        """What the feature stands for: (source, and its location)."""
        if self.source == "cpuid":
            return (self.source, self.leaf, self.subleaf, self.reg, self.bit)
        if self.source == "msr":
            return (self.source, self.msr, self.bit)
        return (self.source, self.bit)


@dataclass(frozen=True)
class Quirk:
    """A vendor behaviour the checks must expect, [quirk.NAME]."""

    name: str
    vendors: tuple[str, ...] = key(KeyType("str", choices=VENDORS, array=True))
    keep_mask: int = key(U64)
    why: str = key(KeyType("str", hint="a quirk without a reason cannot be reviewed; "
                                        "say why in a sentence"))
    ref: str | None = key(TEXT, None)
    # Only on hosts of these CPU vendors (the KVM vendor module); empty: any.
    host_vendors: tuple[str, ...] = key(KeyType("str", choices=VENDORS, array=True), ())
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Msr:
    """One [[msr]] entry: an MSR (or KVM register) in one scenario."""

    name: str = key(KeyType("str", pattern=BANK_NAME,
                            pattern_doc="a name of A-Z, 0-9 and _ starting with a letter, "
                                        "`{n}` standing for a bank number"))
    index: int = key(U32)
    features: tuple[str, ...] = key(KeyType("str", pattern=UPPER_NAME, array=True))
    write: int | None = key(U64, None)
    label: str | None = key(KeyType("str", pattern=LOWER_NAME), None)
    kind: str = key(KeyType("str", choices=KINDS), "msr")
    reset: int = key(U64, 0)
    reserved: tuple[int, ...] = key(KeyType("int", bits=64, array=True), ())
    reserved_bits: int = key(U64, 0)
    canonical: bool = key(BOOL, False)
    write_needs_primary: bool = key(BOOL, False)
    quirks: tuple[str, ...] = key(KeyType("str", pattern=UPPER_NAME, array=True), ())
    save_list_exempt: str | None = key(TEXT, None)
    ref: str | None = key(TEXT, None)
    access: str = key(KeyType("str", choices=ACCESSES), "rw")
    ignored_bits: int = key(U64, 0)
    fixed_bits: int = key(U64, 0)
    fixed_value: int = key(U64, 0)
    sweep: bool = key(BOOL, False)
    sweep_skip: int = key(U64, 0)
    sweep_skip_why: str | None = key(TEXT, None)
    failure: str = key(KeyType("str", choices=FAILURES), "unknown")
    reserved_failure: str = key(KeyType("str", choices=FAILURES), "unknown")
    host_absent: str = key(KeyType("str", choices=HOST_ABSENT), "class")
    save_list: str = key(KeyType("str", choices=SAVE_LISTS), "features")
    # A feature MSR (KVM_GET_MSR_FEATURE_INDEX_LIST): a fresh vCPU holds
    # KVM's value of it (the system fd's KVM_GET_MSRS), not `reset`.
    feature_msr: bool = key(BOOL, False)
    # After the vCPU's first run KVM refuses the host's change of the value
    # (kvm_is_immutable_feature_msr): a write of another value fails.
    immutable: bool = key(BOOL, False)
    # What an INIT (kvm_vcpu_reset(init_event = true)) does to the value:
    # "keep" it, or "reset" it to the reset value; none: not checked.
    init: str = key(KeyType("str", choices=INIT_EFFECTS), "none")
    # IA32_TSC_ADJUST's coupling with the TSC: a guest write moves the TSC
    # by the change, a guest TSC write moves it by the TSC's change (the
    # TSC coupling scenario checks both).
    couples_tsc: bool = key(BOOL, False)
    # A VM capability that gates guest reads (KVM_CAP_MSR_PLATFORM_INFO):
    # with KVM_ENABLE_CAP(cap, 0) the guest's RDMSR raises #GP while the
    # host still reads it (the VM-capability scenario).  The name is the
    # kernel's; its number comes from <linux/kvm.h> or kvm_compat.h.
    vm_cap_gate: str | None = key(KeyType("str", pattern=VM_CAP_NAME,
                                          pattern_doc="a KVM_CAP_ name from the kernel's "
                                                      "UAPI, e.g. KVM_CAP_MSR_PLATFORM_INFO"),
                                  None)
    # The value on the bootstrap vCPU (vCPU 0) where it differs (APICBASE).
    reset_bsp: int | None = key(U64, None)
    # The value under the SVM module (AMD and Hygon hosts) where KVM's
    # vendor code sets a different one (UCODE_REV).
    reset_svm: int | None = key(U64, None)
    host_write: str = key(KeyType("str", choices=HOST_WRITES), "any")
    scope: str = key(KeyType("str", choices=SCOPES), "vcpu")
    # The MSR interacts with others (a shared value, a gate): its entry
    # runs in a segment of its own, so no other entry sees its changes.
    isolate: bool = key(BOOL, False)
    # KVM keeps this MSR in the same variable as the named entry's (a write
    # to one reads back from the other): the two never share a segment.
    same_register_as: str | None = key(KeyType("str", pattern=UPPER_NAME), None)
    count: int = key(KeyType("int", maximum=256), 1)
    stride: int = key(KeyType("int", maximum=0x1000), 1)
    line: int = field(default=0, compare=False)

    @property
    def write_value(self) -> int:
        """The value the checks write: `write`, or for a read-only MSR
        without one, its reset value (any write must #GP)."""
        return self.reset if self.write is None else self.write

    def readback(self, written: int) -> int:
        """What RDMSR gives after a WRMSR of `written` over the reset value,
        before any vendor quirk: ignored bits keep the reset value, fixed
        bits read as fixed_value."""
        value = (written & ~self.ignored_bits) | (self.reset & self.ignored_bits)
        return (value & ~self.fixed_bits) | (self.fixed_value & self.fixed_bits)

    @property
    def display(self) -> str:
        """NAME, or NAME/label for labelled entries: how messages name it."""
        return f"{self.name}/{self.label}" if self.label else self.name

    def sort_key(self) -> tuple[int, int, str]:
        """The canonical order of [[msr]] tables: (kind, index, label)."""
        return (KINDS.index(self.kind), self.index, self.label or "")

    def c_suffix(self) -> str:
        """NAME or NAME_LABEL: the stem of the entry's C identifiers."""
        return f"{self.name}_{self.label.upper()}" if self.label else self.name

    def step_builders(self, noncanonical: int) -> tuple[str, ...]:
        """The runtime's step builders (runtime/common/steps.h) that compose
        this entry's plan, in order: the entry's class, as its generated
        plan function shows it.

        Every MSR gets the save/restore-list check, the guest's
        reset/write/read-back (or #GP) checks and the host's round trip;
        reserved values add their own checks.  A KVM-defined register is
        reached through ONE_REG only.
        """
        if self.kind == "kvm_reg":
            return ("plan_kvm_reg",)
        if self.access == "none":
            return ("plan_save_list", "plan_never")
        out = ["plan_save_list"]
        if self.scope == "vm":
            out.append("plan_vm_scope")
        else:
            out.append({"rw": "plan_rw", "ro": "plan_read_only",
                        "wo": "plan_write_only"}[self.access])
        if self.access != "wo":
            out.append("plan_host_roundtrip")
        if self.expanded_reserved(noncanonical):
            out.append("plan_reserved")
        if self.canonical:
            out.append("plan_canonical")
        if self.sweep:
            out.append("plan_sweep")
        return tuple(out)

    def expanded_reserved(self, noncanonical: int) -> tuple[Reserved, ...]:
        """Every value whose WRMSR must #GP, in the order the C table lists them.

        The listed `reserved` values, then `noncanonical` for a canonical
        entry, then `write | reserved_bits` when reserved_bits is set.
        """
        out = [Reserved(v, Origin.LISTED) for v in self.reserved]
        if self.canonical:
            out.append(Reserved(noncanonical, Origin.NONCANONICAL))
        if self.reserved_bits:
            out.append(Reserved(self.write_value | self.reserved_bits, Origin.BITS))
        return tuple(out)

    def banks(self) -> tuple[Msr, ...]:
        """The entries this one stands for: itself, or with `count` banks
        one per bank, `{n}` in the name replaced by the bank number and the
        index advanced by `stride` per bank."""
        if self.count == 1 and "{n}" not in self.name:
            return (self,)
        return tuple(dataclasses.replace(self, name=self.name.replace("{n}", str(n)),
                                         index=self.index + n * self.stride, count=1,
                                         stride=1)
                     for n in range(self.count))


@dataclass(frozen=True)
class NotTested:
    """One [[not_tested]]: an MSR KVM lists that no entry tests, and why."""

    index: int = key(U32)
    name: str = key(KeyType("str", pattern=UPPER_NAME))
    why: str = key(KeyType("str", hint="say in a sentence why the MSR is not tested"))
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Registry:
    """registry/msrs.toml after validation, in canonical order."""

    noncanonical: int = key(U64)
    schema: int = key(SCHEMA)
    # Probes of every `canonical = true` entry: canonical at 48 bits (always
    # writable), and canonical at 57 bits but not at 48 (writable iff KVM
    # supports LA57).
    canonical_48: int = key(U64, 0xffff_8000_0000_0000)
    canonical_57: int = key(U64, 0x00ff_8000_0000_0000)
    # Machine-check banks the suite gives each vCPU (KVM_X86_SETUP_MCE).
    mce_banks: int = key(KeyType("int", maximum=32), 4)
    features: tuple[Feature, ...] = ()
    quirks: tuple[Quirk, ...] = ()
    msrs: tuple[Msr, ...] = ()
    not_tested: tuple[NotTested, ...] = ()

    def find(self, name: str, label: str | None) -> tuple[Msr, ...]:
        """The entries a (name, optional label) reference can mean."""
        return tuple(m for m in self.msrs
                     if m.name == name and (label is None or m.label == label))


# The top-level keys of msrs.toml that hold tables rather than values.
REGISTRY_TABLES = ("feature", "quirk", "msr", "not_tested")
# The sub-tables of an [[msr]]: [[msr.scenario]], one entry each.
MSR_TABLES = ("scenario",)


@dataclass(frozen=True)
class Check:
    """One CHECK(ID, "name", "doc") line of runtime/common/checks.def."""

    ident: str
    name: str
    doc: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Deviation:
    """One [[deviation]]: a known, exact failure of one KVM flavour."""

    flavour: str = key(KeyType("str", pattern=LOWER_NAME))
    check: str = key(TEXT)
    want: int = key(U64)
    got: int = key(U64)
    why: str = key(KeyType("str", hint="a deviation without a reason cannot be reviewed; "
                                        "say why in a sentence"))
    # The host vendors it was measured on: there it must happen (else it is
    # stale); on the other vendors it applies to it may (a prediction).
    measured_on: tuple[str, ...] = key(KeyType("str", choices=VENDORS, array=True))
    # What it is about: a registry entry (and label), or, for the
    # cpuid-kept check, a registry feature.
    entry: str | None = key(KeyType("str", pattern=UPPER_NAME), None)
    label: str | None = key(KeyType("str", pattern=LOWER_NAME), None)
    feature: str | None = key(KeyType("str", pattern=UPPER_NAME), None)
    # Only on hosts of these CPUID vendors; empty: any vendor.
    vendors: tuple[str, ...] = key(KeyType("str", choices=VENDORS, array=True), ())
    # `got` is the vector (guest) or errno (host) of a failure where the
    # check wanted a value.
    got_fault: bool = key(BOOL, False)
    line: int = field(default=0, compare=False)

    def identity(self) -> tuple[Any, ...]:
        """What makes two deviations the same one."""
        return (self.flavour, tuple(sorted(self.vendors)), self.entry, self.label,
                self.feature, self.check, self.want, self.got, self.got_fault)


@dataclass(frozen=True)
class Deviations:
    """registry/deviations.toml after validation, in file order."""

    schema: int = key(SCHEMA)
    deviations: tuple[Deviation, ...] = ()


DEVIATION_TABLES = ("deviation",)


def is_canonical(value: int, bits: int) -> bool:
    """Whether a 64-bit value is a canonical address for `bits` of address.

    Canonical means bits 63:bits-1 are all equal (all zeros or all ones).
    """
    top = value >> (bits - 1)
    return top == 0 or top == (1 << (65 - bits)) - 1


def build_registry(data: Mapping[str, Any], lines: Mapping[tuple[Any, ...], int]) -> Registry:
    """Build the Registry from a validated msrs.toml document.

    `lines` maps TOML paths (("msr", 3), ("feature", "LM")) to their
    header lines.  Features and quirks are sorted by name, entries by their
    canonical key (the validator made sure they already are).
    """
    features = sorted((from_toml(Feature, raw, name=name, line=lines.get(("feature", name), 0))
                       for name, raw in data.get("feature", {}).items()),
                      key=lambda f: f.name)
    quirks = sorted((from_toml(Quirk, raw, name=name, line=lines.get(("quirk", name), 0))
                     for name, raw in data.get("quirk", {}).items()),
                    key=lambda q: q.name)
    msrs = sorted((bank for i, raw in enumerate(data.get("msr", []))
                   for m in expand_scenarios(raw, lines.get(("msr", i), 0))
                   for bank in m.banks()),
                  key=Msr.sort_key)
    not_tested = tuple(from_toml(NotTested, raw, line=lines.get(("not_tested", i), 0))
                       for i, raw in enumerate(data.get("not_tested", [])))
    top = {k: v for k, v in data.items() if k not in REGISTRY_TABLES}
    return from_toml(Registry, top, features=tuple(features), quirks=tuple(quirks),
                     msrs=tuple(msrs), not_tested=not_tested)


def scenario_tables(raw: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An [[msr]]'s tables as entries: the table itself, or one merged
    table per [[msr.scenario]] (the scenario's keys over the MSR's)."""
    base = {k: v for k, v in raw.items() if k not in MSR_TABLES}
    scenarios = raw.get("scenario", [])
    if not scenarios:
        return [base]
    return [{**base, **s} for s in scenarios]


def expand_scenarios(raw: Mapping[str, Any], line: int) -> list[Msr]:
    """The entries of one validated [[msr]] table, before banks."""
    return [from_toml(Msr, t, line=line) for t in scenario_tables(raw)]


def build_deviations(data: Mapping[str, Any], lines: Mapping[tuple[Any, ...], int]) -> Deviations:
    """Build Deviations from a validated deviations.toml document (file order)."""
    devs = tuple(from_toml(Deviation, raw, line=lines.get(("deviation", i), 0))
                 for i, raw in enumerate(data.get("deviation", [])))
    top = {k: v for k, v in data.items() if k not in DEVIATION_TABLES}
    return from_toml(Deviations, top, deviations=devs)
