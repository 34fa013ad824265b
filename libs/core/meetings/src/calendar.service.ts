import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { buildCalendar, type CalendarEvent } from './ical.js';
import { Meeting, MeetingParticipant } from './meeting.entity.js';
import { meetingsError } from './meetings.error.js';
import { MeetingsService, UUID } from './meetings.service.js';
import { MEETING_TYPE_LABELS, type PlaceKind } from './vocabulary.js';

const PLACE_LABELS: Record<PlaceKind, string> = {
  'town-hall': 'Rådhuset',
  'citizen-home': 'Hjemmebesøg',
  'provider-site': 'Hos leverandøren',
  cafe: 'Café',
  online: 'Online',
  other: 'Andet sted',
};

/**
 * The calendar text of a meeting. Calendars leak (shared, synced to phones), so it holds no CPR number,
 * no citizen name and no address of the citizen's home: the type, a short course reference and the place kind.
 */
export function meetingEvent(m: Pick<Meeting, 'id' | 'type' | 'courseId' | 'startsAt' | 'endsAt' | 'placeKind' | 'placeText' | 'status'>): CalendarEvent {
  const label = MEETING_TYPE_LABELS[m.type] ?? `Møde (${m.type})`;
  const ref = m.courseId ? ` (forløb ${m.courseId.slice(0, 8)})` : '';
  const place = m.placeKind !== 'citizen-home' && m.placeText ? `${PLACE_LABELS[m.placeKind]}: ${m.placeText}` : PLACE_LABELS[m.placeKind];
  return {
    uid: `${m.id}@enplan`,
    start: m.startsAt,
    end: m.endsAt,
    summary: `${label}${ref}`,
    location: place,
    description: 'Se mødet i Én plan.',
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async meeting(p: Principal, id: string): Promise<string> {
    const m = await this.meetings.meeting(this.ds.manager, p, id);
    return buildCalendar([meetingEvent(m)], { name: 'Enplan møde', now: this.clock.now() });
  }

  async staffFeed(p: Principal, staffId: string, pastDays = 90): Promise<string> {
    const em = this.ds.manager;
    const staff = UUID.test(staffId) ? await em.findOne(StaffMember, { where: { id: staffId, municipalityId: p.municipalityId }, select: { id: true } }) : null;
    if (!staff) throw meetingsError.staffNotFound();
    const now = this.clock.now();
    const from = new Date(now.getTime() - pastDays * 86_400_000);
    const rows = await em
      .createQueryBuilder(Meeting, 'm')
      .innerJoin(MeetingParticipant, 'mp', 'mp.meeting_id = m.id AND mp.municipality_id = m.municipality_id')
      .where('m.municipality_id = :mun', { mun: p.municipalityId })
      .andWhere('mp.staff_member_id = :staffId', { staffId: staff.id })
      .andWhere('m.ends_at >= :from', { from })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    return buildCalendar(rows.map(meetingEvent), { name: 'Enplan møder', now });
  }
}
