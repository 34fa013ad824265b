#!/usr/bin/env bash
# The plugin generator, proven end to end (run by .ci/run after the tests; usable by hand):
#   1. copy the workspace to a temporary directory (node_modules symlinked, dist/ and caches left out);
#   2. generate a throw-away plugin there: npx nx g @enplan/tools:plugin <name> (default ci-probe);
#   3. lint (module boundaries included) and typecheck the workspace with it, run its unit and e2e tests
#      (PGlite, and PostgreSQL when ENPLAN_TEST_PG_URL answers) and check the migration generator finds its
#      migrations up to date;
#   4. build, start the built API with the generated deployment file on a free port, call the plugin's
#      example endpoint with a token from `npm run -s enplan -- token`, expect 200;
#   5. remove the temporary directory.
# Jest's results go to <workspace>/dist/test-results/plugin-probe-*.json, so .ci/run's summary counts them;
# until every step has passed, plugin-probe.missing stands there too (counted as one failure).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
name="${1:-ci-probe}"
results="$root/dist/test-results"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0
export PATH="$root/node_modules/.bin:$PATH"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/enplan-plugin-probe.XXXXXX")"
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$results"
rm -f "$results"/plugin-probe*
touch "$results/plugin-probe.missing"
say() { printf -- '-- %s\n' "$*"; }

say "copy of the workspace in $tmp"
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./.nx --exclude=./data --exclude=./tmp \
  --exclude=./coverage --exclude=./docs/plugin-api --exclude=./.git -cf - . | tar -C "$tmp" -xf -
ln -s "$root/node_modules" "$tmp/node_modules"
cd "$tmp"

say "npx nx g @enplan/tools:plugin $name"
npx nx g @enplan/tools:plugin "$name" --no-interactive
test -f "plugins/$name/src/index.ts"
test -f "plugins/$name/e2e/$name.e2e-spec.ts"

say "lint"
nx show projects | grep -x "plugin-$name-e2e" >/dev/null   # plugins/<id>/e2e is a project of its own (tags type:e2e)
eslint "plugins/$name" libs/plugin-catalogue
say "typecheck"
tsc -p tsconfig.json --noEmit

say "tests of the generated plugin"
jest=(node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js)
ENPLAN_TEST_DB=pglite "${jest[@]}" --json --outputFile="$results/plugin-probe-pglite.json" "plugins/$name"
pg_url="${ENPLAN_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).catch(()=>process.exit(1))" "$pg_url"; then
  ENPLAN_TEST_DB=postgres ENPLAN_TEST_PG_URL="$pg_url" "${jest[@]}" --json --outputFile="$results/plugin-probe-postgres.json" "plugins/$name/e2e"
elif [ "${ENPLAN_TEST_REQUIRE_POSTGRES:-}" = "1" ]; then
  echo "PostgreSQL not reachable at $pg_url" >&2; exit 1
else
  say "PostgreSQL not reachable: its run is skipped"
fi
say "migration generator: the generated migrations match the entities"
out="$(npx nx g @enplan/tools:migration "$name" Probe --no-interactive 2>&1)" || { echo "$out"; exit 1; }
echo "$out" | grep -q "no schema changes" || { echo "$out"; echo "expected no schema changes for a freshly generated plugin" >&2; exit 1; }

say "the built API with deployments/$name.json"
node tools/scripts/build.mjs
mkdir -p "$tmp/data"
log="$tmp/api.log"
ENPLAN_DATA_DIR="$tmp/data" ENPLAN_DEPLOYMENT_FILE="deployments/$name.json" DATABASE_URL= PORT=0 HOST=127.0.0.1 LOG_LEVEL=info \
  node dist/apps/api/src/main.js >"$log" 2>&1 &
api_pid=$!
port=""
for _ in $(seq 1 120); do
  port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$port" ]; then cat "$log"; echo "the API did not start" >&2; exit 1; fi
token="$(ENPLAN_DATA_DIR="$tmp/data" npm run -s enplan -- token)"
url="http://127.0.0.1:$port/api/v1/plugins/$name/overview"
status="$(node -e "fetch(process.argv[1],{headers:{authorization:'Bearer '+process.argv[2]}}).then(async r=>{console.error(await r.text());console.log(r.status)}).catch(e=>{console.error(e.message);console.log(0)})" "$url" "$token")"
if [ "$status" != "200" ]; then echo "GET $url answered $status" >&2; tail -n 20 "$log"; exit 1; fi
say "GET /api/v1/plugins/$name/overview: 200"
rm -f "$results/plugin-probe.missing"
