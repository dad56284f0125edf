// SPDX-License-Identifier: MIT
/* Steps and what happened become results (see judge.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "guest_abi.h"
#include "judge.h"

static bool pass_details = true;

void judge_set_pass_details(bool on)
{
	pass_details = on;
}

/* The result needs no text: it passed and passes are not printed. */
static bool quiet(const struct check_result *out)
{
	return out->status == RESULT_PASS && !pass_details;
}

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
static void feature_list(const struct msr_entry *e, struct feature_set have,
			 unsigned int from, const char *sep, char *buf,
			 size_t len)
{
	unsigned int i;
	int n = 0;

	buf[0] = '\0';
	for (i = from; i < e->nr_features && (size_t)n < len; i++) {
		if (fs_has(have, e->features[i]))
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

void judge_skip(const struct msr_entry *e, const struct rules_ctx *c,
		const struct step *s, struct check_result *out)
{
	out->check = s->check;
	out->status = RESULT_SKIP;
	skip_reason_text(s->skip, e, c, out->skip_why, sizeof(out->skip_why));
}

static const char *reserved_what(const struct msr_entry *e, int i,
				 char *buf, size_t len)
{
	if (i < 0 || (unsigned int)i >= e->nr_reserved)
		return "";
	snprintf(buf, len, "%s ",
		 reserved_origin_names[e->reserved[i].origin]);
	return buf;
}

static void judge_guest_op(const struct msr_entry *e, const struct step *s,
			   unsigned int vector, uint64_t got,
			   struct check_result *out);

void judge_guest(const struct msr_entry *e, const struct step *s,
		 unsigned int vector, uint64_t got, struct check_result *out)
{
	char prefix[16];
	int n;

	judge_guest_op(e, s, vector, got, out);
	if (s->bit < 0 || quiet(out))
		return;
	/* A sweep step: its bit first, in the message of every one. */
	n = snprintf(prefix, sizeof(prefix), "bit %d: ", s->bit);
	memmove(out->detail + n, out->detail, sizeof(out->detail) - n);
	out->detail[sizeof(out->detail) - 1] = '\0';
	memcpy(out->detail, prefix, n);
}

static void judge_guest_op(const struct msr_entry *e, const struct step *s,
			   unsigned int vector, uint64_t got,
			   struct check_result *out)
{
	const char *op = s->op == OP_RDMSR ? "RDMSR" : "WRMSR";
	char w[16], v[16], rb[32];
	bool ok;

	out->check = s->check;
	if (vector == GUEST_NOT_RUN) {
		out->status = RESULT_FAIL;
		snprintf(out->detail, sizeof(out->detail),
			 "%s(0x%x): the guest's plan ended without running it",
			 op, e->index);
		return;
	}

	if (s->op == OP_RDMSR && !s->want_fault && !vector) {
		out->comparable = true;
		out->want = s->want;
		out->got = got;
		out->status = got == s->want ? RESULT_PASS : RESULT_FAIL;
		if (quiet(out))
			return;
		snprintf(out->detail, sizeof(out->detail),
			 "RDMSR(0x%x): wanted 0x%016llx, got 0x%016llx",
			 e->index, (unsigned long long)s->want,
			 (unsigned long long)got);
		return;
	}

	if (s->op == OP_RDMSR && !s->want_fault) {
		/* A value was wanted, a fault came: got is the vector. */
		out->status = RESULT_FAIL;
		out->comparable = true;
		out->got_fault = true;
		out->want = s->want;
		out->got = vector;
		snprintf(out->detail, sizeof(out->detail),
			 "RDMSR(0x%x): wanted 0x%016llx, got %s", e->index,
			 (unsigned long long)s->want,
			 vector_name(vector, v, sizeof(v)));
		return;
	}

	/* Everything else compares vectors. */
	ok = vector == (unsigned int)s->want_fault;
	out->comparable = true;
	out->want = s->want_fault;
	out->got = vector;
	out->status = ok ? RESULT_PASS : RESULT_FAIL;
	if (quiet(out))
		return;
	if (s->op == OP_RDMSR)
		snprintf(out->detail, sizeof(out->detail),
			 "RDMSR(0x%x): wanted %s, got %s%s", e->index,
			 vector_name(s->want_fault, w, sizeof(w)),
			 vector_name(vector, v, sizeof(v)),
			 vector ? "" : " (the MSR was readable)");
	else
		snprintf(out->detail, sizeof(out->detail),
			 "WRMSR(0x%x, %s0x%016llx): wanted %s, got %s",
			 e->index, reserved_what(e, s->reserved, rb, sizeof(rb)),
			 (unsigned long long)s->value,
			 vector_name(s->want_fault, w, sizeof(w)),
			 vector_name(vector, v, sizeof(v)));
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

/* The ioctl a host step made, in words: "KVM_GET_MSRS(0x277)". */
static const char *host_what(const struct msr_entry *e, const struct step *s,
			     char *what, size_t len)
{
	switch (s->op) {
	case OP_HOST_GET:
		snprintf(what, len, "KVM_GET_MSRS(0x%x)", e->index);
		break;
	case OP_HOST_GET_REG:
		snprintf(what, len, "KVM_GET_ONE_REG(MSR 0x%x)", e->index);
		break;
	case OP_HOST_SET:
		snprintf(what, len, "KVM_SET_MSRS(0x%x, 0x%016llx)", e->index,
			 (unsigned long long)s->value);
		break;
	case OP_HOST_SET_REG:
		snprintf(what, len, "KVM_SET_ONE_REG(MSR 0x%x, 0x%016llx)",
			 e->index, (unsigned long long)s->value);
		break;
	case OP_REG_GET:
		snprintf(what, len, "KVM_GET_ONE_REG(KVM reg 0x%x)", e->index);
		break;
	default:
		snprintf(what, len, "KVM_SET_ONE_REG(KVM reg 0x%x, 0x%016llx)",
			 e->index, (unsigned long long)s->value);
		break;
	}
	return what;
}

/* A read that must succeed with s->want. */
static void host_read(struct check_result *out, const struct msr_entry *e,
		      const struct step *s, int r, uint64_t val)
{
	char eb[16], what[96];

	if (r) {
		/* A value was wanted, the ioctl failed: got is the errno. */
		out->comparable = true;
		out->got_fault = true;
		out->want = s->want;
		out->got = -r;
		out->status = RESULT_FAIL;
		snprintf(out->detail, sizeof(out->detail),
			 "%s: wanted 0x%016llx, got %s",
			 host_what(e, s, what, sizeof(what)),
			 (unsigned long long)s->want,
			 errno_name(-r, eb, sizeof(eb)));
		return;
	}
	out->comparable = true;
	out->want = s->want;
	out->got = val;
	out->status = val == s->want ? RESULT_PASS : RESULT_FAIL;
	if (quiet(out))
		return;
	snprintf(out->detail, sizeof(out->detail),
		 "%s: wanted 0x%016llx, got 0x%016llx",
		 host_what(e, s, what, sizeof(what)),
		 (unsigned long long)s->want, (unsigned long long)val);
}

/*
 * An access whose wanted result is an errno: want_fault 0 (success), an
 * errno, or -1 (any failure).  want/got are the errnos; "any failure"
 * compares as want 1, got 0 or 1.
 */
static void host_errno(struct check_result *out, const struct msr_entry *e,
		       const struct step *s, int r)
{
	int err = -r;
	char wb[16], gb[16], what[96];

	out->comparable = true;
	if (s->want_fault < 0) {
		out->want = 1;
		out->got = err != 0;
		out->status = err ? RESULT_PASS : RESULT_FAIL;
		if (quiet(out))
			return;
		snprintf(out->detail, sizeof(out->detail),
			 "%s: wanted failure, got %s",
			 host_what(e, s, what, sizeof(what)),
			 errno_name(err, gb, sizeof(gb)));
		return;
	}
	out->want = s->want_fault;
	out->got = err;
	out->status = err == s->want_fault ? RESULT_PASS : RESULT_FAIL;
	if (quiet(out))
		return;
	snprintf(out->detail, sizeof(out->detail), "%s: wanted %s, got %s",
		 host_what(e, s, what, sizeof(what)),
		 errno_name(s->want_fault, wb, sizeof(wb)),
		 errno_name(err, gb, sizeof(gb)));
}

void judge_host(const struct msr_entry *e, const struct step *s,
		const struct host_access *a, struct check_result *out)
{
	out->check = s->check;
	switch (s->op) {
	case OP_HOST_GET:
	case OP_HOST_GET_REG:
	case OP_REG_GET:
		if (s->want_fault)
			host_errno(out, e, s, a->ret);
		else
			host_read(out, e, s, a->ret, a->value);
		break;
	case OP_HOST_SET:
	case OP_HOST_SET_REG:
	case OP_REG_SET:
		host_errno(out, e, s, a->ret);
		break;
	case OP_REG_LIST:
		out->comparable = true;
		out->want = s->want;
		out->got = a->ret;
		out->status = !!a->ret == !!s->want ? RESULT_PASS : RESULT_FAIL;
		if (quiet(out))
			break;
		snprintf(out->detail, sizeof(out->detail),
			 "KVM_GET_REG_LIST: wanted KVM reg 0x%x %s, got %s",
			 e->index, s->want ? "listed" : "not listed",
			 a->ret ? "listed" : "not listed");
		break;
	default:
		snprintf(out->detail, sizeof(out->detail),
			 "a guest step given to the host");
		out->status = RESULT_FAIL;
		break;
	}
}

void judge_save_list(const struct msr_entry *e, const struct step *s,
		     bool listed, struct check_result *out)
{
	char feats[64];

	out->check = s->check;
	out->comparable = true;
	out->want = s->want;
	out->got = listed;
	out->status = !!s->want == listed ? RESULT_PASS : RESULT_FAIL;
	if (quiet(out))
		return;
	feature_list(e, fs_all(), 0, "/", feats, sizeof(feats));
	snprintf(out->detail, sizeof(out->detail),
		 "KVM_GET_MSR_INDEX_LIST: wanted %s (KVM %s %s%s), got %s",
		 s->want ? "listed" : "not listed",
		 s->want ? "supports" : "lacks",
		 e->nr_features > 1 ? (s->want ? "one of " : "all of ") : "",
		 feats, listed ? "listed" : "not listed");
}
