// SPDX-License-Identifier: MIT
/* CPUID tables, host MSR/ONE_REG access and KVM module facts (see x86.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cpuid_decode.h"
#include "test_assert.h"
#include "x86.h"

#define MAX_CPUID_ENTRIES 256

static size_t cpuid2_size(unsigned int nent)
{
	return sizeof(struct kvm_cpuid2) + nent * sizeof(struct kvm_cpuid_entry2);
}

struct kvm_cpuid2 *kvm_get_supported_cpuid(int kvm_fd)
{
	struct kvm_cpuid2 *c = xzalloc(cpuid2_size(MAX_CPUID_ENTRIES));
	int r;

	c->nent = MAX_CPUID_ENTRIES;
	r = ioctl(kvm_fd, KVM_GET_SUPPORTED_CPUID, c);
	TEST_ASSERT_IOCTL(r, "KVM_GET_SUPPORTED_CPUID");
	return c;
}

struct kvm_cpuid2 *vcpu_get_cpuid(struct kvm_vcpu *vcpu)
{
	struct kvm_cpuid2 *c = xzalloc(cpuid2_size(MAX_CPUID_ENTRIES));
	int r;

	c->nent = MAX_CPUID_ENTRIES;
	r = ioctl(vcpu->fd, KVM_GET_CPUID2, c);
	TEST_ASSERT_IOCTL(r, "KVM_GET_CPUID2");
	return c;
}

struct kvm_cpuid2 *cpuid_dup(const struct kvm_cpuid2 *c)
{
	struct kvm_cpuid2 *d = xzalloc(cpuid2_size(c->nent));

	memcpy(d, c, cpuid2_size(c->nent));
	return d;
}

struct kvm_cpuid_entry2 *cpuid_find(const struct kvm_cpuid2 *c,
				    uint32_t leaf, uint32_t subleaf)
{
	unsigned int i;

	for (i = 0; i < c->nent; i++) {
		struct kvm_cpuid_entry2 *e = (struct kvm_cpuid_entry2 *)
					     &c->entries[i];

		if (e->function != leaf)
			continue;
		if ((e->flags & KVM_CPUID_FLAG_SIGNIFCANT_INDEX) &&
		    e->index != subleaf)
			continue;
		return e;
	}
	return NULL;
}

static bool table_lookup(void *ctx, uint32_t leaf, uint32_t subleaf,
			 struct cpuid_leaf *out)
{
	struct kvm_cpuid_entry2 *e = cpuid_find(ctx, leaf, subleaf);

	if (!e)
		return false;
	*out = (struct cpuid_leaf){ e->eax, e->ebx, e->ecx, e->edx };
	return true;
}

struct feature_set cpuid2_features(const struct kvm_cpuid2 *c)
{
	return cpuid_features(table_lookup, (void *)c);
}

bool cpuid2_has_la57(const struct kvm_cpuid2 *c)
{
	struct kvm_cpuid_entry2 *e = cpuid_find(c, 7, 0);

	return e && (e->ecx & (1u << 16));
}

struct feature_set kvm_host_features(const struct kvm_host *h)
{
	struct feature_set m = cpuid2_features(h->supported_cpuid);
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];
		uint64_t val;

		if (feat->source == SOURCE_MCG_CAP && h->has_mce &&
		    (h->mce_cap >> feat->bit & 1))
			fs_add(&m, f);
		if (feat->source != SOURCE_MSR)
			continue;
		/* A gate bit of a feature MSR: what KVM offers in it. */
		if (kvm_host_lists_feature_msr(h, feat->msr) &&
		    !kvm_get_feature_msr(h, feat->msr, &val) &&
		    (val >> feat->bit & 1))
			fs_add(&m, f);
	}
	return m;
}

void cpuid2_set_vendor(struct kvm_cpuid2 *c, enum vendor v)
{
	struct kvm_cpuid_entry2 *leaf0 = cpuid_find(c, 0, 0);
	const char *s = vendor_info[v].cpuid;

	TEST_ASSERT(leaf0 && strlen(s) == 12, "cannot set CPUID vendor %s",
		    vendor_info[v].display);
	/* The 12-byte vendor string is EBX, EDX, ECX, in that order. */
	memcpy(&leaf0->ebx, s, 4);
	memcpy(&leaf0->edx, s + 4, 4);
	memcpy(&leaf0->ecx, s + 8, 4);
}

