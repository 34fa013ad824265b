#!/usr/bin/env bash
# A real PostgreSQL streaming replica of the test server, for apps/api-e2e/src/host/streaming-replica.e2e-spec.ts
# (run by .ci/run; usable by hand, as root, on a machine with Debian's PostgreSQL):
#   bash tools/scripts/pg-replica.sh
# prints the replica's URL (postgres://postgres@127.0.0.1:5433/postgres) on stdout, progress on stderr.
# The primary is the Debian cluster on 127.0.0.1:5432 (ENPLAN_PG_PRIMARY_PORT). It gets a pg_hba line letting
# postgres replicate from 127.0.0.1 without a password, and a reload; it is restarted only when wal_level or
# max_wal_senders is too low for streaming (both need a restart; Debian's defaults, replica and 10, are enough).
# The standby is a hot standby on 127.0.0.1:5433 (ENPLAN_PG_REPLICA_PORT), made by pg_basebackup -R -X stream into
# /var/lib/postgresql/enplan-replica (ENPLAN_PG_REPLICA_DIR, owned by postgres), started with pg_ctl, no Debian
# cluster of its own. Idempotent: a standby already streaming on that port is left as it is; ours, stopped or not
# streaming, is made again from a fresh base backup (no replication slot holds WAL for a stopped one).
set -euo pipefail

primary_port="${ENPLAN_PG_PRIMARY_PORT:-5432}"
port="${ENPLAN_PG_REPLICA_PORT:-5433}"
dir="${ENPLAN_PG_REPLICA_DIR:-/var/lib/postgresql/enplan-replica}"
log="$dir.log"
url="postgres://postgres@127.0.0.1:$port/postgres"

say() { printf -- '-- pg-replica: %s\n' "$*" >&2; }
die() { printf -- 'pg-replica: %s\n' "$*" >&2; exit 1; }

# PostgreSQL's tools run as postgres (they refuse root, and the data directory is postgres's).
if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
elif [ "$(id -un)" = postgres ]; then
  as_pg() { "$@"; }
else
  die "run as root (or postgres)"
