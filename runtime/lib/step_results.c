// SPDX-License-Identifier: MIT
/*
 * Results of steps, in the selftests' message style: the operation spelled
 * as the instruction or ioctl, the index in hex, want before got.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "step_results.h"
#include "x86.h"

const char *vector_name(unsigned int vector, char *buf, size_t len)
{
	static const char *const names[32] = {
		[0] = "#DE", [1] = "#DB", [3] = "#BP", [6] = "#UD",
		[8] = "#DF", [13] = "#GP", [14] = "#PF", [17] = "#AC",
		[18] = "#MC", [21] = "#CP",
	};

	if (!vector)
		return "no fault";
	if (vector < 32 && names[vector])
		return names[vector];
	snprintf(buf, len, "vector %u", vector);
	return buf;
}

/* The entry's features from index `from` on that `have` has, joined by sep. */
static void feature_list(const struct msr_entry *e, feature_mask_t have,
			 unsigned int from, const char *sep, char *buf,
			 size_t len)
{
	unsigned int i;
	int n = 0;

	buf[0] = '\0';
	for (i = from; i < e->nr_features; i++) {
		if (have & FEATURE_BIT(e->features[i]))
			n += snprintf(buf + n, len - n, "%s%s", n ? sep : "",
				      msr_features[e->features[i]].name);
	}
}

void skip_reason_text(enum skip_reason why, const struct msr_entry *e,
		      const struct rules_ctx *c, char *buf, size_t len)
{
	const char *primary = msr_features[e->features[0]].name;
	char feats[64];

	switch (why) {
	case SKIP_IGNORE_MSRS:
		snprintf(buf, len, "kvm.ignore_msrs=Y: KVM answers unsupported "
			 "MSRs instead of raising #GP");
		break;
	case SKIP_SECONDARY:
		feature_list(e, c->vcpu, 1, "+", feats, sizeof(feats));
		snprintf(buf, len, "the vCPU has %s, so the MSR exists without "
			 "%s", feats, primary);
		break;
	case SKIP_KVM_LACKS_PRIMARY:
		snprintf(buf, len, "KVM does not support %s (primary feature); "
			 "host checks need it", primary);
		break;
	case SKIP_HOST_DID_NOT_WRITE:
		snprintf(buf, len, "the host wrote nothing: KVM does not "
			 "support %s", primary);
		break;
	case SKIP_SAVE_LIST_EXEMPT:
		snprintf(buf, len, "%s", e->save_list_exempt);
		break;
	case SKIP_NOT_ONE_REG_PASS:
		snprintf(buf, len, "KVM-defined registers are reached only "
			 "through ONE_REG: checked in the one-reg pass");
		break;
	default:
		snprintf(buf, len, "skipped");
		break;
	}
}

/* A skipped step becomes a skipped result, with the reason in words. */
static bool result_skipped(struct check_result *out, enum step_op op,
			   enum skip_reason why, const struct msr_entry *e,
			   const struct rules_ctx *c)
{
	if (op != OP_SKIP)
		return false;
	out->status = RESULT_SKIP;
	skip_reason_text(why, e, c, out->skip_why, sizeof(out->skip_why));
	return true;
}

static const char *reserved_what(const struct msr_entry *e, int i)
{
	if (i < 0)
		return "";
	switch (e->reserved[i].origin) {
	case RESERVED_NONCANONICAL:
		return "non-canonical ";
	case RESERVED_BITS:
		return "reserved-bits ";
	default:
		return "reserved ";
	}
}

void guest_result_describe(const struct msr_entry *e,
			   const struct rules_ctx *c,
			   const struct guest_result *g,
			   struct check_result *out)
{
	char w[16], v[16];

	out->check = g->check;
	out->status = g->status;
	if (result_skipped(out, g->op, g->skip, e, c))
		return;

	if (g->op == OP_RDMSR && !g->want_vector && !g->got_vector) {
		out->comparable = true;
		out->want = g->want;
		out->got = g->got;
		snprintf(out->detail, sizeof(out->detail),
			 "RDMSR(0x%x): wanted 0x%016llx, got 0x%016llx",
			 e->index, (unsigned long long)g->want,
			 (unsigned long long)g->got);
		return;
	}

