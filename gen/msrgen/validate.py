"""Validation: pure functions from parsed documents to lists of Diag.

Every error is collected, not just the first.  Each table is first checked
against its model class (closed keys, required keys, value types); tables
that pass become model objects, which the semantic checks then examine one
by one and as a set.  Tables with type errors sit out the semantic checks,
so one mistake is not reported again as a consequence.
"""
from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .diag import Diag, hex_index, hex_num, hex_u64
from .load import Document, TomlPath
from .model import (DEVIATION_TABLES, ENTRY_NAME_MAX, MSR_TABLES, REGISTRY_TABLES, SCHEMA_VERSION,
                    TEXT_MAX,
                    UPPER_NAME, Check, Deviation, Deviations, Feature, KeyType, Msr,
                    NotTested, Origin, Quirk, Registry, default_of, from_toml, is_canonical,
                    required_keys, scenario_tables, toml_keys, VENDORS)

U64_ALL_ONES = (1 << 64) - 1


@dataclass(frozen=True)
class Where:
    """A table being validated: where its errors go and how they name it."""

    doc: Document
    path: TomlPath
    entry: str

    def diag(self, field: str, message: str) -> Diag:
        """An error about one key of this table, at that key's line."""
        return Diag(self.doc.path, self.line_of(field), self.entry, field, message)

    def line_of(self, field: str) -> int:
        """The line of a key of this table (its header when the key is absent)."""
        return self.doc.smap.line(self.path + (field,))

    @property
    def line(self) -> int:
        """The line of the table's header."""
        return self.doc.smap.line(self.path)


@dataclass(frozen=True)
class ScenarioWhere(Where):
    """One [[msr.scenario]] merged over its [[msr]]: a key the scenario sets
    is reported at the scenario's line, a key only the MSR sets at the MSR's,
    and a key neither sets (a missing key) at the scenario's header, since
    the scenario is the entry that lacks it."""

    scenario: TomlPath = ()
    keys: frozenset[str] = frozenset()

    def line_of(self, field: str) -> int:
        if field in self.keys:
            return self.doc.smap.line(self.scenario + (field,))
        if self.path + (field,) in self.doc.smap.lines:
            return super().line_of(field)
        return self.line

    @property
    def line(self) -> int:
        return self.doc.smap.line(self.scenario)


def _quote(s: str) -> str:
    """A string in double quotes, backslashes and quotes escaped as TOML does.

    Control characters are left to Diag.format, which escapes them in the
    whole message.
    """
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _describe(value: Any) -> str:
    """A TOML value's type, with the value when it is short, for messages."""
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, int):
        return f"an integer ({hex_num(value)})"
    if isinstance(value, float):
        return f"a float ({value!r})"
    if isinstance(value, str):
        return f"a string ({_quote(value)})" if len(value) <= 40 else "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (datetime.date, datetime.time)):
        return "a date/time"
    return type(value).__name__


def _decimal(value: int) -> str:
    """An integer for a message: -5 (-0x5); beyond 64 bits in hex only.

    str() of an integer of more than 4,300 digits raises ValueError, and a
    hex literal in TOML can be that long.
    """
    if value.bit_length() > 64:
        return hex_num(value)
    return f"{value} ({hex_num(value)})" if value < 0 else str(value)


