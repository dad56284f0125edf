"""Rendering: a finished view model through the Jinja2 templates.

The view model holds every C identifier, enumerator and comment already
spelled out; the templates only loop and branch over it, and numbers and
strings go through the hex32/hex64/cstr/cbool filters.
"""
from __future__ import annotations

import os
import unicodedata
from types import MappingProxyType
from typing import Any

import jinja2

from .diag import escape
from .model import ENTRY_NAME_MAX, Check, Deviations, Feature, Msr, Quirk, Registry

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

# Output file -> template, in the order they are written and compared.
OUTPUTS = MappingProxyType({
    "msr_table.h": "msr_table.h.j2",
    "msr_table.c": "msr_table.c.j2",
    "msr_checks.c": "msr_checks.c.j2",
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
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
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


def make_env() -> jinja2.Environment:
    """The Jinja2 environment of the generator (strict, no autoescape)."""
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
        "cpuid": f"CPUID.{hex32(f.leaf)}.{f.subleaf}:{f.reg.upper()}[{f.bit}]",
        "name": f.name,
        "leaf": f.leaf,
        "subleaf": f.subleaf,
        "reg": f"CPUID_{f.reg.upper()}",
        "bit": f.bit,
        "keep": f.keep,
    }


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
        "keep_mask": q.keep_mask,
        "why": q.why,
    }


def _quirk_mask(names: tuple[str, ...]) -> str:
    """The C expression of an entry's quirk bits: 0, 1u << Q, (1u << Q) | (1u << R)."""
    bits = [f"1u << QUIRK_{name}" for name in names]
    if len(bits) <= 1:
        return bits[0] if bits else "0"
    return " | ".join(f"({b})" for b in bits)


def _msr_view(m: Msr, noncanonical: int, source: str) -> dict[str, Any]:
    reserved = m.expanded_reserved(noncanonical)
    return {
        "id": f"MSRENT_{m.c_suffix()}",
        "fn": f"check_{m.c_suffix().lower()}",
        "checker": "suite_check_kvm_reg" if m.kind == "kvm_reg" else "suite_check_msr",
        "provenance": f"{source}: [[msr]] {m.display}",
        "ref": comment_text(m.ref) if m.ref else None,
        "name": m.name,
        "label": m.label,
        "save_list_exempt": m.save_list_exempt,
        "index": m.index,
        "kind": f"MSR_KIND_{m.kind.upper()}",
        "nr_features": len(m.features),
        "features": ", ".join(f"FEAT_{name}" for name in m.features),
        "canonical": m.canonical,
        "write_needs_primary": m.write_needs_primary,
        "reset": m.reset,
        "write": m.write,
        "reserved_bits": m.reserved_bits,
        "nr_reserved": len(reserved),
        "reserved": [{"value": r.value, "origin": r.origin.value} for r in reserved],
        "quirks": _quirk_mask(m.quirks),
    }


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
    devs = []
    for d in deviations.deviations:
        (target,) = registry.find(d.entry, d.label)
        devs.append({
            "provenance": (f"{deviations_path}: [[deviation]] {d.flavour} {target.display} "
                           f"{d.check}"),
            "flavour": d.flavour,
            "vendors": _vendor_mask(d.vendors),
            "entry": f"MSRENT_{target.c_suffix()}",
            "check": check_ids[d.check],
            "want": d.want,
            "got": d.got,
            "why": d.why,
        })
    return {
        "registry_path": registry_path,
        "deviations_path": deviations_path,
        "noncanonical": registry.noncanonical,
        "entry_name_max": ENTRY_NAME_MAX,
        "features": [_feature_view(f, registry_path) for f in registry.features],
        "quirks": [_quirk_view(q, registry_path) for q in registry.quirks],
        "entries": [_msr_view(m, registry.noncanonical, registry_path) for m in registry.msrs],
        "deviations": devs,
    }


def render_all(registry: Registry, deviations: Deviations, checks: tuple[Check, ...],
               registry_path: str, deviations_path: str) -> dict[str, str]:
    """Render every output file in memory: file name -> text."""
    env = make_env()
    view = view_model(registry, deviations, checks, registry_path, deviations_path)
    return {name: env.get_template(template).render(view) for name, template in OUTPUTS.items()}
