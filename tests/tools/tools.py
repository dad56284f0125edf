#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The tools around the suite: msrcheck probe (and --draft), --json and its
schema, msrcheck diff, meson install and the man page.

Usage: tools.py --msrcheck M --lie-runs L --source DIR --build DIR
                [--meson MESON] TEST
(meson registers one test per TEST).  Exit 0 pass, 1 fail, 77 skip.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import schema_check  # noqa: E402


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def expect(cond, what, out="", err=""):
    if not cond:
        raise Failure(f"{what}\n--- stdout ---\n{out[-3000:]}\n--- stderr ---\n{err[-3000:]}")


def run(cmd, timeout=120, env=None):
    full_env = dict(os.environ)
    full_env.pop("MSRCHECK_KVM_DEVICE", None)
    full_env.update(env or {})
    p = subprocess.run(cmd, capture_output=True, timeout=timeout, env=full_env)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def need_kvm():
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        raise Skip("no usable /dev/kvm")


def suite_json(a, tmp, *args, name="run.json"):
    """The suite with --json; the document and the exit status."""
    path = os.path.join(tmp, name)
    rc, out, err = run([a.msrcheck, "--json", path, *args])
    expect(rc in (0, 1), f"msrcheck {' '.join(args)}: exit {rc}", out, err)
    with open(path, encoding="utf-8") as f:
        return json.load(f), rc, path


# ---------------------------------------------------------------- probe

PROBE_LINE = re.compile(r"^  (\S.*?)\s{2,}(\S.*)$")


def parse_probe(out):
    """{vcpu: {operation: result}} from msrcheck probe's text."""
    vcpus, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^vcpu(\d+) ", line)
        if m:
            cur = vcpus.setdefault(int(m.group(1)), {})
            continue
        m = PROBE_LINE.match(line)
        if m and cur is not None:
            cur[m.group(1)] = m.group(2)
    return vcpus


def probe(a, index, *writes):
    args = [a.msrcheck, "probe", f"{index:#x}"]
    for w in writes:
        args += ["--write", f"{w:#x}"]
    rc, out, err = run(args)
    expect(rc == 0 and not err, f"probe {index:#x}: exit {rc}", out, err)
    vcpus = parse_probe(out)
    expect(sorted(vcpus) == [0, 1, 2, 3, 4], f"probe {index:#x}: not five vCPU blocks",
           out, err)
    return vcpus, out


VECTORS = {13: "#GP", 6: "#UD", 1: "#DB", 14: "#PF", 17: "#AC", 21: "#CP"}


def vector(v):
    return VECTORS.get(v, f"vector {v}")


def read_of(r):
    """What the probe prints for a read the suite judged."""
    got = int(r["got"], 16)
    return vector(got) if r["got_fault"] else f"0x{got:016x}"


WRITE_VALUE = re.compile(r"WRMSR\(0x[0-9a-f]+, (?:[a-z-]+ )?(0x[0-9a-f]{16})\)")
GUEST_WRITES = ("wrmsr", "wrmsr-gp", "wrmsr-ro-gp", "wrmsr-zero")


def compare_entry(name, results, vcpus, out):
    """The suite's guest checks of one entry against the probe; how many."""
    n = 0
    written = {}
    for r in results:
        if r["status"] not in ("pass", "xfail") or r["pass"] != "msrs" or r["vcpu"] is None:
            continue
        v, check, lines = r["vcpu"], r["check"], vcpus[r["vcpu"]]
        what = f"{name} vcpu{v} {check} ({r['message']})"
        if check == "rdmsr-reset":
            expect(lines["RDMSR"] == read_of(r), f"{what}: probe read {lines['RDMSR']}",
                   out)
        elif check in ("rdmsr-gp", "rdmsr-wo-gp"):
            got = int(r["got"], 16)
            want = vector(got) if got else "a value"
            seen = lines["RDMSR"] if not lines["RDMSR"].startswith("0x") else "a value"
            expect(seen == want, f"{what}: probe read {lines['RDMSR']}", out)
        elif check in GUEST_WRITES:
            m = WRITE_VALUE.search(r["message"])
            expect(m, f"{what}: no written value in the message")
            res = lines[f"WRMSR {m.group(1)}"].split(";")[0]
            got = int(r["got"], 16)
            expect(res == (vector(got) if got else "ok"), f"{what}: probe wrote: {res}", out)
            written[v] = m.group(1)
        elif check == "rdmsr-write":
            after = lines[f"WRMSR {written[v]}"].split("RDMSR then ")[1]
            expect(after == read_of(r), f"{what}: probe read back {after}", out)
        else:
            continue
        n += 1
    return n


