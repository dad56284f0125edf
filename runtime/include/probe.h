/* SPDX-License-Identifier: MIT */
/*
 * msrcheck probe: one MSR index, any 32-bit one, asked of KVM on each of
 * the suite's vCPU configurations (suite_vcpus[], set up exactly as the
 * suite sets them up): what the guest's RDMSR and WRMSR do, what the
 * host's KVM_GET/SET_MSRS and KVM_GET/SET_ONE_REG do, and whether KVM lists
 * the index.  This file measures only; it knows no expectations.
 * probe_print.c prints a probe, probe_draft.c turns one into a registry
 * entry, probe_cli.c is the `msrcheck probe` command.
 */
#ifndef MSRCHECK_PROBE_H
#define MSRCHECK_PROBE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "suite.h"

/* --write values a probe takes; each costs a few guest and host steps. */
#define PROBE_MAX_WRITES 16
/* Writes per path: [0] writes back what was read, then --write's. */
#define PROBE_MAX_STEPS (PROBE_MAX_WRITES + 1)

/* One access: whether it ran, and the value it read or how it failed. */
struct probe_access {
	bool ran;
	int fault;	/* 0, the guest's vector, or the host's errno */
	uint64_t value;	/* what a read gave */
};

/* The access ran and did not fail. */
static inline bool probe_ok(const struct probe_access *a)
{
	return a->ran && !a->fault;
}

/* A write and the read right after it. */
struct probe_write {
	uint64_t value;
	struct probe_access write, read;
};

/* How one path (guest, KVM_*_MSRS, ONE_REG) saw the MSR on one vCPU. */
struct probe_path {
	struct probe_access read;
	/*
	 * [0] writes back what read gave (0 if it failed): whether this path
	 * may write the MSR at all.  Then each --write value.  Every write
	 * is followed by a read, then by a write of the first read's value,
	 * so each one starts from the same state.
	 */
	struct probe_write writes[PROBE_MAX_STEPS];
};

struct probe_vcpu {
	struct feature_set features;	/* registry features the vCPU has */
	enum vendor vendor;		/* its CPUID vendor */
	/* KVM_GET_MSRS before the vCPU first ran. */
	struct probe_access host_first;
	struct probe_path guest, msrs, one_reg;
	/* The guest did not come back (its later steps did not run): why. */
	char run_failed[640];
};

/* What a bit of the per-bit sweep did when written alone. */
enum probe_bit {
	BIT_STICKS,	/* accepted; reads back flipped */
	BIT_FAULTS,	/* the WRMSR faulted */
	BIT_IGNORED,	/* accepted, unchanged; the host's write flips it */
	BIT_FIXED,	/* accepted, unchanged, and so is the host's write */
	BIT_OTHERS,	/* accepted, but other bits changed as well */
	BIT_NOT_RUN,	/* the guest stopped at it */
};

/*
 * --draft: each of the 64 bits flipped alone from the reset value, on a
 * fresh full vCPU that is not the bootstrap one.
 */
#define SWEEP_VCPU 1
struct probe_sweep {
	bool ran;		/* RDMSR worked there, so there was a base */
	uint64_t base;		/* the value every bit is flipped from */
	uint8_t bit[64];	/* enum probe_bit */
	/* Writing base back did not bring it back: the sweep must skip it. */
	uint64_t no_way_back;
	/* A value the guest's write accepts as a whole (has_write). */
	bool has_write;
	uint64_t write;
	/*
	 * A feature MSR: after the vCPU ran, the host's write of another
	 * value (0, or 1 if the value is 0) failed.
	 */
	bool immutable;
};

struct probe_opts {
	const char *device;		/* default KVM_DEFAULT_DEVICE */
	unsigned int timeout_ms;	/* per guest run */
	uint32_t index;
	unsigned int nr_writes;
	uint64_t writes[PROBE_MAX_WRITES];
	bool sweep;			/* also fill probe.sweep (--draft) */
};

struct probe {
	struct probe_opts opts;
	const char *device;
	const char *flavour;		/* the loaded KVM module */
	enum vendor vendor;
	int api_version;
	char kernel[65];		/* uname's release, or "?" */
	bool one_reg;			/* KVM has ONE_REG */
	bool ignore_msrs;
	bool listed;			/* KVM_GET_MSR_INDEX_LIST */
	bool feature_listed;		/* KVM_GET_MSR_FEATURE_INDEX_LIST */
	struct probe_access feature;	/* KVM_GET_MSRS on /dev/kvm */
	struct probe_vcpu vcpu[SUITE_NR_VCPUS];
	struct probe_sweep sweep;
};

/*
 * Measures; returns 0, or 77 (no usable KVM: skip) or 2 (a device that is
 * not a usable KVM) with the reason in why.
 */
int probe_run(const struct probe_opts *o, struct probe *p, char *why,
	      size_t why_len);
/* The per-bit sweep of p->opts.index on a fresh vCPU 1 (probe_sweep.c). */
void probe_sweep(struct kvm_host *h, struct probe *p);

/*
 * Prints lead and the names of the registry's entries of the index,
 * comma-separated, if it has any; returns how many it has.  features (if
 * not NULL) gets the union of their features.
 */
unsigned int probe_print_entries(FILE *out, uint32_t index, const char *lead,
				 struct feature_set *features);
/* "0x0000000000000001", "#GP", or the errno's name. */
const char *probe_result(const struct probe_access *a, bool guest,
			 char *buf, size_t len);

void probe_print(FILE *out, const struct probe *p);
void probe_draft(FILE *out, const struct probe *p);

/* `msrcheck probe ...`: argv[0] is "probe"; returns the exit status. */
int probe_main(int argc, char **argv);

#endif
