#!/bin/bash
# SPDX-License-Identifier: MIT
#
# Set up (packages, meson, build) and run msrcheck on a fresh Debian 12
# machine.  Two commands, as the README says:
#
#   ./msrcheck.sh report [msrcheck options]   the suite against this host's
#                                             KVM, with a readable report
#   ./msrcheck.sh test                        every test: ninja -C build test
#
# As root, missing packages are installed with apt-get; otherwise the exact
# install command is printed.  MSRCHECK_BUILD names the build directory
# (default: build), MSRCHECK_MESON_ARGS adds `meson setup` options.
set -euo pipefail

cd "$(dirname "$0")"
build=${MSRCHECK_BUILD:-build}
packages=(gcc libc6-dev linux-libc-dev binutils meson ninja-build python3 python3-jinja2)

usage() {
	echo "usage: $0 report [msrcheck options] | $0 test" >&2
	exit 2
}

missing_packages() {
	local p
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			echo "$p"
	done
}

ensure_packages() {
	local missing
	missing=$(missing_packages | tr '\n' ' ')
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "msrcheck: missing packages: $missing" >&2
		echo "msrcheck: install them with:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
		exit 1
	fi
	echo "msrcheck: installing $missing" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

ensure_build() {
	# meson, not the first python3 on PATH, picks the interpreter: Debian's,
	# which has Jinja2.
	if [ ! -f "$build/build.ninja" ]; then
		# shellcheck disable=SC2086
		meson setup "$build" ${MSRCHECK_MESON_ARGS:-}
	fi
	ninja -C "$build"
}

[ $# -ge 1 ] || usage
cmd=$1
shift
case "$cmd" in
report)
	ensure_packages
	ensure_build
	exec "$build/msrcheck" "$@"
	;;
test)
	[ $# -eq 0 ] || usage
	ensure_packages
	ensure_build
	exec ninja -C "$build" test
	;;
*)
	usage
	;;
esac
