#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Robustness of the msrcheck program: environments without a usable KVM,
guests that hang or crash, strict command lines, output that cannot lie,
interrupted runs, and no side effects on the host.

Usage: robust.py MSRCHECK TEST   (meson registers one test per TEST)
Exit 0 pass, 1 fail, 77 skip (with the reason on stdout).
"""
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
# Entries that pass cleanly on every host of this kind, around the one the
# guest is told to break.
NEIGHBOURS = ["IA32_SYSENTER_CS", "IA32_CR_PAT/seed", "LSTAR"]
VICTIM = "IA32_CR_PAT/seed"


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def clean_env(env=None):
    full_env = dict(os.environ)
    full_env.pop("MSRCHECK_KVM_DEVICE", None)
    full_env.update(env or {})
    return full_env


def run(msrcheck, *args, env=None, user=None, timeout=120, stdout=None,
        restore_signals=True):
    """Runs msrcheck; stdout=None captures it, else it goes there (and ""
    comes back for it)."""
    cmd = [msrcheck, *args]
    if user:
        pw = pwd.getpwnam(user)
        cmd = ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}",
               "--clear-groups", *cmd]
    p = subprocess.run(cmd, stdout=stdout or subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True,
                       env=clean_env(env), timeout=timeout,
                       restore_signals=restore_signals)
    return p.returncode, p.stdout or "", p.stderr


def expect(cond, what, out="", err=""):
    if not cond:
        raise Failure(f"{what}\n--- stdout ---\n{out[-3000:]}"
                      f"\n--- stderr ---\n{err[-3000:]}")


def need_kvm():
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        raise Skip("no usable /dev/kvm")


def test_no_device(m):
    """A missing device is a skip with the reason, in both output modes."""
    rc, out, err = run(m, "--tap", "--device", "/nonexistent/kvm")
    expect(rc == 0, f"TAP mode: exit {rc}, want 0", out, err)
    expect(re.search(r"^1\.\.0 # SKIP cannot open /nonexistent/kvm: No such "
                     r"file or directory$", out, re.M),
           "TAP mode: no '1..0 # SKIP <why>' plan", out, err)
    rc, out, err = run(m, env={"MSRCHECK_KVM_DEVICE": "/nonexistent/kvm"})
    expect(rc == SKIP, f"readable mode: exit {rc}, want 77", out, err)
    expect("skipped: cannot open /nonexistent/kvm" in out,
           "readable mode: no skip reason", out, err)


def test_no_permission(m):
    """/dev/kvm the user may not open: a skip, not a crash."""
    if not os.path.exists("/dev/kvm"):
        raise Skip("no /dev/kvm to be refused")
    user = None
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            raise Skip("running as root and setpriv is missing")
        user = "nobody"
    elif os.access("/dev/kvm", os.R_OK | os.W_OK):
        raise Skip("this user may open /dev/kvm")
    # Make sure the unprivileged user can run the binary at all.
    with tempfile.TemporaryDirectory() as d:
        os.chmod(d, 0o755)
        exe = os.path.join(d, "msrcheck")
        shutil.copy(m, exe)
        os.chmod(exe, 0o755)
        rc, out, err = run(exe, "--tap", user=user)
    expect(rc == 0, f"exit {rc}, want 0 (TAP skip)", out, err)
    expect(re.search(r"^1\.\.0 # SKIP cannot open /dev/kvm: Permission "
                     r"denied$", out, re.M), "no permission skip", out, err)


def test_api_version(m):
    """A KVM speaking another API version is an error that says so."""
    need_kvm()
    rc, out, err = run(m, "--tap", env={"MSRCHECK_TEST_API_VERSION": "11"})
    expect(rc == 2, f"exit {rc}, want 2", out, err)
    expect("speaks KVM API version 11, msrcheck needs 12" in err,
           "no API version message on stderr", out, err)
    expect(re.search(r"^Bail out! ", out, re.M), "no TAP bail out", out, err)


def test_not_kvm(m):
    """A device that is not KVM at all is an error, not a skip."""
    rc, out, err = run(m, "--device", "/dev/null")
    expect(rc == 2, f"exit {rc}, want 2", out, err)
    expect("/dev/null is not a KVM device" in err, "no message", out, err)


def test_no_one_reg(m):
    """Without KVM_CAP_ONE_REG the one-reg pass is skipped, with the reason."""
    need_kvm()
    rc, out, err = run(m, "--tap", "--hide-cap", "ONE_REG", *NEIGHBOURS)
    expect(rc == 0, f"exit {rc}, want 0", out, err)
    expect(re.search(r"^ok \d+ - one-reg: run # SKIP KVM lacks "
                     r"KVM_CAP_ONE_REG", out, re.M),
           "no skipped one-reg pass", out, err)
    expect(" one-reg: " not in out.replace("- one-reg: run #", ""),
           "checks ran in the one-reg pass", out, err)
    expect("host-get-reg" not in out, "ONE_REG reads without ONE_REG",
           out, err)


def test_no_split_irqchip(m):
    """Without KVM_CAP_SPLIT_IRQCHIP the INIT scenario is one skip, with the
    reason, and the rest runs."""
    need_kvm()
    rc, out, err = run(m, "--tap", "--hide-cap", "SPLIT_IRQCHIP", VICTIM)
    expect(rc == 0, f"exit {rc}, want 0", out, err)
    expect(re.search(r"^ok \d+ - one-reg: init-keep # SKIP KVM lacks "
                     r"KVM_CAP_SPLIT_IRQCHIP", out, re.M),
           "no skipped INIT scenario", out, err)
    expect(not re.search(r"init-(keep|reset): KVM_GET_MSRS", out),
           "INIT checks ran without the LAPIC", out, err)
    expect(re.search(r"^ok \d+ - .* restore-guest: ", out, re.M),
           "the round trip did not run", out, err)
    # Without the option the scenario runs (the skip above is the option's).
    rc, out, err = run(m, "--tap", VICTIM)
    expect(re.search(r"^ok \d+ - .* init-keep: KVM_GET_MSRS", out, re.M),
           "no INIT check without --hide-cap", out, err)


def test_verbose(m):
    """-v shows every check with its operation, and what the guest says."""
    need_kvm()
    rc, out, err = run(m, "-v", VICTIM)
    expect(rc == 0, f"exit {rc}, want 0", out, err)
    for v in range(3):
        expect(f"guest vcpu{v}: CPUID vendor" in out,
               f"no guest printf from vcpu{v}", out, err)
    expect(re.search(r"^ok +IA32_CR_PAT/seed \(0x277\) vcpu2 one-reg: "
                     r"rdmsr-host-reset: RDMSR\(0x277\): wanted "
                     r"0x0007040600070406, got 0x0007040600070406$", out,
                     re.M), "passing checks not shown", out, err)


def test_bad_usage(m):
    """Bad command lines fail with a message, before touching KVM."""
    for args, msg in ((["NO_SUCH_MSR"], "no registry entry matches"),
                      (["--hide-cap", "NOPE"], "unknown capability"),
                      (["--fault", "melt:IA32_CR_PAT:1"], "unknown KIND"),
                      (["--fault", "hang:NOPE:1"], "no registry entry is "
                       "called 'NOPE'"),
                      (["--timeout", "0"], "--timeout: '0' is out of "
                       "range")):
        rc, out, err = run(m, *args)
        expect(rc == 2 and msg in err, f"{args}: exit {rc}, want 2 and "
               f"'{msg}'", out, err)


# Values that used to be read as something else (issue 12).  Each must be
# one line "msrcheck: WHAT: why" with at most a one-line hint after it,
# status 2, and nothing on stdout: KVM is never opened.
#   name: (arguments, environment, the first line of stderr: a regex)
STRICT = {
    "timeout_negative": (["--timeout", "-1"], {},
                         r"--timeout: '-1' is not a decimal number "
                         r"\(wants 1 to 3600000\)"),
    "timeout_wraps": (["--timeout", "4294967297"], {},
                      r"--timeout: '4294967297' is out of range "
                      r"\(wants 1 to 3600000\)"),
    "timeout_suffix": (["--timeout", "10x"], {},
                       r"--timeout: '10x' is not a decimal number"),
    "timeout_fraction": (["--timeout", "1.5"], {},
                         r"--timeout: '1\.5' is not a decimal number"),
    "timeout_hex": (["--timeout", "0x10"], {},
                    r"--timeout: '0x10' is not a decimal number"),
    "timeout_plus": (["--timeout", "+10"], {},
                     r"--timeout: '\+10' is not a decimal number"),
    "fault_no_vcpu": (["--fault", "hang:IA32_CR_PAT/seed:"], {},
                      r"--fault: VCPU '' is not a decimal number "
                      r"\(wants 0 to 4\)"),
    "fault_vcpu_suffix": (["--fault", "hang:IA32_CR_PAT/seed:1abc"], {},
                          r"--fault: VCPU '1abc' is not a decimal number"),
    "fault_extra_field": (["--fault", "hang:IA32_CR_PAT/seed:0:extra"], {},
                          r"--fault: 'hang:IA32_CR_PAT/seed:0:extra' is not "
                          r"KIND:ENTRY:VCPU"),
    "fault_vcpu_range": (["--fault", "hang:IA32_CR_PAT/seed:4294967296"], {},
                         r"--fault: VCPU '4294967296' is out of range "
                         r"\(wants 0 to 4\)"),
    "fault_no_guest_step": (["--fault", "hang:GUEST_SSP:0"], {},
                            r"--fault: GUEST_SSP has no guest step on vCPU "
                            r"0: nothing would be injected"),
    "fault_vcpu_skips_entry": (["--fault", "hang:IA32_CR_PAT/seed:3"], {},
                               r"--fault: vCPU 3 \(other vendor\) does not "
                               r"run IA32_CR_PAT/seed"),
    "flavour_unknown": (["--flavour", "bogus"], {},
                        r"--flavour: unknown flavour 'bogus' \(known: "
                        r"upstream .*kvm_pvm"),
    "flavour_newline": (["--tap", "--flavour", "kvm_pvm\nok 1 - forged"], {},
                        r"--flavour: unknown flavour "
                        r"'kvm_pvm\\nok 1 - forged'"),
    "list_unknown_option": (["--list", "TSC_AUX*", "--bogus"], {},
                            r"--bogus: unknown option"),
    "device_empty": (["--device="], {}, r"--device: empty path"),
    "env_device_empty": ([], {"MSRCHECK_KVM_DEVICE": ""},
                         r"MSRCHECK_KVM_DEVICE: empty path"),
    "env_api_version": (["--tap"], {"MSRCHECK_TEST_API_VERSION": "12x"},
                        r"MSRCHECK_TEST_API_VERSION: '12x' is not a decimal "
                        r"number \(wants 0 to 65535\)"),
}


def strict_case(name):
    args, env, first = STRICT[name]

    def test(m):
        rc, out, err = run(m, *args, env=env)
        lines = err.splitlines()
        expect(rc == 2, f"{args} {env}: exit {rc}, want 2", out, err)
        expect(lines and re.match("msrcheck: " + first, lines[0]),
               f"first line of stderr is not /msrcheck: {first}/", out, err)
        expect(len(lines) <= 2, f"{len(lines)} lines on stderr, want the "
               "message and at most a hint", out, err)
        expect(out == "", "output on stdout", out, err)
        expect(not re.search(r"^(not )?ok ", out + err, re.M),
               "a TAP result line appeared", out, err)
    test.__doc__ = f"{args} {env}: status 2, one-line message"
    return test


for _name in STRICT:
    globals()["test_" + _name] = strict_case(_name)


def test_list_patterns(m):
    """--list lists the entries the patterns select, and only those."""
    rc, out, err = run(m, "--list", "tsc_aux*")
    expect(rc == 0, f"exit {rc}, want 0", out, err)
    names = [l.split()[0] for l in out.splitlines()[1:]]
    expect(names == ["TSC_AUX/rdpid", "TSC_AUX/rdtscp"],
           f"listed {names}, want the two TSC_AUX entries", out, err)
    rc, out, err = run(m, "--list", "NO_SUCH_MSR")
    expect(rc == 2 and "no registry entry matches 'NO_SUCH_MSR'" in err,
           f"a pattern that selects nothing: exit {rc}, want 2", out, err)


def test_fault_injected_nothing(m):
    """A fault whose entry this host gives no guest step on that vCPU is
    an error after the run, not a pass: vCPU 1 repeats vCPU 0's reads and
    writes but not its probes, and an absent MSR has nothing else."""
    need_kvm()
    rc, out, err = run(m, "--tap", "--fault", "hang:UNKNOWN_474F4F00:1",
                       "UNKNOWN_474F4F00")
    expect(rc == 2, f"exit {rc}, want 2", out, err)
    expect("msrcheck: --fault: this host's KVM gave UNKNOWN_474F4F00 no "
           "guest step on vCPU 1: nothing was injected" in err,
           "no message on stderr", out, err)
    expect(out.endswith("Bail out! --fault injected nothing\n"),
           "TAP does not end with a bail out", out, err)


def closed_fd(m, fd, *args):
    """Runs msrcheck with fd closed."""
    p = subprocess.run(["sh", "-c", f'exec "$@" {fd}>&-', "sh", m, *args],
                       capture_output=True, text=True, env=clean_env(),
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_stdin_closed(m):
    """A closed fd 0 is an error: the next open() would take it."""
    rc, out, err = closed_fd(m, 0, "--tap")
    expect(rc == 2, f"exit {rc}, want 2", out, err)
    expect(err == "msrcheck: error: standard input (fd 0) is closed\n",
           "no message", out, err)


def test_stdout_closed(m):
    """A closed fd 1 is an error, so /dev/kvm never becomes stdout and
    the report never goes into it."""
    for args in (["--tap"], ["--list"]):
        rc, out, err = closed_fd(m, 1, *args)
        expect(rc == 2, f"{args}: exit {rc}, want 2", out, err)
        expect(err == "msrcheck: error: standard output (fd 1) is "
               "closed\n", f"{args}: no message", out, err)


def test_stderr_closed(m):
    """A closed fd 2 is an error too; stdout is the only voice left."""
    rc, out, err = closed_fd(m, 2, "--tap")
    expect(rc == 2, f"exit {rc}, want 2", out, err)
    expect(out == "msrcheck: error: standard error (fd 2) is closed\n",
           "no message on stdout", out, err)


def test_stdout_full(m):
    """A report that cannot be written is status 2 with the reason, never
    0: whatever the mode, and even for a skip."""
    cases = [["--list"], ["--help"],
             ["--tap", "--device", "/nonexistent/kvm"]]
    if os.access("/dev/kvm", os.R_OK | os.W_OK):
        cases += [["--tap", VICTIM], [VICTIM]]
    for args in cases:
        with open("/dev/full", "w") as full:
            rc, out, err = run(m, *args, stdout=full)
        expect(rc == 2, f"{args}: exit {rc}, want 2", out, err)
        expect(err.endswith("msrcheck: error: cannot write the report to "
                            "standard output: No space left on device\n"),
               f"{args}: no message", out, err)


def test_sigpipe_ignored(m):
    """With SIGPIPE ignored a closed pipe makes writes fail (EPIPE): status
    2 and the reason, not 0."""
    cases = [["--list"]]
    if os.access("/dev/kvm", os.R_OK | os.W_OK):
        cases += [["--tap"]]
    for args in cases:
        r, w = os.pipe()
        os.close(r)
        try:
            # Python ignores SIGPIPE; restore_signals=False passes that on.
            rc, out, err = run(m, *args, stdout=w, restore_signals=False)
        finally:
            os.close(w)
        expect(rc == 2, f"{args}: exit {rc}, want 2", out, err)
        expect(err.endswith("msrcheck: error: cannot write the report to "
                            "standard output: Broken pipe\n"),
               f"{args}: no message", out, err)


FORGED = "\nok 1 - forged"


def no_forged_line(out, err, where):
    expect(not re.search(r"^ok 1 - forged", out + err, re.M),
           f"{where}: a forged line appeared", out, err)


def test_device_newline(m):
    """A newline in --device is escaped wherever the path is echoed: the
    TAP skip, the host line of TAP and of the readable report."""
    rc, out, err = run(m, "--tap", "--device", "/nonexistent" + FORGED)
    no_forged_line(out, err, "skip")
    expect(rc == 0 and re.search(r"^1\.\.0 # SKIP cannot open "
                                 r"/nonexistent\\nok 1 - forged: No such "
                                 r"file", out, re.M),
           f"skip: exit {rc}, want 0 and the escaped path", out, err)
    need_kvm()
    with tempfile.TemporaryDirectory() as d:
        link = os.path.join(d, "kvm" + FORGED)
        os.symlink("/dev/kvm", link)
        for args, prefix in ((["--tap"], "# "), ([], "")):
            rc, out, err = run(m, *args, "--device", link, VICTIM)
            no_forged_line(out, err, f"{args}")
            expect(rc == 0, f"{args}: exit {rc}, want 0", out, err)
            expect(f"{prefix}msrcheck: {d}/kvm\\nok 1 - forged, KVM API "
                   in out, f"{args}: the path is not shown escaped", out,
                   err)


def test_pattern_newline(m):
    """A pattern is echoed escaped in its error."""
    rc, out, err = run(m, "NO" + FORGED)
    no_forged_line(out, err, "pattern")
    expect(rc == 2 and "no registry entry matches 'NO\\nok 1 - forged'"
           in err, f"exit {rc}, want 2 and the escaped pattern", out, err)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def interrupt(m, sig, *args):
    """Sends sig to msrcheck while a guest hangs (mid KVM_RUN: a minute's
    watchdog); returns status, output and the seconds the exit took."""
    need_kvm()
    p = subprocess.Popen([m, *args, "--timeout", "60000", "--fault",
                          f"hang:{VICTIM}:1", *NEIGHBOURS],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=clean_env())
    try:
        # The hang spins: half a second of CPU is well past the checks
        # before it, which take a few milliseconds.
        hz = os.sysconf("SC_CLK_TCK")
        deadline = time.monotonic() + 30
        while cpu_ticks(p.pid) < hz / 2 and time.monotonic() < deadline:
            if p.poll() is not None:
                expect(False, f"msrcheck ended early: {p.returncode}",
                       *p.communicate())
            time.sleep(0.02)
        sent = time.monotonic()
        p.send_signal(sig)
        out, err = p.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
    return p.returncode, out, err, took


def test_interrupt_sigint(m):
    """SIGINT mid-guest ends the run within 1 s: status 130, TAP ends with
    a bail out after a comment on how far the run got."""
    rc, out, err, took = interrupt(m, signal.SIGINT, "--tap")
    expect(rc == 130, f"exit {rc}, want 130", out, err)
    expect(took < 1, f"took {took:.2f} s to end", out, err)
    lines = out.splitlines()
    expect(lines[-1] == "Bail out! interrupted by SIGINT",
           "TAP does not end with the bail out", out, err)
    expect(re.fullmatch(r"# interrupted by SIGINT during the msrs pass, "
                        r"after \d+ checks: \d+ passed, 0 failed, \d+ "
                        r"skipped, \d+ expected failures", lines[-2]),
           "no comment on how far the run got", out, err)
    expect(not re.search(r"^1\.\.", out, re.M), "a TAP plan", out, err)
    expect(err == "msrcheck: interrupted by SIGINT\n", "stderr", out, err)


def test_interrupt_sigterm(m):
    """SIGTERM mid-guest: status 143, the readable report says how far it
    got, and has no PASS/FAIL verdict."""
    rc, out, err, took = interrupt(m, signal.SIGTERM)
    expect(rc == 143, f"exit {rc}, want 143", out, err)
    expect(took < 1, f"took {took:.2f} s to end", out, err)
    expect(re.search(r"^msrcheck: interrupted by SIGTERM during the msrs "
                     r"pass, after \d+ checks: \d+ passed, 0 failed, \d+ "
                     r"skipped, \d+ expected failures$", out, re.M),
           "the report does not say how far it got", out, err)
    expect(not re.search(r"^(PASS|FAIL):", out, re.M), "a verdict", out,
           err)
    expect(err == "msrcheck: interrupted by SIGTERM\n", "stderr", out, err)


def guest_fault(m, kind, bound_s, extra=()):
    """The guest faults on purpose on VICTIM, vCPU 1: that run fails with
    a diagnostic, in both passes, and every other check still passes."""
    need_kvm()
    start = time.monotonic()
    rc, out, err = run(m, "--tap", *extra, "--fault", f"{kind}:{VICTIM}:1",
                       *NEIGHBOURS)
    elapsed = time.monotonic() - start
    expect(rc == 1, f"exit {rc}, want 1", out, err)
    # Known deviations (TAP "# TODO") are expected failures, not these.
    failed = [l for l in out.splitlines()
              if l.startswith("not ok") and "# TODO" not in l]
    expect(len(failed) == 2, f"{len(failed)} failures, want 2", out, err)
    for line, p in zip(failed, ("msrs", "one-reg")):
        expect(f"- {VICTIM} (0x277) vcpu1 {p}: run: " in line,
               f"failure is not the {p} run of {VICTIM} vcpu1: {line}",
               out, err)
        expect("RIP=0x" in line, f"no RIP in: {line}", out, err)
    # The rest of the suite still ran, on a fresh VM.
    expect(re.search(r"^ok \d+ - LSTAR \(0xc0000082\) vcpu2 one-reg: "
                     r"rdmsr-host-reset", out, re.M),
           "LSTAR did not run after the fault", out, err)
    # A loose bound, only to show the run is bounded at all.
    expect(elapsed < bound_s, f"took {elapsed:.1f} s", out, err)
    return failed


def test_hang(m):
    failed = guest_fault(m, "hang", 60, ("--timeout", "300"))
    expect(all("no progress after 300 ms" in l for l in failed),
           "hang not reported as such", "\n".join(failed))


def test_triple_fault(m):
    failed = guest_fault(m, "triple", 60)
    expect(all("KVM_EXIT_SHUTDOWN (triple fault)" in l for l in failed),
           "triple fault not reported as such", "\n".join(failed))


def test_unexpected_exception(m):
    failed = guest_fault(m, "ud", 60)
    expect(all("unexpected UD" in l for l in failed),
           "#UD not reported as such", "\n".join(failed))


def test_unexpected_exit(m):
    failed = guest_fault(m, "bad-port", 60)
    expect(all("KVM_EXIT_IO (2) port 0x80 out" in l for l in failed),
           "port I/O exit not reported as such", "\n".join(failed))


def module_params():
    params = {}
    for mod in ("kvm", "kvm_pvm", "kvm_intel", "kvm_amd"):
        d = f"/sys/module/{mod}/parameters"
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            try:
                with open(os.path.join(d, name)) as f:
                    params[f"{mod}.{name}"] = f.read()
            except OSError:
                pass
    return params


def no_lsan_env():
    """LeakSanitizer cannot run under ptrace (strace): off for that run."""
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    return env


def test_no_side_effects(m):
    """No file written outside the build directory, no KVM parameter
    changed: strace every file-creating call of a full run."""
    need_kvm()
    if not shutil.which("strace"):
        raise Skip("strace is not installed")
    before = module_params()
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "trace")
        cwd = os.path.join(d, "cwd")
        os.mkdir(cwd)
        p = subprocess.run(
            ["strace", "-f", "-qq", "-o", log, "-e",
             "trace=open,openat,creat,mkdir,mkdirat,unlink,unlinkat,"
             "rename,renameat,renameat2,truncate", m, "--tap"],
            capture_output=True, text=True, cwd=cwd, timeout=300,
            env=no_lsan_env())
        expect(p.returncode in (0, 1), f"exit {p.returncode}", p.stdout,
               p.stderr)
        expect(not os.listdir(cwd), "files appeared in the working directory")
        with open(log) as f:
            trace = f.read()
    writes = []
    for line in trace.splitlines():
        if re.search(r"\b(creat|mkdir|mkdirat|unlink|unlinkat|rename\w*|"
                     r"truncate)\(", line):
            writes.append(line)
        elif re.search(r"open(at)?\(.*O_(WRONLY|RDWR|CREAT)", line) and \
                '"/dev/kvm"' not in line and '"/dev/null"' not in line:
            writes.append(line)
    expect(not writes, "writes outside the build directory:\n" +
           "\n".join(writes[:20]))
    expect(module_params() == before, "a KVM module parameter changed")


TESTS = {name[5:]: fn for name, fn in globals().items()
         if name.startswith("test_")}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in TESTS:
        print(f"usage: {sys.argv[0]} MSRCHECK {{{','.join(TESTS)}}}",
              file=sys.stderr)
        return 2
    try:
        TESTS[sys.argv[2]](os.path.abspath(sys.argv[1]))
    except Failure as e:
        print(f"FAIL: {sys.argv[2]}: {e}")
        return 1
    except Skip as e:
        print(f"SKIP: {sys.argv[2]}: {e}")
        return SKIP
    print(f"PASS: {sys.argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
