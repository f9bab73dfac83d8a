#!/usr/bin/env bash
# The hub's test command: installs what is missing, checks formatting, builds, runs every test
# project, and ends with one line "N passed, N failed" (", N skipped" when any).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "Tools"
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required: https://dot.net"; exit 2; }
dotnet --version

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
for project in $(find . -name '*.Tests.csproj' -not -path './bin/*' | sort); do
  name=$(basename "$project" .csproj)
  step "Tests: $name"
  log="$results/$name.log"
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  summary=$(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "$name: the test run ended without a summary (the test host crashed?)"
    failed=$((failed + 1)); status=1
    continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
