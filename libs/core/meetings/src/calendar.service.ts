import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { AccessLogService, type AccessEvent } from '@enplan/core/access';
import { Course } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { meetingEvent } from './calendar-event.js';
import { CalendarSubscription } from './calendar-subscription.entity.js';
import { buildCalendar } from '@enplan/core/meeting-rules';
import { Meeting, MeetingCourse, MeetingParticipant } from './meeting.entity.js';
import { meetingsError } from './meetings.error.js';
import { MeetingsService, UUID } from './meetings.service.js';

export { meetingEvent } from './calendar-event.js';

/** A subscription token: 32 random bytes, base64url. A secret, never a name or a CPR number. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The access log's route template for the token feed: the template, never the token. */
export const CALENDAR_TOKEN_ROUTE = 'GET /api/v1/calendar/:token.ics';
const FEED_PAST_DAYS = 90;

export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The path of the public feed for a token (the caller prefixes the API's public address). */
export function calendarFeedPath(token: string): string {
  return `/api/v1/calendar/${token}.ics`;
}

export interface CreatedSubscription {
  token: string;
  createdAt: Date;
  /** When this replaced an earlier token (rotation). */
  rotated: boolean;
}

@Injectable()
export class CalendarService {
  private readonly logger = new Logger('CalendarFeed');

  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    private readonly log: AccessLogService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async meeting(p: Principal, id: string): Promise<string> {
    const m = await this.meetings.meeting(this.ds.manager, p, id);
    return buildCalendar([meetingEvent(m)], { name: 'Enplan møde', now: this.clock.now() });
  }

  /**
   * The bearer-token feed: its owner's only. A manager or colleague sees meetings through the courses they may
   * open; a feed of all of a person's meetings (every course they work on) is theirs. Reads and refusals are
   * logged like any access to citizens' data.
   */
  async staffFeed(p: Principal, staffId: string, requestId: string | null, pastDays = FEED_PAST_DAYS): Promise<string> {
    const staff = await this.staff(this.ds.manager, p, staffId);
    const base = { municipalityId: p.municipalityId, actorId: p.userId, actorRoles: p.roles, operation: 'read', recordType: 'calendar', recordId: staff.id, route: 'GET /api/v1/staff/:staffId/calendar.ics', requestId } as const;
    if (staff.id !== p.userId) {
      await this.log.append({ ...base, outcome: 'denied', basis: 'none' });
      throw meetingsError.calendarNotOwner();
    }
    return this.feed(staff.municipalityId, staff.id, pastDays, { ...base, outcome: 'allowed', basis: 'owner' });
  }

  /** Makes the owner's subscription token, ending the live one if any (rotation). The token is returned once. */
  async subscribe(p: Principal, staffId: string): Promise<CreatedSubscription> {
    return this.ds.transaction(async (em) => {
      // The staff row's lock serialises two rotations of one feed, so there is never a second live token.
      const staff = await this.staff(em, p, staffId, true);
      if (staff.id !== p.userId) throw meetingsError.calendarNotOwner();
      const now = this.clock.now();
      const ended = await em.update(CalendarSubscription, { municipalityId: p.municipalityId, staffMemberId: staff.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: now });
      const token = randomBytes(32).toString('base64url');
      await em.insert(CalendarSubscription, {
        municipalityId: p.municipalityId,
        staffMemberId: staff.id,
        tokenHash: hashCalendarToken(token),
        createdAt: now,
        createdBy: p.userId,
        rotatedAt: null,
        revokedAt: null,
      });
      return { token, createdAt: now, rotated: (ended.affected ?? 0) > 0 };
    });
  }

  /** Revokes the owner's live token: the subscription URL answers 404 from now on. */
  async unsubscribe(p: Principal, staffId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const staff = await this.staff(em, p, staffId, true);
      if (staff.id !== p.userId) throw meetingsError.calendarNotOwner();
      const ended = await em.update(CalendarSubscription, { municipalityId: p.municipalityId, staffMemberId: staff.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      if (!ended.affected) throw meetingsError.calendarSubscriptionNotFound();
    });
  }

  /**
   * The public feed of a subscription token. An unknown, rotated or revoked token is a plain 404; a rotated or
   * revoked one is logged as a refusal in its municipality (the token itself is never stored or logged), an
   * unknown one belongs to no municipality and goes to the application log only.
   */
  async tokenFeed(token: string, requestId: string | null): Promise<string> {
    const row = TOKEN.test(token) ? await this.ds.manager.findOne(CalendarSubscription, { where: { tokenHash: hashCalendarToken(token) } }) : null;
    if (!row) {
      this.logger.warn({ msg: 'calendar feed refused: unknown subscription token', requestId });
      throw meetingsError.calendarSubscriptionNotFound();
    }
    const base = {
      municipalityId: row.municipalityId,
      actorId: row.staffMemberId,
      // Not a role from a token: says the call came with a subscription URL, not a bearer token.
      actorRoles: ['calendar-subscription'],
      operation: 'read',
      recordType: 'calendar',
      recordId: row.staffMemberId,
      route: CALENDAR_TOKEN_ROUTE,
      requestId,
    } as const;
    if (row.rotatedAt || row.revokedAt) {
      await this.log.append({ ...base, outcome: 'denied', basis: 'none', reason: row.revokedAt ? 'subscription revoked' : 'subscription rotated' });
      throw meetingsError.calendarSubscriptionNotFound();
    }
    return this.feed(row.municipalityId, row.staffMemberId, FEED_PAST_DAYS, { ...base, outcome: 'allowed', basis: 'calendar-token' });
  }

  private async staff(em: EntityManager, p: Principal, staffId: string, lock = false): Promise<StaffMember> {
    const staff = UUID.test(staffId)
      ? await em.findOne(StaffMember, { where: { id: staffId, municipalityId: p.municipalityId }, select: { id: true, municipalityId: true }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!staff) throw meetingsError.staffNotFound();
    return staff;
  }

  /** The staff member's meetings from `pastDays` ago on; the read is logged with the courses and citizens it shows. */
  private async feed(municipalityId: string, staffId: string, pastDays: number, entry: AccessEvent): Promise<string> {
    const em = this.ds.manager;
    const now = this.clock.now();
    const from = new Date(now.getTime() - pastDays * 86_400_000);
    const rows = await em
      .createQueryBuilder(Meeting, 'm')
      .innerJoin(MeetingParticipant, 'mp', 'mp.meeting_id = m.id AND mp.municipality_id = m.municipality_id')
      .where('m.municipality_id = :mun', { mun: municipalityId })
      .andWhere('mp.staff_member_id = :staffId', { staffId })
      .andWhere('m.ends_at >= :from', { from })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    const board = rows.some((m) => !m.courseId)
      ? await em.find(MeetingCourse, { where: { municipalityId, meetingId: In(rows.filter((m) => !m.courseId).map((m) => m.id)) }, select: { meetingId: true, courseId: true } })
      : [];
    const courseIds = [...new Set([...rows.flatMap((m) => (m.courseId ? [m.courseId] : [])), ...board.map((b) => b.courseId)])];
    const courses = courseIds.length ? await em.find(Course, { where: { municipalityId, id: In(courseIds) }, select: { id: true, citizenId: true } }) : [];
    await this.log.append({ ...entry, courseIds, citizenIds: courses.flatMap((c) => (c.citizenId ? [c.citizenId] : [])) });
    return buildCalendar(rows.map(meetingEvent), { name: 'Enplan møder', now });
  }
}
