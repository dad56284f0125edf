// SPDX-License-Identifier: MIT
/* /dev/kvm, VMs, vCPUs and running them (see kvm_util.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "cli_parse.h"
#include "escape.h"
#include "kvm_util.h"
#include "signals.h"
#include "test_assert.h"
#include "vm_setup.h"
#include "x86.h"

struct kvm_stats kvm_stats;

static const struct {
	const char *name;
	int cap;
} cap_table[NR_CAPS] = {
	[CAP_ONE_REG] = { "ONE_REG", KVM_CAP_ONE_REG },
	[CAP_X86_USER_SPACE_MSR] = { "X86_USER_SPACE_MSR",
				     KVM_CAP_X86_USER_SPACE_MSR },
	[CAP_X86_MSR_FILTER] = { "X86_MSR_FILTER", KVM_CAP_X86_MSR_FILTER },
	[CAP_SPLIT_IRQCHIP] = { "SPLIT_IRQCHIP", KVM_CAP_SPLIT_IRQCHIP },
};

const char *kvm_cap_name(enum kvm_cap_id cap)
{
	return cap_table[cap].name;
}

/* An MSR index list ioctl; *n indices, the caller frees. */
static uint32_t *get_msr_list(int fd, unsigned long cmd, const char *name,
			      unsigned int *n)
{
	struct kvm_msr_list probe = { .nmsrs = 0 };
	struct kvm_msr_list *list;
	uint32_t *out;
	int r;

	/* With nmsrs too small KVM fails with E2BIG and reports the size. */
	r = ioctl(fd, cmd, &probe);
	TEST_ASSERT(r == 0 || errno == E2BIG, "%s failed", name);
	list = xzalloc(sizeof(*list) + probe.nmsrs * sizeof(list->indices[0]));
	list->nmsrs = probe.nmsrs;
	r = ioctl(fd, cmd, list);
	TEST_ASSERT_IOCTL(r, name);
	out = xzalloc(list->nmsrs * sizeof(uint32_t) + 1);
	memcpy(out, list->indices, list->nmsrs * sizeof(uint32_t));
	*n = list->nmsrs;
	free(list);
	return out;
}

const char *kvm_device_from_env(char *why, size_t len)
{
	const char *dev = getenv("MSRCHECK_KVM_DEVICE");

	if (dev && !*dev) {
		snprintf(why, len, "MSRCHECK_KVM_DEVICE: empty path");
		return NULL;
	}
	return dev ? dev : KVM_DEFAULT_DEVICE;
}

int kvm_test_api_version(int *version, char *why, size_t len)
{
	const char *s = getenv("MSRCHECK_TEST_API_VERSION");
	unsigned long v;
	char msg[128];

	*version = -1;
	if (!s)
		return 0;
	if (!parse_decimal(s, 0, KVM_TEST_API_VERSION_MAX, &v, msg,
			   sizeof(msg))) {
		snprintf(why, len, "MSRCHECK_TEST_API_VERSION: %s", msg);
		return -1;
	}
	*version = v;
	return 0;
}

