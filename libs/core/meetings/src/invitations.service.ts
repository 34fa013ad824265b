import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { Citizen } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { CLOCK, type Clock } from '@enplan/shared/util';
import type { CreateInvitationDto, InvitationDto } from './invitation.dto.js';
import { CHANNEL_OF, writeInvitation, type InvitationPayload } from './invitation-outbox.js';
import { MeetingCourse, MeetingParticipant } from './meeting.entity.js';
import { meetingsError } from './meetings.error.js';
import { MeetingsService } from './meetings.service.js';
import { OutboxMessage } from './outbox.entity.js';

export type { InvitationPayload } from './invitation-outbox.js';

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

      const row = await writeInvitation(em, { municipalityId: mun, meeting: m, participants, citizen, channel, now: this.clock.now(), createdBy: p.userId });
      return invitationDto(row);
    });
  }

  async list(p: Principal, meetingId: string, q: PageQuery): Promise<Page<InvitationDto>> {
    const em = this.ds.manager;
    const m = await this.meetings.meeting(em, p, meetingId);
    const [rows, total] = await em.findAndCount(OutboxMessage, {
      where: { meetingId: m.id, municipalityId: p.municipalityId, topic: 'meeting-invitation' },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return page(rows.map(invitationDto), total, q);
  }
}

function invitationDto(r: OutboxMessage): InvitationDto {
  const payload = r.payload as unknown as InvitationPayload;
  return {
    id: r.id,
    meetingId: r.meetingId ?? payload.meetingId,
    citizenId: r.recipientId,
    channel: payload.channel,
    change: payload.change ?? null,
    status: r.status,
    attempts: r.attempts,
    subject: payload.subject,
    text: payload.text,
    html: payload.html,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  };
}
