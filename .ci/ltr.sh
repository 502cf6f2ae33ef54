#!/usr/bin/env bash
# The whole test suite on the other QGIS long-term release, in a cached Debian chroot (as root).
#
#   .ci/ltr.sh [--build-only] [SUITE]
#       SUITE = trixie (Debian 13, QGIS 3.40) or bookworm (Debian 12, QGIS 3.22); default: trixie, or bookworm when
#       the host itself is Debian 13 (so the two long-term releases are always both covered). --build-only: only
#       build (or check) the cached root.
#   .ci/ltr.sh --exec SUITE CMD…   run CMD (bash -c) in the root's /work/digiresan instead of `make test` (debugging,
#       e.g. `.ci/ltr.sh --exec trixie 'QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/test_x.py'`)
#
# The root is built once with debootstrap under build/ltr/<SUITE>/root (git-ignored) with QGIS, PostgreSQL/PostGIS
# (the distribution's own major version) and the test tools (/opt/venv: --system-site-packages + requirements-test.txt),
# and rebuilt only when the package list, requirements-test.txt or this script's recipe change. Each run copies the
# checkout's files (tracked and untracked-but-not-ignored, never build/ or .venv) into /work/digiresan of the root and
# runs `make test` there with CI=true. Everything runs in a private mount and PID namespace (unshare): /proc, /dev, /sys
# and /tmp mounts and every process started inside (PostgreSQL, Xvfb, QGIS) disappear with it, nothing leaks on
# the host. Environment: LTR_MIRROR (Debian mirror; default: the one apt uses), PYTEST_ARGS (passed to make test).
set -euo pipefail

RECIPE=6  # bump when the way the root is provisioned changes
PACKAGES="qgis python3-qgis qgis-providers gdal-bin python3-numpy postgresql postgresql-postgis \
pyqt5-dev-tools qttools5-dev-tools python3-venv xvfb poppler-utils make e2fsprogs ca-certificates \
python3-pyqt6 python3-pyqt6.qsci python3-pyqt6.qtsvg"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { echo "ltr: $*"; }
die() { echo "ltr: $*" >&2; exit 1; }

