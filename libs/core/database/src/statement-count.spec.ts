import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureStatementsTo, countStatements, StatementCountingLogger } from './statement-count.js';

/**
 * The statement counter and the capture `npm run bench:explain` reads (ENPLAN_SQL_CAPTURE_FILE): statements are
 * counted and captured only inside a scope, under the scope's label, with CPR-like values masked in the text and
 * the parameters while ids stay whole (the explain script re-runs the statements with them).
 */
describe('statement counting and capture', () => {
  let dir: string;
  let file: string;
  const logger = new StatementCountingLogger();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'enplan-capture-'));
    file = join(dir, 'statements.jsonl');
  });
  afterEach(() => {
    captureStatementsTo(undefined);
    rmSync(dir, { recursive: true, force: true });
  });
  const lines = () => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  it('counts and captures inside a scope only, under its label', () => {
    captureStatementsTo(file);
    logger.logQuery('SELECT 1');
    expect(existsSync(file)).toBe(false);
    const n = countStatements((read) => {
      logger.logQuery('SELECT $1', [1]);
      logger.logQuery('SELECT $1', [2]);
      return read();
    }, 'request-1');
    expect(n).toBe(2);
    expect(lines()).toEqual([
      { label: 'request-1', query: 'SELECT $1', parameters: [1] },
      { label: 'request-1', query: 'SELECT $1', parameters: [2] },
    ]);
  });

  it('masks CPR-like values in the text and the parameters, and keeps ids, dates and numbers', () => {
    captureStatementsTo(file);
    // A uuid whose last group holds a CPR-shaped digit run: an id, left whole.
    const id = '0c2c2e5a-1b2c-4d3e-8f40-a120190123b4';
    const at = new Date('2026-01-02T03:04:05Z');
    countStatements(() => {
      logger.logQuery(`SELECT * FROM citizen WHERE note = '0101901234' AND cpr = $1`, ['0101901234', '010190-1234', id, [id, '3112991234'], { text: 'cpr 0101901234' }, at, 42]);
    }, 'r');
    const [line] = lines();
    expect(line.query).toBe(`SELECT * FROM citizen WHERE note = '[cpr]' AND cpr = $1`);
    expect(line.parameters).toEqual(['[cpr]', '[cpr]', id, [id, '[cpr]'], { text: 'cpr [cpr]' }, at.toISOString(), 42]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/0101901234|010190-1234|3112991234/);
  });

  it('captures nothing once the capture is off, and counts as before', () => {
    captureStatementsTo(undefined);
    expect(countStatements((read) => (logger.logQuery('SELECT 1'), read()))).toBe(1);
    expect(existsSync(file)).toBe(false);
  });
});