fi
primary() { as_pg psql -X -q -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }
standby() { as_pg psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"; }
standby_up() { pg_isready -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; }
streaming() { [ "$(standby -c "select pg_is_in_recovery() and exists (select 1 from pg_stat_wal_receiver where status = 'streaming')" 2>/dev/null)" = t ]; }
# Up to $1 seconds for the standby to stream from the primary.
wait_streaming() { for _ in $(seq 1 "$1"); do streaming && return 0; sleep 1; done; return 1; }

command -v pg_isready >/dev/null 2>&1 || die "no PostgreSQL client tools (apt-get install postgresql)"
pg_isready -q -h 127.0.0.1 -p "$primary_port" || die "no PostgreSQL answers on 127.0.0.1:$primary_port"
[ "$(primary -c 'select pg_is_in_recovery()')" = f ] || die "127.0.0.1:$primary_port is itself a standby"
ver="$(primary -c 'show server_version_num')"
bin="/usr/lib/postgresql/$((ver / 10000))/bin"
[ -x "$bin/pg_basebackup" ] || die "no $bin/pg_basebackup (Debian's postgresql package)"

# 1. The primary streams: wal_level replica (or logical) and senders for the standby plus a base backup's two.
wal_level="$(primary -c 'show wal_level')"
senders="$(primary -c 'show max_wal_senders')"
if [ "$wal_level" = minimal ] || [ "$senders" -lt 3 ]; then
  say "the primary has wal_level=$wal_level, max_wal_senders=$senders: setting replica and 10, which needs a RESTART of the primary"
  primary -c "alter system set wal_level = replica" -c "alter system set max_wal_senders = 10"
  data_dir="$(primary -c 'show data_directory')"
  cluster="$(pg_lsclusters -h | awk -v p="$primary_port" '$3 == p { print $1 " " $2; exit }')"
  if [ -n "$cluster" ]; then
    # shellcheck disable=SC2086 # version and cluster name
    pg_ctlcluster --skip-systemctl-redirect $cluster restart
  else
    as_pg "$bin/pg_ctl" -D "$data_dir" -w restart
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$primary_port" && break; sleep 1; done
fi

# 2. postgres may replicate from 127.0.0.1 without a password (a reload is enough for pg_hba.conf).
hba="$(primary -c 'show hba_file')"
if ! grep -qE '^host\s+replication\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
  say "allowing replication from 127.0.0.1 in $hba (and reloading the primary)"
  sed -i '1i host replication all 127.0.0.1/32 trust' "$hba"
  primary -c 'select pg_reload_conf()' >/dev/null
  sleep 1
fi
bad="$(primary -c 'select count(*) from pg_hba_file_rules where error is not null')"
[ "$bad" = 0 ] || die "$hba has $bad line(s) PostgreSQL rejects (select * from pg_hba_file_rules where error is not null)"

# 3. A standby already streaming on the port stays.
ours() { [ -f "$dir/postmaster.pid" ] && [ "$(sed -n 4p "$dir/postmaster.pid")" = "$port" ]; }
if standby_up; then
  if wait_streaming 15; then
    say "a standby already streams on 127.0.0.1:$port"
    echo "$url"
    exit 0
  fi
  ours || die "127.0.0.1:$port answers but is not a standby streaming from 127.0.0.1:$primary_port (not ours: $dir)"
  say "our standby on 127.0.0.1:$port does not stream: making it again"
fi

# 4. Ours, fresh: stop whatever runs in the directory, take a base backup, start it.
case "$dir" in /*/?*) ;; *) die "ENPLAN_PG_REPLICA_DIR must be an absolute path below /: $dir" ;; esac
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/standby.signal" ]; then
  die "$dir is not empty and not a standby made by this script: not touching it"
fi
if [ -f "$dir/postmaster.pid" ]; then as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >&2 || true; fi
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
say "base backup of 127.0.0.1:$primary_port into $dir"
install -d -o postgres -g postgres -m 700 "$dir"
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir" -R -X stream --checkpoint=fast >&2
# Debian keeps the primary's configuration in /etc: the standby gets its own. A hot standby needs these
# settings at least as high as the primary's; the rest are copied so that sessions behave alike.
sockets=/var/run/postgresql
[ -d "$sockets" ] || sockets=/tmp
{
  echo "# Written by tools/scripts/pg-replica.sh: a hot standby of 127.0.0.1:$primary_port."
  echo "port = $port"
  echo "listen_addresses = '127.0.0.1'"
  echo "unix_socket_directories = '$sockets'"
  echo "hot_standby = on"
  echo "shared_buffers = 32MB"
  primary -c "select format('%s = %L', name, setting) from pg_settings where name in ('max_connections',
    'max_worker_processes', 'max_prepared_transactions', 'max_locks_per_transaction', 'max_wal_senders',
    'TimeZone', 'DateStyle', 'lc_messages', 'lc_monetary', 'lc_numeric', 'lc_time', 'default_text_search_config')"
} | as_pg tee "$dir/postgresql.conf" >/dev/null
printf '%s\n' 'local all all trust' 'host all all 127.0.0.1/32 trust' 'host all all ::1/128 trust' | as_pg tee "$dir/pg_hba.conf" >/dev/null
as_pg touch "$dir/pg_ident.conf"
[ -f "$dir/standby.signal" ] || die "pg_basebackup -R wrote no standby.signal"
say "starting the standby on 127.0.0.1:$port (log: $log)"
# The port on the command line too: postgresql.auto.conf, copied from the primary, would win over the file.
as_pg "$bin/pg_ctl" -D "$dir" -l "$log" -w -t 120 -o "-p $port -c listen_addresses=127.0.0.1" start >&2 || { tail -n 20 "$log" >&2 || true; die "the standby did not start"; }

for _ in $(seq 1 60); do standby_up && break; sleep 1; done
standby_up || die "the standby does not answer on 127.0.0.1:$port (log: $log)"
wait_streaming 60 || die "the standby on 127.0.0.1:$port is not streaming from the primary (log: $log)"
say "standby on 127.0.0.1:$port streams from 127.0.0.1:$primary_port"
echo "$url"
