#!/usr/bin/env node
// Which documented answers (operationId, status: successes and problems alike) no e2e test exercised. The e2e
// tests run with ENPLAN_CONTRACT_COVERAGE=1 (a full `npm test` sets it): the contract harness (libs/core/testing,
// ContractValidator) then writes dist/contract-coverage/documented.jsonl and observed.jsonl. The answers not yet
// exercised are committed in docs/contract-uncovered.txt, a list that may only shrink: an answer missing from a run
// and not on the list fails (write a test that gets it), one on the list that a run saw is reported and `--amend`
// strikes it off. Without the list (not recorded yet) the check reports only; `--raise` records the run's list.
//   node tools/scripts/contract-coverage.mjs [--amend | --raise] [--all]   (--all: print every unexercised answer)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const dir = join(root, 'dist', 'contract-coverage');
const listFile = join(root, 'docs', 'contract-uncovered.txt');
// The contract is what ships: operations of the test fixture plugins (apps/api-e2e/src/plugins/fixtures, which the
// plugin-host tests enable to probe the host) are left out; every plugin under plugins/ is in.
const shipped = new Set(readdirSync(join(root, 'plugins'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));
const fixture = (path) => { const m = /^\/api\/v\d+\/plugins\/([^/]+)\//.exec(path ?? ''); return m !== null && !shipped.has(m[1]); };
const read = (file) =>
  existsSync(join(dir, file))
    ? new Set(
        readFileSync(join(dir, file), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
          .filter(({ path }) => !fixture(path))
          .map(({ operationId, status }) => `${operationId} ${status}`),
      )
    : new Set();
const documented = read('documented.jsonl');
const observed = read('observed.jsonl');
if (!documented.size) {
  console.error(`no ${join(dir, 'documented.jsonl')}: run the e2e tests with ENPLAN_CONTRACT_COVERAGE=1 first`);
  process.exit(2);
}
const success = (pair) => /^[23]\d\d$/.test(pair.split(' ')[1]);
const count = (pairs) => `${pairs.filter(success).length} success, ${pairs.length - pairs.filter(success).length} problem`;
const uncovered = [...documented].filter((pair) => !observed.has(pair)).sort();
if (process.argv.includes('--all')) {
  for (const pair of uncovered) console.log(pair);
  console.log(`${uncovered.length} of ${documented.size} documented answers never observed (${documented.size - uncovered.length} observed)`);
  process.exit(0);
}
const missing = uncovered;
// A line is `operationId status`, optionally followed by `# why no test gets it`; whole-line comments are the header.
const entries = existsSync(listFile)
  ? readFileSync(listFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => { const at = l.indexOf('#'); return at < 0 ? [l, ''] : [l.slice(0, at).trim(), l.slice(at + 1).trim()]; })
  : [];
const reasons = new Map(entries);
const known = new Set(reasons.keys());
const write = (list) =>
  writeFileSync(
    listFile,
    '# Documented answers (operationId status) no e2e test exercises yet (tools/scripts/contract-coverage.mjs),\n' +
      '# each with why. This list may only shrink: write the test, then --amend.\n' +
      [...list].sort().map((pair) => (reasons.get(pair) ? `${pair}  # ${reasons.get(pair)}` : pair)).join('\n') + '\n',
  );
if (process.argv.includes('--raise')) {
  write(missing);
  console.log(`contract coverage: ${missing.length} unexercised answers (${count(missing)}) written to docs/contract-uncovered.txt`);
  process.exit(0);
}
const added = missing.filter((pair) => !known.has(pair));
const done = [...known].filter((pair) => !missing.includes(pair));
console.log(
  `contract coverage: ${documented.size - missing.length} of ${documented.size} documented answers (${count([...documented])}) exercised; ${missing.length} not (${count(missing)}; ${known.size} on the list)`,
);
if (!existsSync(listFile)) {
  for (const pair of missing) console.log(`  not exercised: ${pair}`);
  console.log('no docs/contract-uncovered.txt yet: reporting only (record it with --raise after a full run)');
  process.exit(0);
}
for (const pair of added) console.error(`documented answer not exercised by any test: ${pair}`);
if (done.length) console.log(`${done.length} answer(s) on the list are exercised now${process.argv.includes('--amend') ? ': struck off' : ' (--amend strikes them off)'}`);
if (process.argv.includes('--amend') && !added.length) write(missing);
process.exit(added.length ? 1 : 0);