enum kvm_open_status kvm_host_open(struct kvm_host *h, const char *device,
				   uint32_t hidden_caps, char *why,
				   size_t why_len)
{
	/* The device is echoed in messages: control characters escaped. */
	char dev[256];
	int test_version;
	unsigned int i;

	memset(h, 0, sizeof(*h));
	h->device = device;
	h->fd = -1;
	text_escape(device, dev, sizeof(dev));
	if (kvm_test_api_version(&test_version, why, why_len))
		return KVM_OPEN_ERROR;
	h->fd = open(device, O_RDWR | O_CLOEXEC);
	if (h->fd < 0) {
		int err = errno;

		snprintf(why, why_len, "cannot open %s: %s", dev,
			 strerror(err));
		if (err == ENOENT || err == EACCES || err == EPERM ||
		    err == ENXIO || err == ENODEV)
			return KVM_OPEN_SKIP;
		return KVM_OPEN_ERROR;
	}

	h->api_version = ioctl(h->fd, KVM_GET_API_VERSION, 0);
	if (test_version >= 0)
		h->api_version = test_version;
	if (h->api_version < 0) {
		snprintf(why, why_len, "%s is not a KVM device: "
			 "KVM_GET_API_VERSION failed: %s", dev,
			 strerror(errno));
		goto error;
	}
	if (h->api_version != KVM_API_VERSION) {
		snprintf(why, why_len, "%s speaks KVM API version %d, "
			 "msrcheck needs %d", dev, h->api_version,
			 KVM_API_VERSION);
		goto error;
	}

	for (i = 0; i < NR_CAPS; i++) {
		h->caps[i] = !(hidden_caps & (1u << i)) &&
			     ioctl(h->fd, KVM_CHECK_EXTENSION,
				   cap_table[i].cap) > 0;
	}
	for (i = VM_CAP_NONE + 1; i < NR_VM_CAPS; i++) {
		h->vm_caps[i] = !(hidden_caps & HIDDEN_VM_CAP(i)) &&
				ioctl(h->fd, KVM_CHECK_EXTENSION,
				      msr_vm_caps[i].cap) > 0;
	}

	h->supported_cpuid = kvm_get_supported_cpuid(h->fd);
	h->vendor = cpuid2_vendor(h->supported_cpuid);

	h->msr_list = get_msr_list(h->fd, KVM_GET_MSR_INDEX_LIST,
				   "KVM_GET_MSR_INDEX_LIST", &h->nr_msrs);
	if (ioctl(h->fd, KVM_CHECK_EXTENSION, KVM_CAP_GET_MSR_FEATURES) > 0)
		h->feature_msrs = get_msr_list(h->fd,
					       KVM_GET_MSR_FEATURE_INDEX_LIST,
					       "KVM_GET_MSR_FEATURE_INDEX_LIST",
					       &h->nr_feature_msrs);
	h->has_mce = ioctl(h->fd, KVM_CHECK_EXTENSION, KVM_CAP_MCE) > 0;
	if (h->has_mce)
		TEST_ASSERT_IOCTL(ioctl(h->fd, KVM_X86_GET_MCE_CAP_SUPPORTED,
					&h->mce_cap),
				  "KVM_X86_GET_MCE_CAP_SUPPORTED");
	h->has_enforce_pv = ioctl(h->fd, KVM_CHECK_EXTENSION,
				  KVM_CAP_ENFORCE_PV_FEATURE_CPUID) > 0;
	h->la57 = cpuid2_has_la57(h->supported_cpuid);
	h->features = kvm_host_features(h);
	h->ignore_msrs = kvm_ignore_msrs();
	h->force_emulation = kvm_force_emulation_prefix();
	h->flavour = kvm_flavour();
	return KVM_OPEN_OK;

error:
	close(h->fd);
	h->fd = -1;
	return KVM_OPEN_ERROR;
}

void kvm_host_close(struct kvm_host *h)
{
	if (h->fd >= 0)
		close(h->fd);
	free(h->supported_cpuid);
	free(h->msr_list);
	free(h->feature_msrs);
	h->fd = -1;
	h->supported_cpuid = NULL;
	h->msr_list = NULL;
	h->feature_msrs = NULL;
}

bool msr_list_has(const uint32_t *list, unsigned int n, uint32_t index)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (list[i] == index)
			return true;
	}
	return false;
}

bool kvm_host_lists_msr(const struct kvm_host *h, uint32_t index)
{
	return msr_list_has(h->msr_list, h->nr_msrs, index);
}

bool kvm_host_lists_feature_msr(const struct kvm_host *h, uint32_t index)
{
	return msr_list_has(h->feature_msrs, h->nr_feature_msrs, index);
}

int kvm_get_feature_msr(const struct kvm_host *h, uint32_t index,
			uint64_t *val)
{
	struct {
		struct kvm_msrs hdr;
		struct kvm_msr_entry entry;
	} buf = { .hdr.nmsrs = 1, .entry.index = index };
	int r;

	*val = 0;
	r = ioctl(h->fd, KVM_GET_MSRS, &buf);
	if (r < 0)
		return -errno;
	if (r != 1)
		return -EIO;
	*val = buf.entry.data;
	return 0;
}

