// SPDX-License-Identifier: MIT
/*
 * Benchmark (not a test): how close the suite runs to this host's floor.
 *
 * In one run it first measures this host's unit costs with the suite's own
 * machinery: a VM and a vCPU, a guest run to the host and back (the
 * userspace exit), a KVM_GET_MSRS of 1 and of 64 MSRs, one guest
 * instruction, one guest RDMSR and WRMSR handled in the kernel, one guest
 * #GP delivered and returned from.  Then it runs the suite several times
 * in-process and prints the median wall time, and the floor: what the
 * guest MSR accesses, exceptions, guest runs, ioctls and VMs the selected
 * checks need cost at those unit prices, with nothing else (no plan
 * dispatch, no judging, no output).  Then KVM_RUN calls, exits, ioctls and
 * guest operations, in total and per entry.
 *
 * Usage: bench_suite [--runs N] [PATTERN...]   (patterns as msrcheck's)
 * `ninja -C build benchmark`, or `meson test -C build --benchmark -v`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_parse.h"
#include "guest_plan.h"
#include "suite.h"
#include "x86.h"

#define MAX_RUNS 31
#define REPEAT 9
/* Index of an MSR no CPU has: every access #GPs. */
#define NO_SUCH_MSR 0x474f4f00u
#define MSR_CR_PAT 0x277u
#define MSR_KERNEL_GS_BASE 0xc0000102u

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, unsigned int n)
{
	qsort(v, n, sizeof(v[0]), cmp_double);
	return v[n / 2];
}

/* Unit costs, in microseconds. */
struct units {
	double host_open;	/* open /dev/kvm and read its facts */
	double vm;		/* a VM with its memory, without vCPUs */
	double vcpu;		/* one vCPU, set up for 64-bit mode */
	double exit;		/* a guest run to the host and back */
	double ioctl1;		/* KVM_GET_MSRS of 1 MSR */
	double ioctl64;		/* KVM_GET_MSRS of 64 MSRs */
	double insn;		/* one guest instruction */
	double rdmsr;		/* one guest RDMSR, result stored */
	double wrmsr;		/* one guest WRMSR */
	double gp;		/* one guest #GP, beyond the access itself */
	double nop;		/* one plan op that does nothing (dispatch) */
};

static void die_run(const struct plan_run *r)
{
	fprintf(stderr, "bench_suite: a measuring plan failed: %s\n", r->what);
	exit(2);
}

/* Median time of a plan of n copies of one op. */
static double plan_time(struct kvm_vcpu *vcpu, enum guest_op op,
			uint32_t index, uint64_t value, unsigned int n)
{
	struct guest_plan p = { 0 };
	double t[REPEAT];
	struct plan_run r;
	unsigned int i;

	for (i = 0; i < n; i++)
		guest_plan_add(&p, op, index, value, -1);
	for (i = 0; i < REPEAT; i++) {
		double t0 = now_us();

		guest_plan_run(vcpu, &p, 5000, NULL, &r);
		t[i] = now_us() - t0;
		if (!r.ok)
			die_run(&r);
	}
	guest_plan_free(&p);
	return median(t, REPEAT);
}

static double vm_time(struct kvm_host *h, unsigned int nr_vcpus)
{
	double t[REPEAT];
	unsigned int i, v;

	for (i = 0; i < REPEAT; i++) {
		double t0 = now_us();
		struct kvm_vm *vm = vm_create(h);

		for (v = 0; v < nr_vcpus; v++)
			vm_add_vcpu(vm, h->supported_cpuid);
		kvm_vm_free(vm);
		t[i] = now_us() - t0;
	}
	return median(t, REPEAT);
}

static double msrs_ioctl_time(struct kvm_vcpu *vcpu, const struct kvm_host *h,
			      unsigned int n)
{
	struct kvm_msrs *m = xzalloc(sizeof(*m) + n * sizeof(m->entries[0]));
	double t[REPEAT * 4];
	unsigned int i;

	m->nmsrs = n;
	for (i = 0; i < n; i++)
		m->entries[i].index = h->msr_list[i % h->nr_msrs];
	for (i = 0; i < REPEAT * 4; i++) {
		double t0 = now_us();

		__vcpu_msrs_ioctl(vcpu, KVM_GET_MSRS, m);
		t[i] = now_us() - t0;
	}
	free(m);
	return median(t, REPEAT * 4);
}

