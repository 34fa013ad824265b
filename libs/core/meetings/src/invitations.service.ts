import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { Citizen, type ContactChannel } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { StaffMember } from '@enplan/core/organisation';
import { CLOCK, type Clock } from '@enplan/shared/util';
import type { CreateInvitationDto, InvitationDto } from './invitation.dto.js';
import { renderInvitation, type InvitationFacts, type RenderedInvitation } from './invitation.js';
import { MeetingCourse, MeetingParticipant } from './meeting.entity.js';
import { meetingsError } from './meetings.error.js';
import { MeetingsService } from './meetings.service.js';
import { OutboxMessage } from './outbox.entity.js';
import type { InvitationChannel } from './vocabulary.js';

/** The citizen's contact channel as an invitation channel: a phone number gets a text message. */
const CHANNEL_OF: Record<ContactChannel, InvitationChannel> = { 'digital-post': 'digital-post', letter: 'letter', email: 'email', phone: 'sms' };

/** The payload of a `meeting-invitation` outbox message (see outbox.entity.ts). */
export interface InvitationPayload extends RenderedInvitation {
  meetingId: string;
  channel: InvitationChannel;
  language: 'da';
  startsAt: string;
  endsAt: string;
}

/**
 * Invitations to the citizen: rendered in plain Danish and put in the outbox in the same transaction; a later
 * integration delivers them (Digital Post, letter, e-mail, SMS).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async invite(p: Principal, meetingId: string, dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meetings.meeting(em, p, meetingId, true);
      if (m.status === 'cancelled' || m.startsAt.getTime() <= this.clock.now().getTime()) throw meetingsError.invitationMeetingOver();
      const mun = p.municipalityId;
      const participants = await em.find(MeetingParticipant, { where: { meetingId: m.id, municipalityId: mun }, order: { id: 'ASC' } });
      const courseIds = m.courseId
        ? [m.courseId]
        : (await em.find(MeetingCourse, { where: { meetingId: m.id, municipalityId: mun }, select: { meetingId: true, courseId: true } })).map((x) => x.courseId);
      const courses = courseIds.length ? await em.find(Course, { where: { id: In(courseIds), municipalityId: mun }, select: { id: true, citizenId: true } }) : [];
      const participating = participants.flatMap((x) => (x.kind === 'citizen' && x.citizenId ? [x.citizenId] : []));
      const allowed = new Set([...participating, ...courses.map((c) => c.citizenId).filter((x): x is string => !!x)]);
      const citizenId = dto.citizenId ?? participating[0] ?? (courses.length === 1 ? courses[0].citizenId : null);
      if (!citizenId || !allowed.has(citizenId)) throw meetingsError.invitationNoCitizen();
      const citizen = await em.findOne(Citizen, { where: { id: citizenId, municipalityId: mun }, select: { id: true, name: true, contactChannel: true } });
      if (!citizen) throw meetingsError.invitationNoCitizen();
      const channel = dto.preferredChannel ?? (citizen.contactChannel ? CHANNEL_OF[citizen.contactChannel] : undefined);
      if (!channel) throw meetingsError.invitationChannelRequired();

      const staffIds = participants.map((x) => x.staffMemberId).filter((x): x is string => !!x);
      const staff = staffIds.length ? await em.find(StaffMember, { where: { id: In(staffIds), municipalityId: mun }, select: { id: true, name: true } }) : [];
      const staffName = new Map(staff.map((s) => [s.id, s.name]));
      const otherCitizens = participating.filter((id) => id !== citizen.id);
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
        channel,
        meeting: { type: m.type, startsAt: m.startsAt, endsAt: m.endsAt, placeKind: m.placeKind, placeText: m.placeText },
        people,
        contactPerson: chair?.staffMemberId ? (staffName.get(chair.staffMemberId) ?? null) : null,
      });
      const payload: InvitationPayload = {
        meetingId: m.id,
        channel,
        language: 'da',
        ...rendered,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
      };
      const row = await em.save(
        OutboxMessage,
        em.create(OutboxMessage, {
          municipalityId: mun,
          topic: 'meeting-invitation',
          recipientKind: 'citizen',
          recipientId: citizen.id,
          meetingId: m.id,
          dedupeKey: null,
          status: 'pending',
          attempts: 0,
          payload: payload as unknown as Record<string, unknown>,
          createdAt: this.clock.now(),
          lastAttemptAt: null,
          sentAt: null,
          lastError: null,
          createdBy: p.userId,
        }),
      );
      return invitationDto(row);
    });
  }

  async list(p: Principal, meetingId: string): Promise<InvitationDto[]> {
    const em = this.ds.manager;
    const m = await this.meetings.meeting(em, p, meetingId);
    const rows = await em.find(OutboxMessage, {
      where: { meetingId: m.id, municipalityId: p.municipalityId, topic: 'meeting-invitation' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(invitationDto);
  }
}

function invitationDto(r: OutboxMessage): InvitationDto {
  const payload = r.payload as unknown as InvitationPayload;
  return {
    id: r.id,
    meetingId: r.meetingId ?? payload.meetingId,
    citizenId: r.recipientId,
    channel: payload.channel,
    status: r.status,
    attempts: r.attempts,
    subject: payload.subject,
    text: payload.text,
    html: payload.html,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  };
}