host_suite() { (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}"); }

default_suite() { if [ "$(host_suite)" = trixie ]; then echo bookworm; else echo trixie; fi; }

debian_mirror() {  # the Debian mirror apt already uses, else deb.debian.org
  [ -n "${LTR_MIRROR:-}" ] && { echo "$LTR_MIRROR"; return; }
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' \
        | grep -E '/debian/?$' | head -n 1 || true)
  [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' | grep -E '/debian/?$' \
        | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# --- inside the private namespace -----------------------------------------------------------------
mount_root() {  # $1 = root; mounts die with the namespace
  local r=$1
  mount --bind "$r" "$r"  # the root a mount point of its own: a nested unshare inside (a Debian 13 "host") works
  mount -t proc proc "$r/proc"
  mount --rbind /dev "$r/dev"
  mount -t sysfs -o ro sysfs "$r/sys" 2>/dev/null || mount --rbind -o ro /sys "$r/sys"
  mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
  mount -t tmpfs -o mode=0755 tmpfs "$r/run"
  cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
}

in_root() {  # $1 = root, rest: command, with a clean environment
  local r=$1; shift
  chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
    ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} ${no_proxy:+no_proxy=$no_proxy} \
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$@"
}

inside_build() {  # $1 = suite, $2 = new root folder, $3 = mirror
  local suite=$1 r=$2 mirror=$3 t0
  t0=$(date +%s)
  debootstrap --variant=minbase "$suite" "$r" "$mirror" >"$r.debootstrap.log" 2>&1 \
    || { tail -n 30 "$r.debootstrap.log" >&2; die "debootstrap $suite failed (log: $r.debootstrap.log)"; }
  say "debootstrap $suite: $(( $(date +%s) - t0 )) s"
  local security=${mirror%/}-security
  {
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    echo "deb $security $suite-security main"
  } >"$r/etc/apt/sources.list"
  # no daemon starts while installing; no default PostgreSQL cluster; faster dpkg in a throw-away root
  printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d" && chmod 755 "$r/usr/sbin/policy-rc.d"
  mkdir -p "$r/etc/postgresql-common" && echo "create_main_cluster = false" >"$r/etc/postgresql-common/createcluster.conf"
  echo force-unsafe-io >"$r/etc/dpkg/dpkg.cfg.d/unsafe-io"
  mount_root "$r"
  t0=$(date +%s)
  in_root "$r" apt-get -qq update
  # shellcheck disable=SC2086
  in_root "$r" apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold $PACKAGES \
    >"$r.apt.log" 2>&1 || { tail -n 30 "$r.apt.log" >&2; die "apt-get install in the $suite root failed"; }
  in_root "$r" apt-get clean
  # the host's own trust anchors (a site CA, an egress proxy's CA), so pip inside trusts what the host trusts
  if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
    cp /usr/local/share/ca-certificates/*.crt "$r/usr/local/share/ca-certificates/"
    in_root "$r" update-ca-certificates >/dev/null 2>&1 || true
  fi
  say "apt-get install: $(( $(date +%s) - t0 )) s"
  t0=$(date +%s)
  cp "$REPO/requirements-test.txt" "$REPO/requirements-qt6.txt" "$r/opt/"
  in_root "$r" /usr/bin/python3 -m venv --system-site-packages /opt/venv
  in_root "$r" /opt/venv/bin/pip install -q --disable-pip-version-check -r /opt/requirements-test.txt \
    || die "pip install -r requirements-test.txt in the $suite root failed"
  in_root "$r" /opt/venv/bin/pip install -q --disable-pip-version-check --ignore-requires-python \
    -r /opt/requirements-qt6.txt || die "pip install -r requirements-qt6.txt in the $suite root failed"
  touch "$r/opt/venv/.installed"  # the Makefile's stamp: /work/digiresan/.venv links to /opt/venv
  say "test tools (venv): $(( $(date +%s) - t0 )) s"
}

inside_run() {  # $1 = root [, $2 = command instead of make test]
  local r=$1
  mount_root "$r"
  if [ -n "${2:-}" ]; then
    in_root "$r" /bin/bash -c 'cd /work/digiresan && ln -sfn /opt/venv .venv && CI=true eval "$1"' _ "$2"
    return
  fi
  in_root "$r" /bin/bash -c 'cd /work/digiresan && ln -sfn /opt/venv .venv \
    && echo "ltr: $(qgis --version 2>/dev/null | head -n 1 || true), $(. /etc/os-release; echo "$PRETTY_NAME")" \
    && CI=true make -o .venv/.installed test PYTEST_ARGS="$1"' _ "${PYTEST_ARGS:-}"
}

case "${1:-}" in
  __build) shift; inside_build "$@"; exit ;;
  __run) shift; inside_run "$@"; exit ;;
esac

# --- on the host ----------------------------------------------------------------------------------
BUILD_ONLY=0
EXEC=
if [ "${1:-}" = --build-only ]; then BUILD_ONLY=1; shift; fi
if [ "${1:-}" = --exec ]; then
  [ $# -ge 3 ] || die "usage: .ci/ltr.sh --exec SUITE COMMAND"
  EXEC=$3; set -- "$2"
fi
SUITE=${1:-${LTR_SUITE:-$(default_suite)}}
case "$SUITE" in
  bookworm) QGIS_LTR=3.22 ;;
  trixie) QGIS_LTR=3.40 ;;
  *) die "unknown suite '$SUITE' (bookworm = Debian 12 with QGIS 3.22, trixie = Debian 13 with QGIS 3.40)" ;;
esac
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mounts): sudo make test-ltr"
for tool in debootstrap unshare chroot; do
  command -v "$tool" >/dev/null || die "$tool missing: apt-get install debootstrap util-linux coreutils"
done

HOME_DIR=$REPO/build/ltr/$SUITE
R=$HOME_DIR/root
STAMP=$HOME_DIR/stamp
want=$(printf '%s\n%s\n%s\n' "$RECIPE" "$PACKAGES" "$(cat "$REPO/requirements-test.txt" "$REPO/requirements-qt6.txt")" \
  | sha256sum | cut -c1-16)
mkdir -p "$HOME_DIR"
exec 8>"$HOME_DIR/.lock"
flock -w 1800 8 || die "another .ci/ltr.sh holds $HOME_DIR/.lock"

started=$(date +%s)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ] || [ ! -x "$R/opt/venv/bin/pytest" ]; then
  say "building the Debian $SUITE root (QGIS $QGIS_LTR) in $R ..."
  rm -rf "$R.new" "$R"
  mkdir -p "$R.new"
  unshare --mount --pid --fork --propagation private bash "$0" __build "$SUITE" "$R.new" "$(debian_mirror)"
  mv "$R.new" "$R"
  echo "$want" >"$STAMP"
  say "root ready in $(( $(date +%s) - started )) s"
else
  say "using the cached Debian $SUITE root ($R)"
fi
[ "$BUILD_ONLY" = 0 ] || exit 0

# the checkout as git sees it (tracked + untracked not ignored), never build/, .venv or .git; without git (an
# exported tree) everything but the generated folders
dest=$R/work/digiresan
rm -rf "$dest" && mkdir -p "$dest"
if command -v git >/dev/null && git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi; done \
    | tar --null -T - -cf - | tar -C "$dest" -xf -)
else
  tar -C "$REPO" --exclude=./build --exclude=./dist --exclude=./.venv --exclude=./.git --exclude=./.qgis-settings \
    --exclude=__pycache__ --exclude=.pytest_cache --exclude=.ruff_cache -cf - . | tar -C "$dest" -xf -
fi

run_started=$(date +%s)
rc=0
unshare --mount --pid --fork --propagation private bash "$0" __run "$R" "$EXEC" || rc=$?
say "suite on QGIS $QGIS_LTR (Debian $SUITE): exit $rc after $(( $(date +%s) - run_started )) s" \
    "(total with set-up $(( $(date +%s) - started )) s)"
exit "$rc"
