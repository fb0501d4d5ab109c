#!/usr/bin/env bash
# The benchmark: generates the large instance (once per provider, cached under $BENCH_DIR), starts
# the app in Release on it, and measures each main page with wrk, printing requests per second and
# p99 latency, and each page's throughput as a ratio to the bare reference page (/funders: one
# compiled no-tracking query rendered by a Razor view), anonymous and signed in. Then, on PostgreSQL, two instances behind
# nginx on loopback against one instance behind the same nginx (and against one instance reached directly).
#
#   scripts/bench.sh [--scale 1] [--duration 10] [--providers "sqlite postgresql"] [--connections 16] [--pg-pool N]
#
# --pg-pool N caps each app instance's PostgreSQL connections at N ("Maximum Pool Size"; Npgsql's own default is 100).
#
# Run as root on a fresh machine it installs wrk, nginx and PostgreSQL from Debian.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scale=1; duration=10; providers="sqlite postgresql"; connections=16; pg_pool=""
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --providers) providers=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pg-pool) pg_pool=$2; shift 2 ;;
    *) echo "Unknown option $1"; exit 2 ;;
  esac
done
bench_dir=${BENCH_DIR:-/tmp/grantshub-bench}
mkdir -p "$bench_dir"

log() { printf '\n== %s\n' "$*"; }

