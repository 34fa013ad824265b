#!/usr/bin/env bash
# Proves the per-file threshold gate bites: in a scratch copy of the committed tree (a git worktree in a temp
# folder), THE family disclosure rule's condition is replaced by `true` (every item and every free text would be
# disclosed to every member of a family), and the specs that then go red (the `disclosedTo` and
# `freeTextDisclosure` blocks of disclosure.spec.ts) are deleted, as someone making the suite green would. The
# remaining specs pass, so Stryker runs to the end; the mutation run must then fail on the SCORE: the file's
# row below 85 % in check-thresholds' table, not a failing spec or a Stryker error. Run by .ci/run once, after
# the real mutation step (one Stryker run of one small file, ~30 s). It is a script, not a Jest spec: Stryker
# starts its own Jest child processes and sandbox, which does not nest inside a Jest run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
file=libs/core/citizens/src/disclosure.ts
spec=libs/core/citizens/src/disclosure.spec.ts
scratch=$(mktemp -d /tmp/enplan-planted.XXXXXX)
cleanup() { git -C "$root" worktree remove --force "$scratch/tree" >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT
git worktree add --quiet --detach "$scratch/tree" HEAD
cd "$scratch/tree"
ln -s "$root/node_modules" node_modules
python3 - "$file" "$spec" <<'PY'
import sys
rule, spec = sys.argv[1:]
def replace(path, before, after):
    s = open(path).read()
    if before not in s:
        sys.exit(f"planted weakening: {before.strip()[:60]!r} is no longer in {path}")
    open(path, 'w').write(s.replace(before, after, 1))
# The planted weakening: the disclosure rule's condition replaced by `true`.
replace(rule, '  return !concerns?.length || concerns.some((c) => circle.has(c));', '  return true;')
# The specs that catch it directly, deleted.
s = open(spec).read()
start, end = s.find("describe('disclosedTo"), s.find("describe('loadDisclosureCircle'")
if start < 0 or end < start:
    sys.exit(f"planted weakening: the disclosedTo/freeTextDisclosure blocks are no longer where expected in {spec}")
open(spec, 'w').write(s[:start] + s[end:])
PY
git --no-pager diff --stat
set +e
npm run -s test:mutation -- --force "$file" >"$scratch/run.log" 2>&1
status=$?
set -e
grep -E '^mutation:|Something went wrong|failed|disclosure\.ts +\|' "$scratch/run.log" | head -20
fail() { echo "planted weakening: $1" >&2; echo "--- run log (tail) ---" >&2; tail -40 "$scratch/run.log" >&2; exit 1; }
[ "$status" -ne 0 ] || fail "the mutation run PASSED on a weakened $file with its specs gone: the gate does not bite"
grep -q 'mutation: Stryker failed on' "$scratch/run.log" && fail "Stryker itself failed (a spec or the sandbox), so this proves nothing about the threshold"
grep -Eq "^$file +\| +[0-9.]+ % .*\| FAIL" "$scratch/run.log" || fail "the mutation run failed, but not on $file's score"
grep -q 'mutation: a listed file scores below 85 %' "$scratch/run.log" || fail "no threshold verdict in the run log"
echo "planted weakening: the remaining specs passed and the mutation run failed on $file's score (exit $status), as it must"
