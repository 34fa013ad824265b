#!/usr/bin/env node
// Lists the documented answers (operationId, status) no test observed. Run the e2e tests with
// ENPLAN_CONTRACT_COVERAGE=1 first: the contract harness (libs/core/testing, ContractValidator) writes
// dist/contract-coverage/documented.jsonl and observed.jsonl. `--max N` fails when more than N are uncovered.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'dist', 'contract-coverage');
const read = (file) =>
  existsSync(join(dir, file))
    ? new Set(readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((l) => { const { operationId, status } = JSON.parse(l); return `${operationId} ${status}`; }))
    : new Set();
const documented = read('documented.jsonl');
const observed = read('observed.jsonl');
if (!documented.size) {
  console.error(`no ${join(dir, 'documented.jsonl')}: run the e2e tests with ENPLAN_CONTRACT_COVERAGE=1 first`);
  process.exit(2);
}
const uncovered = [...documented].filter((pair) => !observed.has(pair)).sort();
for (const pair of uncovered) console.log(pair);
console.log(`${uncovered.length} of ${documented.size} documented answers never observed (${documented.size - uncovered.length} observed)`);
const max = process.argv.indexOf('--max');
if (max > 0 && uncovered.length > Number(process.argv[max + 1])) process.exit(1);
