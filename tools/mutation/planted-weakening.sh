#!/usr/bin/env bash
# Proves the mutation gate bites: in a scratch copy of the committed tree (a git worktree in a temp folder),
# one rule's condition is replaced by `true` (the family disclosure rule: untagged free text in a family would
# no longer wait for a caseworker's review), and `npm run test:mutation -- <that file>` must fail. Run by
# .ci/run once, after the real mutation step. It is a script, not a Jest spec: Stryker starts its own Jest
# child processes and sandbox, which does not nest inside a Jest run, and `npm test` would run it a second time.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
file=libs/core/citizens/src/disclosure.ts
scratch=$(mktemp -d /tmp/enplan-planted.XXXXXX)
cleanup() { git -C "$root" worktree remove --force "$scratch/tree" >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT
git worktree add --quiet --detach "$scratch/tree" HEAD
cd "$scratch/tree"
ln -s "$root/node_modules" node_modules
# The planted weakening: a rule's condition replaced by `true`.
before='  return !family || released ? '"'"'disclosed'"'"' : '"'"'review-required'"'"';'
after='  return true ? '"'"'disclosed'"'"' : '"'"'review-required'"'"';'
grep -qF -- "$before" "$file" || { echo "planted weakening: the condition to replace is no longer in $file" >&2; exit 2; }
python3 - "$file" "$before" "$after" <<'PY'
import sys
p, a, b = sys.argv[1:]
s = open(p).read()
open(p, 'w').write(s.replace(a, b, 1))
PY
git --no-pager diff --stat
set +e
node tools/mutation/run.mjs --force "$file" >"$scratch/run.log" 2>&1
status=$?
set -e
grep -E '^mutation:|Something went wrong|failed' "$scratch/run.log" | head -20
if [ "$status" -eq 0 ]; then
  echo "planted weakening: the mutation run PASSED on a weakened $file: the gate does not bite" >&2
  exit 1
fi
echo "planted weakening: the mutation run on the weakened $file failed (exit $status), as it must"