need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
[ -n "$initdb_bin" ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "Missing: ${need_apt[*]}. Install them or run as root."; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || exit 1
  initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
fi
pg_bin=$(dirname "$initdb_bin")
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

log "Building in Release"
dotnet build src/GrantsHub.Web -c Release -nologo -clp:ErrorsOnly -o "$bench_dir/web" >/dev/null || exit 1
dotnet build src/GrantsHub.DataGenerator -c Release -nologo -clp:ErrorsOnly -o "$bench_dir/generator" >/dev/null || exit 1
dotnet build src/GrantsHub.Benchmarks -c Release -nologo -clp:ErrorsOnly -o "$bench_dir/harness" >/dev/null || exit 1
cp -r wwwroot "$bench_dir/web/" 2>/dev/null

source scripts/lib/postgres.sh
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$bench_dir/nginx.pid" ] && kill "$(cat "$bench_dir/nginx.pid")" 2>/dev/null
  stop_throwaway_postgres
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

declare -A app_pid
# start_app <port> <provider env...>: one Release instance, no demo seed, no job server.
start_app() {
  local port=$1; shift
  # exec, so the pid remembered below is the app's own and stopping it stops the app (not just a subshell).
  (cd "$bench_dir/web" && exec env ASPNETCORE_ENVIRONMENT=Production App__SeedDemoData=false Jobs__RunServer=false \
      Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" \
      dotnet GrantsHub.Web.dll >"$bench_dir/app-$port.log" 2>&1) &
  pids+=($!)
  app_pid[$port]=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "The app on port $port did not start:"; tail -20 "$bench_dir/app-$port.log"; return 1
}

# sign_in <base url> <email> <password> <cookie jar>
sign_in() {
  local base=$1 email=$2 password=$3 jar=$4
  rm -f "$jar"
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  [ -n "$token" ] || token=$(curl -fs -c "$jar" -b "$jar" "$base/account/sign-in" | grep -o '__RequestVerificationToken[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -n 1)
  # -L: follows the redirect to the home page as a browser does, which also clears the one-off welcome message.
  curl -fs -L -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
  grep -q "grantshub.auth" "$jar" || { echo "Could not sign in as $email"; return 1; }
}

cookie_header() { awk 'BEGIN{ORS="; "} !/^#/ && NF>=7 {print $6"="$7} /^#HttpOnly_/ {print $6"="$7}' "$1" | sed 's/; $//'; }

# measure <label> <url> [funder|org]: prints "label rps p99" and remembers rps. A signed-in page is measured with a
# cookie from a sign-in just before: the sign-in cookie is re-checked against the database once a minute and then
# replaced, which a browser keeps but wrk does not, so an old cookie would make every request re-check it.
declare -A rps cpu
measure() {
  local label=$1 url=$2 who=${3:-} script=${4:-}
  local header=() lua=()
  [ -n "$script" ] && lua=(-s "$script")
  if [ -n "$who" ]; then
    local jar="$bench_dir/$who-fresh.jar" email=$funder_email
    [ "$who" = org ] && email=$org_email
    sign_in "${url%%/[a-z]*}" "$email" "$password" "$jar" || { rps[$label]=0; return; }
    header=(-H "Cookie: $(cookie_header "$jar")")
  fi
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$url")
  if [ "$status" != "200" ]; then printf '  %-28s HTTP %s, not measured\n' "$label" "$status"; rps[$label]=0; return; fi
  if [ "${warming:-}" = 1 ]; then wrk -t2 -c"$connections" -d"${warm_seconds}s" "${header[@]}" "${lua[@]}" "$url" >/dev/null 2>&1; return; fi
  local port=${url#http://127.0.0.1:}
  port=${port%%/*}
  local pid=${app_pid[$port]:-} settled=""
  if [ -n "$pid" ]; then
    settled=$(settle "$pid" "$url" "${header[@]}" "${lua[@]}")
    # Settling can take longer than the minute after which the sign-in cookie is re-checked: a fresh one.
    if [ -n "$who" ]; then
      sign_in "${url%%/[a-z]*}" "$email" "$password" "$jar" || { rps[$label]=0; return; }
      header=(-H "Cookie: $(cookie_header "$jar")")
    fi
  fi
  # The app's own CPU time over the run (user and system, all its threads, the garbage collector's too), when the URL
  # is an instance started here rather than nginx: per request, it is the app's work alone, without wrk's or the
  # database server's, so it shows where a page's cost lies on a machine whose cores they all share.
  local ticks_before=""
  [ -n "$pid" ] && ticks_before=$(app_ticks "$pid")
  wrk -t2 -c"$connections" -d"${duration}s" --latency "${header[@]}" "${lua[@]}" "$url" >"$bench_dir/wrk.out" 2>&1
  local r p99 requests cpu_text=""
  r=$(awk '/Requests\/sec/ {print $2}' "$bench_dir/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$bench_dir/wrk.out")
  rps[$label]=$r
  cpu[$label]=0
  if [ -n "$ticks_before" ]; then
    requests=$(awk '/requests in/ {print $1}' "$bench_dir/wrk.out")
    cpu[$label]=$(python3 -c "import sys; t, n, hz = (float(a) for a in sys.argv[1:]); print(f'{t / hz * 1e6 / n:.0f}' if n else 0)" \
      "$(($(app_ticks "$pid") - ticks_before))" "${requests:-0}" "$(getconf CLK_TCK)")
    cpu_text="   app CPU $(printf '%6s' "${cpu[$label]}") us/request"
  fi
  printf '  %-28s %10s req/s   p99 %8s%s%s\n' "$label" "$r" "$p99" "$cpu_text" "${settled:+   settled after $settled s}"
}

# tiering_ticks <pid>: the CPU time (clock ticks) used so far by the runtime's background compiler thread, which
# recompiles the code a page runs, optimised, once it has run often enough (tiered compilation); 0 when it has none.
tiering_ticks() {
  local t total=0
  for t in /proc/"$1"/task/*; do
    [ "$(cat "$t/comm" 2>/dev/null)" = ".NET Tiered Com" ] || continue
    total=$((total + $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# settle <pid> <url> [wrk arguments...]: runs the page under load, unmeasured, 3 s at a time, until the background
# compiler has used at most 20 ms in one of them (or for 60 s at most), and prints how many seconds that took. The
# rounds of warming up before are too short for a large page: measured 6 s after its first view, the agreement page ran
# at a third of the rate it settles at, and the bare page at a quarter, while the compiler still used a third of a core.
settle() {
  local pid=$1 url=$2; shift 2
  local waited=0 before after
  while [ "$waited" -lt 60 ]; do
    before=$(tiering_ticks "$pid")
    wrk -t2 -c"$connections" -d3s "$@" "$url" >/dev/null 2>&1
    after=$(tiering_ticks "$pid")
    waited=$((waited + 3))
    # A smaller figure after means the compiler's thread ended and a new one began: not settled.
    [ "$after" -ge "$before" ] && [ $((after - before)) -le $(( $(getconf CLK_TCK) / 50 )) ] && break
  done
  echo "$waited"
}

# app_ticks <pid>: the CPU time the process has used so far, user and system, in clock ticks.
app_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }

# report_ratios [title]: each page against the bare page, and each signed-in page also against the bare page seen by a
# signed-in person (the same one query, plus what every signed-in page pays: reading the sign-in cookie, the layout's
# sign-out form and its antiforgery token). First as throughput (req/s, what the targets are set on), then as the app's
# own work (the bare page's CPU per request over the page's, without wrk's or the database server's). grants.json has
# no ratio target: its target is memory that does not grow with the number of grants (measured above).
report_ratios() {
  echo "  -- ${1:-as a ratio to the bare page} (targets: every page >= 0.40, list pages >= 0.60)"
  printf '  %-28s %-21s %s\n' "" "throughput" "app CPU per request"
  printf '  %-28s %-6s %-14s %-6s %s\n' "" "bare" "bare signed in" "bare" "bare signed in"
  for label in funder-dashboard round-applications moderation equality-dashboard organisation-dashboard grants.json award-page partnership-map agreement-page; do
    local target=0.60
    case $label in round-applications|moderation|partnership-map) ;; grants.json) target="" ;; *) target=0.40 ;; esac
    python3 - "$label" "$target" "${rps[$label]:-0}" "${rps[bare]:-0}" "${rps[bare-signed-in]:-0}" \
      "${cpu[$label]:-0}" "${cpu[bare]:-0}" "${cpu[bare-signed-in]:-0}" <<'PY'
import sys
label, target = sys.argv[1], sys.argv[2]
rps, bare, signed, cpu, cpu_bare, cpu_signed = (float(a) for a in sys.argv[3:])
def r(a, b):  # a page that was not measured (not a 200) reads 0.00 and is MISSED; a missing bare page reads n/a
    return f"{a / b:.2f}" if b else "n/a"
def w(a, b):  # no CPU figure (through nginx) on either side reads n/a
    return f"{a / b:.2f}" if a and b else "n/a"
through = [r(rps, bare), r(rps, signed)]
work = [w(cpu_bare, cpu), w(cpu_signed, cpu)]
if not target:
    print(f"  {label:<28} {through[0]:<6} {'':<14} {work[0]:<6} {'':<14} (target: streamed, flat memory)")
    sys.exit()
missed = [name for value, name in zip(through, ("bare", "bare signed in")) if value != "n/a" and float(value) < float(target)]
verdict = ", MISSED against " + " and ".join(missed) if missed else ""
print(f"  {label:<28} {through[0]:<6} {through[1]:<14} {work[0]:<6} {work[1]:<14} (target {target}{verdict})")
PY
  done
}

# measure_pages: every page of the benchmark, against $base.
measure_pages() {
  measure bare "$base/funders"
  measure bare-signed-in "$base/funders" funder
  measure funder-dashboard "$base/funder" funder
  measure round-applications "$base/funder/rounds/$round_id/applications" funder
  measure moderation "$base/funder/rounds/$round_id/moderation" funder
  measure equality-dashboard "$base/funder/equality" funder
  measure organisation-dashboard "$base/organisation" org
  measure grants.json "$base/funders/$funder_id/grants.json"
  measure award-page "$base/awards/$award_id" org
  measure partnership-map "$base/funder/partnerships" funder
  measure agreement-page "$base/organisation/$org_id/agreements/$agreement_id" org
}

# measure_through_nginx <suffix> <base>: the two pages measured again through a round-robin, under labels ending <suffix>.
measure_through_nginx() {
  measure "funder-dashboard-$1" "$2/funder" funder
  measure "round-applications-$1" "$2/funder/rounds/$round_id/applications" funder
}

# two_against_one <port of the running instance> <env...>: starts a second instance with the same settings and nginx in
# front of the first alone ($lb1) and of both ($lb2). The two pages are measured through each in turn, twice, so the proxy
# hop is the same on both sides and the machine's drift from one minute to the next falls on both alike. Prints two
# against one through nginx, and two through nginx against the first instance reached directly (measured above).
two_against_one() {
  local first=$1; shift
  local second lb1_port lb2_port lb1 lb2 n url page
  second=$(free_port)
  start_app "$second" "$@" || exit 1
  lb1_port=$(free_port)
  lb2_port=$(free_port)
  cat >"$bench_dir/nginx.conf" <<CONF
worker_processes 1;
pid $bench_dir/nginx.pid;
error_log $bench_dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream one { server 127.0.0.1:$first; keepalive 32; }
  upstream both { server 127.0.0.1:$first; server 127.0.0.1:$second; keepalive 32; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$remote_addr;
  proxy_set_header X-Forwarded-Proto \$scheme;
  client_max_body_size 12m;
  server { listen 127.0.0.1:$lb1_port; location / { proxy_pass http://one; } }
  server { listen 127.0.0.1:$lb2_port; location / { proxy_pass http://both; } }
}
CONF
  "$nginx_bin" -c "$bench_dir/nginx.conf" -p "$bench_dir" || exit 1
  lb1="http://127.0.0.1:$lb1_port" lb2="http://127.0.0.1:$lb2_port"
  warming=1
  measure_through_nginx x1 "$lb1"; measure_through_nginx x2 "$lb2"
  warming=0
  local -A sum=()
  for _ in 1 2; do
    for n in x1 x2; do
      [ $n = x1 ] && url=$lb1 || url=$lb2
      measure_through_nginx $n "$url"
      for page in funder-dashboard round-applications; do
        sum[$page-$n]=$(python3 -c "import sys; print(float(sys.argv[1]) + float(sys.argv[2]))" "${sum[$page-$n]:-0}" "${rps[$page-$n]}")
      done
    done
  done
  for page in funder-dashboard round-applications; do
    printf '  %-28s %s\n' "two / one behind nginx, $page" "$(ratio "${sum[$page-x2]}" "${sum[$page-x1]}")"
    printf '  %-28s %s\n' "two behind nginx / one direct, $page" "$(ratio "$(python3 -c "import sys; print(float(sys.argv[1]) / 2)" "${sum[$page-x2]}")" "${rps[$page]}")"
  done
  kill "$(cat "$bench_dir/nginx.pid")" 2>/dev/null && rm -f "$bench_dir/nginx.pid"
}

# pages_under_changes: kept pages while the data changes. The harness saves 1 or 10 changes a second (each moves the
# data's version, as any save does) while wrk asks for the funder dashboard, and for the first 20 pages of round
# applications in turn (every page of a list is kept apart, so each change leaves 20 pages to draw afresh). Printed with
# the same pages while nothing changes, as ratios to the bare pages of the pass before.
pages_under_changes() {
  local lua="$bench_dir/twenty-pages.lua"
  cat >"$lua" <<'LUA'
local pages, path, i = tonumber(os.getenv("PAGES")), os.getenv("PAGE_PATH"), 0
request = function()
  i = i % pages + 1
  return wrk.format("GET", path .. "?page=" .. i)
end
LUA
  export PAGES=20 PAGE_PATH="/funder/rounds/$round_id/applications"
  local rate writer
  for rate in 0 1 10; do
    writer=""
    if [ "$rate" != 0 ]; then
      (cd "$bench_dir/web" && exec env "${db_env[@]}" dotnet "$bench_dir/harness/GrantsHub.Benchmarks.dll" changes --per-second "$rate" \
        --seconds $((2 * duration + 10)) >"$bench_dir/changes.out" 2>&1) &
      writer=$!
      sleep 4 # the harness starting
    fi
    measure "funder-dashboard-$rate" "$base/funder" funder
    measure "round-applications-20-$rate" "$base/funder/rounds/$round_id/applications" funder "$lua"
    if [ -n "$writer" ]; then
      kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null
      printf '  %-28s %s\n' "writer at $rate a second" "$(tail -n 1 "$bench_dir/changes.out" | sed 's/^ *//')"
    fi
  done
  unset PAGES PAGE_PATH
  echo "  -- kept pages while the data changes: ratio to the bare page (anonymous; signed in), targets 0.40 / 0.60"
  printf '  %-34s %-16s %-16s %s\n' "" "no changes" "1 change a second" "10 changes a second"
  for page in funder-dashboard round-applications-20; do
    local cells=()
    for rate in 0 1 10; do
      cells+=("$(ratio "${rps[$page-$rate]:-0}" "${rps[bare]:-0}"); $(ratio "${rps[$page-$rate]:-0}" "${rps[bare-signed-in]:-0}")")
    done
    printf '  %-34s %-16s %-16s %s\n' "$page" "${cells[@]}"
  done
}

# page_sql: the queries each page drawn afresh sends, recorded and sent again by hand (the harness hosts the app itself,
# after the instances above have stopped), as sent and with each statement kept prepared. On SQLite, where the queries
# run inside the app's process, it then prints the best ratio each page could reach against the signed-in bare page if
# everything but its SQL cost no more than the bare page's (the bare page's app CPU, less its own SQL, plus the page's
# SQL): a floor no way of drawing the page can go under while it reads what it reads; and the same if every statement
# were kept prepared (the bare page's too), which SQLite's driver does not do. On PostgreSQL the database
# server's work is not in the app's CPU, so only the SQL is printed.
page_sql() {
  local out="$bench_dir/page-sql-$provider.out" f=",$funder_email" o=",$org_email"
  (cd "$bench_dir/web" && env "${db_env[@]}" Logging__LogLevel__Microsoft.EntityFrameworkCore=Error dotnet "$bench_dir/harness/GrantsHub.Benchmarks.dll" page-sql \
    --password "$password" --runs 1000 --page bare=/funders --page "bare-signed-in=/funders$f" --page "funder-dashboard=/funder$f" \
    --page "round-applications=/funder/rounds/$round_id/applications$f" --page "moderation=/funder/rounds/$round_id/moderation$f" \
    --page "equality-dashboard=/funder/equality$f" --page "organisation-dashboard=/organisation$o" --page "award-page=/awards/$award_id$o" \
    --page "partnership-map=/funder/partnerships$f" --page "agreement-page=/organisation/$org_id/agreements/$agreement_id$o") | tee "$out" || exit 1
  [ "$provider" = sqlite ] || return 0
  echo "  -- app CPU per request against the signed-in bare page: drawn afresh (above), and the best reachable with its SQL"
  printf '  %-28s %-8s %-16s %-18s %s\n' "" "afresh" "best, as sent" "best, kept prepared" "target"
  for label in funder-dashboard round-applications moderation equality-dashboard organisation-dashboard award-page partnership-map agreement-page; do
    local target=0.40
    case $label in round-applications|moderation|partnership-map) target=0.60 ;; esac
    python3 - "$out" "$label" "$target" "${cpu[$label]:-0}" "${cpu[bare-signed-in]:-0}" <<'PY'
import sys
out, label, target = sys.argv[1:4]
cpu, cpu_signed = float(sys.argv[4]), float(sys.argv[5])
sql = {f[0]: (float(f[3]), float(f[4])) for f in (line.split() for line in open(out)) if len(f) == 5 and f[3].replace('.', '').isdigit()}
if label not in sql or "bare-signed-in" not in sql or not cpu or not cpu_signed:
    print(f"  {label:<28} n/a"); sys.exit()
rest = cpu_signed - sql["bare-signed-in"][0]  # what the bare page costs besides its SQL
sent = cpu_signed / (rest + sql[label][0])
# Kept prepared, the bare page would be cheaper too, by what preparing its one statement costs.
kept = (cpu_signed - (sql["bare-signed-in"][0] - sql["bare-signed-in"][1])) / (rest + sql[label][1])
print(f"  {label:<28} {cpu_signed / cpu:<8.2f} {sent:<16.2f} {kept:<18.2f} {target}")
PY
  done
}

warm_seconds=3
for provider in $providers; do
  case $provider in
    sqlite)
      data="$bench_dir/sqlite"
      db_env=(Database__Provider=Sqlite Database__DataDirectory="$data")
      gen_args=(--provider Sqlite --data-directory "$data")
      ;;
    postgresql)
      [ -n "${pg_cs:-}" ] || start_throwaway_postgres -c shared_buffers=256MB || exit 1
      data="$bench_dir/postgresql"
      cs="${pg_cs/Database=postgres/Database=grantshub_bench}"
      db_env=(Database__Provider=PostgreSql Database__ConnectionString="$cs${pg_pool:+;Maximum Pool Size=$pg_pool}")
      gen_args=(--provider PostgreSql --connection "$cs")
      rm -f "$data/targets.json" # a fresh cluster each run
      ;;
    *) echo "Unknown provider $provider"; exit 2 ;;
  esac
  mkdir -p "$data"
  if [ ! -f "$data/targets.json" ]; then
    log "Generating the large instance on $provider (scale $scale)"
    rm -f "$data"/grantshub.db*
    date -u +%Y-%m-%dT%H:%M:%SZ >"$data/now.txt"
    (cd "$bench_dir/generator" && dotnet GrantsHub.DataGenerator.dll "${gen_args[@]}" --scale "$scale" --now "$(cat "$data/now.txt")" --targets "$data/targets.json") || exit 1
  fi
  generated_at=$(cat "$data/now.txt")
  read -r funder_email funder_id round_id org_email password org_id award_id agreement_id < <(python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(t['FunderEmail'], t['FunderId'], t['RoundId'], t['OrganisationEmail'], t['Password'], t['OrganisationId'], t['AwardId'], t['AgreementId'])" "$data/targets.json")

  port=$(free_port)
  base="http://127.0.0.1:$port"
  log "$provider: one instance on $base"
  start_app "$port" "${db_env[@]}" || exit 1
  # Publishes every funder's open data (so grants.json has something to stream) and measures its memory.
  log "$provider: grants.json memory against the number of grants"
  (cd "$bench_dir/web" && env "${db_env[@]}" dotnet "$bench_dir/harness/GrantsHub.Benchmarks.dll" grants-memory) || exit 1

  # Every page first runs under load, unmeasured, until the runtime has finished optimising the code it runs
  # (tiered compilation): measured cold, the bare page reads a quarter of its steady rate.
  log "$provider: warming up every page (2 rounds of ${warm_seconds}s each)"
  warming=1
  for _ in 1 2; do measure_pages; done
  warming=0
  log "$provider: pages"
  measure_pages
  report_ratios
  log "$provider: kept pages while the data changes"
  pages_under_changes
  printf '  %-28s %s MB\n' "app memory after the run" "$(ps -o rss= -p "${app_pid[$port]}" 2>/dev/null | awk '{printf "%.0f", $1/1024}')"

  log "$provider: reminder scans against their bare SQL"
  (cd "$bench_dir/web" && env "${db_env[@]}" dotnet "$bench_dir/harness/GrantsHub.Benchmarks.dll" scans --now "$generated_at" --runs 7) || exit 1

  if [ "$provider" = postgresql ]; then
    log "postgresql: a second instance; nginx in front of the first alone and of both"
    two_against_one "$port" "${db_env[@]}"
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  pids=()

  # The busiest signed-in pages are kept until the data changes, so the figures above are those of a page seen again.
  # The first view after any change draws the page afresh: measured here with keeping off.
  port=$(free_port)
  base="http://127.0.0.1:$port"
  log "$provider: the same pages drawn afresh (keeping off, as on the first view after a change)"
  start_app "$port" "${db_env[@]}" Pages__KeepUntilChange=false || exit 1
  warming=1
  for _ in 1 2; do measure_pages; done
  warming=0
  measure_pages
  report_ratios "drawn afresh, as a ratio to the bare page"
  if [ "$provider" = postgresql ]; then
    log "postgresql: drawn afresh, a second instance; nginx in front of the first alone and of both"
    two_against_one "$port" "${db_env[@]}" Pages__KeepUntilChange=false
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  pids=()

  log "$provider: each page's SQL alone, and the best ratio it leaves a page drawn afresh"
  page_sql
done
