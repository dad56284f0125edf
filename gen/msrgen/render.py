"""Rendering: a finished view model through the Jinja2 templates.

The view model holds every C identifier, enumerator and comment already
spelled out; the templates only loop and branch over it, and numbers and
strings go through the hex32/hex64/cstr/cbool filters.
"""
from __future__ import annotations

import functools
import os
import unicodedata
from types import MappingProxyType
from typing import Any, Mapping

import jinja2

from .diag import ESCAPED_CATEGORIES, escape
from .model import (ACCESSES, ENTRY_NAME_MAX, FAILURES, HOST_ABSENT, HOST_WRITES, INIT_EFFECTS,
                    KINDS, OTHER_VENDOR, REGS, SAVE_LISTS, SCOPES, SOURCES, VENDOR_TABLE, Check,
                    Deviations, Feature, Msr, Origin, Quirk, Registry)

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

# Output file -> template, in the order they are written and compared.
OUTPUTS = MappingProxyType({
    "msr_table.h": "msr_table.h.j2",
    "msr_table.c": "msr_table.c.j2",
    "msr_plans.c": "msr_plans.c.j2",
    "deviations.c": "deviations.c.j2",
})

_SIMPLE_ESCAPES = MappingProxyType({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"})


def hex32(value: int) -> str:
    """A 32-bit number as C: 0x000001a0."""
    if not 0 <= value < 1 << 32:
        raise ValueError(f"{value:#x} does not fit in 32 bits")
    return f"0x{value:08x}"


def hex64(value: int) -> str:
    """A 64-bit number as C: 0x0000000000001800ull."""
    if not 0 <= value < 1 << 64:
        raise ValueError(f"{value:#x} does not fit in 64 bits")
    return f"0x{value:016x}ull"


def cstr(value: str | None) -> str:
    """A C string literal, or NULL for None.

    Quotes, backslashes and control characters are escaped (the latter as
    three-digit octal, which cannot swallow a following digit), "??" is
    broken up so no trigraph can form, and other text stays UTF-8.
    """
    if value is None:
        return "NULL"
    out = []
    for i, ch in enumerate(value):
        if ch in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[ch])
        elif unicodedata.category(ch) in ESCAPED_CATEGORIES:
            out.extend(f"\\{b:03o}" for b in ch.encode("utf-8", "surrogatepass"))
        elif ch == "?" and i > 0 and value[i - 1] == "?":
            out.append("\\?")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def cbool(value: bool) -> str:
    """A C bool."""
    return "true" if value else "false"


def comment_text(text: str) -> str:
    """Text that is safe inside a one-line /* */ comment.

    Runs of whitespace (line breaks included) become one space; control,
    format and separator characters are escaped as messages show them
    (\\x00, \\u202e), so no NUL, escape sequence or bidi override reaches
    the C; "*/" and "/*" are broken up, so the comment neither ends early
    nor opens another (-Wcomment).
    """
    text = escape(" ".join(text.split()))
    return text.replace("*/", "* /").replace("/*", "/ *")


@functools.lru_cache(maxsize=1)
def make_env() -> jinja2.Environment:
    """The Jinja2 environment of the generator (strict, no autoescape).

    One per process: it caches the compiled templates (the tests render
    many registries in-process).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR, encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(hex32=hex32, hex64=hex64, cstr=cstr, cbool=cbool)
    return env


def _feature_view(f: Feature, source: str) -> dict[str, Any]:
    return {
        "id": f"FEAT_{f.name}",
        "provenance": f"{source}: [feature.{f.name}]",
        "doc": comment_text(f.doc) if f.doc else None,
        "cpuid": _feature_where(f),
        "name": f.name,
        "leaf": f.leaf or 0,
        "subleaf": f.subleaf,
        "reg": _c_enum("cpuid_reg", f.reg or "eax"),
        "bit": f.bit,
        "keep": f.keep,
        "source": _c_enum("feature_source", f.source),
        "msr": f.msr or 0,
        "pv": f.pv,
    }


def _feature_where(f: Feature) -> str:
    """Where a feature lives, for a comment: CPUID.0x00000007.0:ECX[7]."""
    if f.source == "cpuid":
        return f"CPUID.{hex32(f.leaf or 0)}.{f.subleaf}:{(f.reg or '').upper()}[{f.bit}]"
    if f.source == "msr":
        return f"MSR {hex32(f.msr or 0)}[{f.bit}]"
    return f"MCG_CAP[{f.bit}]"


def _vendor_mask(vendors: tuple[str, ...]) -> str:
    """A VENDOR_BIT() mask in C, or 0 for "any vendor"."""
    return " | ".join(f"VENDOR_BIT(VENDOR_{v.upper()})" for v in vendors) or "0"


def _quirk_view(q: Quirk, source: str) -> dict[str, Any]:
    return {
        "id": f"QUIRK_{q.name}",
        "provenance": f"{source}: [quirk.{q.name}]",
        "ref": comment_text(q.ref) if q.ref else None,
        "name": q.name,
        "vendors": _vendor_mask(q.vendors),
        "host_vendors": _vendor_mask(q.host_vendors),
        "keep_mask": q.keep_mask,
        "why": q.why,
    }


def _id_list(prefix: str, names: tuple[str, ...]) -> str:
    """An entry's pool of ids as a C compound literal, or NULL when empty."""
    if not names:
        return "NULL"
    return "(const uint16_t[]){ " + ", ".join(f"{prefix}{n}" for n in names) + " }"


def _msr_view(m: Msr, noncanonical: int, source: str,
              index_of: Mapping[str, int]) -> dict[str, Any]:
    reserved = m.expanded_reserved(noncanonical)
    return {
        "id": f"MSRENT_{m.c_suffix()}",
        "fn": f"plan_{m.c_suffix().lower()}",
        "class": _class_text(m),
        "builders": list(m.step_builders(noncanonical)),
        "provenance": f"{source}: [[msr]] {m.display}",
        "ref": comment_text(m.ref) if m.ref else None,
        "name": m.name,
        "label": m.label,
        "save_list_exempt": m.save_list_exempt,
        "index": m.index,
        "kind": f"MSR_KIND_{m.kind.upper()}",
        "nr_features": len(m.features),
        "features": _id_list("FEAT_", m.features),
        "write_needs_primary": m.write_needs_primary,
        "canonical": m.canonical,
        "reset": m.reset,
        "write": m.write_value,
        "reserved_bits": m.reserved_bits,
        "access": _c_enum("msr_access", m.access),
        "ignored_bits": m.ignored_bits,
        "fixed_bits": m.fixed_bits,
        "fixed_value": m.fixed_value,
        "sweep": m.sweep,
        "sweep_skip": m.sweep_skip,
        "failure": _c_enum("failure_class", m.failure),
        "reserved_failure": _c_enum("failure_class", m.reserved_failure),
        "host_absent": _c_enum("host_absent", m.host_absent),
        "save_list": _c_enum("save_list_rule", m.save_list),
        "feature_msr": m.feature_msr,
        "immutable": m.immutable,
        "init": _c_enum("init_effect", m.init),
        "couples_tsc": m.couples_tsc,
        "vm_cap": _vm_cap_id(m.vm_cap_gate) if m.vm_cap_gate else "VM_CAP_NONE",
        "has_reset_bsp": m.reset_bsp is not None,
        "reset_bsp": m.reset_bsp or 0,
        "has_reset_svm": m.reset_svm is not None,
        "reset_svm": m.reset_svm or 0,
        "host_write": _c_enum("host_write", m.host_write),
        "scope": _c_enum("msr_scope", m.scope),
        "isolate": m.isolate,
        "register_index": index_of[m.same_register_as or m.name],
        "nr_reserved": len(reserved),
        "reserved": [{"value": r.value, "origin": r.origin.c_id} for r in reserved],
        "nr_quirks": len(m.quirks),
        "quirks": _id_list("QUIRK_", m.quirks),
    }


# The registry's enumerated keys as C enums: (C enum, enumerator prefix,
# the names in order, what the enum is).  msr_table.h gets each as an enum
# with NR_<NAME>S and a <name>_names[] table; the one definition is model.py.
C_ENUMS = (
    ("msr_kind", "MSR_KIND_", KINDS, "how the MSR is reached"),
    ("reserved_origin", "RESERVED_", tuple(o.name.lower() for o in Origin),
     "where a reserved value comes from"),
    ("cpuid_reg", "CPUID_", REGS, "a CPUID output register"),
    ("feature_source", "SOURCE_", SOURCES, "where a feature's presence comes from"),
    ("msr_access", "ACCESS_", ACCESSES, "what the guest's RDMSR/WRMSR may do"),
    ("failure_class", "FAILURE_", FAILURES, "KVM's failure class: [U] unsupported, [I] invalid"),
    ("msr_scope", "SCOPE_", SCOPES, "whose the MSR's value is"),
    ("host_write", "HOST_WRITE_", HOST_WRITES, "what the host's write does"),
    ("init_effect", "INIT_", INIT_EFFECTS, "what an INIT does to the value"),
    ("host_absent", "HOST_ABSENT_", HOST_ABSENT,
     "host accesses when the vCPU lacks the MSR"),
    ("save_list_rule", "SAVE_LIST_", SAVE_LISTS, "when KVM_GET_MSR_INDEX_LIST lists the MSR"),
)


def _vm_cap_id(name: str) -> str:
    """The enum vm_cap_id member of a KVM_CAP_ name."""
    return "VM_" + name.removeprefix("KVM_")


def _vm_caps_view(registry: Registry, source: str) -> list[dict[str, Any]]:
    """The VM capabilities entries are gated by, once each, by name: where
    the first entry that names one is, for the #error if no header has it."""
    first: dict[str, Msr] = {}
    for m in registry.msrs:
        if m.vm_cap_gate:
            first.setdefault(m.vm_cap_gate, m)
    return [{"id": _vm_cap_id(name), "macro": name, "name": name.removeprefix("KVM_CAP_"),
             "where": f"{source}: [[msr]] {first[name].display}: vm_cap_gate"}
            for name in sorted(first)]


def _class_text(m: Msr) -> str:
    """The entry's class in a few words, for reports: "rw", "ro canonical"."""
    if m.kind == "kvm_reg":
        return "kvm-reg"
    words = [m.access if m.scope == "vcpu" else "vm-scope"]
    words += ["feature-msr"] if m.feature_msr else []
    words += [w for w, on in (("canonical", m.canonical), ("sweep", m.sweep),
                              ("readback", bool(m.ignored_bits or m.fixed_bits)),
                              ("reserved", bool(m.reserved)), ("quirks", bool(m.quirks)))
              if on]
    return " ".join(words)


def _enums_view() -> dict[str, Any]:
    """The enums the registry shares with the runtime (defined in model.py)."""
    origin_names = {o.name.lower(): o.value for o in Origin}
    return {
        "vendors": [{"id": v.c_id, "name": v.name, "display": v.display, "cpuid": v.cpuid}
                    for v in (*VENDOR_TABLE, OTHER_VENDOR)],
        "enums": [{"name": name, "doc": doc, "nr": f"NR_{prefix}VALUES",
                   "members": [{"id": f"{prefix}{v.upper()}",
                               "name": origin_names.get(v, v) if name == "reserved_origin"
                               else v} for v in values]}
                  for name, prefix, values, doc in C_ENUMS],
    }


def _c_enum(name: str, value: str) -> str:
    """The C enumerator of one value of a registry enum."""
    for enum_name, prefix, _, _ in C_ENUMS:
        if enum_name == name:
            return f"{prefix}{value.upper()}"
    raise KeyError(name)


def view_model(registry: Registry, deviations: Deviations, checks: tuple[Check, ...],
               registry_path: str, deviations_path: str) -> dict[str, Any]:
    """Everything the templates print, with identifiers and comments spelled out.

    registry_path and deviations_path are the display paths the header and
    the provenance comments name; only comments do, so they go through
    comment_text here.
    """
    registry_path = comment_text(registry_path)
    deviations_path = comment_text(deviations_path)
    check_ids = {c.name: f"CHECK_{c.ident}" for c in checks}
    # An entry's register: its own index, or that of the entry it shares
    # KVM's variable with (same_register_as); the runtime's segments keep
    # entries of one register apart.
    index_of = {m.name: m.index for m in registry.msrs}
    devs = []
    for d in deviations.deviations:
        if d.entry is None:
            about, entry = f"feature {d.feature}", "NR_MSR_ENTRIES"
        else:
            (target,) = registry.find(d.entry, d.label)
            about, entry = target.display, f"MSRENT_{target.c_suffix()}"
        devs.append({
            "provenance": f"{deviations_path}: [[deviation]] {d.flavour} {about} {d.check}",
            "flavour": d.flavour,
            "vendors": _vendor_mask(d.vendors),
            "measured_on": _vendor_mask(d.measured_on),
            "got_fault": d.got_fault,
            "entry": entry,
            "feature": d.feature,
            "check": check_ids[d.check],
            "want": d.want,
            "got": d.got,
            "why": d.why,
        })
    return {
        **_enums_view(),
        "registry_path": registry_path,
        "deviations_path": deviations_path,
        "canonical_48": registry.canonical_48,
        "canonical_57": registry.canonical_57,
        "mce_banks": registry.mce_banks,
        "entry_name_max": ENTRY_NAME_MAX,
        "not_tested": [{"index": n.index, "name": n.name, "why": n.why,
                        "provenance": f"{registry_path}: [[not_tested]] {n.name}"}
                       for n in registry.not_tested],
        "features": [_feature_view(f, registry_path) for f in registry.features],
        "quirks": [_quirk_view(q, registry_path) for q in registry.quirks],
        "vm_caps": _vm_caps_view(registry, registry_path),
        "entries": [_msr_view(m, registry.noncanonical, registry_path, index_of)
                    for m in registry.msrs],
        "deviations": devs,
    }


def render_all(registry: Registry, deviations: Deviations, checks: tuple[Check, ...],
               registry_path: str, deviations_path: str) -> dict[str, str]:
    """Render every output file in memory: file name -> text."""
    env = make_env()
    view = view_model(registry, deviations, checks, registry_path, deviations_path)
    return {name: env.get_template(template).render(view) for name, template in OUTPUTS.items()}
