import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, PluginRegistry, type Clock, type Principal } from '@enplan/plugin-api';
import type {
  FlowStatusDto,
  FlowWithWarningsDto,
  MaterialSentDto,
  RecordMeetingDto,
  RecordReReviewDto,
  ReReviewWaiverDto,
  SignAgreementDto,
  StartFlowDto,
  TeamWarningDto,
  WorksheetDto,
} from './dto.js';
import { StepUpAgreement, StepUpFlow, StepUpTransition, StepUpWorksheet } from './entities.js';
import { stepUpError } from './errors.js';
import {
  addDays,
  addMonths,
  agreedOn,
  benefitReasons,
  computeDeadlines,
  danishDay,
  effectiveState,
  expectedNext,
  reReviewOpensOn,
  signatureProblems,
  stateAfter,
  stepRefusal,
  stepUpMeetingRoles,
  type ParticipantFacts,
  type SignaturesInput,
} from './rules.js';
import { StepUpMeetingsSettings } from './settings.js';
import { SIGNED_CONSENT_FORMS, STEP_UP_ID, StepUpErrorCode, type FlowState, type FlowStep, type StoredState } from './vocabulary.js';

/** The core facts the plugin reads, by plain SQL on the core's tables (a plugin never imports core entities). */
export interface CourseRow {
  id: string;
  status: string;
  modelId: string;
  citizenId: string | null;
  targetGroup: string;
  referredOn: string;
}

interface MeetingRow {
  id: string;
  type: string;
  status: string;
  startsAt: Date;
}

/** The columns a step may set. */
type StepFacts = Partial<
  Pick<
    StepUpFlow,
    | 'materialSentOn'
    | 'materialSentBy'
    | 'materialRecipientUnitIds'
    | 'meetingId'
    | 'meetingHeldOn'
    | 'chairStaffMemberId'
    | 'jobConsultantStaffMemberId'
    | 'reReviewDueOn'
    | 'reReviewMeetingId'
    | 'reReviewHeldOn'
    | 'reReviewConclusion'
  >
>;

