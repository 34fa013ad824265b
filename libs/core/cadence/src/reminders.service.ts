import { Injectable } from '@nestjs/common';
import { DataSource, In, type QueryDeepPartialEntity } from 'typeorm';
import { Municipality } from '@enplan/core/database';
import { StaffMember } from '@enplan/core/organisation';
import { isoDay } from './cadence.js';
import { OutboxMessage } from '@enplan/core/meetings';
import { WorkListService, type WorkItem, type WorkListOptions } from './work-list.service.js';

/** The payload of a `work-list-reminder` outbox message (see outbox.entity.ts): references only, no titles or notes. */
export interface ReminderPayload {
  staffMemberId: string;
  day: string;
  counts: { overdue: number; due: number };
  items: Pick<WorkItem, 'kind' | 'state' | 'courseId' | 'dueOn' | 'ref'>[];
  text: string;
}

export interface ReminderRun {
  municipalityId: string;
  day: string;
  /** Staff members with at least one due or overdue item. */
  staffWithItems: number;
  /** Reminders written now. */
  written: number;
  /** Reminders that were already in the outbox for this day (an earlier run). */
  alreadyWritten: number;
}

export function reminderKey(staffMemberId: string, day: string): string {
  return `work-list-reminder:${staffMemberId}:${day}`;
}

function reminderText(overdue: number, due: number): string {
  const parts = [overdue ? `${overdue} ${overdue === 1 ? 'opgave er' : 'opgaver er'} overskredet` : '', due ? `${due} ${due === 1 ? 'opgave forfalder' : 'opgaver forfalder'} snart` : ''].filter(Boolean);
  return `Din arbejdsliste i Én plan: ${parts.join(' og ')}.`;
}

/**
 * The reminder job's core: compute every staff member's work list in a municipality at a moment and write
 * one reminder per staff member with due or overdue items to the outbox. Idempotent per day: the outbox's
 * dedupe key (staff member + day) means a second run the same day writes nothing new, whichever process
 * runs it; an advisory lock per municipality makes concurrent runs take turns, so the second counts nothing as
 * written. pg-boss only decides when this runs (reminder-job.ts).
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly ds: DataSource,
    private readonly workList: WorkListService,
  ) {}

  async run(municipalityId: string, at: Date, o: WorkListOptions = {}): Promise<ReminderRun> {
    const day = isoDay(at);
    return this.ds.transaction(async (em) => {
      // One run per municipality at a time, across every API process on the database: a second run (another
      // process's tick, a retry) waits here, then finds the first one's reminders and writes none.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('enplan-work-list-reminders'), hashtext($1))`, [municipalityId]);
      const lists = await this.workList.staffLists(em, municipalityId, null, at, o);
      const ids = [...lists.entries()].filter(([, items]) => items.some((i) => i.state !== 'upcoming')).map(([id]) => id);
      const active = ids.length
        ? new Set((await em.find(StaffMember, { where: { id: In(ids), municipalityId, active: true }, select: { id: true } })).map((s) => s.id))
        : new Set<string>();
      const staff = ids.filter((id) => active.has(id)).sort();
      const keys = staff.map((id) => reminderKey(id, day));
      const existing = keys.length
        ? new Set((await em.find(OutboxMessage, { where: { municipalityId, dedupeKey: In(keys) }, select: { id: true, dedupeKey: true } })).map((r) => r.dedupeKey))
        : new Set<string | null>();
      const rows = staff
        .filter((id) => !existing.has(reminderKey(id, day)))
        .map((id) => {
          const items = (lists.get(id) ?? []).filter((i) => i.state !== 'upcoming');
          const overdue = items.filter((i) => i.state === 'overdue').length;
          const payload: ReminderPayload = {
            staffMemberId: id,
            day,
            counts: { overdue, due: items.length - overdue },
            items: items.map(({ kind, state, courseId, dueOn, ref }) => ({ kind, state, courseId, dueOn, ref })),
            text: reminderText(overdue, items.length - overdue),
          };
          return {
            municipalityId,
            topic: 'work-list-reminder' as const,
            recipientKind: 'staff' as const,
            recipientId: id,
            meetingId: null,
            dedupeKey: reminderKey(id, day),
            status: 'pending' as const,
            attempts: 0,
            payload: payload as unknown as Record<string, unknown>,
            createdAt: at,
            lastAttemptAt: null,
            sentAt: null,
            lastError: null,
            createdBy: null,
          };
        });
      // A concurrent run that got there first is not an error: its row stands.
      if (rows.length) await em.createQueryBuilder().insert().into(OutboxMessage).values(rows as QueryDeepPartialEntity<OutboxMessage>[]).orIgnore().execute();
      return { municipalityId, day, staffWithItems: staff.length, written: rows.length, alreadyWritten: staff.length - rows.length };
    });
  }

  /** Every municipality of the deployment, one transaction each. */
  async runAll(at: Date, o: WorkListOptions = {}): Promise<ReminderRun[]> {
    const municipalities = await this.ds.getRepository(Municipality).find({ select: { id: true }, order: { code: 'ASC' } });
    const out: ReminderRun[] = [];
    for (const m of municipalities) out.push(await this.run(m.id, at, o));
    return out;
  }
}