# Entries of different classes: read-write, read-only, write-only, none,
# a feature the host lacks, a PV MSR, a BSP-only reset, an unknown index.
PROBE_ENTRIES = ["IA32_CR_PAT/seed", "IA32_MTRRCAP", "IA32_UCODE_WRITE", "IA32_PKRS",
                 "LSTAR", "IA32_SPEC_CTRL", "KVM_STEAL_TIME", "IA32_APICBASE",
                 "UNKNOWN_474F4F00"]


def test_probe_registry(a):
    """msrcheck probe agrees with the suite (so with the registry, where the
    suite passes) on the guest's reads and writes of entries of every class:
    reset values, read-backs, which accesses fault."""
    need_kvm()
    with tempfile.TemporaryDirectory() as tmp:
        doc, _, _ = suite_json(a, tmp, *PROBE_ENTRIES)
    for name in PROBE_ENTRIES:
        results = [r for r in doc["results"] if r["entry"] == name]
        expect(results, f"the suite ran no check of {name}")
        index = int(results[0]["index"], 16)
        values = sorted({int(m.group(1), 16) for r in results if r["check"] in GUEST_WRITES
                         for m in [WRITE_VALUE.search(r["message"])] if m})
        vcpus, out = probe(a, index, *values[:16])
        n = compare_entry(name, results, vcpus, out)
        expect(n >= 2, f"{name}: only {n} checks compared", out)


def test_probe_unknown(a):
    """An index nobody defines: #GP for the guest on every vCPU, refused by
    KVM_GET/SET_MSRS and ONE_REG, not listed; the registry's own unknown
    index (UNKNOWN_474F4F00, access "none") answers the same."""
    need_kvm()
    for index in (0xdeadbeef, 0x474f4f00):
        vcpus, out = probe(a, index, 0x1)
        expect(f"KVM_GET_MSR_INDEX_LIST (save/restore): not listed" in out,
               f"{index:#x} is listed", out)
        for v, lines in vcpus.items():
            for op in ("RDMSR", "WRMSR 0x0000000000000000", "WRMSR 0x0000000000000001"):
                expect(lines[op].startswith("#GP"), f"{index:#x} vcpu{v} {op}: {lines[op]}",
                       out)
            for op in ("KVM_GET_MSRS before the first run", "KVM_GET_MSRS",
                       "KVM_SET_MSRS 0x0000000000000001", "KVM_GET_ONE_REG"):
                expect(op in lines and not lines[op].startswith(("0x", "ok")),
                       f"{index:#x} vcpu{v} {op}: {lines.get(op)}", out)


def test_probe_decimal(a):
    """An index with a leading 0 is decimal, as the usage says (not octal):
    010 is MSR 0xa, and 08 is MSR 0x8."""
    need_kvm()
    for arg, index in (("010", 0xa), ("08", 0x8), ("0X10", 0x10)):
        rc, out, err = run([a.msrcheck, "probe", arg])
        expect(rc == 0 and out.startswith(f"MSR {index:#x}: "),
               f"probe {arg}: exit {rc}, want MSR {index:#x}", out, err)


def test_probe_input(a):
    """Bad input to probe, and a --json without a run, is one line on stderr
    and exit 2, before KVM is opened."""
    bad = [[], ["0x100000000"], ["4294967296"], ["-1"], ["foo"], [""], ["0x48 "],
           ["0x48", "0x49"], ["0x48", "--write"], ["0x48", "--write", "x"],
           ["0x48", "--write", "0x10000000000000000"], ["0x48", "--write", "-1"],
           ["0x48", "--bogus"], ["0x4\n8"], ["0x48", "--timeout", "0"],
           ["0x48"] + ["--write", "1"] * 17]
    for args in bad:
        rc, out, err = run([a.msrcheck, "probe", *args],
                           env={"MSRCHECK_KVM_DEVICE": "/nonexistent/kvm"})
        expect(rc == 2 and not out and err.count("\n") == 1 and
               err.startswith("msrcheck probe: error: "),
               f"probe {args!r}: exit {rc}, want 2 and one line", out, err)
    for args in (["--json", ""], ["--json", "x.json", "--list"], ["--coverage", "--json", "x"]):
        rc, out, err = run([a.msrcheck, *args])
        expect(rc == 2 and not out and err.startswith("msrcheck: --json: "),
               f"msrcheck {args!r}: exit {rc}, want 2", out, err)
    rc, out, err = run([a.msrcheck, "probe", "--help"])
    expect(rc == 0 and "--write VALUE" in out, "probe --help", out, err)
    rc, out, err = run([a.msrcheck, "probe", "0xffffffff"],
                       env={"MSRCHECK_KVM_DEVICE": "/nonexistent/kvm"})
    expect(rc == SKIP and "skipped: cannot open /nonexistent/kvm" in err,
           f"the largest index without KVM: exit {rc}, want 77", out, err)


