/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_minimal/deviations.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "deviations.h"
#include "msr_table.h"

/* No deviations: one zeroed element keeps the array valid C11. */
const struct deviation deviations[] = {
	{ .flavour = NULL },
};

const unsigned int nr_deviations = 0;
