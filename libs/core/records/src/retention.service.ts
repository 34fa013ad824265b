import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessGrant, AccessLogService } from '@enplan/core/access';
import { Citizen, Household } from '@enplan/core/citizens';
import { EnplanConfig } from '@enplan/core/config';
import { Consent, Course, CourseTransition, TeamAssignment, courseCitizenIds, danishToday, retentionUntil } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { JournalNote } from '@enplan/core/journal';
import { Contact, FollowUp, Meeting } from '@enplan/core/meetings';
import { Plan } from '@enplan/core/plans';
import { CLOCK, type Clock } from '@enplan/shared/util';

/** The purge is done by the system, not a person: this actor id marks it in the access log. */
export const RETENTION_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
export const RETENTION_ROUTE = 'CLI enplan retention --purge';

const ENDED = ['closed', 'declined'] as const;

export interface RetentionDue {
  municipalityId: string;
  code: string;
  name: string;
  courseIds: string[];
}

export interface RetentionReport {
  /** The Danish date the check was made on: courses kept until before it are due. */
  today: string;
  years: number;
  municipalities: RetentionDue[];
}

export interface PurgeResult {
  municipalityId: string;
  courseId: string;
  outcome: 'purged' | 'skipped' | 'failed';
  retentionUntil: string | null;
  citizensErased: number;
  householdsErased: number;
  /** Why a course was skipped or failed: a rule or a database message, never personal data. */
  error?: string;
}

/** What the event retention did (`purgeEvents`): counts only. */
export interface EventPurgeResult {
  /** Events whose every delivery was delivered before this instant (and that occurred before it) were deleted. */
  before: string;
  days: number;
  eventsDeleted: number;
  /** Their delivery rows, deleted with them. */
  deliveriesDeleted: number;
  /** Dead letters kept (until an operator replays them and they are delivered). */
  deadLettersKept: number;
}

