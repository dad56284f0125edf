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

# Mirrors of runtime/common/registry.h.
MSR_MAX_FEATURES = 4
MSR_MAX_RESERVED = 6
MAX_FEATURES = 64  # feature_mask_t has one bit per feature
MAX_QUIRKS = 32  # msr_entry.quirks has one bit per quirk
MAX_ENTRIES = 1 << 16  # struct deviation stores entry ids in 16 bits

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

REGS = ("eax", "ebx", "ecx", "edx")
VENDORS = ("intel", "amd", "hygon")
KINDS = ("msr", "kvm_reg")


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
    """Where a reserved value comes from (enum reserved_origin)."""

    LISTED = "RESERVED_LISTED"
    NONCANONICAL = "RESERVED_NONCANONICAL"
    BITS = "RESERVED_BITS"


@dataclass(frozen=True)
class Reserved:
    """One value whose WRMSR must #GP."""

    value: int
    origin: Origin


@dataclass(frozen=True)
class Feature:
    """A CPUID feature bit, [feature.NAME]."""

    name: str
    leaf: int = key(U32)
    reg: str = key(KeyType("str", choices=REGS))
    bit: int = key(BIT)
    subleaf: int = key(U32, 0)
    keep: str | None = key(TEXT, None)
    doc: str | None = key(TEXT, None)
    line: int = field(default=0, compare=False)

    def cpuid(self) -> tuple[int, int, str, int]:
        """The (leaf, subleaf, reg, bit) the feature stands for."""
        return (self.leaf, self.subleaf, self.reg, self.bit)


@dataclass(frozen=True)
class Quirk:
    """A vendor behaviour the checks must expect, [quirk.NAME]."""

    name: str
    vendors: tuple[str, ...] = key(KeyType("str", choices=VENDORS, array=True))
    keep_mask: int = key(U64)
    why: str = key(KeyType("str", hint="a quirk without a reason cannot be reviewed; "
                                        "say why in a sentence"))
    ref: str | None = key(TEXT, None)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Msr:
    """One [[msr]] entry: an MSR (or KVM register) in one scenario."""

    name: str = key(KeyType("str", pattern=UPPER_NAME))
    index: int = key(U32)
    features: tuple[str, ...] = key(KeyType("str", pattern=UPPER_NAME, array=True))
    write: int = key(U64)
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
    line: int = field(default=0, compare=False)

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

    def expanded_reserved(self, noncanonical: int) -> tuple[Reserved, ...]:
        """Every value whose WRMSR must #GP, in the order the C table lists them.

        The listed `reserved` values, then `noncanonical` for a canonical
        entry, then `write | reserved_bits` when reserved_bits is set.
        """
        out = [Reserved(v, Origin.LISTED) for v in self.reserved]
        if self.canonical:
            out.append(Reserved(noncanonical, Origin.NONCANONICAL))
        if self.reserved_bits:
            out.append(Reserved(self.write | self.reserved_bits, Origin.BITS))
        return tuple(out)


@dataclass(frozen=True)
class Registry:
    """registry/msrs.toml after validation, in canonical order."""

    noncanonical: int = key(U64)
    schema: int = key(SCHEMA)
    features: tuple[Feature, ...] = ()
    quirks: tuple[Quirk, ...] = ()
    msrs: tuple[Msr, ...] = ()

    def find(self, name: str, label: str | None) -> tuple[Msr, ...]:
        """The entries a (name, optional label) reference can mean."""
        return tuple(m for m in self.msrs
                     if m.name == name and (label is None or m.label == label))


# The top-level keys of msrs.toml that hold tables rather than values.
REGISTRY_TABLES = ("feature", "quirk", "msr")


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
    entry: str = key(KeyType("str", pattern=UPPER_NAME))
    check: str = key(TEXT)
    want: int = key(U64)
    got: int = key(U64)
    why: str = key(KeyType("str", hint="a deviation without a reason cannot be reviewed; "
                                        "say why in a sentence"))
    label: str | None = key(KeyType("str", pattern=LOWER_NAME), None)
    # Only on hosts of these CPUID vendors; empty: any vendor.
    vendors: tuple[str, ...] = key(KeyType("str", choices=VENDORS, array=True), ())
    line: int = field(default=0, compare=False)

    def identity(self) -> tuple[Any, ...]:
        """What makes two deviations the same one."""
        return (self.flavour, tuple(sorted(self.vendors)), self.entry, self.label, self.check,
                self.want, self.got)


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
    msrs = sorted((from_toml(Msr, raw, line=lines.get(("msr", i), 0))
                   for i, raw in enumerate(data.get("msr", []))),
                  key=Msr.sort_key)
    top = {k: v for k, v in data.items() if k not in REGISTRY_TABLES}
    return from_toml(Registry, top, features=tuple(features), quirks=tuple(quirks),
                     msrs=tuple(msrs))


def build_deviations(data: Mapping[str, Any], lines: Mapping[tuple[Any, ...], int]) -> Deviations:
    """Build Deviations from a validated deviations.toml document (file order)."""
    devs = tuple(from_toml(Deviation, raw, line=lines.get(("deviation", i), 0))
                 for i, raw in enumerate(data.get("deviation", [])))
    top = {k: v for k, v in data.items() if k not in DEVIATION_TABLES}
    return from_toml(Deviations, top, deviations=devs)
