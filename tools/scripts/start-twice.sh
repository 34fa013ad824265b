#!/usr/bin/env bash
# The README's own start, twice on the same data (run by .ci/run; usable by hand): `npm start` on a fresh
# ENPLAN_DATA_DIR, a token from `npm run -s enplan -- token`, a few reads and a write; stop with SIGTERM;
# `npm start` again on the same directory, the same reads and a write. The embedded database once failed
# only on the second start, which no test that boots once could see.
# Until every step has passed, dist/test-results/start-twice.missing stands (counted as one failure).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"
# shellcheck source=lib/api-process.sh
source "$root/tools/scripts/lib/api-process.sh"
results="$root/dist/test-results"
mkdir -p "$results"
touch "$results/start-twice.missing"

data="$(mktemp -d "${TMPDIR:-/tmp}/enplan-start-twice.XXXXXX")"
log="$data/api.log"
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill -TERM -- "-$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
say() { printf -- '-- %s\n' "$*"; }

start() {
  : >"$log"
  # Its own process group, so the stop reaches node behind npm.
  ENPLAN_DATA_DIR="$data" PORT=0 HOST=127.0.0.1 DATABASE_URL= ENPLAN_DEPLOYMENT_FILE= setsid npm start >>"$log" 2>&1 &
  api_pid=$!
  wait_for_port "$api_pid" "$log" 180 || { echo "npm start did not come up" >&2; exit 1; }
  say "npm start: listening on port $port"
}

stop() {
  kill -TERM -- "-$api_pid"
  wait "$api_pid" || true
  # npm may exit before node has finished its graceful shutdown: wait for the whole group.
  for _ in $(seq 1 30); do kill -0 -- "-$api_pid" 2>/dev/null || break; sleep 1; done
  api_pid=""
  grep -q 'shutdown complete' "$log" || { tail -n 20 "$log"; echo "no graceful shutdown" >&2; exit 1; }
  say "stopped (SIGTERM, shutdown complete)"
}

# Reads every list a new user tries first and one write; any answer but the expected one fails.
check() {
  local caseworker manager
  caseworker="$(ENPLAN_DATA_DIR="$data" npm run -s enplan -- token)"
  manager="$(ENPLAN_DATA_DIR="$data" npm run -s enplan -- token --roles manager --user 00000000-0000-4000-8000-000000000002)"
  node - "$port" "$caseworker" "$manager" "$1" <<'EOF'
const [port, caseworker, manager, round] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const call = async (path, token, init = {}) => {
  const res = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: res.status, body: await res.text() };
};
const expectations = [
  ['GET', '/health', null, 200],
  ['GET', '/api/openapi.json', null, 200],
  ['GET', '/api/v1/me', caseworker, 200],
  ['GET', '/api/v1/staff', caseworker, 200],
  ['GET', '/api/v1/org-units', caseworker, 200],
  ['GET', '/api/v1/courses', caseworker, 200],
  ['GET', '/api/v1/courses?status=active', caseworker, 200],
  ['GET', '/api/v1/work-list', caseworker, 200],
  ['GET', '/api/v1/deployment', caseworker, 200],
];
let failed = 0;
for (const [method, path, token, want] of expectations) {
  const r = await call(path, token, { method });
  const ok = r.status === want;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${method} ${path}: ${r.status}${ok ? '' : ` ${r.body.slice(0, 300)}`}`);
}
const units = JSON.parse((await call('/api/v1/org-units', caseworker)).body);
const unitId = (units.items ?? units)[0]?.id;
const created = await call('/api/v1/staff', manager, {
  method: 'POST',
  body: JSON.stringify({ name: `Ny medarbejder ${round}`, unitId, function: 'caseworker', authorityAreas: ['employment', 'social-adults'] }),
});
const createdOk = created.status === 201;
if (!createdOk) failed++;
console.log(`${createdOk ? 'ok  ' : 'FAIL'} POST /api/v1/staff: ${created.status}${createdOk ? '' : ` ${created.body.slice(0, 300)}`}`);
const courses = JSON.parse((await call('/api/v1/courses', caseworker)).body);
const courseId = (courses.items ?? courses)[0]?.id;
if (!courseId) { failed++; console.log('FAIL no demo course visible to the demo caseworker'); }
else {
  const plan = await call(`/api/v1/courses/${courseId}/plan`, caseworker);
  if (plan.status !== 200) failed++;
  console.log(`${plan.status === 200 ? 'ok  ' : 'FAIL'} GET /api/v1/courses/{id}/plan: ${plan.status}`);
}
process.exit(failed ? 1 : 0);
EOF
}

say "first start on a fresh data directory ($data)"
start
check first
stop
say "second start on the same data directory"
start
check second
stop
rm -f "$results/start-twice.missing"
say "npm start twice on the same data: ok"
