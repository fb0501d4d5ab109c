#!/usr/bin/env bash
# The one test command: unit, integration on SQLite, integration on PostgreSQL, browser journeys.
# On a fresh machine, run as root, it installs what the tests need (Debian's chromium and
# postgresql, the dotnet-ef tool), starts a throwaway PostgreSQL cluster in a temp folder, runs
# every suite, stops the cluster, and ends with the totals: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
[ -n "$initdb_bin" ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "Installing ${need_apt[*]} with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
    initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  else
    echo "Missing: ${need_apt[*]}. Install them (sudo apt-get install ${need_apt[*]}) or run this script as root."
    exit 1
  fi
fi
pg_bin=$(dirname "$initdb_bin")

log "Restoring tools and building"
dotnet tool restore >/dev/null || exit 1
dotnet build GrantsHub.sln -c Debug -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

source scripts/lib/postgres.sh
trap stop_throwaway_postgres EXIT
log "Starting a throwaway PostgreSQL"
start_throwaway_postgres || exit 1
echo "PostgreSQL on 127.0.0.1:$pg_port"

log "Checking that neither provider has model changes without a migration"
for provider in Sqlite PostgreSql; do
  project=migrations/GrantsHub.Migrations.$provider
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" --no-build >/dev/null \
    || { echo "$provider has model changes without a migration"; echo "0 passed, 1 failed"; exit 1; }
done

passed=0; failed=0; skipped=0; status=0
results=$(mktemp -d)
run_suite() {
  local name=$1 project=$2; shift 2
  log "$name"
  local out="$results/$name.log"
  env "$@" dotnet test "$project" --no-build -nologo 2>&1 | tee "$out" | grep -E '^\s+(Failed|Skipped) |Error Message|Passed!|Failed!' 
  local rc=${PIPESTATUS[0]}
  local line
  line=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$out" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$name did not report results (exit $rc)"; failed=$((failed + 1)); status=1; return
  fi
  local f p s
  f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [ "$rc" -eq 0 ] || status=1
}

run_suite unit tests/GrantsHub.UnitTests
run_suite integration-sqlite tests/GrantsHub.IntegrationTests
run_suite integration-postgresql tests/GrantsHub.IntegrationTests GRANTSHUB_TEST_POSTGRES="$pg_cs"
run_suite browser tests/GrantsHub.BrowserTests

if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "$skipped tests were skipped: under CI=true no test may be skipped."
  status=1; failed=$((failed + skipped))
fi
[ "$failed" -eq 0 ] || status=1
echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
