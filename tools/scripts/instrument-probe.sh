#!/usr/bin/env bash
# The instrument generator, proven end to end (run by .ci/run after the plugin probe; usable by hand; quick):
#   1. copy the workspace to a temporary directory (node_modules symlinked, dist/ and caches left out);
#   2. generate a throw-away instrument there: npx nx g @enplan/tools:instrument <name> (default ci-probe-instrument);
#   3. lint the instruments library with it and run the library's tests, the generated instrument's test
#      included, untouched (no database: instruments are data);
#   4. remove the temporary directory.
# Jest's results go to <workspace>/dist/test-results/instrument-probe.json, so .ci/run's summary counts them;
# until every step has passed, instrument-probe.missing stands there too (counted as one failure).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
name="${1:-ci-probe-instrument}"
results="$root/dist/test-results"
lib="libs/core/progression-instruments"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0
export PATH="$root/node_modules/.bin:$PATH"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/enplan-instrument-probe.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$results"
rm -f "$results"/instrument-probe*
touch "$results/instrument-probe.missing"
say() { printf -- '-- %s\n' "$*"; }

say "copy of the workspace in $tmp"
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./.nx --exclude=./data --exclude=./tmp \
  --exclude=./coverage --exclude=./docs/plugin-api --exclude=./.git -cf - . | tar -C "$tmp" -xf -
ln -s "$root/node_modules" "$tmp/node_modules"
cd "$tmp"

say "npx nx g @enplan/tools:instrument $name"
npx nx g @enplan/tools:instrument "$name" --no-interactive
test -f "$lib/src/instruments/$name.json"
test -f "$lib/src/instruments/$name.spec.ts"
test -f "$lib/src/instruments/examples/$name.answers.json"
grep -q "'$name'" "$lib/src/shipped.ts"

say "lint"
eslint "$lib"

say "tests of the instruments library, the generated instrument's included"
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --json --outputFile="$results/instrument-probe.json" "$lib"
node -e "
const r = require(process.argv[1]);
const mine = r.testResults.filter((t) => t.name.endsWith('/instruments/' + process.argv[2] + '.spec.ts'));
if (mine.length !== 1 || mine[0].status !== 'passed') { console.error('the generated instrument test did not run and pass'); process.exit(1); }
" "$results/instrument-probe.json" "$name"
say "the generated instrument $name passes its tests"
rm -f "$results/instrument-probe.missing"