/** An identifier from the catalogue, quoted for SQL. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ForeignKey {
  table: string;
  column: string;
}

/**
 * Retention and erasure. Closing or declining a course sets its retention date (end date plus
 * ENPLAN_RETENTION_YEARS); once that date has passed, the course and everything hanging off it is erased,
 * together with citizens and households nothing refers to any more. Each course goes in its own
 * transaction, which also appends a `purge` entry to the access log; the log itself is never purged.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: EnplanConfig,
    private readonly log: AccessLogService,
  ) {}

  /** The courses past retention, per municipality (ids only). */
  async due(): Promise<RetentionReport> {
    const today = danishToday(this.clock);
    const municipalities = await this.ds.getRepository(Municipality).find({ order: { code: 'ASC' } });
    const out: RetentionDue[] = [];
    for (const m of municipalities) {
      const rows = await this.candidates(this.ds.manager, m.id);
      out.push({ municipalityId: m.id, code: m.code, name: m.name, courseIds: rows.filter((c) => this.isDue(c, today)).map((c) => c.id) });
    }
    return { today, years: this.config.retentionYears, municipalities: out };
  }

  /** Purges every course past retention, one transaction per course; a failing course does not stop the others. */
  async purgeAll(): Promise<PurgeResult[]> {
    const report = await this.due();
    const results: PurgeResult[] = [];
    for (const m of report.municipalities) for (const id of m.courseIds) results.push(await this.purgeCourse(m.municipalityId, id));
    return results;
  }

  /**
   * The retention of the outbox (`domain_event`, `event_delivery`): deletes each event older than
   * ENPLAN_EVENTS_RETENTION_DAYS that has been routed and whose every delivery was delivered before the cut-off, its
   * delivery rows with it (foreign-key cascade). An event with a delivery still pending or dead-lettered is kept, so a
   * dead letter stays until it is handled (replayed and delivered). Events carry ids and kinds only, so no access-log
   * entry is written. A pull-feed client that stays away longer than the period misses what was deleted.
   */
  async purgeEvents(): Promise<EventPurgeResult> {
    const days = this.config.events.retentionDays;
    const before = new Date(this.clock.now().getTime() - days * 86_400_000);
    return this.ds.transaction(async (em) => {
      const [counts]: { events: number; deliveries: number }[] = await em.query(
        `WITH gone AS (
           DELETE FROM domain_event e
            WHERE e.routed_at IS NOT NULL AND e.occurred_at < $1
              AND NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_id = e.id AND (d.status <> 'delivered' OR d.delivered_at IS NULL OR d.delivered_at >= $1))
           RETURNING e.id)
         SELECT (SELECT count(*) FROM gone)::int AS events,
                (SELECT count(*) FROM event_delivery d WHERE d.event_id IN (SELECT id FROM gone))::int AS deliveries`,
        [before],
      );
      const [dead]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM event_delivery WHERE status = 'dead'`);
      return { before: before.toISOString(), days, eventsDeleted: counts.events, deliveriesDeleted: counts.deliveries, deadLettersKept: dead.n };
    });
  }

  /** Erases one course (if it is still past retention) and what depends on it; logs the purge in the same transaction. */
  async purgeCourse(municipalityId: string, courseId: string): Promise<PurgeResult> {
    const today = danishToday(this.clock);
    const base = { municipalityId, courseId, citizensErased: 0, householdsErased: 0 };
    try {
      return await this.ds.transaction(async (em) => {
        const course = await em.findOne(Course, { where: { id: courseId, municipalityId }, lock: { mode: 'pessimistic_write' } });
        if (!course) return { ...base, outcome: 'skipped', retentionUntil: null, error: 'course not found' };
        const until = this.effectiveRetention(course);
        if (!this.isDue(course, today)) return { ...base, outcome: 'skipped', retentionUntil: until, error: 'not past retention' };
        const citizenIds = await courseCitizenIds(em, course);
        const where = { municipalityId, courseId };
        // Citizens who appear in the course only as meeting participants lose that reference with it, too.
        const participants: { citizen_id: string }[] = await em.query(
          `SELECT DISTINCT p.citizen_id FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id
           WHERE p.municipality_id = $1 AND p.citizen_id IS NOT NULL
             AND (m.course_id = $2 OR m.id IN (SELECT meeting_id FROM meeting_course WHERE course_id = $2))`,
          [municipalityId, courseId],
        );
        const candidates = [...new Set([...citizenIds, ...participants.map((r) => r.citizen_id)])];

        // A board meeting (no course of its own) that reviewed only this course goes with it; one that also
        // reviewed other courses stays, losing only its link to this one (by cascade).
        const boardOnlyHere: { meeting_id: string }[] = await em.query(
          `SELECT mc.meeting_id FROM meeting_course mc JOIN meeting m ON m.id = mc.meeting_id
           WHERE mc.municipality_id = $1 AND mc.course_id = $2 AND m.course_id IS NULL
             AND NOT EXISTS (SELECT 1 FROM meeting_course o WHERE o.meeting_id = mc.meeting_id AND o.course_id <> $2)`,
          [municipalityId, courseId],
        );
        if (boardOnlyHere.length) await em.delete(Meeting, { municipalityId, id: In(boardOnlyHere.map((r) => r.meeting_id)) });
        // The core's records of the course, explicitly; anything else that hangs off it (plugins' tables,
        // provider orders, outbox messages of its meetings) goes by the database's ON DELETE CASCADE.
        await em.delete(FollowUp, where);
        await em.delete(Contact, where);
        await em.delete(Meeting, where);
        await em.delete(JournalNote, where);
        await em.delete(Plan, where);
        await em.delete(Consent, where);
        await em.delete(AccessGrant, where);
        await em.delete(TeamAssignment, where);
        await em.delete(CourseTransition, where);
        // A table that names the course without a foreign key (a plugin's, say) would keep rows the cascade
        // cannot see: they go too, so nothing of the course outlives its retention.
        for (const table of await this.unlinkedCourseTables(em)) {
          await em.query(`DELETE FROM ${quote(table)} WHERE "municipality_id" = $1 AND "course_id" = $2`, [municipalityId, courseId]);
        }
        await em.delete(Course, { municipalityId, id: courseId });

        const refs = await this.foreignKeys(em);
        let householdsErased = 0;
        if (course.householdId && !(await this.referenced(em, refs.household, course.householdId, ['household_member']))) {
          await em.delete(Household, { municipalityId, id: course.householdId });
          householdsErased++;
        }
        const erased: string[] = [];
        for (const id of candidates) {
          if (await this.referenced(em, refs.citizen, id)) continue;
          await em.delete(Citizen, { municipalityId, id });
          erased.push(id);
        }
        const citizensErased = erased.length;

        await this.log.append(
          {
            municipalityId,
            actorId: RETENTION_ACTOR_ID,
            actorRoles: ['system'],
            operation: 'purge',
            outcome: 'allowed',
            recordType: 'course',
            recordId: courseId,
            courseIds: [courseId],
            citizenIds: [...new Set([...citizenIds, ...erased])],
            route: RETENTION_ROUTE,
            basis: 'retention',
            reason:
              `Retention rule: a ${course.status} course is kept until its end date (${course.endDate}) plus the retention period; ` +
              `retentionUntil ${until} has passed (today ${today}). Erased the course with its plan, meetings, notes, contacts, consents and grants, ` +
              `${householdsErased} household(s) and ${citizensErased} citizen(s) no longer referenced.`,
          },
          em,
        );
        return { ...base, outcome: 'purged', retentionUntil: until, citizensErased, householdsErased };
      });
    } catch (e) {
      // A database message names tables and constraints, never row values.
      const message = e instanceof Error ? e.message.split('\n')[0].slice(0, 300) : 'unknown error';
      return { ...base, outcome: 'failed', retentionUntil: null, error: message };
    }
  }

  private candidates(em: EntityManager, municipalityId: string): Promise<Course[]> {
    return em
      .getRepository(Course)
      .createQueryBuilder('c')
      .select(['c.id', 'c.municipalityId', 'c.status', 'c.endDate', 'c.retentionUntil'])
      .where('c.municipalityId = :municipalityId', { municipalityId })
      .andWhere('c.status IN (:...ended)', { ended: [...ENDED] })
      .andWhere('(c.retentionUntil < :today OR (c.retentionUntil IS NULL AND c.endDate IS NOT NULL))', { today: danishToday(this.clock) })
      .orderBy('c.retentionUntil', 'ASC', 'NULLS FIRST')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /** The stored retention date; for a course ended before retention dates were recorded, its end date plus the period. */
  private effectiveRetention(c: Pick<Course, 'retentionUntil' | 'endDate'>): string | null {
    return c.retentionUntil ?? (c.endDate ? retentionUntil(c.endDate, this.config.retentionYears) : null);
  }

  private isDue(c: Pick<Course, 'status' | 'retentionUntil' | 'endDate'>, today: string): boolean {
    if (!(ENDED as readonly string[]).includes(c.status)) return false;
    const until = this.effectiveRetention(c);
    return until !== null && until < today;
  }

  /** Every foreign key pointing at `citizen` and `household`, plugins' tables included, from the catalogue. */
  private async foreignKeys(em: EntityManager): Promise<{ citizen: ForeignKey[]; household: ForeignKey[] }> {
    const rows: { target: string; table_name: string; column_name: string }[] = await em.query(
      `SELECT t.relname AS target, c.relname AS table_name, a.attname AS column_name
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class t ON t.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       WHERE k.contype = 'f' AND t.relname IN ('citizen', 'household') AND n.nspname = current_schema()`,
    );
    const of = (target: string) => rows.filter((r) => r.target === target).map((r) => ({ table: r.table_name, column: r.column_name }));
    return { citizen: of('citizen'), household: of('household') };
  }

  /** Tenant tables with a `course_id` column that no foreign key ties to `course`. */
  private async unlinkedCourseTables(em: EntityManager): Promise<string[]> {
    const rows: { table_name: string }[] = await em.query(
      `SELECT c.table_name FROM information_schema.columns c
       WHERE c.table_schema = current_schema() AND c.column_name = 'course_id'
         AND EXISTS (SELECT 1 FROM information_schema.columns m WHERE m.table_schema = c.table_schema AND m.table_name = c.table_name AND m.column_name = 'municipality_id')
         AND NOT EXISTS (
           SELECT 1 FROM pg_constraint k
           JOIN pg_class t ON t.oid = k.conrelid
           JOIN pg_class r ON r.oid = k.confrelid
           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
           WHERE k.contype = 'f' AND t.relname = c.table_name AND r.relname = 'course' AND a.attname = 'course_id')`,
    );
    return rows.map((r) => r.table_name);
  }

  private async referenced(em: EntityManager, refs: ForeignKey[], id: string, except: string[] = []): Promise<boolean> {
    for (const r of refs) {
      if (except.includes(r.table)) continue;
      const hit: unknown[] = await em.query(`SELECT 1 FROM ${quote(r.table)} WHERE ${quote(r.column)} = $1 LIMIT 1`, [id]);
      if (hit.length) return true;
    }
    return false;
  }
}