static void measure_units(const char *device, struct units *u)
{
	const unsigned int n = 2000, spin = 20000;
	struct kvm_host h;
	struct kvm_vm *vm;
	struct kvm_vcpu *vcpu;
	double t[REPEAT], empty, nop, vm1, vm3;
	char why[256];
	unsigned int i;

	for (i = 0; i < REPEAT; i++) {
		double t0 = now_us();

		if (kvm_host_open(&h, device, 0, why, sizeof(why)) !=
		    KVM_OPEN_OK) {
			printf("benchmark skipped: %s\n", why);
			exit(0);
		}
		t[i] = now_us() - t0;
		if (i + 1 < REPEAT)
			kvm_host_close(&h);
	}
	u->host_open = median(t, REPEAT);

	vm1 = vm_time(&h, 1);
	vm3 = vm_time(&h, 3);
	u->vcpu = (vm3 - vm1) / 2;
	u->vm = vm1 - u->vcpu;

	vm = vm_create(&h);
	vcpu = vm_add_vcpu(vm, h.supported_cpuid);
	/* An empty plan is a run to the host and back, and nothing else. */
	empty = plan_time(vcpu, GUEST_OP_NOP, 0, 0, 0);
	u->exit = empty;
	nop = plan_time(vcpu, GUEST_OP_NOP, 0, 0, n);
	u->nop = (nop - empty) / n;
	/* Two instructions per iteration (DEC, JNZ). */
	u->insn = (plan_time(vcpu, GUEST_OP_SPIN, 0, spin, 1) - empty) /
		  (2.0 * spin);
	u->rdmsr = (plan_time(vcpu, GUEST_OP_RDMSR, MSR_CR_PAT, 0, n) - nop) / n;
	u->wrmsr = (plan_time(vcpu, GUEST_OP_WRMSR, MSR_KERNEL_GS_BASE, 0, n) -
		    nop) / n;
	u->gp = (plan_time(vcpu, GUEST_OP_RDMSR, NO_SUCH_MSR, 0, n) - nop) / n -
		u->rdmsr;
	u->ioctl1 = msrs_ioctl_time(vcpu, &h, 1);
	u->ioctl64 = msrs_ioctl_time(vcpu, &h, 64);
	kvm_vm_free(vm);
	kvm_host_close(&h);
}

/* The suite's work, from kvm_stats before and after one run. */
static struct kvm_stats delta(const struct kvm_stats *a,
			      const struct kvm_stats *b)
{
	struct kvm_stats d;
	const unsigned long *x = (const unsigned long *)a;
	const unsigned long *y = (const unsigned long *)b;
	unsigned long *z = (unsigned long *)&d;
	unsigned int i;

	for (i = 0; i < sizeof(d) / sizeof(unsigned long); i++)
		z[i] = y[i] - x[i];
	return d;
}

struct floor_part {
	const char *what;
	unsigned long count;
	double us;
};

static double floor_of(const struct units *u, const struct kvm_stats *k,
		       struct floor_part *parts, unsigned int *nr)
{
	/* An ioctl of k MSRs: between the 1- and the 64-MSR measurements. */
	double per_msr = (u->ioctl64 - u->ioctl1) / 63;
	double ioctls = k->msr_ioctls * u->ioctl1 +
			(double)(k->msr_ioctl_msrs - k->msr_ioctls) * per_msr;
	unsigned int n = 0, i;
	double sum = 0;

	parts[n++] = (struct floor_part){ "open /dev/kvm, read its facts", 1,
					  u->host_open };
	parts[n++] = (struct floor_part){ "VMs", k->vms, k->vms * u->vm };
	parts[n++] = (struct floor_part){ "vCPUs", k->vcpus,
					  k->vcpus * u->vcpu };
	parts[n++] = (struct floor_part){ "guest runs (exits to the host)",
					  k->plan_runs, k->plan_runs * u->exit };
	parts[n++] = (struct floor_part){ "host MSR/ONE_REG ioctls",
					  k->msr_ioctls, ioctls };
	parts[n++] = (struct floor_part){ "guest RDMSR", k->guest_rdmsr,
					  k->guest_rdmsr * u->rdmsr };
	parts[n++] = (struct floor_part){ "guest WRMSR", k->guest_wrmsr,
					  k->guest_wrmsr * u->wrmsr };
	parts[n++] = (struct floor_part){ "guest #GP (access + delivery)",
					  k->guest_faults,
					  k->guest_faults * (u->rdmsr + u->gp) };
	for (i = 0; i < n; i++)
		sum += parts[i].us;
	*nr = n;
	return sum;
}

