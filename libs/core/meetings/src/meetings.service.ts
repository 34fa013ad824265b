import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { recordDomainEvent, type DomainEventType } from '@enplan/core/events';
import type { CourseScope, Principal } from '@enplan/core/auth';
import { page, type Page } from '@enplan/core/common';
import { ConsentsService, Course, courseCitizenIds, courseConcerns } from '@enplan/core/courses';
import { PluginRegistry, type LegalBasisFacts } from '@enplan/core/extensions';
import { EXTERNAL_UNIT_KINDS, OrgUnit, StaffMember, type LegalArea } from '@enplan/core/organisation';
import { DecisionAuthority, resolveDecisionArea } from '@enplan/core/plans';
import { CLOCK, type Clock } from '@enplan/shared/util';
import type {
  AddAgendaItemDto,
  AddOutcomeDto,
  AgendaItemDto,
  AssignRoleDto,
  CreateBoardMeetingDto,
  CreateMeetingDto,
  MeetingDto,
  MeetingsQuery,
  OutcomeDto,
  ParticipantDto,
  ParticipantInputDto,
  ParticipantWithWarningsDto,
  RescheduleMeetingDto,
  UpdateParticipantDto,
  WarningDto,
} from './meeting.dto.js';
import { AgendaItem, Meeting, MeetingCourse, MeetingOutcome, MeetingParticipant } from './meeting.entity.js';
import { writeMeetingUpdates } from './meeting-updates.js';
import { MeetingOutcomeHooks } from './meeting-outcome-hooks.js';
import { MeetingsErrorCode, meetingsError } from './meetings.error.js';