# ---------------------------------------------------------------- draft

# Three entries, of three classes, with no known deviation on any flavour.
DRAFT_ENTRIES = ["IA32_MTRR_DEF_TYPE", "IA32_TSC_DEADLINE", "IA32_MTRRCAP"]
# The keys --draft measures.
MEASURED = ["index", "access", "reset", "reset_bsp", "feature_msr", "immutable",
            "ignored_bits", "fixed_bits", "fixed_value", "reserved_bits", "sweep_skip",
            "host_write"]
TODO_LINE = re.compile(r'^(\w+) = (?:"TODO"|\["TODO"\])  # TODO: ')


def msrgen(a):
    sys.path.insert(0, os.path.join(a.source, "gen"))
    import msrgen.load
    import msrgen.model
    import msrgen.validate
    return msrgen


def load_registry(gen, path):
    doc, errs = gen.load.load_toml(path, path)
    errs = errs or gen.validate.validate_registry(doc)
    if errs:
        raise Failure("\n".join(d.format() for d in errs))
    return gen.model.build_registry(doc.data, doc.smap.lines)


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return f"0x{v:016x}"
    if isinstance(v, str):
        return json.dumps(v)
    return "[" + ", ".join(toml_value(x) for x in v) + "]"


def fill_todos(gen, draft, entry):
    """The draft with each TODO key set as the registry entry sets it (or
    dropped where the entry keeps the default)."""
    out = []
    for line in draft.splitlines():
        m = TODO_LINE.match(line)
        if not m:
            out.append(line)
            continue
        key = m.group(1)
        value = getattr(entry, key)
        if value != gen.model.default_of(gen.model.Msr, key):
            out.append(f"{key} = {toml_value(value)}")
    return "\n".join(out) + "\n"


# Any decision, for drafts of MSRs of every shape: write-only, none,
# sweep_skip, reset_bsp and a bit with no way back, a feature MSR.
SHAPES = [0x79, 0xdeadbeef, 0xc0000080, 0x1b, 0xce]
SOME_DECISION = {"name": '"TEST_MSR"', "features": '["NONE"]', "failure": '"unsupported"',
                 "reserved_failure": '"invalid"'}
REASON = '"a reason"'


def lint(a, path):
    return run([sys.executable, "-B", os.path.join(a.source, "gen", "generate.py"),
                "lint", "--registry", path])


