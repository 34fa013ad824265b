#!/usr/bin/env node
// The contract ratchet. Every e2e response is checked against the OpenAPI document (libs/core/testing,
// ContractValidator); a mismatch is recorded in dist/contract-coverage/mismatches.txt (or fails its test at once
// under ENPLAN_CONTRACT_STRICT=1). This compares the run's mismatches with the committed list,
// docs/contract-mismatches.txt: a mismatch not on the list fails (the document or the server must be fixed);
// one on the list that no longer occurs is reported, and `--amend` writes the shorter list. The list never grows
// without `--raise`.
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
for (const l of added) console.error(`${existsSync(listFile) ? 'new ' : ''}contract mismatch: ${l}`);
if (gone.length) console.log(`${gone.length} known mismatch(es) no longer seen${process.argv.includes('--amend') ? ': removed from the list' : ' (npm run contract:amend removes them)'}`);
if (process.argv.includes('--amend') && !added.length) write(new Set([...known].filter((l) => seen.has(l))));
console.log(`contract mismatches: ${seen.size} seen, ${known.size} known, ${added.length} new`);
// Until the first complete list is recorded (docs/contract-mismatches.txt absent), the run reports and does not fail.
if (!existsSync(listFile)) {
  console.log('no docs/contract-mismatches.txt yet: reporting only (record it with --raise after a full run)');
  process.exit(0);
}
process.exit(added.length ? 1 : 0);
