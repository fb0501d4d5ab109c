# Sourced by scripts/test.sh and scripts/bench.sh: a throwaway PostgreSQL cluster on a free loopback
# port, owned by the postgres user when we are root. Needs pg_bin (the server's bin folder).
# Sets pg_dir, pg_port and pg_cs (an Npgsql connection string to the "postgres" database).
start_throwaway_postgres() {
  pg_dir=$(mktemp -d /tmp/grantshub-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null || { echo "initdb failed"; return 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 $*" -l "$pg_dir/log" -w start >/dev/null \
    || { cat "$pg_dir/log"; echo "PostgreSQL did not start"; return 1; }
  pg_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
}

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_throwaway_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
