#!/usr/bin/env node
// The contract gate. Every e2e response is checked against the OpenAPI document (libs/core/testing,
// ContractValidator): a mismatch fails its test at once, unless it is on the committed list of known ones,
// docs/contract-mismatches.txt (absent: empty), and is recorded in dist/contract-coverage/mismatches.txt either
// way. After a run this fails on any recorded mismatch not on the list (also the ones a diagnosis run with
// ENPLAN_CONTRACT_STRICT=0 let through); one on the list that no longer occurs is reported, and `--amend` writes
// the shorter list. The list may only shrink: `--raise` (write the run's list) is for a recorded exception only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const runFile = join(root, 'dist', 'contract-coverage', 'mismatches.txt');
const listFile = join(root, 'docs', 'contract-mismatches.txt');
// A mismatch is named by its operation, not by the request's path: record ids, versions and tokens in a path
// differ from run to run, the operation does not. (`GET /api/v1/x/{id} → 404 (getX, …): …` → `GET → 404 (getX, …): …`)
const normalise = (l) => l.replace(/^([A-Z]+) \S+ → /, '$1 → ');
const lines = (file) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => normalise(l.trim())).filter((l) => l && !l.startsWith('#')) : [];
const seen = new Set(lines(runFile));
const known = new Set(lines(listFile));
const added = [...seen].filter((l) => !known.has(l)).sort();
const gone = [...known].filter((l) => !seen.has(l)).sort();
const write = (set) =>
  writeFileSync(
    listFile,
    '# Answers the e2e tests saw that docs/openapi.json does not describe (tools/scripts/contract-mismatches.mjs).\n' +
      '# Known gaps being worked off: this list may only shrink. Fix the document or the server, then --amend.\n' +
      [...set].sort().join('\n') + '\n',
  );
if (process.argv.includes('--raise')) {
  write(seen);
  console.log(`contract mismatches: ${seen.size} written to docs/contract-mismatches.txt`);
  process.exit(0);
}
for (const l of added) console.error(`contract mismatch: ${l}`);
if (gone.length) console.log(`${gone.length} known mismatch(es) no longer seen${process.argv.includes('--amend') ? ': removed from the list' : ' (npm run contract:amend removes them)'}`);
if (process.argv.includes('--amend') && !added.length && existsSync(listFile)) write(new Set([...known].filter((l) => seen.has(l))));
console.log(`contract mismatches: ${seen.size} seen, ${known.size} known, ${added.length} new`);
process.exit(added.length ? 1 : 0);
