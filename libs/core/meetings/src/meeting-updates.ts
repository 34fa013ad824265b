import { In, type EntityManager } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { calendarLocation, meetingEvent } from './calendar-event.js';
import { buildCalendar, danishDate, danishTime, type InvitationChannel, type MeetingChange } from '@enplan/core/meeting-rules';
import { CHANNEL_OF, writeInvitation, type InvitationPayload } from './invitation-outbox.js';
import { MeetingParticipant, type Meeting } from './meeting.entity.js';
import { OutboxMessage } from './outbox.entity.js';

/**
 * The payload of a `meeting-update` outbox message, for a staff participant (see outbox.entity.ts): a short
 * Danish notice and the meeting as an iCalendar (same UID, the new SEQUENCE) that replaces the entry in their
 * calendar. No citizen name, CPR number, place text not written for calendars, or online link.
 */
export interface MeetingUpdatePayload {
  meetingId: string;
  staffMemberId: string;
  change: MeetingChange;
  sequence: number;
  subject: string;
  text: string;
  ics: string;
  startsAt: string;
  endsAt: string;
}

export interface MeetingUpdateResult {
  /** Outbox messages written. */
  written: number;
  /** Participants Én plan has no way to reach: external and network participants, citizens with no channel. */
  notNotified: number;
}

/**
 * Tells a moved or cancelled meeting's participants, in the caller's transaction, through the outbox: each
 * staff participant a `meeting-update`; each citizen taking part or invited before an updated invitation on
 * the channel of their last invitation (else their preferred contact channel).
 */
export async function writeMeetingUpdates(
  em: EntityManager,
  o: { municipalityId: string; meeting: Meeting; change: MeetingChange; now: Date; createdBy: string },
): Promise<MeetingUpdateResult> {
  const { municipalityId: mun, meeting: m } = o;
  const participants = await em.find(MeetingParticipant, { where: { meetingId: m.id, municipalityId: mun }, order: { id: 'ASC' } });
  let written = 0;
  let notNotified = participants.filter((x) => x.kind === 'external' || x.kind === 'network').length;

  const ics = buildCalendar([meetingEvent(m)], { name: 'Enplan møde', now: o.now });
  const label = meetingEvent(m).summary;
  const at = `${danishDate(m.startsAt)} ${danishTime(m.startsAt)}`;
  const subject = o.change === 'cancelled' ? `Aflyst: ${label} ${at}` : `Flyttet: ${label} ${at}`;
  const text = o.change === 'cancelled' ? `${label} ${at} er aflyst. Se mødet i Én plan.` : `${label} er flyttet til ${at}, ${calendarLocation(m)}. Se mødet i Én plan.`;
  for (const x of participants) {
    if (x.kind !== 'staff' || !x.staffMemberId) continue;
    const payload: MeetingUpdatePayload = {
      meetingId: m.id,
      staffMemberId: x.staffMemberId,
      change: o.change,
      sequence: m.sequence,
      subject,
      text,
      ics,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
    };
    await em.save(
      OutboxMessage,
      em.create(OutboxMessage, {
      municipalityId: mun,
      topic: 'meeting-update',
      recipientKind: 'staff',
      recipientId: x.staffMemberId,
      meetingId: m.id,
      dedupeKey: null,
      status: 'pending',
      attempts: 0,
      payload: payload as unknown as Record<string, unknown>,
      createdAt: o.now,
      lastAttemptAt: null,
      sentAt: null,
      lastError: null,
      createdBy: o.createdBy,
      }),
    );
    written++;
  }

  // The channel each citizen was last invited on: they hear about the change where they heard about the meeting.
  const invited = await em.find(OutboxMessage, {
    where: { municipalityId: mun, meetingId: m.id, topic: 'meeting-invitation', recipientKind: 'citizen' },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const lastChannel = new Map<string, InvitationChannel>(invited.map((r) => [r.recipientId, (r.payload as unknown as InvitationPayload).channel]));
  const citizenIds = [...new Set([...participants.flatMap((x) => (x.kind === 'citizen' && x.citizenId ? [x.citizenId] : [])), ...lastChannel.keys()])];
  const citizens = citizenIds.length
    ? await em.find(Citizen, { where: { id: In(citizenIds), municipalityId: mun }, select: { id: true, name: true, contactChannel: true }, order: { id: 'ASC' } })
    : [];
  for (const citizen of citizens) {
    const channel = lastChannel.get(citizen.id) ?? (citizen.contactChannel ? CHANNEL_OF[citizen.contactChannel] : undefined);
    if (!channel) {
      notNotified++;
      continue;
    }
    await writeInvitation(em, { municipalityId: mun, meeting: m, participants, citizen, channel, change: o.change, now: o.now, createdBy: o.createdBy });
    written++;
  }
  return { written, notNotified };
}
