#!/usr/bin/env bash
# Installs the Debian packages that Central Dispatch's quick start or test suite drives for real, when any is missing.
#   scripts/prerequisites.sh quickstart   Apache, MariaDB, PHP-FPM (with its MySQL driver), openssl
#   scripts/prerequisites.sh tests        the above, plus PostgreSQL, cron, Chromium and the small tools the tests use
# As root it runs `apt-get update` once and `apt-get install -y` for what is missing; as another user it prints the
# command to run and fails. The packages' own daemons are not started: Central Dispatch's sandbox and the tests start
# private servers of their own on their own ports and sockets.
set -euo pipefail

what="${1:-tests}"
quickstart=(apache2 mariadb-server mariadb-client php-fpm php-mysql openssl ca-certificates)
# Keep the "tests" list the same as the apt-get install line in .ci/run.
tests=("${quickstart[@]}" ssl-cert postgresql cron curl chromium chromium-driver procps iproute2 psmisc util-linux)
case "$what" in
    quickstart) wanted=("${quickstart[@]}") ;;
    tests) wanted=("${tests[@]}") ;;
    *) echo "usage: $0 quickstart|tests" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    if ((EUID != 0)); then
        echo "Missing Debian packages: ${missing[*]}" >&2
        echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi

    export DEBIAN_FRONTEND=noninteractive
    # A policy-rc.d answering 101 keeps the packages' maintainer scripts from starting system daemons (they would hold
    # ports 80/443/3306/5432 and /run/php sockets that nothing here uses). One that is already there is kept.
    policy=/usr/sbin/policy-rc.d
    own_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        own_policy=1
    fi
    trap 'if ((own_policy)); then rm -f "$policy"; fi' EXIT
    echo "== apt-get install ${missing[*]}"
    apt-get update -q
    apt-get install -y -q -o Dpkg::Use-Pty=0 "${missing[@]}"
fi

if [[ $what == tests && $EUID -eq 0 ]] && ! pgrep -x cron >/dev/null; then
    # The crontab tests use `crontab -u` against the real spool; keep the daemon running as on a real host.
    service cron start >/dev/null 2>&1 || /usr/sbin/cron || true
fi