int main(int argc, char **argv)
{
	static struct entry_stats per_entry[NR_MSR_ENTRIES];
	char why[256];
	const char *device = kvm_device_from_env(why, sizeof(why));
	FILE *null = fopen("/dev/null", "w");
	struct floor_part parts[16];
	struct kvm_stats before, one = { 0 };
	struct units u;
	double times[MAX_RUNS], floor, med;
	unsigned int runs = 9, r, i, nr_parts;
	struct suite_opts o = {
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault_entry = -1,
	};

	if (!device) {
		fprintf(stderr, "bench_suite: %s\n", why);
		return 2;
	}
	if (argc > 2 && !strcmp(argv[1], "--runs")) {
		unsigned long n;

		if (!parse_decimal(argv[2], 1, MAX_RUNS, &n, why,
				   sizeof(why))) {
			fprintf(stderr, "bench_suite: --runs: %s\n", why);
			return 2;
		}
		runs = n;
		argc -= 2;
		argv += 2;
	}
	o.patterns = (const char *const *)&argv[1];
	o.nr_patterns = argc - 1;
	o.device = device;

	measure_units(o.device, &u);

	for (r = 0; r < runs; r++) {
		struct report rep;
		double t0;
		int ret;

		o.entry_stats = r ? NULL : per_entry;
		report_init(&rep, null, true, false);
		before = kvm_stats;
		t0 = now_us();
		ret = suite_run(&o, &rep);
		times[r] = now_us() - t0;
		if (!r)
			one = delta(&before, &kvm_stats);
		report_free(&rep);
		if (ret == 77) {
			printf("benchmark skipped: no usable /dev/kvm\n");
			return 0;
		}
	}
	floor = floor_of(&u, &one, parts, &nr_parts);
	med = median(times, runs);

	printf("unit costs on this host (medians):\n");
	printf("  VM %.0f us, vCPU %.0f us, open /dev/kvm and its facts %.0f us\n",
	       u.vm, u.vcpu, u.host_open);
	printf("  guest run to the host and back (userspace exit) %.1f us\n",
	       u.exit);
	printf("  KVM_GET_MSRS of 1 MSR %.1f us, of 64 MSRs %.1f us\n",
	       u.ioctl1, u.ioctl64);
	printf("  guest instruction %.3f us; plan op dispatch %.3f us\n",
	       u.insn, u.nop);
	printf("  guest RDMSR %.3f us, WRMSR %.3f us, #GP delivered and "
	       "returned %.3f us\n", u.rdmsr, u.wrmsr, u.gp);

	printf("\nfull suite, %u runs: median %.2f ms (min %.2f, max %.2f)\n",
	       runs, med / 1e3, times[0] / 1e3, times[runs - 1] / 1e3);
	printf("floor %.2f ms, suite/floor %.2f\n", floor / 1e3, med / floor);
	for (i = 0; i < nr_parts; i++)
		printf("  %-34s %6lu x = %8.3f ms\n", parts[i].what,
		       parts[i].count, parts[i].us / 1e3);

	printf("\ntotal: %lu KVM_RUN, %lu exits, %lu guest runs, %lu ioctls "
	       "carrying %lu MSRs, %lu guest operations\n", one.kvm_runs,
	       one.exits, one.plan_runs, one.msr_ioctls, one.msr_ioctl_msrs,
	       one.guest_ops);
	printf("\n%-28s %6s %9s %9s\n", "entry (one run)", "runs",
	       "guest ops", "host ops");
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct entry_stats *s = &per_entry[i];
		char name[64];

		if (!s->runs && !s->guest_ops && !s->host_ops)
			continue;
		printf("%-28s %6lu %9lu %9lu\n",
		       entry_name(&msr_entries[i], name, sizeof(name)),
		       s->runs, s->guest_ops, s->host_ops);
	}
	fclose(null);
	return 0;
}
