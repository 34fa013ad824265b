# Sourced by start-twice.sh and plugin-probe.sh: one place for waiting until a started API listens.

# wait_for_port PID LOG SECONDS: sets $port to the port the API wrote to LOG that it listens on. The API picks
# its own port (PORT=0), so its log is the only place to learn it. Gives up (prints LOG, returns 1) when the
# process has exited or SECONDS have passed.
wait_for_port() {
  local pid="$1" log="$2" seconds="$3"
  port=""
  for _ in $(seq 1 "$seconds"); do
    port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  cat "$log"
  return 1
}