def test_draft(a):
    """--draft for three registry MSRs (read-write with reserved bits,
    fixed bits, read-only), with the TODOs filled from the registry, passes
    the generator's validation and has the registry's measured values;
    unfilled, it does not pass.  Drafts of other shapes (write-only, none,
    sweep_skip, reset_bsp, a feature MSR) pass once their TODOs are filled
    with any decision."""
    need_kvm()
    gen = msrgen(a)
    reg_path = os.path.join(a.source, "registry", "msrs.toml")
    registry = load_registry(gen, reg_path)
    with open(reg_path, encoding="utf-8") as f:
        text = f.read()
    # Top-level keys, features and quirks: what an entry may refer to.
    head = text[:text.index("\n[[msr]]\n") + 1]
    with open(os.path.join(a.source, "registry", "deviations.toml"), encoding="utf-8") as f:
        deviations = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        for name in DRAFT_ENTRIES:
            expect(f'entry = "{name}"' not in deviations,
                   f"{name} has a known deviation: pick another entry")
            entry = registry.find(name, None)[0]
            rc, draft, err = run([a.msrcheck, "probe", f"{entry.index:#x}", "--draft"])
            expect(rc == 0 and not err, f"--draft {name}: exit {rc}", draft, err)
            todos = {m.group(1) for line in draft.splitlines()
                     for m in [TODO_LINE.match(line)] if m}
            expect({"name", "ref", "features"} <= todos, f"{name}: TODOs {todos}", draft)
            path = os.path.join(tmp, f"{name}.toml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(head + draft)
            rc, out, err = lint(a, path)
            expect(rc == 1 and "TODO" in err, f"{name}: an unfilled draft passes lint",
                   draft, err)
            filled = fill_todos(gen, draft, entry)
            with open(path, "w", encoding="utf-8") as f:
                f.write(head + filled)
            rc, out, err = lint(a, path)
            expect(rc == 0, f"{name}: the filled draft fails lint", filled, err)
            got = load_registry(gen, path).msrs[0]
            for key in MEASURED:
                expect(getattr(got, key) == getattr(entry, key),
                       f"{name}: {key}: draft {getattr(got, key)!r}, registry "
                       f"{getattr(entry, key)!r}", filled)
        for index in SHAPES:
            rc, draft, err = run([a.msrcheck, "probe", f"{index:#x}", "--draft"])
            expect(rc == 0 and not err, f"--draft {index:#x}: exit {rc}", draft, err)
            filled = "\n".join(
                f"{m.group(1)} = {SOME_DECISION.get(m.group(1), REASON)}" if m else line
                for line in draft.splitlines() for m in [TODO_LINE.match(line)]) + "\n"
            path = os.path.join(tmp, f"{index:x}.toml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(head + filled)
            rc, out, err = lint(a, path)
            expect(rc == 0, f"{index:#x}: the filled draft fails lint", filled, err)


# ---------------------------------------------------------------- JSON

def load_schema(a):
    with open(os.path.join(a.source, "doc", "msrcheck-results.schema.json"),
              encoding="utf-8") as f:
        return json.load(f)


def test_json_schema(a):
    """The JSON of a full run validates against the schema, and agrees with
    itself (totals, exit status); a skipped run's does too; a document that
    cannot be written is status 2; the validator rejects broken documents
    (so it checks something)."""
    schema = load_schema(a)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "skip.json")
        rc, out, err = run([a.msrcheck, "--json", path, "--device", "/nonexistent/kvm"])
        expect(rc == SKIP, f"skipped run: exit {rc}", out, err)
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errs = schema_check.errors(doc, schema)
        expect(not errs and doc["skipped"] and doc["exit_status"] == SKIP and
               not doc["results"], f"skipped run: {errs[:5]}", json.dumps(doc))
        need_kvm()
        rc, out, err = run([a.msrcheck, "--json", "/dev/full", "P5_MC_ADDR"])
        expect(rc == 2 and "--json: cannot write /dev/full" in err,
               f"--json /dev/full: exit {rc}, want 2", out, err)
        doc, rc, _ = suite_json(a, tmp)
    errs = schema_check.errors(doc, schema)
    expect(not errs, "full run: " + "\n".join(errs[:20]))
    statuses = collections.Counter(r["status"] for r in doc["results"])
    expect(dict(statuses) == {k: v for k, v in doc["totals"].items() if v},
           f"totals {doc['totals']} but results {dict(statuses)}")
    expect(doc["exit_status"] == rc, f"exit_status {doc['exit_status']}, process {rc}")
    expect(len(doc["results"]) > 1000 and any(r["deviation"] for r in doc["results"])
           is (statuses["xfail"] > 0), "results or deviations missing")
    broken = [
        ("results", 0, "check", None),
        ("results", 0, "status", "passed"),
        ("results", 0, "got", "0x1"),
        ("results", 0, "vcpu", -1),
        ("results", 0, "extra", 1),
        ("host", None, "vendor", "Via"),
    ]
    for top, i, key, value in broken:
        bad = json.loads(json.dumps(doc))
        node = bad[top][i] if i is not None else bad[top]
        if value is None:
            del node[key]
        else:
            node[key] = value
        expect(schema_check.errors(bad, schema), f"the validator accepts {key} = {value!r}")


def test_json_escape(a):
    """Strings in the JSON are escaped: a device path with control
    characters, quotes, backslashes and bytes that are not UTF-8 comes out
    as valid (strict) JSON, U+FFFD for the bad bytes."""
    need_kvm()
    raw = b"kvm-\x01\t\n\"\\\x7f\xff\xc3\xa9"
    with tempfile.TemporaryDirectory() as tmp:
        link = os.path.join(tmp.encode(), raw)
        os.symlink("/dev/kvm", link)
        path = os.path.join(tmp, "out.json")
        p = subprocess.run([a.msrcheck.encode(), b"--device", link, b"--json", path.encode(),
                            b"P5_MC_ADDR"], capture_output=True, timeout=60)
        expect(p.returncode == 0, f"exit {p.returncode}", "", p.stderr.decode(errors="replace"))
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    doc = json.loads(text, strict=True)
    expect(doc["host"]["device"] == link.decode("utf-8", "replace"),
           f"device came back as {doc['host']['device']!r}")
    expect(not re.search(r"[\x00-\x1f\x7f]", text.replace("\n", "")),
           "a raw control character in the document")


# ---------------------------------------------------------------- diff

def diff(a, x, y):
    return run([a.msrcheck, "diff", x, y])


def test_diff_self(a):
    """diff of a full run with itself prints nothing and exits 0."""
    need_kvm()
    with tempfile.TemporaryDirectory() as tmp:
        _, _, path = suite_json(a, tmp)
        rc, out, err = diff(a, path, path)
    expect(rc == 0 and not out and not err, f"exit {rc}", out, err)


def pair_key(r):
    return (r["entry"], r["index"], r["vcpu"], r["pass"], r["check"], r["feature"])


def expected_differences(x, y):
    """What diff must list, computed here: (entry, vcpu, pass, check) of the
    checks whose status or got differ, or that one run lacks."""
    def keyed(doc):
        seen, out = collections.Counter(), {}
        for r in doc["results"]:
            k = pair_key(r)
            out[k + (seen[k],)] = r
            seen[k] += 1
        return out
    kx, ky = keyed(x), keyed(y)
    diffs = collections.Counter()
    for k in kx.keys() | ky.keys():
        p, q = kx.get(k), ky.get(k)
        if p and q and (p["status"], p["got"], p["got_fault"]) == \
                (q["status"], q["got"], q["got_fault"]):
            continue
        diffs[(k[0], k[2], k[3], k[4])] += 1
    return diffs


def listed_differences(out):
    """(entry, vcpu, pass, check) of each check diff printed."""
    listed, entry = collections.Counter(), None
    for line in out.splitlines():
        if not line or line.startswith(("A: ", "B: ")) or re.match(r"^\d+ checks? differ", line):
            continue
        m = re.match(r"^  (?:vcpu(\d+) )?(\S+) ([a-z0-9-]+)[ :]", line)
        if m:
            vcpu = int(m.group(1)) if m.group(1) else None
            listed[(entry, vcpu, m.group(2), m.group(3))] += 1
        elif not line.startswith(" "):
            m = re.match(r"^(.*?)(?: \(0x[0-9a-f]+\))?$", line)
            entry = None if m.group(1) == "(vCPU checks)" else m.group(1)
    return listed


def test_diff_lie(a):
    """A run against one made with a table lie (IA32_CR_PAT/seed's reset
    value): diff lists exactly the checks that differ (computed here
    independently), all of them at the lied-about entry, every failure of
    the lied run among them, and exits 1.  Two honest runs: no difference."""
    need_kvm()
    with tempfile.TemporaryDirectory() as tmp:
        honest, lied, again = (os.path.join(tmp, n) for n in ("a.json", "b.json", "c.json"))
        rc, out, err = run([a.lie_runs, honest, lied, again])
        if rc == SKIP:
            raise Skip("no usable KVM")
        expect(rc == 0, f"lie_runs: exit {rc}", out, err)
        rc, out, err = diff(a, honest, again)
        expect(rc == 0 and not out, f"two honest runs differ (exit {rc})", out, err)
        rc, out, err = diff(a, honest, lied)
        with open(honest, encoding="utf-8") as f:
            x = json.load(f)
        with open(lied, encoding="utf-8") as f:
            y = json.load(f)
    expect(rc == 1 and not err, f"diff: exit {rc}, want 1", out, err)
    want = expected_differences(x, y)
    got = listed_differences(out)
    expect(got == want, f"diff listed {sorted(got.elements())}\nwant {sorted(want.elements())}",
           out)
    expect({k[0] for k in got} == {"IA32_CR_PAT/seed"}, f"entries {set(k[0] for k in got)}",
           out)
    fails = collections.Counter((r["entry"], r["vcpu"], r["pass"], r["check"])
                                for r in y["results"] if r["status"] == "fail")
    expect(fails and not fails - got, f"failures not listed: {fails - got}", out)
    expect(re.search(rf"^{sum(got.values())} checks differ", out, re.M), "no summary", out)


def test_diff_errors(a):
    """Unreadable files and documents that are not msrcheck results: one
    message naming the file, exit 2."""
    with tempfile.TemporaryDirectory() as tmp:
        def doc(name, text):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return path
        good = doc("good.json", json.dumps({"format": "msrcheck-results", "version": 1,
                                            "results": []}))
        cases = [
            os.path.join(tmp, "missing.json"),
            doc("empty.json", ""),
            doc("garbage.json", "{\"format\": "),
            doc("trailing.json", "{} x"),
            doc("deep.json", "[" * 10000 + "]" * 10000),
            doc("other.json", json.dumps({"format": "something"})),
            doc("version.json", json.dumps({"format": "msrcheck-results", "version": 2,
                                            "results": []})),
            doc("types.json", json.dumps({"format": "msrcheck-results", "version": 1,
                                          "results": [{"entry": 1}]})),
        ]
        for bad in cases:
            for x, y in ((bad, good), (good, bad)):
                rc, out, err = diff(a, x, y)
                expect(rc == 2 and not out and os.path.basename(bad) in err,
                       f"diff {os.path.basename(x)} {os.path.basename(y)}: exit {rc}", out, err)
        rc, out, err = diff(a, good, good)
        expect(rc == 0 and not out, f"two empty runs: exit {rc}", out, err)
        rc, out, err = run([a.msrcheck, "diff", good])
        expect(rc == 2 and err.count("\n") == 1, f"one file: exit {rc}", out, err)


# ---------------------------------------------------------------- install

def help_options(a):
    opts = set()
    for args in ([], ["probe"], ["diff"]):
        rc, out, err = run([a.msrcheck, *args, "--help"])
        expect(rc == 0, f"msrcheck {' '.join(args)} --help: exit {rc}", out, err)
        opts |= set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", out))
    return opts


def test_man(a):
    """The man page documents every option --help lists, the subcommands,
    exit statuses and files, and groff reads it without a warning."""
    page = os.path.join(a.source, "doc", "msrcheck.1")
    with open(page, encoding="utf-8") as f:
        roff = f.read()
    text = roff.replace("\\-", "-")
    for opt in sorted(help_options(a)):
        expect(opt in text, f"msrcheck.1 does not document {opt}")
    for word in ("probe", "diff", "EXIT STATUS", "FILES", "msrcheck-results.schema.json",
                 "77", "MSRCHECK_KVM_DEVICE"):
        expect(word in text, f"msrcheck.1 lacks {word!r}")
    groff = shutil.which("groff")
    if groff:
        rc, out, err = run([groff, "-man", "-ww", "-z", page])
        expect(rc == 0 and not err, "groff warns", out, err)


def test_install(a):
    """meson install --destdir D puts bin/msrcheck, the man page and the
    schema under the prefix, and the installed program runs."""
    if not a.meson:
        raise Skip("meson not found")
    rc, out, err = run([a.meson, "introspect", a.build, "--buildoptions"])
    expect(rc == 0, "meson introspect", out, err)
    opts = {o["name"]: o["value"] for o in json.loads(out)}
    with tempfile.TemporaryDirectory() as dest:
        rc, out, err = run([a.meson, "install", "-C", a.build, "--destdir", dest,
                            "--no-rebuild", "--quiet"], timeout=300)
        expect(rc == 0, f"meson install: exit {rc}", out, err)
        root = dest + os.path.join(opts["prefix"], "")
        files = {os.path.relpath(os.path.join(d, f), root)
                 for d, _, fs in os.walk(dest) for f in fs}
        want = {os.path.join(opts["bindir"], "msrcheck"),
                os.path.join(opts["mandir"], "man1", "msrcheck.1"),
                os.path.join(opts["datadir"], "msrcheck", "msrcheck-results.schema.json")}
        expect(want <= files, f"installed {sorted(files)}, want {sorted(want)}")
        binary = os.path.join(root, opts["bindir"], "msrcheck")
        expect(os.access(binary, os.X_OK), "bin/msrcheck is not executable")
        rc, out, err = run([binary, "--help"])
        expect(rc == 0 and "usage: msrcheck" in out, "installed msrcheck --help", out, err)


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--msrcheck", required=True)
    p.add_argument("--lie-runs", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("--meson")
    p.add_argument("test", choices=sorted(TESTS))
    a = p.parse_args()
    a.msrcheck = os.path.abspath(a.msrcheck)
    a.lie_runs = os.path.abspath(a.lie_runs)
    try:
        TESTS[a.test](a)
    except Failure as e:
        print(f"FAIL: {a.test}: {e}")
        return 1
    except Skip as e:
        print(f"SKIP: {a.test}: {e}")
        return SKIP
    print(f"PASS: {a.test}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
