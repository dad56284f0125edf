/* SPDX-License-Identifier: MIT */
/* Check kinds (see checks.def), shared by host and guest. */
#ifndef MSRCHECK_CHECKS_H
#define MSRCHECK_CHECKS_H

enum check_id {
#define CHECK(id, name, doc) CHECK_##id,
#include "checks.def"
#undef CHECK
	NR_CHECKS,
};

#endif
