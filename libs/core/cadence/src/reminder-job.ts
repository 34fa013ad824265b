import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { PgBoss } from 'pg-boss';
import { EnplanConfig } from '@enplan/core/config';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { RemindersService } from './reminders.service.js';

export const REMINDER_QUEUE = 'enplan-work-list-reminders';
export const REMINDER_TIME_ZONE = 'Europe/Copenhagen';

/**
 * Runs the reminder job on a schedule with pg-boss: a queue and a cron schedule in PostgreSQL (schema
 * `pgboss`), so with several API instances the job still runs once per tick. On only when the host runs on
 * PostgreSQL and `ENPLAN_REMINDERS_CRON` is set; on the embedded database it is off. What the job does is
 * `RemindersService.runAll`, idempotent per day, so a retried or doubled tick writes nothing twice.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private boss: PgBoss | null = null;

  constructor(
    private readonly config: EnplanConfig,
    private readonly reminders: RemindersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The running pg-boss instance (null when the job is off). */
  get queue(): PgBoss | null {
    return this.boss;
  }

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.config.remindersCron;
    if (!cron) return;
    if (this.config.database.kind !== 'postgres') {
      this.logger.warn('ENPLAN_REMINDERS_CRON is set, but the reminder job needs PostgreSQL (DATABASE_URL): it is off on the embedded database');
      return;
    }
    const { PgBoss } = await import('pg-boss');
    const boss = new PgBoss({
      connectionString: this.config.database.url,
      schema: 'pgboss',
      max: 2,
      application_name: 'enplan-reminders',
      // Lets tests wait for a job's completion instead of sleeping; never in production.
      __test__enableSpies: this.config.env === 'test',
    });
    // Never log the error object whole: a connection error can carry the URL.
    boss.on('error', (e: Error) => this.logger.error(`pg-boss: ${e.message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://***')}`));
    await boss.start();
    await boss.createQueue(REMINDER_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 15 * 60 });
    await boss.schedule(REMINDER_QUEUE, cron, {}, { tz: REMINDER_TIME_ZONE });
    await boss.work(REMINDER_QUEUE, async (jobs) => {
      for (const _job of jobs) {
        const runs = await this.reminders.runAll(this.clock.now());
        this.logger.log(`reminders written: ${runs.reduce((n, r) => n + r.written, 0)} (${runs.length} municipalities)`);
      }
    });
    this.boss = boss;
    this.logger.log(`reminder job scheduled: "${cron}" (${REMINDER_TIME_ZONE})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Before the DataSource closes: let a running job finish, then stop.
    if (boss) await boss.stop({ graceful: true, timeout: 10_000 });
  }
}