	if (g->op == OP_RDMSR && !g->want_vector) {
		/* A value was wanted, a fault came: nothing to compare. */
		snprintf(out->detail, sizeof(out->detail),
			 "RDMSR(0x%x): wanted 0x%016llx, got %s", e->index,
			 (unsigned long long)g->want,
			 vector_name(g->got_vector, v, sizeof(v)));
		return;
	}

	/* Everything else compares vectors. */
	out->comparable = true;
	out->want = g->want_vector;
	out->got = g->got_vector;
	if (g->op == OP_RDMSR)
		snprintf(out->detail, sizeof(out->detail),
			 "RDMSR(0x%x): wanted %s, got %s%s", e->index,
			 vector_name(g->want_vector, w, sizeof(w)),
			 vector_name(g->got_vector, v, sizeof(v)),
			 g->got_vector ? "" : " (the MSR was readable)");
	else
		snprintf(out->detail, sizeof(out->detail),
			 "WRMSR(0x%x, %s0x%016llx): wanted %s, got %s",
			 e->index, reserved_what(e, g->reserved),
			 (unsigned long long)g->value,
			 vector_name(g->want_vector, w, sizeof(w)),
			 vector_name(g->got_vector, v, sizeof(v)));
}

static const char *errno_name(int err, char *buf, size_t len)
{
	switch (err) {
	case 0:
		return "success";
	case EINVAL:
		return "EINVAL";
	case EPERM:
		return "EPERM";
	case ENOENT:
		return "ENOENT";
	case EFAULT:
		return "EFAULT";
	case E2BIG:
		return "E2BIG";
	case EIO:
		return "no MSR processed";
	default:
		snprintf(buf, len, "errno %d", err);
		return buf;
	}
}

/* A read that must succeed with s->want. */
static void host_read(struct check_result *out, const struct step *s,
		      const char *what, int r, uint64_t val)
{
	char eb[16];

	if (r) {
		snprintf(out->detail, sizeof(out->detail),
			 "%s: wanted 0x%016llx, got %s", what,
			 (unsigned long long)s->want,
			 errno_name(-r, eb, sizeof(eb)));
		out->status = RESULT_FAIL;
		return;
	}
	out->comparable = true;
	out->want = s->want;
	out->got = val;
	out->status = val == s->want ? RESULT_PASS : RESULT_FAIL;
	snprintf(out->detail, sizeof(out->detail),
		 "%s: wanted 0x%016llx, got 0x%016llx", what,
		 (unsigned long long)s->want, (unsigned long long)val);
}

/*
 * An access whose wanted result is an errno: want_fault 0 (success), an
 * errno, or -1 (any failure).  want/got are the errnos; "any failure"
 * compares as want 1, got 0 or 1.
 */
static void host_errno(struct check_result *out, const struct step *s,
		       const char *what, int r)
{
	int err = -r;
	char wb[16], gb[16];

	out->comparable = true;
	if (s->want_fault < 0) {
		out->want = 1;
		out->got = err != 0;
		out->status = err ? RESULT_PASS : RESULT_FAIL;
		snprintf(out->detail, sizeof(out->detail),
			 "%s: wanted failure, got %s", what,
			 errno_name(err, gb, sizeof(gb)));
		return;
	}
	out->want = s->want_fault;
	out->got = err;
	out->status = err == s->want_fault ? RESULT_PASS : RESULT_FAIL;
	snprintf(out->detail, sizeof(out->detail), "%s: wanted %s, got %s",
		 what, errno_name(s->want_fault, wb, sizeof(wb)),
		 errno_name(err, gb, sizeof(gb)));
}

