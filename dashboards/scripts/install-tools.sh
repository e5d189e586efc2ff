#!/usr/bin/env bash
# Installs the operator tools the dashboards module tests and the README rely on, from Debian
# packages only: prometheus (promtool), prometheus-alertmanager (amtool), kcat, docker-compose.
# Idempotent: a package whose binary is already on the PATH is left alone, and apt is not touched
# at all when nothing is missing. Runs non-interactively as root (no sudo, no prompts).
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

# binary -> Debian package that ships it
declare -A PACKAGE_OF=(
  [promtool]=prometheus
  [prometheus]=prometheus
  [prometheus-alertmanager]=prometheus-alertmanager
  [amtool]=prometheus-alertmanager
  [kcat]=kcat
  [docker-compose]=docker-compose
)

missing=()
for binary in promtool prometheus prometheus-alertmanager amtool kcat docker-compose; do
  if command -v "$binary" >/dev/null 2>&1; then
    echo "install-tools: $binary present at $(command -v "$binary")"
  else
    package="${PACKAGE_OF[$binary]}"
    echo "install-tools: $binary missing (package $package)"
    if [[ " ${missing[*]:-} " != *" $package "* ]]; then
      missing+=("$package")
    fi
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-tools: nothing to install"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-tools: must run as root to install: ${missing[*]}" >&2
  exit 1
fi

# The Debian packages' maintainer scripts try to start prometheus and alertmanager as services.
# A policy-rc.d that answers 101 ("action not allowed") keeps invoke-rc.d from starting them, so
# nothing is left listening on 9090/9093 to collide with tests or a local demo. We remove it
# again only if we created it.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  created_policy=true
  trap '[[ $created_policy == true ]] && rm -f "$policy"' EXIT
fi

echo "install-tools: apt-get update"
apt-get update -q
echo "install-tools: apt-get install -y --no-install-recommends ${missing[*]}"
apt-get install -y -q --no-install-recommends "${missing[@]}"

# Belt and braces for machines where policy-rc.d is not honoured: the packages' init scripts run
# their daemons as the `prometheus` user, so only those are stopped; a test's or a developer's own
# prometheus/alertmanager (run as another user) is never touched.
for daemon in prometheus prometheus-alertmanager; do
  for pid in $(pgrep -u prometheus -x "$daemon" 2>/dev/null || true); do
    echo "install-tools: stopping the $daemon service the package started (pid $pid)"
    kill "$pid" 2>/dev/null || true
  done
done

for binary in promtool prometheus-alertmanager amtool kcat docker-compose; do
  if ! command -v "$binary" >/dev/null 2>&1; then
    echo "install-tools: $binary still missing after install" >&2
    exit 1
  fi
done
echo "install-tools: done"