const ENDED = ['closed', 'declined'];
const OPEN_FOR_START = ['referred', 'assessed', 'active'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the course row (municipality-scoped); null when it is not there. */
export async function readCourse(em: EntityManager, municipalityId: string, courseId: string, lock = false): Promise<CourseRow | null> {
  if (!UUID.test(courseId)) return null;
  const rows: CourseRow[] = await em.query(
    `SELECT id, status::text AS status, model_id AS "modelId", citizen_id AS "citizenId", target_group::text AS "targetGroup", referred_on::text AS "referredOn"
       FROM course WHERE id = $1 AND municipality_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [courseId, municipalityId],
  );
  return rows[0] ?? null;
}

/**
 * Whether a signed (written or digital) information-sharing consent of the course's citizen, covering general
 * information, is in force on `day` and not revoked by `now`; with `unitId`, one that names that unit.
 */
export async function signedConsentInForce(
  em: EntityManager,
  q: { municipalityId: string; courseId: string; citizenId: string; day: string; now: Date; unitId?: string },
): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM consent c
      WHERE c.municipality_id = $1 AND c.course_id = $2 AND c.citizen_id = $3
        AND c.kind = 'information-sharing' AND c.form::text = ANY($4::text[])
        AND 'general' = ANY(c.categories::text[])
        AND c.valid_from <= $5::date AND (c.valid_to IS NULL OR c.valid_to >= $5::date)
        AND (c.revoked_at IS NULL OR c.revoked_at > $6)
        AND ($7::uuid IS NULL OR $7::uuid = ANY(c.party_unit_ids))
      LIMIT 1`,
    [q.municipalityId, q.courseId, q.citizenId, [...SIGNED_CONSENT_FORMS], q.day, q.now, q.unitId ?? null],
  );
  return rows.length > 0;
}

/**
 * The Step-Up flow of a course: its own states, deadlines, worksheet and agreement, on top of the core's
 * course, consents and meetings (read by SQL). Every write runs in one transaction holding the flow row.
 */
@Injectable()
export class StepUpFlowService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: PluginRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private settings(p: Principal): StepUpMeetingsSettings {
    return this.registry.settings<StepUpMeetingsSettings>(p.municipalityCode, STEP_UP_ID) ?? new StepUpMeetingsSettings();
  }

  private today(): string {
    return danishDay(this.clock.now());
  }

  // ---- writes --------------------------------------------------------------------------------------------

  async start(p: Principal, courseId: string, dto: StartFlowDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    const today = this.today();
    return this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId, true);
      if (course.modelId !== STEP_UP_ID) throw stepUpError.wrongModel(course.modelId);
      if (!OPEN_FOR_START.includes(course.status)) throw stepUpError.courseNotOpen(course.status);
      if (await em.exists(StepUpFlow, { where: { municipalityId: p.municipalityId, courseId } })) throw stepUpError.flowExists();
      const reasons = benefitReasons(dto, s);
      if (reasons.length) throw stepUpError.notEligible(reasons, dto.yearsOnBenefit < s.minYearsOnBenefit ? 'yearsOnBenefit' : 'benefitCategory');
      const startedOn = dto.startsOn ?? today;
      if (startedOn > today) throw stepUpError.dateInvalid('startsOn', 'The preparation cannot start in the future');
      if (startedOn < course.referredOn) throw stepUpError.dateInvalid('startsOn', `The preparation cannot start before the referral (${course.referredOn})`);
      const now = this.clock.now();
      await em.insert(StepUpFlow, {
        municipalityId: p.municipalityId,
        courseId,
        state: 'preparing',
        startedOn,
        startedBy: p.userId,
        yearsOnBenefit: dto.yearsOnBenefit,
        benefitCategory: dto.benefitCategory,
        preparationDueOn: addDays(startedOn, s.preparationDays),
        materialRecipientUnitIds: [],
        createdAt: now,
        updatedAt: now,
      });
      await this.record(em, p, courseId, null, 'preparing');
      return this.view(em, p, course);
    });
  }

  async saveWorksheet(p: Principal, courseId: string, dto: WorksheetDto): Promise<FlowStatusDto> {
    return this.step(p, courseId, 'save-worksheet', async (em, flow, course, today) => {
      const filledInOn = dto.filledInOn ?? today;
      this.withinFlow('filledInOn', filledInOn, flow, today);
      const existing = await em.findOne(StepUpWorksheet, { where: { municipalityId: p.municipalityId, courseId } });
      const values = { situation: dto.situation, wishes: dto.wishes, obstacles: dto.obstacles, filledInOn, updatedBy: p.userId, updatedAt: this.clock.now() };
      if (existing) await em.update(StepUpWorksheet, { id: existing.id, municipalityId: p.municipalityId }, values);
      else await em.insert(StepUpWorksheet, { municipalityId: p.municipalityId, courseId, ...values });
      return this.view(em, p, course);
    });
  }

  async sendMaterial(p: Principal, courseId: string, dto: MaterialSentDto): Promise<FlowStatusDto> {
    return this.step(p, courseId, 'send-material', async (em, flow, course, today) => {
      const sentOn = dto.sentOn ?? today;
      this.withinFlow('sentOn', sentOn, flow, today);
      if (!(await em.exists(StepUpWorksheet, { where: { municipalityId: p.municipalityId, courseId } }))) throw stepUpError.worksheetMissing();
      const units: { id: string; name: string }[] = await em.query(`SELECT id, name FROM org_unit WHERE municipality_id = $1 AND id = ANY($2::uuid[])`, [
        p.municipalityId,
        dto.recipientUnitIds,
      ]);
      const nameOf = new Map(units.map((u) => [u.id, u.name]));
      const unknown = dto.recipientUnitIds.findIndex((id) => !nameOf.has(id));
      if (unknown >= 0) throw stepUpError.unitUnknown(unknown);
      // The worksheet is the citizen's words: it goes out only under their signed consent, to the units it names.
      const q = { municipalityId: p.municipalityId, courseId, citizenId: course.citizenId as string, day: sentOn, now: this.clock.now() };
      if (!(await signedConsentInForce(em, q))) throw stepUpError.consentMissing('recipientUnitIds');
      for (const [i, unitId] of dto.recipientUnitIds.entries()) {
        if (!(await signedConsentInForce(em, { ...q, unitId }))) throw stepUpError.consentMissing(`recipientUnitIds[${i}]`, nameOf.get(unitId));
      }
      await this.move(em, p, flow, 'send-material', { materialSentOn: sentOn, materialSentBy: p.userId, materialRecipientUnitIds: [...dto.recipientUnitIds] });
      return this.view(em, p, course);
    });
  }

  async recordMeeting(p: Principal, courseId: string, dto: RecordMeetingDto): Promise<FlowWithWarningsDto> {
    return this.step(p, courseId, 'record-meeting', async (em, flow, course) => {
      const meeting = await this.heldMeeting(em, p, courseId, dto.meetingId, 'step-up');
      const heldOn = danishDay(meeting.startsAt);
      if (flow.materialSentOn && heldOn < flow.materialSentOn) {
        throw stepUpError.meetingTooEarly(`The meeting (${heldOn}) was before the material went out (${flow.materialSentOn})`);
      }
      const participants: ParticipantFacts[] = await em.query(
        `SELECT kind::text AS kind, staff_member_id AS "staffMemberId", citizen_id AS "citizenId", roles, attendance::text AS attendance
           FROM meeting_participant WHERE meeting_id = $1 AND municipality_id = $2`,
        [meeting.id, p.municipalityId],
      );
      const roles = stepUpMeetingRoles(participants, course.citizenId as string);
      if (roles.problems.length) throw stepUpError.problems(roles.problems);
      await this.move(em, p, flow, 'record-meeting', {
        meetingId: meeting.id,
        meetingHeldOn: heldOn,
        chairStaffMemberId: roles.chairStaffMemberId,
        jobConsultantStaffMemberId: roles.jobConsultantStaffMemberId,
      });
      // "Everyone the citizen is in contact with" takes part: a team member who was not there is worth a warning.
      const team: { staffMemberId: string }[] = await em.query(
        `SELECT DISTINCT staff_member_id AS "staffMemberId" FROM team_assignment WHERE course_id = $1 AND municipality_id = $2 AND ends_on IS NULL ORDER BY 1`,
        [courseId, p.municipalityId],
      );
      const there = new Set(participants.filter((x) => x.staffMemberId && !['declined', 'no-show'].includes(x.attendance)).map((x) => x.staffMemberId));
      const warnings: TeamWarningDto[] = team
        .filter((m) => !there.has(m.staffMemberId))
        .map((m) => ({
          code: StepUpErrorCode.TeamMemberNotInvited,
          staffMemberId: m.staffMemberId,
          message: 'Everyone the citizen deals with takes part in the step-up meeting; this team member was not there',
        }));
      const view = await this.view(em, p, course);
      return warnings.length ? { ...view, warnings } : view;
    });
  }

  async signAgreement(p: Principal, courseId: string, dto: SignAgreementDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    return this.step(p, courseId, 'sign-agreement', async (em, flow, course, today) => {
      const sig = { citizen: dto.citizenSignature, chair: dto.chairSignature, jobConsultant: dto.jobConsultantSignature };
      const problems = signatureProblems(sig, {
        chairStaffMemberId: flow.chairStaffMemberId as string,
        jobConsultantStaffMemberId: flow.jobConsultantStaffMemberId as string,
        meetingHeldOn: flow.meetingHeldOn as string,
        today,
      });
      if (problems.length) throw stepUpError.problems(problems);
      const signed = sig as Required<SignaturesInput>;
      const date = agreedOn(signed);
      await em.insert(StepUpAgreement, {
        municipalityId: p.municipalityId,
        courseId,
        nextStep: dto.nextStep,
        responsible: dto.responsible,
        nextStepDueOn: dto.nextStepDueOn ?? null,
        actions: (dto.actions ?? []).map((a) => ({ text: a.text, responsible: a.responsible })),
        direction: dto.direction ?? null,
        citizenSignedOn: signed.citizen.signedOn,
        chairStaffMemberId: signed.chair.staffMemberId,
        chairSignedOn: signed.chair.signedOn,
        jobConsultantStaffMemberId: signed.jobConsultant.staffMemberId,
        jobConsultantSignedOn: signed.jobConsultant.signedOn,
        agreedOn: date,
        recordedBy: p.userId,
        recordedAt: this.clock.now(),
      });
      await this.move(em, p, flow, 'sign-agreement', { reReviewDueOn: addMonths(date, s.reReviewAfterMonths) });
      return this.view(em, p, course);
    });
  }

  async recordReReview(p: Principal, courseId: string, dto: RecordReReviewDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    return this.step(p, courseId, 'record-re-review', async (em, flow, course) => {
      const meeting = await this.heldMeeting(em, p, courseId, dto.meetingId, 're-review');
      const heldOn = danishDay(meeting.startsAt);
      const opensOn = reReviewOpensOn(flow.reReviewDueOn as string, s.materialDaysBefore);
      if (heldOn < opensOn) throw stepUpError.meetingTooEarly(`The meeting (${heldOn}) was before the re-review window opened (${opensOn})`);
      await this.move(em, p, flow, 'record-re-review', { reReviewMeetingId: meeting.id, reReviewHeldOn: heldOn, reReviewConclusion: dto.conclusion ?? null });
      return this.view(em, p, course);
    });
  }

  async waiveReReview(p: Principal, courseId: string, dto: ReReviewWaiverDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    return this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId, true);
      if (ENDED.includes(course.status)) throw stepUpError.courseEnded(course.status);
      const flow = await this.flow(em, p, courseId);
      const state = effectiveState(flow.state, flow.reReviewDueOn, this.today(), s.materialDaysBefore);
      if (state === 'completed') throw stepUpError.wrongState('waive-re-review', ['preparing', 'material-sent', 'meeting-held', 'agreement-signed', 're-review-due'], state);
      if (flow.reReviewWaivedReason !== null) throw stepUpError.reReviewWaived();
      const now = this.clock.now();
      await em.update(StepUpFlow, { id: flow.id, municipalityId: p.municipalityId }, { reReviewWaivedReason: dto.reason, reReviewWaivedBy: p.userId, reReviewWaivedAt: now, updatedAt: now });
      return this.view(em, p, course);
    });
  }

  // ---- reads ---------------------------------------------------------------------------------------------

  async status(p: Principal, courseId: string): Promise<FlowStatusDto> {
    const em = this.ds.manager;
    const course = await this.course(em, p, courseId, false);
    return this.view(em, p, course);
  }

  /** What the agreement document shows: the agreement, the flow, and the names of the people who signed. */
  async agreementDocument(p: Principal, courseId: string) {
    const em = this.ds.manager;
    const course = await this.course(em, p, courseId, false);
    const flow = await this.flow(em, p, courseId);
    const agreement = await em.findOne(StepUpAgreement, { where: { municipalityId: p.municipalityId, courseId } });
    if (!agreement) throw stepUpError.agreementNotFound();
    const [citizen]: { name: string }[] = course.citizenId
      ? await em.query(`SELECT name FROM citizen WHERE id = $1 AND municipality_id = $2`, [course.citizenId, p.municipalityId])
      : [];
    const staff: { id: string; name: string }[] = await em.query(`SELECT id, name FROM staff_member WHERE municipality_id = $1 AND id = ANY($2::uuid[])`, [
      p.municipalityId,
      [agreement.chairStaffMemberId, agreement.jobConsultantStaffMemberId],
    ]);
    const nameOf = (id: string) => staff.find((x) => x.id === id)?.name ?? null;
    return {
      citizenName: citizen?.name ?? null,
      chairName: nameOf(agreement.chairStaffMemberId),
      jobConsultantName: nameOf(agreement.jobConsultantStaffMemberId),
      meetingHeldOn: flow.meetingHeldOn as string,
      reReviewDueOn: flow.reReviewDueOn as string,
      agreement,
    };
  }

  // ---- for the lifecycle hooks (inside the core's transaction) -------------------------------------------

  static async hasFlow(em: EntityManager, municipalityId: string, courseId: string): Promise<boolean> {
    return em.exists(StepUpFlow, { where: { municipalityId, courseId } });
  }

  /** The flow's state when it still owes a re-review (not completed, not waived); null when the course may close. */
  static async pendingReReview(em: EntityManager, municipalityId: string, courseId: string, today: string, materialDaysBefore: number): Promise<FlowState | null> {
    const flow = await em.findOne(StepUpFlow, { where: { municipalityId, courseId } });
    if (!flow || flow.state === 'completed' || flow.reReviewWaivedReason !== null) return null;
    return effectiveState(flow.state, flow.reReviewDueOn, today, materialDaysBefore);
  }

  // ---- internals -----------------------------------------------------------------------------------------

  /** Runs one step of the flow: the course open, the flow locked, the step allowed in the state it is in today. */
  private step<T>(p: Principal, courseId: string, step: FlowStep, fn: (em: EntityManager, flow: StepUpFlow, course: CourseRow, today: string) => Promise<T>): Promise<T> {
    const s = this.settings(p);
    return this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId, true);
      if (ENDED.includes(course.status)) throw stepUpError.courseEnded(course.status);
      const flow = await this.flow(em, p, courseId, true);
      const today = this.today();
      const refusal = stepRefusal(step, effectiveState(flow.state, flow.reReviewDueOn, today, s.materialDaysBefore));
      if (refusal) throw stepUpError.wrongState(step, refusal.expected, refusal.current);
      return fn(em, flow, course, today);
    });
  }

  private async course(em: EntityManager, p: Principal, courseId: string, lock: boolean): Promise<CourseRow> {
    // Holding the course row serialises the flow's writes with the core's status changes of the same course.
    const course = await readCourse(em, p.municipalityId, courseId, lock);
    if (!course) throw stepUpError.flowNotFound();
    return course;
  }

  private async flow(em: EntityManager, p: Principal, courseId: string, lock = false): Promise<StepUpFlow> {
    const flow = await em.findOne(StepUpFlow, {
      where: { municipalityId: p.municipalityId, courseId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!flow) throw stepUpError.flowNotFound();
    return flow;
  }

  private withinFlow(field: string, date: string, flow: StepUpFlow, today: string): void {
    if (date > today) throw stepUpError.dateInvalid(field, 'The date cannot be in the future');
    if (date < flow.startedOn) throw stepUpError.dateInvalid(field, `The date cannot be before the flow started (${flow.startedOn})`);
  }

  private async heldMeeting(em: EntityManager, p: Principal, courseId: string, meetingId: string, type: 'step-up' | 're-review'): Promise<MeetingRow> {
    const [m]: MeetingRow[] = await em.query(
      `SELECT id, type, status::text AS status, starts_at AS "startsAt" FROM meeting WHERE id = $1 AND municipality_id = $2 AND course_id = $3`,
      [meetingId, p.municipalityId, courseId],
    );
    if (!m) throw stepUpError.meetingNotFound();
    if (m.type !== type) throw stepUpError.meetingWrongType(type, m.type);
    if (m.status !== 'held') throw stepUpError.meetingNotHeld(m.status);
    return { ...m, startsAt: new Date(m.startsAt) };
  }

  /** Applies a step's facts and its new state, and records the change in the flow's history. */
  private async move(em: EntityManager, p: Principal, flow: StepUpFlow, step: FlowStep, facts: StepFacts): Promise<void> {
    const to = stateAfter(step, flow.state);
    await em.update(StepUpFlow, { id: flow.id, municipalityId: p.municipalityId }, { ...facts, state: to, updatedAt: this.clock.now() });
    if (to !== flow.state) await this.record(em, p, flow.courseId, flow.state, to);
  }

  private async record(em: EntityManager, p: Principal, courseId: string, from: StoredState | null, to: StoredState): Promise<void> {
    // Ordered by time; on a clock that has not moved, just after the previous step so the order stays the order of events.
    const last = await em.findOne(StepUpTransition, { where: { municipalityId: p.municipalityId, courseId }, order: { at: 'DESC' }, select: { at: true } });
    const now = this.clock.now().getTime();
    const at = new Date(last && last.at.getTime() >= now ? last.at.getTime() + 1 : now);
    await em.insert(StepUpTransition, { municipalityId: p.municipalityId, courseId, fromState: from, toState: to, actorId: p.userId, at });
  }

  /** The status view: stored facts plus what is computed from today (state, deadlines, overdue flags, consent). */
  private async view(em: EntityManager, p: Principal, course: CourseRow): Promise<FlowStatusDto> {
    const s = this.settings(p);
    const municipalityId = p.municipalityId;
    const courseId = course.id;
    const flow = await this.flow(em, p, courseId);
    const today = this.today();
    const worksheet = await em.findOne(StepUpWorksheet, { where: { municipalityId, courseId } });
    const agreement = await em.findOne(StepUpAgreement, { where: { municipalityId, courseId } });
    const history = await em.find(StepUpTransition, { where: { municipalityId, courseId }, order: { at: 'ASC', id: 'ASC' } });
    const booked: { id: string; startsAt: Date }[] = await em.query(
      `SELECT id, starts_at AS "startsAt" FROM meeting WHERE course_id = $1 AND municipality_id = $2 AND type = 'step-up' AND status <> 'cancelled' ORDER BY starts_at, id`,
      [courseId, municipalityId],
    );
    const next = booked.map((m) => ({ id: m.id, day: danishDay(new Date(m.startsAt)) })).find((m) => m.day >= flow.startedOn);
    const stepUpMeetingId = flow.meetingId ?? next?.id ?? null;
    const state = effectiveState(flow.state, flow.reReviewDueOn, today, s.materialDaysBefore);
    const waived = flow.reReviewWaivedReason !== null;
    const deadlines = computeDeadlines(
      {
        stored: flow.state,
        startedOn: flow.startedOn,
        preparationDueOn: flow.preparationDueOn,
        materialSentOn: flow.materialSentOn,
        meetingHeldOn: flow.meetingHeldOn,
        stepUpMeetingOn: flow.meetingHeldOn ?? next?.day ?? null,
        reReviewDueOn: flow.reReviewDueOn,
        reReviewHeldOn: flow.reReviewHeldOn,
        waived,
        courseEnded: ENDED.includes(course.status),
      },
      s,
      today,
    );
    const consent = course.citizenId
      ? await signedConsentInForce(em, { municipalityId, courseId, citizenId: course.citizenId, day: today, now: this.clock.now() })
      : false;
    return {
      courseId,
      state,
      expectedNext: expectedNext(state, worksheet !== null, waived),
      startedOn: flow.startedOn,
      eligibility: { yearsOnBenefit: flow.yearsOnBenefit, benefitCategory: flow.benefitCategory },
      deadlines,
      stepUpMeetingId,
      signedConsentInForce: consent,
      worksheet: worksheet
        ? {
            situation: worksheet.situation,
            wishes: worksheet.wishes,
            obstacles: worksheet.obstacles,
            filledInOn: worksheet.filledInOn,
            updatedBy: worksheet.updatedBy,
            updatedAt: worksheet.updatedAt.toISOString(),
          }
        : null,
      material:
        flow.materialSentOn && flow.materialSentBy
          ? { sentOn: flow.materialSentOn, sentBy: flow.materialSentBy, recipientUnitIds: flow.materialRecipientUnitIds }
          : null,
      meeting:
        flow.meetingId && flow.meetingHeldOn && flow.chairStaffMemberId && flow.jobConsultantStaffMemberId
          ? { meetingId: flow.meetingId, heldOn: flow.meetingHeldOn, chairStaffMemberId: flow.chairStaffMemberId, jobConsultantStaffMemberId: flow.jobConsultantStaffMemberId }
          : null,
      agreement: agreement
        ? {
            nextStep: agreement.nextStep,
            responsible: agreement.responsible,
            nextStepDueOn: agreement.nextStepDueOn,
            actions: agreement.actions,
            direction: agreement.direction,
            signatures: {
              citizen: { staffMemberId: null, signedOn: agreement.citizenSignedOn },
              chair: { staffMemberId: agreement.chairStaffMemberId, signedOn: agreement.chairSignedOn },
              jobConsultant: { staffMemberId: agreement.jobConsultantStaffMemberId, signedOn: agreement.jobConsultantSignedOn },
            },
            agreedOn: agreement.agreedOn,
          }
        : null,
      reReview:
        flow.reReviewMeetingId && flow.reReviewHeldOn ? { meetingId: flow.reReviewMeetingId, heldOn: flow.reReviewHeldOn, conclusion: flow.reReviewConclusion } : null,
      reReviewWaiver:
        waived && flow.reReviewWaivedBy && flow.reReviewWaivedAt
          ? { reason: flow.reReviewWaivedReason as string, recordedBy: flow.reReviewWaivedBy, recordedAt: flow.reReviewWaivedAt.toISOString() }
          : null,
      history: history.map((h) => ({ from: h.fromState, to: h.toState, actorId: h.actorId, at: h.at.toISOString() })),
    };
  }
}
