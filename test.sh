#!/usr/bin/env bash
# The hub's test command: installs what is missing, checks formatting, builds, runs every test
# project, and ends with one line "N passed, N failed" (", N skipped" when any).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

results=$(mktemp -d)
# Screenshots and other artifacts of the run stay here.
export HUB_TEST_ARTIFACTS="$PWD/TestResults/artifacts"
mkdir -p "$HUB_TEST_ARTIFACTS"
trap 'rm -rf "$results"' EXIT

step() { printf '\n== %s\n' "$*"; }

apt_install() {
  echo "installing: $*"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

step "Tools"
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required: https://dot.net"; exit 2; }
dotnet --version
# PostgreSQL: the tests start and stop throwaway servers of their own; only the binaries are needed.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
ls /usr/lib/postgresql/*/bin/initdb
# docker-compose: only to validate docker/compose.yaml (no Docker engine is needed or used).
command -v docker-compose >/dev/null || apt_install docker-compose
# npm: the wall screen's SignalR client comes from the npm registry at build time.
command -v npm >/dev/null || apt_install nodejs npm
# Chromium for the wall-screen tests (Playwright drives Debian's build; its own download cannot work offline).
command -v chromium >/dev/null || apt_install chromium
# A CJK font, so charts and screenshots show Chinese, not boxes.
ls /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc >/dev/null 2>&1 || apt_install fonts-wqy-zenhei

step "docker/compose.yaml"
if ! HUB_DB_PASSWORD=validation-only HUB_ADMIN_PASSWORD=validation-only docker-compose -f docker/compose.yaml config -q; then
  echo "docker/compose.yaml is invalid"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "valid"

step "deploy/kubernetes (offline schema validation)"
if ! deploy/validate.sh; then
  echo "deploy/kubernetes is invalid"
  echo "0 passed, 1 failed"
  exit 1
fi

step "Formatting (dotnet format --verify-no-changes)"
if ! dotnet format Hub.sln --verify-no-changes; then
  echo "Formatting differs; run: dotnet format Hub.sln"
  echo "0 passed, 1 failed"
  exit 1
fi

step "Build"
if ! dotnet build Hub.sln -c Release -warnaserror; then
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 skipped=0 status=0
counters=""
count() { sed -E "s/.* $1=\"([0-9]+)\".*/\1/" <<<"$counters"; }
for project in $(find . -name '*.Tests.csproj' -not -path './bin/*' | sort); do
  name=$(basename "$project" .csproj)
  step "Tests: $name"
  trx="$results/$name.trx"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" 2>&1 \
    | tee "$results/$name.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  # Failures again, in short, so that the end of a long log names them.
  awk '/^  Failed /{show=1; lines=0} /^  Stack Trace:/{show=0} show && lines++ < 25' "$results/$name.log" >>"$results/failures"
  counters=$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null)
  if [ -z "$counters" ]; then
    echo "$name: the test run left no results (the test host crashed?)"
    failed=$((failed + 1)); status=1
    continue
  fi
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count total) - $(count executed)))
done

if [ -s "$results/failures" ]; then
  step "Failed tests"
  cat "$results/failures"
fi

echo
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
