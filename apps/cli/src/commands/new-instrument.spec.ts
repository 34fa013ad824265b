import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrumentGeneratorArgs, runInstrumentGenerator, workspaceRoot } from './new-plugin.js';

/**
 * `enplan new instrument <name>` (new.command.ts calls runInstrumentGenerator) runs the workspace's Nx generator (the
 * real one, in this workspace): a refused name fails with the generator's reason and writes nothing; --dry-run
 * lists the files and writes nothing.
 */
const root = workspaceRoot();
const SHIPPED = 'libs/core/progression-instruments/src/shipped.ts';
const shipped = () => readFileSync(join(root, SHIPPED), 'utf8');

describe('enplan new instrument', () => {
  it('passes the name and options to npx nx g @enplan/tools:instrument', () => {
    expect(instrumentGeneratorArgs('daily-check', { title: 'Hverdag', dryRun: true })).toEqual(['g', '@enplan/tools:instrument', 'daily-check', '--no-interactive', '--title', 'Hverdag', '--dry-run']);
    expect(instrumentGeneratorArgs('daily-check')).toEqual(['g', '@enplan/tools:instrument', 'daily-check', '--no-interactive']);
  });

  it('refuses a name that is not kebab-case, or a shipped id, with the reason, writing nothing', async () => {
    const before = shipped();
    await expect(runInstrumentGenerator('Bad_Name')).rejects.toThrow(/Cannot generate instrument "Bad_Name":[^]*not a valid instrument name: use kebab-case[^]*Nothing was written\./);
    await expect(runInstrumentGenerator('employment-readiness')).rejects.toThrow(/employment-readiness\.json already exists/);
    expect(shipped()).toBe(before);
  });

  it('lists what it would create with --dry-run, writing nothing', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      await runInstrumentGenerator('cli-dry-run-instrument', { dryRun: true });
    } finally {
      process.stdout.write = write;
    }
    const text = out.join('');
    expect(text).toContain('CREATE libs/core/progression-instruments/src/instruments/cli-dry-run-instrument.json');
    expect(text).toContain('CREATE libs/core/progression-instruments/src/instruments/cli-dry-run-instrument.spec.ts');
    expect(text).toContain('CREATE libs/core/progression-instruments/src/instruments/examples/cli-dry-run-instrument.answers.json');
    expect(text).toContain(`UPDATE ${SHIPPED}`);
    expect(existsSync(join(root, 'libs/core/progression-instruments/src/instruments/cli-dry-run-instrument.json'))).toBe(false);
  });
});
