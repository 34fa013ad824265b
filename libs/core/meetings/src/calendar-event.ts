import { type CalendarEvent, MEETING_TYPE_LABELS, type PlaceKind } from '@enplan/core/meeting-rules';
import type { Meeting } from './meeting.entity.js';

const PLACE_LABELS: Record<PlaceKind, string> = {
  'town-hall': 'Rådhuset',
  'citizen-home': 'Hjemmebesøg',
  'provider-site': 'Hos leverandøren',
  cafe: 'Café',
  online: 'Online',
  other: 'Andet sted',
};

export type CalendarMeeting = Pick<Meeting, 'id' | 'type' | 'courseId' | 'startsAt' | 'endsAt' | 'placeKind' | 'placeText' | 'placeStaffFacing' | 'status' | 'sequence'>;

/**
 * `LOCATION`: the place kind, plus the free text only where the staff member wrote it for staff calendars
 * (`placeStaffFacing`). A place name can reveal treatment ("Rusmiddelcenter Nord", "Psykiatrisk
 * Ambulatorium"), and the citizen's home address is never shown, flag or not.
 */
export function calendarLocation(m: Pick<Meeting, 'placeKind' | 'placeText' | 'placeStaffFacing'>): string {
  const kind = PLACE_LABELS[m.placeKind];
  return m.placeStaffFacing && m.placeKind !== 'citizen-home' && m.placeText ? `${kind}: ${m.placeText}` : kind;
}

/**
 * The calendar text of a meeting. Calendars leak (shared, synced to phones), so it holds no CPR number,
 * no citizen name, no home address, no place text the staff member did not write for calendars and no online
 * link: the type, a short course reference and the place kind. The UID stays when the meeting is moved;
 * SEQUENCE rises with each move and with the cancellation, so clients replace their copy.
 */
export function meetingEvent(m: CalendarMeeting): CalendarEvent {
  const label = MEETING_TYPE_LABELS[m.type] ?? `Møde (${m.type})`;
  const ref = m.courseId ? ` (forløb ${m.courseId.slice(0, 8)})` : '';
  return {
    uid: `${m.id}@enplan`,
    start: m.startsAt,
    end: m.endsAt,
    summary: `${label}${ref}`,
    location: calendarLocation(m),
    description: 'Se mødet i Én plan.',
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: m.sequence,
  };
}