/** Which of a participant's identifying fields apply to which kind; the others must be left out. */
const PARTICIPANT_FIELDS = ['staffMemberId', 'citizenId', 'name', 'unitId', 'organisation'] as const;
const PARTICIPANT_FIELDS_BY_KIND: Record<ParticipantInputDto['kind'], readonly (typeof PARTICIPANT_FIELDS)[number][]> = {
  staff: ['staffMemberId'],
  citizen: ['citizenId'],
  external: ['name', 'unitId', 'organisation'],
  network: ['name', 'organisation'],
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CourseRef = Pick<Course, 'id' | 'municipalityId' | 'status' | 'citizenId' | 'householdId'>;

@Injectable()
export class MeetingsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consents: ConsentsService,
    private readonly registry: PluginRegistry,
    private readonly decisions: DecisionAuthority,
    private readonly outcomeHooks: MeetingOutcomeHooks,
  ) {}

  async create(p: Principal, courseId: string, dto: CreateMeetingDto): Promise<MeetingDto> {
    const { startsAt, endsAt } = this.times(p, dto);
    return this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId);
      const meeting = await em.save(
        Meeting,
        em.create(Meeting, {
          municipalityId: p.municipalityId,
          courseId: course.id,
          type: dto.type,
          startsAt,
          endsAt,
          placeKind: dto.placeKind,
          placeText: dto.placeText ?? null,
          placeStaffFacing: dto.placeStaffFacing ?? false,
          onlineLink: dto.onlineLink ?? null,
          sequence: 0,
          status: 'planned',
          minutes: null,
          createdBy: p.userId,
        }),
      );
      await this.event(em, p, 'meeting.scheduled', meeting);
      return this.fill(em, p, meeting, course, dto);
    });
  }

  /** A board meeting over several courses; a course outside the caller's `scope` counts as missing. */
  async createBoard(p: Principal, dto: CreateBoardMeetingDto, scope: CourseScope = { all: true }): Promise<MeetingDto> {
    const { startsAt, endsAt } = this.times(p, dto);
    return this.ds.transaction(async (em) => {
      const ids = [...new Set(dto.courseIds)];
      const visible = scope.all ? null : new Set(scope.courseIds);
      if (visible && ids.some((id) => !visible.has(id))) throw meetingsError.coursesMissing();
      const found = await em.find(Course, { where: { id: In(ids), municipalityId: p.municipalityId }, select: { id: true } });
      if (found.length !== ids.length) throw meetingsError.coursesMissing();
      const meeting = await em.save(
        Meeting,
        em.create(Meeting, {
          municipalityId: p.municipalityId,
          courseId: null,
          type: dto.type,
          startsAt,
          endsAt,
          placeKind: dto.placeKind,
          placeText: dto.placeText ?? null,
          placeStaffFacing: dto.placeStaffFacing ?? false,
          onlineLink: dto.onlineLink ?? null,
          sequence: 0,
          status: 'planned',
          minutes: null,
          createdBy: p.userId,
        }),
      );
      await em.insert(MeetingCourse, ids.map((courseId) => ({ municipalityId: p.municipalityId, meetingId: meeting.id, courseId })));
      await this.event(em, p, 'meeting.scheduled', meeting);
      return this.fill(em, p, meeting, null, dto);
    });
  }

  async list(p: Principal, courseId: string, q: MeetingsQuery): Promise<Page<MeetingDto>> {
    const em = this.ds.manager;
    await this.course(em, p, courseId);
    const [rows, total] = await em.findAndCount(Meeting, {
      where: { courseId, municipalityId: p.municipalityId, ...(q.status ? { status: q.status } : {}) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return page(await this.dtos(em, p.municipalityId, rows), total, q);
  }

  async get(p: Principal, id: string): Promise<MeetingDto> {
    const em = this.ds.manager;
    const m = await this.meeting(em, p, id);
    const [dto] = await this.dtos(em, p.municipalityId, [m]);
    return dto;
  }

  /** The meeting row, if it is the caller's municipality's. */
  async meeting(em: EntityManager, p: Principal, id: string, lock = false): Promise<Meeting> {
    const m = UUID.test(id)
      ? await em.findOne(Meeting, { where: { id, municipalityId: p.municipalityId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!m) throw meetingsError.meetingNotFound();
    return m;
  }

  async addParticipant(p: Principal, id: string, dto: ParticipantInputDto): Promise<ParticipantWithWarningsDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      const course = m.courseId ? await this.course(em, p, m.courseId) : null;
      const existing = await em.find(MeetingParticipant, { where: { meetingId: m.id, municipalityId: p.municipalityId } });
      const row = await this.insertParticipant(em, p, m, course, dto, '', existing);
      const warnings = await this.overlaps(em, p, m, row.staffMemberId ? [row.staffMemberId] : []);
      return { ...participantDto(row), ...(warnings.length ? { warnings } : {}) };
    });
  }

  async updateParticipant(p: Principal, id: string, participantId: string, dto: UpdateParticipantDto): Promise<ParticipantDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      const row = UUID.test(participantId)
        ? await em.findOne(MeetingParticipant, { where: { id: participantId, meetingId: m.id, municipalityId: p.municipalityId } })
        : null;
      if (!row) throw meetingsError.participantNotFound();
      if (dto.attendance) row.attendance = dto.attendance;
      if (dto.roles) row.roles = [...new Set(dto.roles)];
      await em.update(MeetingParticipant, { id: row.id, municipalityId: p.municipalityId }, { attendance: row.attendance, roles: row.roles });
      return participantDto(row);
    });
  }

  async assignRole(p: Principal, id: string, dto: AssignRoleDto): Promise<ParticipantDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      const participants = await em.find(MeetingParticipant, { where: { meetingId: m.id, municipalityId: p.municipalityId } });
      let row: MeetingParticipant | undefined;
      if (dto.participantId && dto.staffMemberId) throw meetingsError.roleNotParticipant('staffMemberId', 'Name the participant by participantId or by staffMemberId, not both');
      if (dto.participantId) {
        row = participants.find((x) => x.id === dto.participantId);
        if (!row) throw meetingsError.roleNotParticipant('participantId');
      } else if (dto.staffMemberId) {
        row = participants.find((x) => x.staffMemberId === dto.staffMemberId);
        if (!row) throw meetingsError.roleNotParticipant('staffMemberId');
      } else {
        throw meetingsError.roleNotParticipant('participantId');
      }
      if (!row.roles.includes(dto.role)) row.roles = [...row.roles, dto.role];
      await em.update(MeetingParticipant, { id: row.id, municipalityId: p.municipalityId }, { roles: row.roles });
      return participantDto(row);
    });
  }

  async addAgendaItem(p: Principal, id: string, dto: AddAgendaItemDto): Promise<AgendaItemDto[]> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      // A board meeting (no course of its own) has no household: nobody can be named.
      const course = m.courseId ? await this.course(em, p, m.courseId) : { municipalityId: p.municipalityId, citizenId: null, householdId: null };
      const concerns = await courseConcerns(em, course, dto.concerns);
      const items = await em.find(AgendaItem, { where: { meetingId: m.id, municipalityId: p.municipalityId }, order: { position: 'ASC' } });
      const at = Math.min(dto.position ?? items.length + 1, items.length + 1);
      for (const it of items.filter((x) => x.position >= at).reverse()) {
        await em.update(AgendaItem, { id: it.id, municipalityId: p.municipalityId }, { position: it.position + 1 });
      }
      await em.insert(AgendaItem, { municipalityId: p.municipalityId, meetingId: m.id, position: at, title: dto.title, concerns });
      const after = await em.find(AgendaItem, { where: { meetingId: m.id, municipalityId: p.municipalityId }, order: { position: 'ASC' } });
      return after.map(agendaDto);
    });
  }

  async recordMinutes(p: Principal, id: string, minutes: string): Promise<MeetingDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      if (m.status === 'cancelled' || m.startsAt.getTime() > this.clock.now().getTime()) throw meetingsError.notHeldYet();
      await em.update(Meeting, { id: m.id, municipalityId: p.municipalityId }, { minutes, status: 'held' });
      const [dto] = await this.dtos(em, p.municipalityId, [{ ...m, minutes, status: 'held' }]);
      return dto;
    });
  }

  /**
   * Moves a meeting (time, place, online link) in place: the id and calendar UID stay, SEQUENCE rises, and the
   * participants get an updated invitation through the outbox. Sending what is already set changes nothing.
   */
  async reschedule(p: Principal, id: string, dto: RescheduleMeetingDto): Promise<MeetingDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      if (m.status !== 'planned') throw meetingsError.notChangeable(m.status);
      const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : m.startsAt;
      // A new start without a new end keeps the meeting's length.
      const endsAt = dto.endsAt !== undefined ? new Date(dto.endsAt) : new Date(startsAt.getTime() + (m.endsAt.getTime() - m.startsAt.getTime()));
      if (endsAt.getTime() <= startsAt.getTime()) throw meetingsError.endsBeforeStart();
      const next = {
        startsAt,
        endsAt,
        placeKind: dto.placeKind ?? m.placeKind,
        placeText: dto.placeText === undefined ? m.placeText : dto.placeText,
        placeStaffFacing: dto.placeStaffFacing ?? m.placeStaffFacing,
        onlineLink: dto.onlineLink === undefined ? m.onlineLink : dto.onlineLink,
      };
      const same =
        next.startsAt.getTime() === m.startsAt.getTime() &&
        next.endsAt.getTime() === m.endsAt.getTime() &&
        next.placeKind === m.placeKind &&
        next.placeText === m.placeText &&
        next.placeStaffFacing === m.placeStaffFacing &&
        next.onlineLink === m.onlineLink;
      if (same) return (await this.dtos(em, p.municipalityId, [m]))[0];
      const moved: Meeting = { ...m, ...next, sequence: m.sequence + 1 };
      await em.update(Meeting, { id: m.id, municipalityId: p.municipalityId }, { ...next, sequence: moved.sequence });
      const sent = await writeMeetingUpdates(em, { municipalityId: p.municipalityId, meeting: moved, change: 'rescheduled', now: this.clock.now(), createdBy: p.userId });
      await this.event(em, p, 'meeting.moved', moved);
      const participants = await em.find(MeetingParticipant, { where: { meetingId: m.id, municipalityId: p.municipalityId }, select: { id: true, staffMemberId: true } });
      const warnings = [...(await this.overlaps(em, p, moved, participants.flatMap((x) => (x.staffMemberId ? [x.staffMemberId] : [])))), ...notNotifiedWarning(sent.notNotified)];
      const [out] = await this.dtos(em, p.municipalityId, [moved]);
      return { ...out, warnings };
    });
  }

  /**
   * Cancels a planned meeting: SEQUENCE rises with STATUS:CANCELLED in the feeds, and the participants are told
   * through the outbox. Cancelling it again changes nothing; a held meeting cannot be cancelled (409).
   */
  async cancel(p: Principal, id: string): Promise<MeetingDto> {
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      if (m.status === 'cancelled') return (await this.dtos(em, p.municipalityId, [m]))[0];
      if (m.status !== 'planned') throw meetingsError.notChangeable(m.status);
      const cancelled: Meeting = { ...m, status: 'cancelled', sequence: m.sequence + 1 };
      await em.update(Meeting, { id: m.id, municipalityId: p.municipalityId }, { status: 'cancelled', sequence: cancelled.sequence });
      const sent = await writeMeetingUpdates(em, { municipalityId: p.municipalityId, meeting: cancelled, change: 'cancelled', now: this.clock.now(), createdBy: p.userId });
      await this.event(em, p, 'meeting.cancelled', cancelled);
      const [dto] = await this.dtos(em, p.municipalityId, [cancelled]);
      const warnings = notNotifiedWarning(sent.notNotified);
      return warnings.length ? { ...dto, warnings } : dto;
    });
  }

  /** The meeting's domain event, in the change's transaction: ids and the SEQUENCE only (no time, place or people). */
  private event(em: EntityManager, p: Principal, type: Extract<DomainEventType, `meeting.${string}`>, m: Meeting): Promise<unknown> {
    return recordDomainEvent(em, { municipalityId: p.municipalityId, type, data: { meetingId: m.id, courseId: m.courseId, sequence: m.sequence }, actorId: p.userId, occurredAt: this.clock.now() });
  }

  async addOutcome(p: Principal, id: string, dto: AddOutcomeDto): Promise<OutcomeDto> {
    if (dto.kind !== 'decision' && (dto.legalArea || dto.legalBasis)) throw meetingsError.legalAreaNotDecision(dto.legalArea ? 'legalArea' : 'legalBasis');
    return this.ds.transaction(async (em) => {
      const m = await this.meeting(em, p, id, true);
      if (dto.responsible) await this.requireResponsible(em, p, dto.responsible);
      let area: { legalArea: LegalArea; basis: LegalBasisFacts | null } | null = null;
      if (dto.kind === 'decision') {
        area = await resolveDecisionArea(em, p.municipalityId, dto, { areaField: 'legalArea', basisField: 'legalBasis' });
        // A board meeting spans several courses: a decision is recorded on the meeting of its course.
        if (!m.courseId) throw meetingsError.decisionNeedsCourse();
        const course = await em.findOneOrFail(Course, { where: { id: m.courseId, municipalityId: p.municipalityId } });
        await this.decisions.assertDecisionAuthority(em, p, course, [
          { field: dto.legalBasis ? 'legalBasis' : 'legalArea', legalArea: area.legalArea, legalBasis: area.basis?.code ?? null, site: { kind: 'meeting-outcome', meetingId: m.id, meetingType: m.type } },
        ]);
      }
      const row = await em.save(
        MeetingOutcome,
        em.create(MeetingOutcome, {
          municipalityId: p.municipalityId,
          meetingId: m.id,
          kind: dto.kind,
          text: dto.text,
          responsible: dto.responsible ? { kind: dto.responsible.kind, ...(dto.responsible.id ? { id: dto.responsible.id } : {}) } : null,
          due: dto.due ?? null,
          legalArea: area?.legalArea ?? null,
          legalBasis: area?.basis?.code ?? null,
        }),
      );
      if (area && m.courseId) {
        await this.outcomeHooks.decisionRecorded({
          em,
          principal: p,
          meetingId: m.id,
          courseId: m.courseId,
          outcomeId: row.id,
          legalArea: area.legalArea,
          legalBasis: area.basis?.code ?? null,
          text: row.text,
        });
      }
      return outcomeDto(row);
    });
  }

  /** The outcome's responsible, like a plan's: the citizen without an id, or a staff member or unit of the municipality. */
  private async requireResponsible(em: EntityManager, p: Principal, r: { kind: 'staff' | 'unit' | 'citizen'; id?: string }): Promise<void> {
    if (r.kind === 'citizen') {
      if (r.id !== undefined) throw meetingsError.outcomeResponsibleUnknown('responsible.id', 'Leave id out when the citizen is responsible');
      return;
    }
    if (r.id === undefined) throw meetingsError.outcomeResponsibleUnknown('responsible.id', `id is required when a ${r.kind === 'staff' ? 'staff member' : 'unit'} is responsible`);
    const known = r.kind === 'staff' ? await em.exists(StaffMember, { where: { id: r.id, municipalityId: p.municipalityId } }) : await em.exists(OrgUnit, { where: { id: r.id, municipalityId: p.municipalityId } });
    if (!known) throw meetingsError.outcomeResponsibleUnknown('responsible.id', `id does not name a ${r.kind === 'staff' ? 'staff member' : 'unit'} of your municipality`);
  }

  async outcomes(em: EntityManager, municipalityId: string, meetingId: string): Promise<MeetingOutcome[]> {
    return em.find(MeetingOutcome, { where: { meetingId, municipalityId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Meeting ids of one municipality, in their order. */
  async dtos(em: EntityManager, municipalityId: string, rows: Meeting[]): Promise<MeetingDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const where = { meetingId: In(ids), municipalityId };
    const participants = await em.find(MeetingParticipant, { where, order: { id: 'ASC' } });
    const agenda = await em.find(AgendaItem, { where, order: { position: 'ASC' } });
    const outcomes = await em.find(MeetingOutcome, { where, order: { createdAt: 'ASC', id: 'ASC' } });
    const courses = await em.find(MeetingCourse, { where });
    return rows.map((m) => ({
      id: m.id,
      courseId: m.courseId,
      courseIds: courses.filter((c) => c.meetingId === m.id).map((c) => c.courseId).sort(),
      type: m.type,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      placeKind: m.placeKind,
      placeText: m.placeText,
      placeStaffFacing: m.placeStaffFacing,
      onlineLink: m.onlineLink,
      sequence: m.sequence,
      status: m.status,
      minutes: m.minutes,
      createdBy: m.createdBy,
      participants: participants.filter((x) => x.meetingId === m.id).map(participantDto),
      agenda: agenda.filter((x) => x.meetingId === m.id).map(agendaDto),
      outcomes: outcomes.filter((x) => x.meetingId === m.id).map(outcomeDto),
    }));
  }

  /** The course, if it is the caller's municipality's; anything else is "not found", never "forbidden". */
  async course(em: EntityManager, p: Principal, courseId: string): Promise<CourseRef> {
    const course = UUID.test(courseId)
      ? await em.findOne(Course, {
          where: { id: courseId, municipalityId: p.municipalityId },
          select: { id: true, municipalityId: true, status: true, citizenId: true, householdId: true },
        })
      : null;
    if (!course) throw meetingsError.courseNotFound();
    return course;
  }

  /** The meeting types of the caller's municipality: the core's plus those of the plugins enabled there. */
  meetingTypes(p: Principal): string[] {
    return this.registry.meetingTypes(p.municipalityCode).map((t) => t.id);
  }

  private times(p: Principal, dto: CreateMeetingDto): { startsAt: Date; endsAt: Date } {
    if (!this.meetingTypes(p).includes(dto.type)) throw meetingsError.typeUnknown();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) throw meetingsError.endsBeforeStart();
    return { startsAt, endsAt };
  }

  private async fill(em: EntityManager, p: Principal, meeting: Meeting, course: CourseRef | null, dto: CreateMeetingDto): Promise<MeetingDto> {
    const rows: MeetingParticipant[] = [];
    for (const [i, input] of (dto.participants ?? []).entries()) {
      rows.push(await this.insertParticipant(em, p, meeting, course, input, `participants[${i}].`, rows));
    }
    for (const [i, title] of (dto.agenda ?? []).entries()) {
      await em.insert(AgendaItem, { municipalityId: p.municipalityId, meetingId: meeting.id, position: i + 1, title });
    }
    const staffIds = rows.map((r) => r.staffMemberId).filter((x): x is string => !!x);
    const warnings = await this.overlaps(em, p, meeting, staffIds);
    const [out] = await this.dtos(em, p.municipalityId, [meeting]);
    return { ...out, warnings };
  }

  private async insertParticipant(
    em: EntityManager,
    p: Principal,
    meeting: Meeting,
    course: CourseRef | null,
    dto: ParticipantInputDto,
    prefix: string,
    existing: MeetingParticipant[],
  ): Promise<MeetingParticipant> {
    const m = p.municipalityId;
    // Ids and names of another kind would be stored beside the real ones and read as if they applied.
    for (const field of PARTICIPANT_FIELDS) {
      if (dto[field] !== undefined && !PARTICIPANT_FIELDS_BY_KIND[dto.kind].includes(field)) throw meetingsError.participantFieldNotApplicable(`${prefix}${field}`, dto.kind);
    }
    let staffMemberId: string | null = null;
    let citizenId: string | null = null;
    let name: string | null = null;
    let organisation: string | null = null;
    if (dto.kind === 'staff') {
      if (!dto.staffMemberId) throw meetingsError.participantIncomplete(`${prefix}staffMemberId`, 'A staff participant needs staffMemberId');
      const staff = await em.findOne(StaffMember, { where: { id: dto.staffMemberId, municipalityId: m }, relations: { unit: true } });
      if (!staff) throw meetingsError.participantUnknown(`${prefix}staffMemberId`, 'staff member');
      // Staff of an external unit (a school's teacher, a psychiatrist) take part under the citizen's consent only.
      if (course && staff.unit && EXTERNAL_UNIT_KINDS.includes(staff.unit.kind)) await this.consents.requireSharing(em, m, course.id, staff.unit, `${prefix}staffMemberId`);
      if (existing.some((x) => x.staffMemberId === staff.id)) throw meetingsError.participantDuplicate(`${prefix}staffMemberId`);
      staffMemberId = staff.id;
    } else if (dto.kind === 'citizen') {
      if (!dto.citizenId) throw meetingsError.participantIncomplete(`${prefix}citizenId`, 'A citizen participant needs citizenId');
      const allowed = course ? await courseCitizenIds(em, course) : [];
      if (!allowed.includes(dto.citizenId)) throw meetingsError.participantUnknown(`${prefix}citizenId`, 'citizen');
      if (existing.some((x) => x.citizenId === dto.citizenId)) throw meetingsError.participantDuplicate(`${prefix}citizenId`);
      citizenId = dto.citizenId;
    } else {
      if (!dto.name) throw meetingsError.participantIncomplete(`${prefix}name`, `An ${dto.kind} participant needs a name`);
      name = dto.name;
      organisation = dto.organisation ?? null;
      if (dto.kind === 'external') {
        if (!dto.unitId) throw meetingsError.participantIncomplete(`${prefix}unitId`, 'An external participant needs their organisation (unitId), so the consent covering it can be checked');
        const unit = await em.findOne(OrgUnit, { where: { id: dto.unitId, municipalityId: m }, select: { id: true, name: true } });
        if (!unit) throw meetingsError.participantUnknown(`${prefix}unitId`, 'organisational unit');
        if (course) await this.consents.requireSharing(em, m, course.id, unit, `${prefix}unitId`);
        organisation ??= unit.name;
      }
    }
    return em.save(
      MeetingParticipant,
      em.create(MeetingParticipant, {
        municipalityId: m,
        meetingId: meeting.id,
        kind: dto.kind,
        staffMemberId,
        citizenId,
        name,
        organisation,
        roles: [...new Set(dto.roles ?? [])],
        attendance: dto.attendance ?? 'invited',
      }),
    );
  }

  /** Other meetings, not cancelled, at an overlapping time for the same staff members: a warning, never a block. */
  private async overlaps(em: EntityManager, p: Principal, meeting: Meeting, staffIds: string[]): Promise<WarningDto[]> {
    if (!staffIds.length || meeting.status === 'cancelled') return [];
    const rows = await em
      .createQueryBuilder(MeetingParticipant, 'mp')
      .innerJoin(Meeting, 'm', 'm.id = mp.meeting_id AND m.municipality_id = mp.municipality_id')
      .select(['mp.staff_member_id AS "staffMemberId"', 'm.id AS "meetingId"'])
      .where('mp.municipality_id = :mun', { mun: p.municipalityId })
      .andWhere('mp.staff_member_id IN (:...staffIds)', { staffIds })
      .andWhere('m.id <> :id', { id: meeting.id })
      .andWhere(`m.status <> 'cancelled'`)
      .andWhere('m.starts_at < :endsAt AND m.ends_at > :startsAt', { startsAt: meeting.startsAt, endsAt: meeting.endsAt })
      .orderBy('m.id')
      .getRawMany<{ staffMemberId: string; meetingId: string }>();
    const by = new Map<string, string[]>();
    for (const r of rows) by.set(r.staffMemberId, [...(by.get(r.staffMemberId) ?? []), r.meetingId]);
    return [...by].map(([staffMemberId, meetingIds]) => ({
      code: MeetingsErrorCode.StaffOverlap,
      message: 'The staff member has another meeting at the same time',
      staffMemberId,
      meetingIds,
    }));
  }
}

/** Participants Én plan cannot reach (external and network people, citizens with no channel): the chair tells them. */
function notNotifiedWarning(count: number): WarningDto[] {
  return count
    ? [{ code: MeetingsErrorCode.ParticipantsNotNotified, message: `${count} participant(s) have no channel in Én plan (external or network participants, or a citizen with no contact channel): tell them yourself` }]
    : [];
}

export function participantDto(r: MeetingParticipant): ParticipantDto {
  return {
    id: r.id,
    kind: r.kind,
    staffMemberId: r.staffMemberId,
    citizenId: r.citizenId,
    name: r.name,
    organisation: r.organisation,
    roles: r.roles,
    attendance: r.attendance,
  };
}

function agendaDto(r: AgendaItem): AgendaItemDto {
  return { id: r.id, position: r.position, title: r.title, concerns: r.concerns };
}

function outcomeDto(r: MeetingOutcome): OutcomeDto {
  return { id: r.id, kind: r.kind, text: r.text, responsible: r.responsible, due: r.due, legalArea: r.legalArea ?? null, legalBasis: r.legalBasis ?? null };
}