/* Performs the step's ioctl; a = what it returned. */
static void host_access_do(struct kvm_vcpu *vcpu, const struct rules_ctx *c,
			   const struct step *s, struct host_access *a)
{
	uint32_t index = a->e->index;

	a->value = s->value;
	switch (s->op) {
	case OP_HOST_GET:
		a->ret = __vcpu_get_msr(vcpu, index, &a->value);
		break;
	case OP_HOST_GET_REG:
		a->ret = __vcpu_get_reg(vcpu, KVM_X86_REG_MSR(index), &a->value);
		break;
	case OP_HOST_SET:
		if (c->use_one_reg)
			a->ret = __vcpu_set_reg(vcpu, KVM_X86_REG_MSR(index),
						s->value);
		else
			a->ret = __vcpu_set_msr(vcpu, index, s->value);
		break;
	case OP_REG_LIST:
		a->ret = vcpu_reg_listed(vcpu, KVM_X86_REG_KVM(index));
		break;
	case OP_REG_GET:
		a->ret = __vcpu_get_reg(vcpu, KVM_X86_REG_KVM(index), &a->value);
		break;
	case OP_REG_SET:
		a->ret = __vcpu_set_reg(vcpu, KVM_X86_REG_KVM(index), s->value);
		break;
	default:
		a->ret = -EINVAL;
		break;
	}
}

void host_step_run(struct kvm_vcpu *vcpu, const struct msr_entry *e,
		   const struct rules_ctx *c, const struct step *s,
		   struct check_result *out, host_access_fn lie, void *opaque)
{
	struct host_access a = { .op = s->op, .e = e, .vcpu = vcpu->id };
	char what[96];

	out->check = s->check;
	if (result_skipped(out, s->op, s->skip, e, c))
		return;

	host_access_do(vcpu, c, s, &a);
	if (lie)
		lie(&a, opaque);

	switch (s->op) {
	case OP_HOST_GET:
		snprintf(what, sizeof(what), "KVM_GET_MSRS(0x%x)", e->index);
		host_read(out, s, what, a.ret, a.value);
		break;
	case OP_HOST_GET_REG:
		snprintf(what, sizeof(what), "KVM_GET_ONE_REG(MSR 0x%x)",
			 e->index);
		host_read(out, s, what, a.ret, a.value);
		break;
	case OP_HOST_SET:
		snprintf(what, sizeof(what), "%s(%s0x%x, 0x%016llx)",
			 c->use_one_reg ? "KVM_SET_ONE_REG" : "KVM_SET_MSRS",
			 c->use_one_reg ? "MSR " : "", e->index,
			 (unsigned long long)s->value);
		host_errno(out, s, what, a.ret);
		break;
	case OP_REG_LIST:
		out->comparable = true;
		out->want = s->want;
		out->got = a.ret;
		out->status = !!a.ret == !!s->want ? RESULT_PASS : RESULT_FAIL;
		snprintf(out->detail, sizeof(out->detail),
			 "KVM_GET_REG_LIST: wanted KVM reg 0x%x %s, got %s",
			 e->index, s->want ? "listed" : "not listed",
			 a.ret ? "listed" : "not listed");
		break;
	case OP_REG_GET:
		snprintf(what, sizeof(what), "KVM_GET_ONE_REG(KVM reg 0x%x)",
			 e->index);
		if (s->want_fault)
			host_errno(out, s, what, a.ret);
		else
			host_read(out, s, what, a.ret, a.value);
		break;
	case OP_REG_SET:
		snprintf(what, sizeof(what),
			 "KVM_SET_ONE_REG(KVM reg 0x%x, 0x%016llx)", e->index,
			 (unsigned long long)s->value);
		host_errno(out, s, what, a.ret);
		break;
	default:
		snprintf(out->detail, sizeof(out->detail),
			 "guest step given to the host");
		out->status = RESULT_FAIL;
		break;
	}
}

void save_list_run(const struct kvm_host *h, const struct msr_entry *e,
		   const struct step *s, struct check_result *out)
{
	char feats[64];
	bool got;

	out->check = s->check;
	if (result_skipped(out, s->op, s->skip, e, NULL))
		return;
	feature_list(e, ~(feature_mask_t)0, 0, "/", feats, sizeof(feats));
	got = kvm_host_lists_msr(h, e->index);
	out->comparable = true;
	out->want = s->want;
	out->got = got;
	out->status = !!s->want == got ? RESULT_PASS : RESULT_FAIL;
	snprintf(out->detail, sizeof(out->detail),
		 "KVM_GET_MSR_INDEX_LIST: wanted %s (KVM %s %s%s), got %s",
		 s->want ? "listed" : "not listed",
		 s->want ? "supports" : "lacks",
		 e->nr_features > 1 ? (s->want ? "one of " : "all of ") : "",
		 feats, got ? "listed" : "not listed");
}
