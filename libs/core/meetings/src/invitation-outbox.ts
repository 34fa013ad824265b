import { In, type EntityManager } from 'typeorm';
import { recordDomainEvent } from '@enplan/core/events';
import { Citizen, type ContactChannel } from '@enplan/core/citizens';
import { Municipality } from '@enplan/core/database';
import { StaffMember } from '@enplan/core/organisation';
import { renderInvitation, type InvitationFacts, type RenderedInvitation, type InvitationChannel, type MeetingChange, type OutboxTopic } from '@enplan/core/meeting-rules';
import type { Meeting, MeetingParticipant } from './meeting.entity.js';
import { OutboxMessage } from './outbox.entity.js';

/** The citizen's contact channel as an invitation channel: a phone number gets a text message. */
export const CHANNEL_OF: Record<ContactChannel, InvitationChannel> = { 'digital-post': 'digital-post', letter: 'letter', email: 'email', phone: 'sms' };

/** The payload of a `meeting-invitation` outbox message (see outbox.entity.ts). */
export interface InvitationPayload extends RenderedInvitation {
  meetingId: string;
  channel: InvitationChannel;
  language: 'da';
  startsAt: string;
  endsAt: string;
  /** An updated invitation: why (absent on the first invitation). */
  change?: MeetingChange;
  /** The meeting's SEQUENCE when this was written: a later message supersedes an earlier one. */
  sequence?: number;
}

/**
 * Renders the citizen's (updated) invitation from the meeting as it now is and puts it in the outbox, in the
 * caller's transaction. One place for both the first invitation and the ones a move or cancellation sends.
 */
export async function writeInvitation(
  em: EntityManager,
  o: {
    municipalityId: string;
    meeting: Meeting;
    participants: MeetingParticipant[];
    citizen: Pick<Citizen, 'id' | 'name'>;
    channel: InvitationChannel;
    change?: MeetingChange;
    now: Date;
    createdBy: string;
  },
): Promise<OutboxMessage> {
  const { municipalityId: mun, meeting: m, participants, citizen } = o;
  const staffIds = participants.map((x) => x.staffMemberId).filter((x): x is string => !!x);
  const staff = staffIds.length ? await em.find(StaffMember, { where: { id: In(staffIds), municipalityId: mun }, select: { id: true, name: true } }) : [];
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const otherCitizens = participants.flatMap((x) => (x.kind === 'citizen' && x.citizenId && x.citizenId !== citizen.id ? [x.citizenId] : []));
  const citizenNames = new Map(
    (otherCitizens.length ? await em.find(Citizen, { where: { id: In(otherCitizens), municipalityId: mun }, select: { id: true, name: true } }) : []).map((c) => [c.id, c.name]),
  );
  // The citizen first ("Dig"), then the chair and the other staff, the citizen's own people, external partners.
  const others: (InvitationFacts['people'][number] & { rank: number })[] = [];
  for (const x of participants) {
    if (x.kind === 'citizen' && x.citizenId === citizen.id) continue;
    const name = x.kind === 'staff' ? staffName.get(x.staffMemberId ?? '') : x.kind === 'citizen' ? citizenNames.get(x.citizenId ?? '') : x.name;
    const rank = x.kind === 'staff' ? (x.roles.includes('chair') ? 0 : 1) : x.kind === 'external' ? 4 : x.kind === 'network' ? 3 : 2;
    if (name) others.push({ kind: x.kind, name, roles: x.roles, rank });
  }
  others.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'da'));
  const people: InvitationFacts['people'] = [{ kind: 'citizen', name: citizen.name, roles: [], self: true }, ...others.map(({ rank: _, ...p }) => p)];
  const chair = participants.find((x) => x.kind === 'staff' && x.roles.includes('chair')) ?? participants.find((x) => x.kind === 'staff');
  const municipality = await em.findOne(Municipality, { where: { id: mun }, select: { id: true, name: true } });

  const rendered = renderInvitation({
    municipalityName: municipality?.name ?? 'Kommunen',
    citizenName: citizen.name,
    channel: o.channel,
    meeting: { type: m.type, startsAt: m.startsAt, endsAt: m.endsAt, placeKind: m.placeKind, placeText: m.placeText, onlineLink: m.onlineLink },
    people,
    contactPerson: chair?.staffMemberId ? (staffName.get(chair.staffMemberId) ?? null) : null,
    ...(o.change ? { change: o.change } : {}),
  });
  const payload: InvitationPayload = {
    meetingId: m.id,
    channel: o.channel,
    language: 'da',
    ...rendered,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    ...(o.change ? { change: o.change } : {}),
    sequence: m.sequence,
  };
  return queueMeetingMessage(em, {
    municipalityId: mun,
    topic: 'meeting-invitation',
    recipientKind: 'citizen',
    recipientId: citizen.id,
    meetingId: m.id,
    payload,
    now: o.now,
    createdBy: o.createdBy,
  });
}

/**
 * Saves a meeting's message for one recipient as pending in the outbox, and its `invitation.to-send` domain
 * event, in the caller's transaction: one place
 * for the fields a fresh message starts with (no attempts yet, no dedupe key: a later message supersedes by
 * the meeting's SEQUENCE instead).
 */
export async function queueMeetingMessage(
  em: EntityManager,
  o: {
    municipalityId: string;
    topic: OutboxTopic;
    recipientKind: OutboxMessage['recipientKind'];
    recipientId: string;
    meetingId: string;
    payload: object;
    now: Date;
    createdBy: string;
  },
): Promise<OutboxMessage> {
  const message = await em.save(
    OutboxMessage,
    em.create(OutboxMessage, {
      municipalityId: o.municipalityId,
      topic: o.topic,
      recipientKind: o.recipientKind,
      recipientId: o.recipientId,
      meetingId: o.meetingId,
      dedupeKey: null,
      status: 'pending',
      attempts: 0,
      payload: o.payload as Record<string, unknown>,
      createdAt: o.now,
      lastAttemptAt: null,
      sentAt: null,
      lastError: null,
      createdBy: o.createdBy,
    }),
  );
  // The rendered message (names, place, time) stays in the outbox row; the event only says that it waits, so a
  // delivering integration (Digital Post, SMS gateway) is woken through the feed or a webhook and fetches it.
  await recordDomainEvent(em, {
    municipalityId: o.municipalityId,
    type: 'invitation.to-send',
    data: { meetingId: o.meetingId, outboxMessageId: message.id, kind: o.topic, recipientKind: o.recipientKind },
    actorId: o.createdBy,
    occurredAt: o.now,
  });
  return message;
}