def _suggest(word: str, choices: Iterable[str]) -> str:
    """"; did you mean `x`?" when a close match exists, else ""."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""


def check_value(value: Any, ktype: KeyType) -> list[str]:
    """The problems of one TOML value against its key type (empty if fine)."""
    if ktype.array:
        item = ktype.item()
        if not isinstance(value, list):
            return [f"expected an array, got {_describe(value)}"]
        return [f"item {i + 1}: {msg}" for i, v in enumerate(value) for msg in check_value(v, item)]
    hint = f"; {ktype.hint}" if ktype.hint else ""
    if ktype.base == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"expected an integer, got {_describe(value)}"]
        if value < 0:
            return [f"{_decimal(value)} is negative; numbers are unsigned"]
        if ktype.bits and value >> ktype.bits:
            return [f"{hex_num(value)} does not fit in {ktype.bits} bits"]
        if ktype.maximum is not None and value > ktype.maximum:
            return [f"{_decimal(value)} is out of range 0..{ktype.maximum}"]
    elif ktype.base == "bool":
        if not isinstance(value, bool):
            return [f"expected true or false, got {_describe(value)}"]
    elif ktype.base == "str":
        if not isinstance(value, str):
            return [f"expected a string, got {_describe(value)}"]
        if not value:
            return [f"must not be empty{hint}"]
        if len(value) > TEXT_MAX:
            return [f"a string of {len(value)} characters; at most {TEXT_MAX} (strings become "
                    "C string literals, which C99 guarantees up to 4095 bytes)"]
        if ktype.choices and value not in ktype.choices:
            return [f"{_quote(value)} is not one of "
                    + ", ".join(_quote(c) for c in ktype.choices)]
        if ktype.pattern and not re.fullmatch(ktype.pattern, value):
            if ktype.pattern_doc:
                return [f"{_quote(value)} is not {ktype.pattern_doc}"]
            return [f"{_quote(value)} does not match ^{ktype.pattern}$"]
    else:
        raise AssertionError(f"unknown key type {ktype.base}")
    return []


def check_table(raw: Mapping[str, Any], cls: type, where: Where,
                tables: Collection[str] = ()) -> list[Diag]:
    """Closed keys, required keys and value types of one table.

    `tables` names keys that hold sub-tables the caller checks itself.
    """
    keys = toml_keys(cls)
    diags = []
    for name in raw:
        if name not in keys and name not in tables:
            diags.append(where.diag(name, f"unknown key `{name}`"
                                    + _suggest(name, [*keys, *tables])))
    for name in required_keys(cls):
        if name not in raw:
            hint = keys[name].hint
            diags.append(where.diag(name, f"missing required key `{name}`"
                                    + (f"; {hint}" if hint else "")))
    for name, ktype in keys.items():
        if name in raw:
            diags.extend(where.diag(name, msg) for msg in check_value(raw[name], ktype))
    return diags


def _tables_of(doc: Document, name: str, where: Where) -> tuple[dict[str, Any], list[Diag]]:
    """The [name.X] tables of a document, which must all be tables."""
    value = doc.data.get(name, {})
    if not isinstance(value, dict):
        return {}, [where.diag(name, f"expected [{name}.NAME] tables, got {_describe(value)}")]
    tables, diags = {}, []
    for key, raw in value.items():
        if isinstance(raw, dict):
            tables[key] = raw
        else:
            diags.append(Diag(doc.path, doc.smap.line((name, key)), f"{name}.{key}", "",
                              f"expected a table [{name}.{key}], got {_describe(raw)}"))
    return tables, diags


def _array_of(doc: Document, name: str, where: Where) -> tuple[list[dict[str, Any]], list[Diag]]:
    """The [[name]] tables of a document, which must be an array of tables."""
    value = doc.data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return [], [where.diag(name, f"expected [[{name}]] tables, got {_describe(value)}")]
    return value, []


# Registry ------------------------------------------------------------------

def _check_top(doc: Document, cls: type, tables: Collection[str]) -> list[Diag]:
    """The top-level keys of a document, including `schema`."""
    top = Where(doc, (), "top level")
    if not doc.data:
        return [top.diag("schema", "empty document: missing required key `schema`; "
                                   f"start the file with `schema = {SCHEMA_VERSION}`")]
    diags = check_table(doc.data, cls, top, tables)
    schema = doc.data.get("schema")
    if "schema" in doc.data and not check_value(schema, toml_keys(cls)["schema"]) \
            and schema != SCHEMA_VERSION:
        diags.append(top.diag("schema", f"unsupported schema {schema}; "
                                        f"this generator reads schema {SCHEMA_VERSION}"))
    return diags


_SOURCE_KEYS = MappingProxyType({"cpuid": ("leaf", "reg"), "msr": ("msr",), "mcg_cap": ()})


def _source_keys(raw: Mapping[str, Any], where: Where) -> list[Diag]:
    """The keys a [feature.X] needs, and those it must not have, by source."""
    source = raw.get("source", "cpuid")
    # A source of the wrong type (even an unhashable array) has its own error.
    if not isinstance(source, str) or source not in _SOURCE_KEYS:
        return []
    diags = []
    for name in ("leaf", "reg", "msr"):
        if name in _SOURCE_KEYS[source] and name not in raw:
            diags.append(where.diag(name, f"missing required key `{name}` (a feature of source "
                                          f"{_quote(source)} needs it)"))
        elif name not in _SOURCE_KEYS[source] and name in raw:
            diags.append(where.diag(name, f"`{name}` does not apply to source "
                                          f"{_quote(source)}"))
    bit = raw.get("bit")
    if source == "cpuid" and isinstance(bit, int) and not isinstance(bit, bool) and \
            31 < bit <= 63:
        diags.append(where.diag("bit", f"{bit} is out of range 0..31 for a CPUID register"))
    return diags


def _check_table_name(name: str, where: Where, hint: str = "") -> list[Diag]:
    """A [feature.NAME] or [quirk.NAME]: the pattern, and the length of a C string."""
    if len(name) > TEXT_MAX:
        return [where.diag("name", f"a name of {len(name)} characters; at most {TEXT_MAX} "
                                   "(it becomes a C string literal)")]
    if not re.fullmatch(UPPER_NAME, name):
        return [where.diag("name", f"{_quote(name)} does not match ^{UPPER_NAME}${hint}")]
    return []


def check_feature(feature: Feature, where: Where) -> list[Diag]:
    """Semantic checks of one [feature.X] (its source's keys: _source_keys)."""
    f = feature
    diags = _check_table_name(f.name, where, " (use the kernel's X86_FEATURE_ name)")
    if f.subleaf and f.source != "cpuid":
        diags.append(where.diag("subleaf", f"`subleaf` does not apply to source "
                                           f"{_quote(f.source)}"))
    if f.source == "mcg_cap" and f.bit < 8:
        diags.append(where.diag("bit", f"bit {f.bit} of MCG_CAP is part of the bank count "
                                       "(bits 7:0, set from mce_banks), not a capability; "
                                       "capability bits start at 8"))
    if f.pv and (f.source != "cpuid" or f.leaf != 0x4000_0001):
        diags.append(where.diag("pv", "pv = true is for bits of the KVM paravirtual leaf, "
                                      "CPUID 0x4000_0001"))
    return diags


def check_quirk(quirk: Quirk, where: Where) -> list[Diag]:
    """Semantic checks of one [quirk.X]."""
    diags = _check_table_name(quirk.name, where)
    if not quirk.vendors:
        diags.append(where.diag("vendors", "must name at least one vendor"))
    diags += _listed_twice(where, "vendors", quirk.vendors)
    diags += _listed_twice(where, "host_vendors", quirk.host_vendors)
    if set(quirk.host_vendors) == set(VENDORS):
        diags.append(where.diag("host_vendors", "lists every vendor, which is what leaving it "
                                                "out means (any host); remove it"))
    if quirk.keep_mask == 0:
        diags.append(where.diag("keep_mask", "is 0: a WRMSR that keeps no bit is not a quirk"))
    elif quirk.keep_mask == U64_ALL_ONES:
        diags.append(where.diag("keep_mask", f"is {hex_u64(U64_ALL_ONES)}: a WRMSR that keeps "
                                             "every bit is not a quirk"))
    return diags


def _repeats(items: Iterable[str]) -> list[str]:
    """The items that occur more than once, once each, in order of repetition."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item in seen and item not in out:
            out.append(item)
        seen.add(item)
    return out


def _listed_twice(where: Where, key: str, items: Iterable[str]) -> list[Diag]:
    """One error per vendor name the array `key` lists more than once."""
    return [where.diag(key, f"{_quote(v)} is listed twice") for v in _repeats(items)]


def _origin_text(origin: Origin, value: int) -> str:
    """How a message names a reserved value, by where it comes from."""
    if origin is Origin.LISTED:
        return f"reserved value {hex_u64(value)}"
    if origin is Origin.NONCANONICAL:
        return f"the noncanonical probe {hex_u64(value)} (added by canonical = true)"
    return f"write | reserved_bits ({hex_u64(value)})"


_ORIGIN_FIELD = MappingProxyType({Origin.LISTED: "reserved", Origin.NONCANONICAL: "canonical",
                                   Origin.BITS: "reserved_bits"})


def check_msr(m: Msr, where: Where, features: Collection[str], quirks: Collection[str],
              noncanonical: int | None) -> list[Diag]:
    """Semantic checks of one [[msr]] on its own.

    `features` and `quirks` are the names the registry defines;
    `noncanonical` is None when the top-level value is itself invalid.
    """
    diags = []
    if len(m.display) > ENTRY_NAME_MAX:
        # Blame the label only when the name alone would fit.
        field = "label" if m.label and len(m.name) <= ENTRY_NAME_MAX else "name"
        diags.append(where.diag(field, f"the entry name is {len(m.display)} characters long "
                                       f"({'NAME/label' if m.label else 'NAME'}); at most "
                                       f"{ENTRY_NAME_MAX} (MSR_ENTRY_NAME_MAX), so that TAP "
                                       "lines and --fault show and match it whole"))
    if not m.features:
        diags.append(where.diag("features", "empty feature list: name at least one feature "
                                            "(NONE for always-emulated MSRs)"))
    for name in _repeats(m.features):
        diags.append(where.diag("features", f"feature `{name}` is listed twice"))
    for name in dict.fromkeys(m.features):
        if name not in features:
            diags.append(where.diag("features", f"unknown feature `{name}`: define [feature.{name}]"
                                                + _suggest(name, features)))
    for name in _repeats(m.quirks):
        diags.append(where.diag("quirks", f"quirk `{name}` is listed twice"))
    for name in dict.fromkeys(m.quirks):
        if name not in quirks:
            diags.append(where.diag("quirks", f"unknown quirk `{name}`: define [quirk.{name}]"
                                              + _suggest(name, quirks)))
    if m.write_needs_primary and len(m.features) < 2:
        diags.append(where.diag("write_needs_primary",
                                "needs at least two features: it says what happens when only "
                                "a secondary feature is present"))
    if m.kind == "kvm_reg":
        if m.save_list_exempt is not None:
            diags.append(where.diag("save_list_exempt", "a kvm_reg is never in the MSR save "
                                                        "list; remove save_list_exempt"))
        if m.quirks:
            diags.append(where.diag("quirks", "a kvm_reg has no vendor quirks: only ONE_REG "
                                              "reaches it"))
    diags.extend(_check_classes(m, where))
    for what, value in (("write", m.write_value), ("reset", m.reset),
                        ("reset_svm", m.reset_svm), ("reset_bsp", m.reset_bsp)):
        if value is not None and value & m.reserved_bits:
            diags.append(where.diag(what, f"{what} value {hex_u64(value)} sets reserved bits "
                                          f"{hex_u64(value & m.reserved_bits)} "
                                          f"(reserved_bits = {hex_u64(m.reserved_bits)})"))
    if m.canonical:
        if not is_canonical(m.write_value, 48):
            diags.append(where.diag("write", f"write value {hex_u64(m.write_value)} is not a "
                                             "canonical address (bits 63:47 must be equal), but "
                                             "the entry says canonical = true"))
        for value in m.reserved:
            if is_canonical(value, 48):
                diags.append(where.diag(
                    "reserved",
                    f"reserved value {hex_u64(value)} is a canonical address, which "
                    "canonical = true says is writable; test it in a separate entry without "
                    "canonical, as the IA32_PLx_SSP \"alignment\" entries do"))
            elif is_canonical(value, 57):
                diags.append(where.diag(
                    "reserved",
                    f"reserved value {hex_u64(value)} is canonical at 57 bits but not at 48: "
                    "whether it #GPs depends on KVM's LA57 support, so it cannot be a "
                    "reserved value; the canonical-57 probe of canonical = true checks it"))
    diags.extend(_check_reserved(m, where, noncanonical))
    return diags


def _write_key(raw: Mapping[str, Any], where: Where) -> list[Diag]:
    """`write` is required unless the MSR is read-only."""
    if "write" in raw or raw.get("access") == "ro":
        return []
    return [where.diag("write", "missing required key `write` (only a read-only MSR, "
                                "access = \"ro\", may leave it out)")]


def _reset_values(m: Msr) -> list[tuple[str, int]]:
    """The values rules_reset() can give a vCPU before it clears gate bits:
    `reset` (unless KVM's value replaces it, feature_msr), reset_svm, reset_bsp."""
    out = [] if m.feature_msr else [("reset", m.reset)]
    out += [(name, value) for name, value in (("reset_svm", m.reset_svm),
                                              ("reset_bsp", m.reset_bsp)) if value is not None]
    return out


def _check_classes(m: Msr, where: Where) -> list[Diag]:
    """The keys of the MSR classes: access, readback, sweep, scope, banks."""
    diags = []
    if m.ignored_bits & m.fixed_bits:
        diags.append(where.diag("fixed_bits", f"bits {hex_u64(m.ignored_bits & m.fixed_bits)} "
                                              "are both ignored and fixed; a bit is one or "
                                              "the other"))
    if m.fixed_value & ~m.fixed_bits:
        diags.append(where.diag("fixed_value", f"fixed_value {hex_u64(m.fixed_value)} sets bits "
                                               "outside fixed_bits "
                                               f"{hex_u64(m.fixed_bits)}"))
    for name, value in (("reset", m.reset), ("reset_svm", m.reset_svm),
                        ("reset_bsp", m.reset_bsp)):
        if value is not None and value & m.fixed_bits != m.fixed_value & m.fixed_bits:
            diags.append(where.diag(name, f"{name} {hex_u64(value)} disagrees with the fixed "
                                          f"bits {hex_u64(m.fixed_bits)} = "
                                          f"{hex_u64(m.fixed_value)}"))
    for name, value in (("reset_svm", m.reset_svm), ("reset_bsp", m.reset_bsp)):
        if value is not None and value == m.reset and not m.feature_msr:
            diags.append(where.diag(name, f"{name} equals reset ({hex_u64(value)}): it has no "
                                          "effect; remove it"))
    if m.sweep and m.access != "rw":
        diags.append(where.diag("sweep", "a per-bit sweep writes every bit: the MSR must be "
                                         "read-write (access = \"rw\")"))
    if m.sweep_skip and not m.sweep:
        diags.append(where.diag("sweep_skip", "sweep_skip without sweep = true"))
    if m.sweep_skip and not m.sweep_skip_why:
        diags.append(where.diag("sweep_skip_why", "missing required key `sweep_skip_why`: say "
                                                  "why those bits are not swept"))
    if m.sweep_skip_why and not m.sweep_skip:
        diags.append(where.diag("sweep_skip_why", "sweep_skip_why without sweep_skip"))
    if m.scope == "vm" and m.kind == "msr" and m.access != "rw":
        diags.append(where.diag("scope", "a VM-scoped entry must be a read-write MSR"))
    if m.couples_tsc and m.kind == "msr" and (m.access != "rw" or m.scope == "vm"):
        diags.append(where.diag("couples_tsc", "the TSC coupling scenario has the guest write "
                                               "it, on each vCPU: the entry must be a "
                                               "read-write, per-vCPU MSR"))
    if m.init != "none" and m.kind == "msr" and (m.access == "ro" or m.scope == "vm"):
        diags.append(where.diag("init", "the INIT scenario has the guest write the value, on "
                                        "each vCPU: the entry must be a read-write, per-vCPU "
                                        "MSR"))
    if m.kind == "msr" and m.canonical and m.access in ("ro", "wo"):
        diags.append(where.diag("canonical", "the canonical probes write a value and read it "
                                             f"back, which a {_ACCESS_TEXT[m.access]} MSR "
                                             "cannot; list the non-canonical value in "
                                             "`reserved` instead"))
    if m.save_list == "always" and m.save_list_exempt is not None and m.kind == "msr" \
            and m.access != "none":
        diags.append(where.diag("save_list", "save_list = \"always\" has no effect with "
                                             "save_list_exempt: the save-list check is skipped "
                                             "and the MSR counts as not listed; remove one"))
    refuses = m.access == "ro" or m.write_needs_primary or \
        (m.access != "none" and bool(m.reserved or m.reserved_bits or m.canonical))
    if m.kind == "msr" and m.reserved_failure != default_of(Msr, "reserved_failure") \
            and not refuses:
        diags.append(where.diag("reserved_failure", "has no effect: the entry has no reserved "
                                                    "value or bit, is not read-only and has no "
                                                    "write_needs_primary, so no write of it "
                                                    "must fail; remove it"))
    if m.count > 1 and "{n}" not in m.name:
        diags.append(where.diag("name", f"count = {m.count}: the name must hold `{{n}}`, which "
                                        "becomes the bank number"))
    if "{n}" in m.name and m.count < 2:
        diags.append(where.diag("count", "the name holds `{n}`: set count to the number of "
                                         "banks (at least 2)"))
    if m.count == 1 and m.stride != 1 and "{n}" not in m.name:
        diags.append(where.diag("stride", f"stride = {m.stride} without count: the stride "
                                          "separates banks; set count, or remove stride"))
    if m.count < 1 or m.stride < 1:
        diags.append(where.diag("count" if m.count < 1 else "stride", "must be at least 1"))
    elif m.index + (m.count - 1) * m.stride >= 1 << 32:
        diags.append(where.diag("count", "the last bank's index does not fit in 32 bits"))
    for name, why in _no_effect(m):
        value = getattr(m, name)
        shown = f"{name} = {_quote(value)}" if isinstance(value, str) and \
            toml_keys(Msr)[name].choices else name
        diags.append(where.diag(name, f"`{shown}` has no effect on {_class_text(m)}: {why}; "
                                      "remove it"))
    return diags


_ACCESS_TEXT = MappingProxyType({"rw": "read-write", "ro": "read-only", "wo": "write-only"})

# Keys a class of entries ignores, with what its plan (Msr.step_builders,
# runtime/common/steps.c) does instead.  A key is reported only when it is
# not at its default.
_KVM_REG_IGNORES = MappingProxyType({
    "access": "ONE_REG reaches it, never a guest RDMSR or WRMSR",
    "scope": "plan_kvm_reg checks each vCPU's register on its own",
    "sweep": "the sweep is made of guest WRMSRs",
    "failure": "failure classes describe guest accesses and kvm.ignore_msrs; ONE_REG of an "
               "absent register fails whatever the class",
    "reserved_failure": "a ONE_REG write of a reserved value must fail whatever the class",
    "count": "banks are MSRs",
    "ignored_bits": "reg-get-write wants `write` back exactly: a kvm_reg has no read-back rule",
    "fixed_bits": "reg-get-write wants `write` back exactly: a kvm_reg has no read-back rule",
    "fixed_value": "reg-get-write wants `write` back exactly: a kvm_reg has no read-back rule",
    "host_absent": "an absent kvm_reg is checked by reg-get-absent and reg-set-absent",
    "host_write": "reg-set-write must succeed",
    "feature_msr": "rules_reset() gives a kvm_reg its `reset` on every vCPU and host",
    "reset_bsp": "rules_reset() gives a kvm_reg its `reset` on every vCPU and host",
    "reset_svm": "rules_reset() gives a kvm_reg its `reset` on every vCPU and host",
    "write_needs_primary": "only the primary feature makes a kvm_reg present, and no guest "
                           "writes it",
    "save_list": "a kvm_reg is never in the MSR save list",
    "immutable": "immutability is about feature MSRs' host writes (host-set-immutable)",
    "init": "the INIT scenario is made of guest WRMSRs and KVM_GET_MSRS",
    "couples_tsc": "the TSC coupling scenario is made of guest RDMSRs and WRMSRs",
    "vm_cap_gate": "a VM capability gates guest RDMSRs, and no guest reads a kvm_reg",
})
_WO_IGNORES = MappingProxyType({
    "host_absent": "a write-only MSR has no host checks (no plan_host_roundtrip)",
    "host_write": "a write-only MSR has no host checks (no plan_host_roundtrip)",
    "ignored_bits": "a write-only MSR is never read back",
    "fixed_bits": "a write-only MSR is never read back",
    "fixed_value": "a write-only MSR is never read back",
    "quirks": "a write-only MSR is never read back, so no truncation can be checked",
    "immutable": "a write-only MSR has no host checks (no plan_host_roundtrip)",
    "init": "the INIT scenario reads the MSR back with KVM_GET_MSRS",
    "vm_cap_gate": "a VM capability gates guest RDMSRs, and a write-only MSR is never read",
})
_NONE_IGNORES = MappingProxyType({
    "reserved": "plan_never writes no reserved value: it checks that every access fails",
    "reserved_bits": "plan_never writes no reserved value: it checks that every access fails",
    "canonical": "plan_never writes no reserved value or probe: it checks that every access "
                 "fails",
    "ignored_bits": "no vCPU has the MSR, so nothing is read back",
    "fixed_bits": "no vCPU has the MSR, so nothing is read back",
    "fixed_value": "no vCPU has the MSR, so nothing is read back",
    "quirks": "no vCPU has the MSR, so nothing is read back or truncated",
    "host_write": "the host's accesses are those of an absent MSR, which host_absent describes",
    "immutable": "the host's accesses are those of an absent MSR, which host_absent describes",
    "init": "no vCPU has the MSR, so no guest writes it before the INIT",
    "vm_cap_gate": "no vCPU has the MSR, so no guest read of it can be gated",
})


def _no_effect(m: Msr) -> list[tuple[str, str]]:
    """The keys this entry sets away from their defaults that its plan ignores."""
    if m.kind == "kvm_reg":
        ignored = dict(_KVM_REG_IGNORES)
    elif m.access == "wo":
        ignored = dict(_WO_IGNORES)
    elif m.access == "none":
        ignored = dict(_NONE_IGNORES)
        if m.save_list == "always":
            ignored["save_list"] = "KVM must never list an MSR no vCPU has (rules_in_save_list)"
        if m.host_absent == "full":
            ignored["host_absent"] = ("no vCPU has the MSR, so the host's accesses fail as with "
                                      "\"fails\" (\"zero\" lets them read and write 0)")
    else:
        return []
    return [(name, why) for name, why in ignored.items()
            if getattr(m, name) != default_of(Msr, name)]


def _class_text(m: Msr) -> str:
    """How a message names the class of an entry whose keys it checks."""
    if m.kind == "kvm_reg":
        return "a kvm_reg"
    if m.access == "none":
        return "an MSR no vCPU has (access = \"none\")"
    return f"a {_ACCESS_TEXT[m.access]} MSR"


def _check_reserved(m: Msr, where: Where, noncanonical: int | None) -> list[Diag]:
    """The expanded reserved list: its length, and clashes with write, reset and itself."""
    expanded = m.expanded_reserved(noncanonical if noncanonical is not None else 0)
    diags = []
    seen: dict[int, Origin] = {}
    for r in expanded:
        if r.origin is Origin.NONCANONICAL and noncanonical is None:
            continue
        field = _ORIGIN_FIELD[r.origin]
        text = _origin_text(r.origin, r.value)
        # A noncanonical write, and a write or reset with bits in
        # reserved_bits, have their own errors.
        if r.value == m.write and r.origin is Origin.LISTED:
            diags.append(where.diag(field, f"{text} equals the write value: a WRMSR cannot both "
                                           "succeed and #GP"))
        if r.value == m.reset and r.origin is not Origin.BITS:
            diags.append(where.diag(field, f"{text} equals the reset value: a WRMSR of the reset "
                                           "value must succeed"))
        if r.value in seen:
            first = _origin_text(seen[r.value], r.value)
            diags.append(where.diag(field, f"{text} repeats {first}"))
        else:
            seen[r.value] = r.origin
    return diags


def check_msr_set(entries: list[tuple[Msr, Where]],
                  bases: list[tuple[Msr, Where]]) -> list[Diag]:
    """Checks across [[msr]] entries: identity, indices, C names and order.

    `entries` are every entry (scenarios and banks expanded); `bases` one per
    [[msr]] table, in file order, for the canonical order.
    """
    diags = []
    by_key: dict[tuple[str, str | None], Msr] = {}
    by_name: dict[str, list[Msr]] = {}
    by_index: dict[tuple[str, int], Msr] = {}
    by_cname: dict[str, Msr] = {}
    unique = []
    for m, where in entries:
        first = by_key.setdefault((m.name, m.label), m)
        if first is not m:
            diags.append(where.diag("label" if m.label else "name",
                                    f"duplicate entry: {m.display} is already defined at line "
                                    f"{first.line}"))
            continue
        unique.append((m, where))
        by_name.setdefault(m.name, []).append(m)
        same = by_index.setdefault((m.kind, m.index), m)
        if same.name != m.name:
            diags.append(where.diag("index", f"{m.kind} index {hex_index(m.index)} is already "
                                             f"used by {same.display} (line {same.line})"))
        cname = by_cname.setdefault(m.c_suffix(), m)
        if cname is not m:
            diags.append(where.diag("label" if m.label else "name",
                                    f"C name MSRENT_{m.c_suffix()} clashes with {cname.display} "
                                    f"(line {cname.line}); rename or relabel one of them"))
    for m, where in unique:
        group = by_name[m.name]
        if len(group) > 1 and m.label is None:
            diags.append(where.diag("name", f"{m.name} has {len(group)} entries, so each needs "
                                            "a distinct `label`"))
        if m.index != group[0].index:
            diags.append(where.diag("index", f"index {hex_index(m.index)} differs from "
                                             f"{hex_index(group[0].index)} of "
                                             f"{group[0].display} (line {group[0].line}): one "
                                             "name, one index"))
    for m, where in unique:
        if m.same_register_as is None:
            continue
        other = by_name.get(m.same_register_as)
        if not other:
            diags.append(where.diag("same_register_as",
                                    f"unknown entry `{m.same_register_as}`: no [[msr]] has that "
                                    f"name{_suggest(m.same_register_as, by_name)}"))
        elif m.same_register_as == m.name:
            diags.append(where.diag("same_register_as", f"{m.name} names itself"))
        elif other[0].same_register_as is not None:
            diags.append(where.diag("same_register_as",
                                    f"{m.same_register_as} (line {other[0].line}) names "
                                    f"`{other[0].same_register_as}` in turn: name the entry "
                                    "that owns the register"))
        elif other[0].kind != m.kind:
            diags.append(where.diag("same_register_as",
                                    f"{m.same_register_as} is a {other[0].kind}, {m.name} a "
                                    f"{m.kind}: one register cannot be both"))
    diags.extend(_check_order(bases))
    return diags


def _check_order(entries: list[tuple[Msr, Where]]) -> list[Diag]:
    """The first entry out of canonical order, with where it belongs."""
    for i in range(1, len(entries)):
        m, where = entries[i]
        if m.sort_key() < entries[i - 1][0].sort_key():
            after = next(e for e, _ in entries[:i] if e.sort_key() > m.sort_key())
            kinds = "" if m.kind == after.kind else f" {m.kind}"
            return [where.diag("index", f"{m.display}{kinds} ({hex_index(m.index)}) is out of "
                                        f"order: it must come before {after.display} "
                                        f"({hex_index(after.index)}); keep [[msr]] tables sorted "
                                        "by (kind, index, label)")]
    return []


def _entry_display(table: str, name: Any, label: Any, i: int) -> str:
    """How errors name the i-th [[table]]: NAME or NAME/label when those are usable,
    else by position ("[[msr]] #3"), so even a table with a broken name is named.
    """
    if not isinstance(name, str) or not name:
        return f"[[{table}]] #{i + 1}"
    return f"{name}/{label}" if isinstance(label, str) and label else name


def validate_registry(doc: Document) -> list[Diag]:
    """Every error of registry/msrs.toml."""
    top = Where(doc, (), "top level")
    diags = _check_top(doc, Registry, REGISTRY_TABLES)
    if not doc.data:
        return diags
    noncanonical = doc.data.get("noncanonical")
    if check_value(noncanonical, toml_keys(Registry)["noncanonical"]):
        noncanonical = None
    elif is_canonical(noncanonical, 48) or is_canonical(noncanonical, 57):
        bits = 48 if is_canonical(noncanonical, 48) else 57
        diags.append(top.diag("noncanonical", f"{hex_u64(noncanonical)} is canonical at {bits} "
                                              "bits; it must be non-canonical at 48 and 57 bits"))
        noncanonical = None

    raw_features, errs = _tables_of(doc, "feature", top)
    diags += errs
    cpuids: dict[tuple[int, int, str, int], Feature] = {}
    features: list[Feature] = []
    for name, raw in raw_features.items():
        where = Where(doc, ("feature", name), f"feature.{name}")
        errs = check_table(raw, Feature, where) + _source_keys(raw, where)
        diags += errs
        if errs:
            continue
        feature = from_toml(Feature, raw, name=name, line=where.line)
        diags += check_feature(feature, where)
        features.append(feature)
        first = cpuids.setdefault(feature.cpuid(), feature)
        if first is not feature:
            diags.append(where.diag("bit", f"same CPUID bit as feature.{first.name} "
                                           f"(line {first.line})"))

    raw_quirks, errs = _tables_of(doc, "quirk", top)
    diags += errs
    for name, raw in raw_quirks.items():
        where = Where(doc, ("quirk", name), f"quirk.{name}")
        errs = check_table(raw, Quirk, where)
        diags += errs or check_quirk(from_toml(Quirk, raw, name=name), where)

    raw_msrs, errs = _array_of(doc, "msr", top)
    diags += errs
    if not raw_msrs and not errs:
        diags.append(top.diag("msr", "no [[msr]] entries; the registry needs at least one"))
    entries: list[tuple[Msr, Where]] = []
    bases: list[tuple[Msr, Where]] = []
    for i, raw in enumerate(raw_msrs):
        display = _entry_display("msr", raw.get("name"), raw.get("label"), i)
        errs, tables = _msr_tables(doc, i, raw, display)
        diags += errs
        first = None
        for table, where in tables:
            errs = check_table(table, Msr, where) + _write_key(table, where)
            diags += errs
            if errs:
                continue
            m = from_toml(Msr, table, line=where.line)
            diags += check_msr(m, where, raw_features, raw_quirks, noncanonical)
            # Banks only when `{n}` and count agree (else an error above):
            # count copies of one name would each be a duplicate entry.
            banked = ("{n}" in m.name) == (m.count > 1)
            entries.extend((bank, where) for bank in (m.banks() if banked else (m,)))
            first = first or (m, where)
        if first is not None:
            bases.append(first)
    diags += check_msr_set(entries, bases)
    diags += _check_not_tested(doc, top, entries)
    diags += _check_probes(doc, top, entries)
    diags += _check_mce_banks(doc, top, entries, bases)
    diags += _check_gates(features, entries)
    return diags


def _top_value(doc: Document, name: str) -> int | None:
    """A top-level value of the registry (its default when absent), or None
    when it is invalid (it has its own error then)."""
    value = doc.data.get(name, default_of(Registry, name))
    return None if check_value(value, toml_keys(Registry)[name]) else value


def _check_probes(doc: Document, top: Where, entries: list[tuple[Msr, Where]]) -> list[Diag]:
    """canonical_48 and canonical_57: what they must be, and that no
    canonical entry reserves a bit they set."""
    diags = []
    probes = {name: _top_value(doc, name) for name in ("canonical_48", "canonical_57")}
    c48, c57 = probes["canonical_48"], probes["canonical_57"]
    if c48 is not None and not is_canonical(c48, 48):
        diags.append(top.diag("canonical_48", f"{hex_u64(c48)} is not canonical at 48 bits "
                                              "(bits 63:47 must be equal): every canonical "
                                              "entry must accept it, with 4- and 5-level "
                                              "paging"))
        probes["canonical_48"] = None
    if c57 is not None and not is_canonical(c57, 57):
        diags.append(top.diag("canonical_57", f"{hex_u64(c57)} is not canonical at 57 bits "
                                              "(bits 63:56 must be equal): KVM with LA57 "
                                              "must accept it"))
        probes["canonical_57"] = None
    elif c57 is not None and is_canonical(c57, 48):
        diags.append(top.diag("canonical_57", f"{hex_u64(c57)} is canonical at 48 bits: the "
                                              "probe must be canonical at 57 bits only, so "
                                              "that KVM accepts it exactly when it supports "
                                              "LA57"))
        probes["canonical_57"] = None
    for m, where in entries:
        if m.kind != "msr" or not m.canonical:
            continue
        for name, probe in probes.items():
            if probe is not None and probe & m.reserved_bits:
                diags.append(where.diag("canonical", f"the {name} probe {hex_u64(probe)} sets "
                                                     "reserved bits "
                                                     f"{hex_u64(probe & m.reserved_bits)}: "
                                                     "the entry must accept the probe, so it "
                                                     f"cannot also refuse those bits; change "
                                                     f"{name} or reserved_bits"))
    return diags


# IA32_MCG_CAP, whose bits 7:0 (Count) say how many machine-check banks a
# vCPU has, and the names of the bank entries.
MCG_CAP = 0x0000_0179
_MCE_BANK_NAME = re.compile(r"IA32_MC\{n\}_[A-Z0-9_]+")


def _check_mce_banks(doc: Document, top: Where, entries: list[tuple[Msr, Where]],
                     bases: list[tuple[Msr, Where]]) -> list[Diag]:
    """mce_banks: at least 1, and the same as the count of the IA32_MC{n}_*
    entries and the bank count in IA32_MCG_CAP's reset value, where the
    registry has them."""
    banks = _top_value(doc, "mce_banks")
    if banks is None:
        return []
    if banks == 0:
        return [top.diag("mce_banks", "is 0: KVM_X86_SETUP_MCE takes 1 to 32 banks")]
    line = top.line_of("mce_banks") if "mce_banks" in doc.data else 0
    ours = f"mce_banks = {banks}" + (f" (line {line})" if line else " (the default)")
    diags = []
    for m, where in bases:
        if _MCE_BANK_NAME.fullmatch(m.name) and m.count != banks:
            diags.append(where.diag("count", f"{m.count} banks, but {ours}: the suite gives "
                                             "each vCPU mce_banks machine-check banks; make "
                                             "them agree"))
    for m, where in entries:
        if m.kind != "msr" or m.index != MCG_CAP:
            continue
        for name, value in _reset_values(m):
            if value & 0xff != banks:
                diags.append(where.diag(name, f"{name} {hex_u64(value)} says {value & 0xff} "
                                              f"banks (bits 7:0), but {ours}: the suite sets "
                                              "up mce_banks banks; make them agree"))
    return diags


def _check_gates(features: list[Feature], entries: list[tuple[Msr, Where]]) -> list[Diag]:
    """The entry of a gate MSR (IA32_MCG_CAP for source "mcg_cap", `msr`
    for source "msr") has the gate bits set in its reset values: a vCPU
    with the feature reads them set, and rules_reset() clears those of the
    features a vCPU lacks."""
    diags = []
    for f in features:
        gate = MCG_CAP if f.source == "mcg_cap" else f.msr if f.source == "msr" else None
        if gate is None:
            continue
        for m, where in entries:
            if m.kind != "msr" or m.index != gate:
                continue
            for name, value in _reset_values(m):
                if not value >> f.bit & 1:
                    diags.append(where.diag(name, f"{name} {hex_u64(value)} lacks bit {f.bit} "
                                                  f"of feature.{f.name} (line {f.line}), which "
                                                  f"this MSR gates: set it (the checks clear "
                                                  "it on vCPUs without the feature)"))
    return diags


_FACTS = ("name", "index", "ref", "kind", "count", "stride")


def _msr_tables(doc: Document, i: int, raw: Mapping[str, Any],
                display: str) -> tuple[list[Diag], list[tuple[dict[str, Any], Where]]]:
    """The entries of the i-th [[msr]]: the table itself, or one table per
    [[msr.scenario]] merged over it, each with where its errors go.

    A scenario that sets a fact of the MSR, has no label or has scenarios of
    its own sits out the other checks; the labels must be in sorted order.
    """
    base = Where(doc, ("msr", i), display)
    scenarios = raw.get("scenario", [])
    if not isinstance(scenarios, list) or not all(isinstance(t, dict) for t in scenarios):
        return [base.diag("scenario", "expected [[msr.scenario]] tables, got "
                                      f"{_describe(scenarios)}")], []
    if not scenarios:
        return [], [(dict(raw), base)]
    diags = []
    if "label" in raw:
        diags.append(base.diag("label", "an [[msr]] with [[msr.scenario]] tables has no label "
                                        "of its own: each scenario has one; remove it"))
    out = []
    labelled: list[tuple[str, ScenarioWhere]] = []
    for k, (scenario, table) in enumerate(zip(scenarios, scenario_tables(raw))):
        label = scenario.get("label")
        where = ScenarioWhere(doc, ("msr", i), f"{display}/{label}"
                              if isinstance(label, str) and label else
                              f"{display} scenario #{k + 1}",
                              scenario=("msr", i, "scenario", k), keys=frozenset(scenario))
        errs = []
        for fact in _FACTS:
            if fact in scenario:
                errs.append(where.diag(fact, f"a scenario may not set `{fact}`: the MSR's "
                                             "facts are stated once, in its [[msr]] table"))
        if "label" not in scenario:
            # At the scenario's header even when the [[msr]] has a label.
            errs.append(Diag(doc.path, where.line, where.entry, "label",
                             "missing required key `label`: each scenario of an MSR is told "
                             "apart by its label"))
        if "scenario" in scenario:
            errs.append(where.diag("scenario", "a scenario may not have [[msr.scenario]] "
                                               "tables of its own: give each case a scenario "
                                               "of the [[msr]]"))
        diags += errs
        if isinstance(label, str):
            labelled.append((label, where))
        if not errs:
            out.append((table, where))
    diags += _check_scenario_order(labelled)
    return diags, out


def _check_scenario_order(labelled: list[tuple[str, ScenarioWhere]]) -> list[Diag]:
    """The first scenario whose label is out of order, with where it belongs."""
    for k in range(1, len(labelled)):
        label, where = labelled[k]
        if label < labelled[k - 1][0]:
            after = next(other for other, _ in labelled[:k] if other > label)
            return [where.diag("label", f"scenario `{label}` is out of order: it must come "
                                        f"before `{after}`; keep [[msr.scenario]] tables "
                                        "sorted by label")]
    return []


def _check_not_tested(doc: Document, top: Where,
                      entries: list[tuple[Msr, Where]]) -> list[Diag]:
    """[[not_tested]]: well-formed, each index once, none that an entry tests."""
    raw, diags = _array_of(doc, "not_tested", top)
    tested = {m.index: m for m, _ in entries if m.kind == "msr"}
    seen: dict[int, NotTested] = {}
    for i, table in enumerate(raw):
        where = Where(doc, ("not_tested", i),
                      _entry_display("not_tested", table.get("name"), None, i))
        errs = check_table(table, NotTested, where)
        diags += errs
        if errs:
            continue
        nt = from_toml(NotTested, table, line=where.line)
        if nt.index in tested:
            diags.append(where.diag("index", f"{hex_index(nt.index)} is tested by "
                                             f"{tested[nt.index].display} (line "
                                             f"{tested[nt.index].line}); remove it here"))
        first = seen.setdefault(nt.index, nt)
        if first is not nt:
            diags.append(where.diag("index", f"{hex_index(nt.index)} is already listed at line "
                                             f"{first.line}"))
    return diags


# Deviations ----------------------------------------------------------------

# The checks that want a value and can get a fault (a vector or an errno)
# instead, the only ones whose failures set got_fault
# (runtime/lib/judge.c: a guest RDMSR of a value, a host read of a value).
VALUE_CHECKS = frozenset({
    "rdmsr-reset", "rdmsr-write", "rdmsr-host-reset", "rdmsr-ignored", "rdmsr-vm-scope",
    "rdmsr-truncated", "rdmsr-restore", "canonical-48", "canonical-57", "sweep-accepted",
    "host-get", "host-get-reset", "host-get-reg", "host-get-unsup",
    "reg-get-reset", "reg-get-write",
})

def check_deviation(dev: Deviation, where: Where, registry: Registry | None,
                    checks: Collection[str] | None) -> list[Diag]:
    """Semantic checks of one [[deviation]] on its own.

    registry and checks are None when they are themselves invalid; the
    checks that need them are then skipped.
    """
    diags = []
    if checks is not None and dev.check not in checks:
        diags.append(where.diag("check", f"unknown check {_quote(dev.check)}; the checks are "
                                         "the names in runtime/common/checks.def"
                                         + _suggest(dev.check, checks)))
    if (dev.entry is None) == (dev.feature is None):
        diags.append(where.diag("entry", "name either an `entry` or, for the cpuid-kept "
                                         "check, a `feature`"))
        return diags
    if dev.feature is not None and dev.label is not None:
        diags.append(where.diag("label", "`label` picks an entry, and a deviation about a "
                                         "feature has none; remove it"))
    if dev.entry is not None and dev.check == "cpuid-kept":
        diags.append(where.diag("check", "the cpuid-kept check is about a feature, never an "
                                         "entry: name the `feature` instead of an `entry`"))
    if dev.got_fault and checks is not None and dev.check in checks \
            and dev.check not in VALUE_CHECKS:
        diags.append(where.diag("got_fault", f"the {dev.check} check does not want a value, so "
                                             "it never reports a fault in its place: its `got` "
                                             "already is a vector, an errno or a flag; remove "
                                             "got_fault"))
    if not dev.measured_on and not dev.vendors:
        diags.append(where.diag("vendors", "measured_on = [] makes a prediction, which needs "
                                           "`vendors`: name the host vendors it is predicted "
                                           "for"))
    if dev.feature is not None:
        names = {f.name for f in registry.features} if registry is not None else None
        if names is not None and dev.feature not in names:
            diags.append(where.diag("feature", f"unknown feature `{dev.feature}`"
                                               + _suggest(dev.feature, names)))
        if dev.check != "cpuid-kept":
            diags.append(where.diag("check", "a deviation about a feature is one of the "
                                             "cpuid-kept check"))
    elif registry is not None:
        named = registry.find(dev.entry, None)
        matches = registry.find(dev.entry, dev.label)
        labels = ", ".join(m.label or "(none)" for m in named)
        if not named:
            diags.append(where.diag("entry", f"unknown entry `{dev.entry}`: no [[msr]] has that "
                                             "name" + _suggest(dev.entry, {m.name for m in
                                                                           registry.msrs})))
        elif not matches:
            diags.append(where.diag("label", f"no entry {dev.entry}/{dev.label}; the labels of "
                                             f"{dev.entry} are: {labels}"))
        elif len(matches) > 1:
            diags.append(where.diag("entry", f"{dev.entry} has {len(matches)} entries (labels "
                                             f"{labels}): set `label` to pick one"))
    diags += _listed_twice(where, "vendors", dev.vendors)
    diags += _listed_twice(where, "measured_on", dev.measured_on)
    for vendor in sorted(set(dev.measured_on) - set(dev.vendors or VENDORS)):
        diags.append(where.diag("measured_on", f"measured on {_quote(vendor)}, which is not "
                                               "one of its `vendors`"))
    if dev.want == dev.got and not dev.got_fault:
        diags.append(where.diag("got", f"want and got are both {hex_u64(dev.want)}: a deviation "
                                       "is a difference from upstream"))
    return diags


def validate_deviations(doc: Document, registry: Registry | None,
                        checks: Iterable[Check] | None) -> list[Diag]:
    """Every error of registry/deviations.toml.

    Entries are resolved against `registry` and checks against `checks`
    unless they are None (because those inputs have errors of their own).
    """
    top = Where(doc, (), "top level")
    diags = _check_top(doc, Deviations, DEVIATION_TABLES)
    if not doc.data:
        return diags
    check_names = None if checks is None else {c.name for c in checks}
    raw_devs, errs = _array_of(doc, "deviation", top)
    diags += errs
    seen: dict[tuple[Any, ...], Deviation] = {}
    for i, raw in enumerate(raw_devs):
        # Named by the registry entry it is about.
        where = Where(doc, ("deviation", i),
                      _entry_display("deviation", raw.get("entry", raw.get("feature")),
                                     raw.get("label"), i))
        errs = check_table(raw, Deviation, where)
        diags += errs
        if errs:
            continue
        dev = from_toml(Deviation, raw, line=where.line)
        diags += check_deviation(dev, where, registry, check_names)
        first = seen.setdefault(dev.identity(), dev)
        if first is not dev:
            diags.append(where.diag("entry", f"duplicate deviation: the same as line {first.line}"))
    return diags