int __vm_ioctl(struct kvm_vm *vm, unsigned long cmd, void *arg)
{
	return ioctl(vm->fd, cmd, arg);
}

int __vm_enable_cap(struct kvm_vm *vm, uint32_t cap, uint64_t arg0)
{
	struct kvm_enable_cap c = { .cap = cap, .args[0] = arg0 };

	return __vm_ioctl(vm, KVM_ENABLE_CAP, &c) < 0 ? -errno : 0;
}

int __vcpu_ioctl(struct kvm_vcpu *vcpu, unsigned long cmd, void *arg)
{
	return ioctl(vcpu->fd, cmd, arg);
}

struct kvm_vm *vm_create(struct kvm_host *h)
{
	struct kvm_vm *vm = xzalloc(sizeof(*vm));
	struct kvm_userspace_memory_region region;
	int r;

	vm->host = h;
	vm->fd = ioctl(h->fd, KVM_CREATE_VM, 0);
	TEST_ASSERT_IOCTL(vm->fd, "KVM_CREATE_VM");

	vm->mem = mmap(NULL, GUEST_MEM_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	TEST_ASSERT(vm->mem != MAP_FAILED, "mmap of guest memory failed");

	region = (struct kvm_userspace_memory_region){
		.slot = 0,
		.guest_phys_addr = 0,
		.memory_size = GUEST_MEM_SIZE,
		.userspace_addr = (uintptr_t)vm->mem,
	};
	r = ioctl(vm->fd, KVM_SET_USER_MEMORY_REGION, &region);
	TEST_ASSERT_IOCTL(r, "KVM_SET_USER_MEMORY_REGION");

	vm_setup_memory(vm);
	kvm_stats.vms++;
	return vm;
}

struct kvm_vcpu *vm_add_vcpu(struct kvm_vm *vm,
			     const struct kvm_cpuid2 *cpuid)
{
	return vm_add_vcpu_id(vm, vm->nr_vcpus, cpuid);
}

struct kvm_vcpu *vm_add_vcpu_id(struct kvm_vm *vm, unsigned int id,
				const struct kvm_cpuid2 *cpuid)
{
	struct kvm_vcpu *vcpu = xzalloc(sizeof(*vcpu));
	int mmap_size, r;

	TEST_ASSERT(id < GUEST_MAX_VCPUS && !vm->vcpus[id],
		    "vCPU %u: out of range or taken", id);
	vcpu->vm = vm;
	vcpu->id = id;
	vcpu->fd = ioctl(vm->fd, KVM_CREATE_VCPU, vcpu->id);
	TEST_ASSERT_IOCTL(vcpu->fd, "KVM_CREATE_VCPU");

	mmap_size = ioctl(vm->host->fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	TEST_ASSERT_IOCTL(mmap_size, "KVM_GET_VCPU_MMAP_SIZE");
	vcpu->run_size = mmap_size;
	vcpu->run = mmap(NULL, mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			 vcpu->fd, 0);
	TEST_ASSERT(vcpu->run != MAP_FAILED, "mmap of kvm_run failed");

	/* KVM's ABI: CPUID is immutable once the vCPU has run. */
	vcpu->cpuid = cpuid_dup(cpuid);
	vcpu->features = cpuid2_features(cpuid);
	r = ioctl(vcpu->fd, KVM_SET_CPUID2, vcpu->cpuid);
	TEST_ASSERT_IOCTL(r, "KVM_SET_CPUID2");
	vcpu->applied = vcpu_get_cpuid(vcpu);
	vcpu->applied_features = cpuid2_features(vcpu->applied);

	vcpu_setup_long_mode(vcpu);
	vm->vcpus[id] = vcpu;
	if (id >= vm->nr_vcpus)
		vm->nr_vcpus = id + 1;
	kvm_stats.vcpus++;
	return vcpu;
}

void kvm_vm_free(struct kvm_vm *vm)
{
	unsigned int i;

	if (!vm)
		return;
	for (i = 0; i < vm->nr_vcpus; i++) {
		struct kvm_vcpu *vcpu = vm->vcpus[i];

		if (!vcpu)
			continue;
		munmap(vcpu->run, vcpu->run_size);
		close(vcpu->fd);
		free(vcpu->cpuid);
		free(vcpu->applied);
		free(vcpu);
	}
	munmap(vm->mem, GUEST_MEM_SIZE);
	close(vm->fd);
	free(vm);
}

int __vcpu_get_regs(struct kvm_vcpu *vcpu, struct kvm_regs *regs)
{
	return ioctl(vcpu->fd, KVM_GET_REGS, regs) < 0 ? -errno : 0;
}

void vcpu_describe_regs(struct kvm_vcpu *vcpu, char *buf, size_t len)
{
	struct kvm_regs r;
	struct kvm_sregs s;
	size_t n = strlen(buf);

	if (ioctl(vcpu->fd, KVM_GET_REGS, &r) < 0 ||
	    ioctl(vcpu->fd, KVM_GET_SREGS, &s) < 0) {
		snprintf(buf + n, len - n, " (registers unavailable: %s)",
			 strerror(errno));
		return;
	}
	snprintf(buf + n, len - n,
		 " RIP=0x%llx RSP=0x%llx RFLAGS=0x%llx"
		 " RAX=0x%llx RBX=0x%llx RCX=0x%llx RDX=0x%llx"
		 " RSI=0x%llx RDI=0x%llx R10=0x%llx R11=0x%llx"
		 " CR0=0x%llx CR2=0x%llx CR3=0x%llx CR4=0x%llx EFER=0x%llx",
		 r.rip, r.rsp, r.rflags, r.rax, r.rbx, r.rcx, r.rdx, r.rsi,
		 r.rdi, r.r10, r.r11, s.cr0, s.cr2, s.cr3, s.cr4, s.efer);
}

/*
 * The watchdog: a periodic SIGALRM tick while the vCPU runs.  The signal
 * makes KVM_RUN return EINTR, and the loop gives up once the deadline has
 * passed.  Periodic rather than one-shot so a tick that lands just before
 * KVM_RUN starts cannot be lost.
 */
static void watchdog_tick(int sig)
{
	(void)sig;
}

static timer_t watchdog_timer(void)
{
	static timer_t timer;
	static bool ready;
	struct sigaction sa = { .sa_handler = watchdog_tick };
	struct sigevent sev = {
		.sigev_notify = SIGEV_SIGNAL,
		.sigev_signo = SIGALRM,
	};

	if (ready)
		return timer;
	/* No SA_RESTART: KVM_RUN must come back with EINTR. */
	sigemptyset(&sa.sa_mask);
	TEST_ASSERT(sigaction(SIGALRM, &sa, NULL) == 0, "sigaction failed");
	TEST_ASSERT(timer_create(CLOCK_MONOTONIC, &sev, &timer) == 0,
		    "timer_create failed");
	ready = true;
	return timer;
}

static void watchdog_arm(bool on)
{
	struct itimerspec its = { 0 };

	if (on) {
		its.it_value.tv_nsec = 50 * 1000 * 1000;
		its.it_interval.tv_nsec = 50 * 1000 * 1000;
	}
	TEST_ASSERT(timer_settime(watchdog_timer(), 0, &its, NULL) == 0,
		    "timer_settime failed");
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *exit_name(uint32_t reason)
{
	switch (reason) {
	case KVM_EXIT_SHUTDOWN:
		return "KVM_EXIT_SHUTDOWN (triple fault)";
	case KVM_EXIT_INTERNAL_ERROR:
		return "KVM_EXIT_INTERNAL_ERROR";
	case KVM_EXIT_HLT:
		return "KVM_EXIT_HLT";
	case KVM_EXIT_MMIO:
		return "KVM_EXIT_MMIO";
	case KVM_EXIT_IO:
		return "KVM_EXIT_IO";
	case KVM_EXIT_FAIL_ENTRY:
		return "KVM_EXIT_FAIL_ENTRY";
	case KVM_EXIT_X86_RDMSR:
		return "KVM_EXIT_X86_RDMSR";
	case KVM_EXIT_X86_WRMSR:
		return "KVM_EXIT_X86_WRMSR";
	default:
		return "unknown exit";
	}
}

static void describe_exit(struct kvm_vcpu *vcpu, struct run_result *res)
{
	struct kvm_run *run = vcpu->run;
	int n;

	n = snprintf(res->what, sizeof(res->what), "vCPU %u: %s (%u)",
		     vcpu->id, exit_name(run->exit_reason), run->exit_reason);
	switch (run->exit_reason) {
	case KVM_EXIT_IO:
		n += snprintf(res->what + n, sizeof(res->what) - n,
			      " port 0x%x %s size %u",
			      run->io.port,
			      run->io.direction == KVM_EXIT_IO_OUT ? "out" :
								    "in",
			      run->io.size);
		break;
	case KVM_EXIT_MMIO:
		n += snprintf(res->what + n, sizeof(res->what) - n,
			      " addr 0x%llx", run->mmio.phys_addr);
		break;
	case KVM_EXIT_INTERNAL_ERROR:
		n += snprintf(res->what + n, sizeof(res->what) - n,
			      " suberror %u", run->internal.suberror);
		break;
	case KVM_EXIT_FAIL_ENTRY:
		n += snprintf(res->what + n, sizeof(res->what) - n,
			      " reason 0x%llx",
			      run->fail_entry.hardware_entry_failure_reason);
		break;
	case KVM_EXIT_X86_RDMSR:
	case KVM_EXIT_X86_WRMSR:
		n += snprintf(res->what + n, sizeof(res->what) - n,
			      " MSR 0x%x with no handler", run->msr.index);
		break;
	}
	vcpu_describe_regs(vcpu, res->what, sizeof(res->what));
}

static bool is_ucall(struct kvm_vcpu *vcpu)
{
	struct kvm_run *run = vcpu->run;
	uint32_t val;

	if (run->exit_reason != KVM_EXIT_IO ||
	    run->io.port != GUEST_UCALL_PORT ||
	    run->io.direction != KVM_EXIT_IO_OUT || run->io.size != 4 ||
	    run->io.count != 1)
		return false;
	memcpy(&val, (char *)run + run->io.data_offset, sizeof(val));
	/* The guest sends its vCPU index: a mismatch is a broken guest. */
	return val == vcpu->id;
}

void vcpu_run(struct kvm_vcpu *vcpu, unsigned int timeout_ms,
	      struct run_result *res)
{
	uint64_t deadline = now_ms() + timeout_ms;
	struct kvm_run *run = vcpu->run;

	memset(res, 0, sizeof(*res));
	watchdog_arm(true);
	for (;;) {
		int r;

		/*
		 * SIGINT/SIGTERM end the run here: the signal made KVM_RUN
		 * return EINTR, or came before it (then the watchdog's next
		 * tick brings KVM_RUN back within 50 ms).
		 */
		signals_check();
		r = ioctl(vcpu->fd, KVM_RUN, NULL);

		kvm_stats.kvm_runs++;
		res->kvm_runs++;
		if (r < 0 && errno != EINTR && errno != EAGAIN) {
			watchdog_arm(false);
			TEST_ASSERT_IOCTL(r, "KVM_RUN");
		}
		kvm_stats.exits++;
		if (r < 0 || run->exit_reason == KVM_EXIT_INTR) {
			if (now_ms() < deadline)
				continue;
			res->status = RUN_HANG;
			snprintf(res->what, sizeof(res->what),
				 "vCPU %u: no progress after %u ms (hung guest?)",
				 vcpu->id, timeout_ms);
			vcpu_describe_regs(vcpu, res->what, sizeof(res->what));
			break;
		}
		if ((run->exit_reason == KVM_EXIT_X86_RDMSR ||
		     run->exit_reason == KVM_EXIT_X86_WRMSR) &&
		    vcpu->vm->msr_exit) {
			vcpu->vm->msr_exit(vcpu, run, vcpu->vm->msr_exit_opaque);
			continue;
		}
		if (is_ucall(vcpu)) {
			res->status = RUN_UCALL;
			res->ucall = vcpu_mailbox(vcpu)->ucall;
			break;
		}
		res->status = RUN_BAD_EXIT;
		describe_exit(vcpu, res);
		break;
	}
	watchdog_arm(false);
}