enum vendor cpuid2_vendor(const struct kvm_cpuid2 *c)
{
	struct cpuid_leaf l;

	if (!table_lookup((void *)c, 0, 0, &l))
		return VENDOR_OTHER;
	return cpuid_vendor(&l);
}

static void cpuid2_change_features(struct kvm_cpuid2 *c, struct feature_set m,
				   bool set)
{
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];
		struct kvm_cpuid_entry2 *e;
		struct cpuid_leaf l;
		uint32_t *reg;

		if (!fs_has(m, f) || feat->source != SOURCE_CPUID)
			continue;
		e = cpuid_find(c, feat->leaf, feat->subleaf);
		/* A leaf KVM does not report already lacks the feature. */
		if (!e) {
			TEST_ASSERT(!set, "CPUID leaf 0x%x.%u missing, cannot "
				    "set %s", feat->leaf, feat->subleaf,
				    feat->name);
			continue;
		}
		l = (struct cpuid_leaf){ e->eax, e->ebx, e->ecx, e->edx };
		reg = cpuid_feature_reg(&l, f);
		*reg = set ? *reg | 1u << feat->bit : *reg & ~(1u << feat->bit);
		e->eax = l.eax;
		e->ebx = l.ebx;
		e->ecx = l.ecx;
		e->edx = l.edx;
	}
}

void cpuid2_clear_features(struct kvm_cpuid2 *c, struct feature_set m)
{
	cpuid2_change_features(c, m, false);
}

void cpuid2_set_features(struct kvm_cpuid2 *c, struct feature_set m)
{
	cpuid2_change_features(c, m, true);
}

int __vcpu_msrs_ioctl(struct kvm_vcpu *vcpu, unsigned long cmd,
		      struct kvm_msrs *msrs)
{
	int r;

	kvm_stats.msr_ioctls++;
	kvm_stats.msr_ioctl_msrs += msrs->nmsrs;
	r = ioctl(vcpu->fd, cmd, msrs);
	return r < 0 ? -errno : r;
}

/* One-MSR KVM_GET_MSRS/KVM_SET_MSRS: 0, or -errno (-EIO: not processed). */
static int msr_ioctl(struct kvm_vcpu *vcpu, unsigned long cmd,
		     uint32_t index, uint64_t *data)
{
	struct {
		struct kvm_msrs hdr;
		struct kvm_msr_entry entry;
	} buf = { .hdr.nmsrs = 1, .entry.index = index, .entry.data = *data };
	int r;

	r = __vcpu_msrs_ioctl(vcpu, cmd, &buf.hdr);
	if (r < 0)
		return r;
	/* KVM returns how many MSRs it processed; 0 means it refused. */
	if (r != 1)
		return -EIO;
	*data = buf.entry.data;
	return 0;
}

int __vcpu_get_msr(struct kvm_vcpu *vcpu, uint32_t index, uint64_t *val)
{
	*val = 0;
	return msr_ioctl(vcpu, KVM_GET_MSRS, index, val);
}

int __vcpu_set_msr(struct kvm_vcpu *vcpu, uint32_t index, uint64_t val)
{
	return msr_ioctl(vcpu, KVM_SET_MSRS, index, &val);
}

int __vcpu_get_reg(struct kvm_vcpu *vcpu, uint64_t id, uint64_t *val)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uintptr_t)val };

	kvm_stats.msr_ioctls++;
	kvm_stats.msr_ioctl_msrs++;
	return ioctl(vcpu->fd, KVM_GET_ONE_REG, &reg) < 0 ? -errno : 0;
}

int __vcpu_set_reg(struct kvm_vcpu *vcpu, uint64_t id, uint64_t val)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uintptr_t)&val };

	kvm_stats.msr_ioctls++;
	kvm_stats.msr_ioctl_msrs++;
	return ioctl(vcpu->fd, KVM_SET_ONE_REG, &reg) < 0 ? -errno : 0;
}

