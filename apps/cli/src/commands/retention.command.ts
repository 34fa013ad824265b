import { Command, CommandRunner, Option } from 'nest-commander';
import { createApp } from '@enplan/core/host';
import { PLUGIN_CATALOGUE } from '@enplan/plugin-catalogue';
import { RetentionService, type PurgeResult, type RetentionReport } from '@enplan/core/records';

interface RetentionOptions {
  purge?: boolean;
  json?: boolean;
}

/**
 * Lists the courses past their retention date per municipality (ids and counts, never names), or with
 * --purge erases them. A thin wrapper: the rules live in RetentionService (libs/core/records).
 * Results go to stdout; the host's own logs to stderr.
 */
@Command({ name: 'retention', description: 'List courses past their retention date; with --purge, erase them (and log each purge) and delete delivered domain events past ENPLAN_EVENTS_RETENTION_DAYS' })
export class RetentionCommand extends CommandRunner {
  async run(_: string[], o: RetentionOptions): Promise<void> {
    const app = await createApp({ plugins: PLUGIN_CATALOGUE, env: { ENPLAN_SEED_DEMO: 'false' }, logStream: process.stderr });
    try {
      const retention = app.get(RetentionService, { strict: false });
      const report = await retention.due();
      if (!o.purge) {
        process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : listing(report));
        return;
      }
      const results = await retention.purgeAll();
      const events = await retention.purgeEvents();
      process.stdout.write(
        o.json
          ? `${JSON.stringify({ today: report.today, years: report.years, results, events })}\n`
          : `${purged(report, results)}domain events delivered before ${events.before} (kept ${events.days} days): ${events.eventsDeleted} deleted with ${events.deliveriesDeleted} deliveries; ${events.deadLettersKept} dead letter(s) kept until handled\n`,
      );
      if (results.some((r) => r.outcome === 'failed')) process.exitCode = 1;
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--purge', description: 'erase the listed courses, one transaction each, and log each purge' })
  parsePurge() {
    return true;
  }

  @Option({ flags: '--json', description: 'print the result as JSON' })
  parseJson() {
    return true;
  }
}

function listing(r: RetentionReport): string {
  const total = r.municipalities.reduce((n, m) => n + m.courseIds.length, 0);
  const lines = [`courses past retention on ${r.today} (closed or declined, kept ${r.years} years after their end date): ${total}`];
  for (const m of r.municipalities) lines.push(`${m.code} ${m.name}: ${m.courseIds.length}${m.courseIds.length ? ` (${m.courseIds.join(', ')})` : ''}`);
  if (total) lines.push('run with --purge to erase them');
  return `${lines.join('\n')}\n`;
}

function purged(r: RetentionReport, results: PurgeResult[]): string {
  const lines = [`retention purge on ${r.today}: ${results.filter((x) => x.outcome === 'purged').length} of ${results.length} course(s) erased`];
  for (const m of r.municipalities) {
    const mine = results.filter((x) => x.municipalityId === m.municipalityId);
    if (!mine.length) {
      lines.push(`${m.code} ${m.name}: 0`);
      continue;
    }
    const ok = mine.filter((x) => x.outcome === 'purged');
    lines.push(
      `${m.code} ${m.name}: ${ok.length} erased, ${ok.reduce((n, x) => n + x.citizensErased, 0)} citizen(s) and ${ok.reduce((n, x) => n + x.householdsErased, 0)} household(s) with them`,
    );
    for (const x of mine) lines.push(`  ${x.courseId} ${x.outcome}${x.error ? `: ${x.error}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