bool vcpu_reg_listed(struct kvm_vcpu *vcpu, uint64_t id)
{
	struct kvm_reg_list probe = { .n = 0 };
	struct kvm_reg_list *list;
	bool found = false;
	uint64_t i;
	int r;

	/* n = 0 succeeds when KVM has no registers to list at all. */
	kvm_stats.msr_ioctls++;
	r = ioctl(vcpu->fd, KVM_GET_REG_LIST, &probe);
	if (r == 0)
		return false;
	TEST_ASSERT(errno == E2BIG, "KVM_GET_REG_LIST failed");

	list = xzalloc(sizeof(*list) + probe.n * sizeof(list->reg[0]));
	list->n = probe.n;
	kvm_stats.msr_ioctls++;
	r = ioctl(vcpu->fd, KVM_GET_REG_LIST, list);
	TEST_ASSERT_IOCTL(r, "KVM_GET_REG_LIST");
	for (i = 0; i < list->n; i++)
		found |= list->reg[i] == id;
	free(list);
	return found;
}

int __vcpu_enable_cap(struct kvm_vcpu *vcpu, uint32_t cap, uint64_t arg0)
{
	struct kvm_enable_cap c = { .cap = cap, .args[0] = arg0 };

	return ioctl(vcpu->fd, KVM_ENABLE_CAP, &c) < 0 ? -errno : 0;
}

int __vcpu_setup_mce(struct kvm_vcpu *vcpu, uint64_t mcg_cap)
{
	return ioctl(vcpu->fd, KVM_X86_SETUP_MCE, &mcg_cap) < 0 ? -errno : 0;
}

int __vcpu_init(struct kvm_vcpu *vcpu)
{
	struct kvm_vcpu_events ev;
	struct kvm_mp_state mp;

	if (ioctl(vcpu->fd, KVM_GET_VCPU_EVENTS, &ev) < 0)
		return -errno;
	/* The SMM part carries the latched INIT; no SMM state changes. */
	ev.flags = KVM_VCPUEVENT_VALID_SMM;
	ev.smi.latched_init = 1;
	if (ioctl(vcpu->fd, KVM_SET_VCPU_EVENTS, &ev) < 0 ||
	    ioctl(vcpu->fd, KVM_GET_MP_STATE, &mp) < 0)
		return -errno;
	return 0;
}

int __vcpu_set_runnable(struct kvm_vcpu *vcpu)
{
	struct kvm_mp_state mp = { .mp_state = KVM_MP_STATE_RUNNABLE };

	return ioctl(vcpu->fd, KVM_SET_MP_STATE, &mp) < 0 ? -errno : 0;
}

bool kvm_ignore_msrs(void)
{
	FILE *f = fopen("/sys/module/kvm/parameters/ignore_msrs", "r");
	int c;

	if (!f)
		return false;
	c = fgetc(f);
	fclose(f);
	return c == 'Y' || c == 'y' || c == '1';
}

bool kvm_force_emulation_prefix(void)
{
	FILE *f = fopen("/sys/module/kvm/parameters/force_emulation_prefix",
			"r");
	int c;

	if (!f)
		return false;
	c = fgetc(f);
	fclose(f);
	/* An int in newer kernels (0, 1, or flags), a bool (N/Y) in older. */
	return c != EOF && c != '0' && c != 'N' && c != 'n';
}

/* kvm_pvm first: it can be loaded beside a hardware module. */
const char *const kvm_modules[] = { "kvm_pvm", "kvm_intel", "kvm_amd" };
const unsigned int nr_kvm_modules = sizeof(kvm_modules) /
				    sizeof(kvm_modules[0]);

const char *kvm_flavour(void)
{
	char path[64];
	unsigned int i;

	for (i = 0; i < nr_kvm_modules; i++) {
		snprintf(path, sizeof(path), "/sys/module/%s", kvm_modules[i]);
		if (access(path, F_OK) == 0)
			return kvm_modules[i];
	}
	return "unknown";
}

const char *vendor_name(enum vendor v)
{
	return v < NR_VENDORS ? vendor_info[v].display : "?";
}
