import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, isCourseEnded, PluginHost, type Clock, type CorePorts, type CourseFacts, type PluginDb, type MeetingFacts, type PluginScope, type Principal } from '@enplan/plugin-api';
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

/** The course facts the flow reads (from the core's courses port). */
export type CourseRow = Pick<CourseFacts, 'id' | 'status' | 'modelId' | 'citizenId' | 'targetGroup' | 'referredOn'>;


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

const OPEN_FOR_START = ['referred', 'assessed', 'active'];

/**
 * Whether a signed (written or digital) information-sharing consent of the course's citizen, covering general
 * information, is in force on `day` and not revoked by `now`; with `unitId`, one that names that unit.
 */
export async function signedConsentInForce(core: CorePorts, q: { courseId: string; citizenId: string; day: string; unitId?: string }): Promise<boolean> {
  // "In force" is the core's rule (the consents port answers it for the day); the model adds: signed, general, the citizen's own.
  return (await core.consents.ofCourse(q.courseId, q.day)).some(
    (c) =>
      c.inForce &&
      c.citizenId === q.citizenId &&
      c.kind === 'information-sharing' &&
      SIGNED_CONSENT_FORMS.includes(c.form as never) &&
      c.categories.includes('general') &&
      (q.unitId === undefined || c.partyUnitIds.includes(q.unitId)),
  );
}

/**
 * The Step-Up flow of a course: its own states, deadlines, worksheet and agreement, on top of the core's
 * course, consents and meetings (read by SQL). Every write runs in one transaction holding the flow row.
 */
@Injectable()
export class StepUpFlowService {
  constructor(
    private readonly host: PluginHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private settings(p: Principal): StepUpMeetingsSettings {
    return this.host.scope<StepUpMeetingsSettings>(STEP_UP_ID, p).settings;
  }

  private today(): string {
    return danishDay(this.clock.now());
  }

  // ---- writes --------------------------------------------------------------------------------------------

  async start(p: Principal, courseId: string, dto: StartFlowDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    const today = this.today();
    return this.host.transaction(STEP_UP_ID, p, async (sc: PluginScope) => {
      const course = await this.course(sc, p, courseId, true);
      if (course.modelId !== STEP_UP_ID) throw stepUpError.wrongModel(course.modelId);
      if (!OPEN_FOR_START.includes(course.status)) throw stepUpError.courseNotOpen(course.status);
      if (await sc.db.exists(StepUpFlow, { where: { municipalityId: p.municipalityId, courseId } })) throw stepUpError.flowExists();
      const reasons = benefitReasons(dto, s);
      if (reasons.length) throw stepUpError.notEligible(reasons, dto.yearsOnBenefit < s.minYearsOnBenefit ? 'yearsOnBenefit' : 'benefitCategory');
      const startedOn = dto.startsOn ?? today;
      if (startedOn > today) throw stepUpError.dateInvalid('startsOn', 'The preparation cannot start in the future');
      if (startedOn < course.referredOn) throw stepUpError.dateInvalid('startsOn', `The preparation cannot start before the referral (${course.referredOn})`);
      const now = this.clock.now();
      await sc.db.insert(StepUpFlow, {
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
      await this.record(sc, p, courseId, null, 'preparing');
      return this.view(sc, p, course);
    });
  }

  async saveWorksheet(p: Principal, courseId: string, dto: WorksheetDto): Promise<FlowStatusDto> {
    return this.step(p, courseId, 'save-worksheet', async (sc, flow, course, today) => {
      const filledInOn = dto.filledInOn ?? today;
      this.withinFlow('filledInOn', filledInOn, flow, today);
      const existing = await sc.db.findOne(StepUpWorksheet, { where: { municipalityId: p.municipalityId, courseId } });
      const values = { situation: dto.situation, wishes: dto.wishes, obstacles: dto.obstacles, filledInOn, updatedBy: p.userId, updatedAt: this.clock.now() };
      if (existing) await sc.db.update(StepUpWorksheet, { id: existing.id, municipalityId: p.municipalityId }, values);
      else await sc.db.insert(StepUpWorksheet, { municipalityId: p.municipalityId, courseId, ...values });
      return this.view(sc, p, course);
    });
  }

  async sendMaterial(p: Principal, courseId: string, dto: MaterialSentDto): Promise<FlowStatusDto> {
    return this.step(p, courseId, 'send-material', async (sc, flow, course, today) => {
      const sentOn = dto.sentOn ?? today;
      this.withinFlow('sentOn', sentOn, flow, today);
      if (!(await sc.db.exists(StepUpWorksheet, { where: { municipalityId: p.municipalityId, courseId } }))) throw stepUpError.worksheetMissing();
      const units = await sc.core.orgUnits.byIds(dto.recipientUnitIds);
      const nameOf = new Map([...units.values()].map((u) => [u.id, u.name]));
      const unknown = dto.recipientUnitIds.findIndex((id) => !nameOf.has(id));
      if (unknown >= 0) throw stepUpError.unitUnknown(unknown);
      // The worksheet is the citizen's words: it goes out only under their signed consent, to the units it names.
      const q = { courseId, citizenId: course.citizenId as string, day: sentOn };
      if (!(await signedConsentInForce(sc.core, q))) throw stepUpError.consentMissing('recipientUnitIds');
      for (const [i, unitId] of dto.recipientUnitIds.entries()) {
        if (!(await signedConsentInForce(sc.core, { ...q, unitId }))) throw stepUpError.consentMissing(`recipientUnitIds[${i}]`, nameOf.get(unitId));
      }
      await this.move(sc, p, flow, 'send-material', { materialSentOn: sentOn, materialSentBy: p.userId, materialRecipientUnitIds: [...dto.recipientUnitIds] });
      return this.view(sc, p, course);
    });
  }

  async recordMeeting(p: Principal, courseId: string, dto: RecordMeetingDto): Promise<FlowWithWarningsDto> {
    return this.step(p, courseId, 'record-meeting', async (sc, flow, course) => {
      const meeting = await this.heldMeeting(sc, courseId, dto.meetingId, 'step-up');
      const heldOn = danishDay(meeting.startsAt);
      if (flow.materialSentOn && heldOn < flow.materialSentOn) {
        throw stepUpError.meetingTooEarly(`The meeting (${heldOn}) was before the material went out (${flow.materialSentOn})`);
      }
      const participants: ParticipantFacts[] = meeting.participants.map((x) => ({ ...x, roles: [...x.roles] }));
      const roles = stepUpMeetingRoles(participants, course.citizenId as string);
      if (roles.problems.length) throw stepUpError.problems(roles.problems);
      await this.move(sc, p, flow, 'record-meeting', {
        meetingId: meeting.id,
        meetingHeldOn: heldOn,
        chairStaffMemberId: roles.chairStaffMemberId,
        jobConsultantStaffMemberId: roles.jobConsultantStaffMemberId,
      });
      // "Everyone the citizen is in contact with" takes part: a team member who was not there is worth a warning.
      const team = [...new Set((await sc.core.team.current(courseId)).map((m) => m.staff.id))].sort().map((staffMemberId) => ({ staffMemberId }));
      const there = new Set(participants.filter((x) => x.staffMemberId && !['declined', 'no-show'].includes(x.attendance)).map((x) => x.staffMemberId));
      const warnings: TeamWarningDto[] = team
        .filter((m) => !there.has(m.staffMemberId))
        .map((m) => ({
          code: StepUpErrorCode.TeamMemberNotInvited,
          staffMemberId: m.staffMemberId,
          message: 'Everyone the citizen deals with takes part in the step-up meeting; this team member was not there',
        }));
      const view = await this.view(sc, p, course);
      return warnings.length ? { ...view, warnings } : view;
    });
  }

  async signAgreement(p: Principal, courseId: string, dto: SignAgreementDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    return this.step(p, courseId, 'sign-agreement', async (sc, flow, course, today) => {
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
      await sc.db.insert(StepUpAgreement, {
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
      await this.move(sc, p, flow, 'sign-agreement', { reReviewDueOn: addMonths(date, s.reReviewAfterMonths) });
      return this.view(sc, p, course);
    });
  }

  async recordReReview(p: Principal, courseId: string, dto: RecordReReviewDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    return this.step(p, courseId, 'record-re-review', async (sc, flow, course) => {
      const meeting = await this.heldMeeting(sc, courseId, dto.meetingId, 're-review');
      const heldOn = danishDay(meeting.startsAt);
      const opensOn = reReviewOpensOn(flow.reReviewDueOn as string, s.materialDaysBefore);
      if (heldOn < opensOn) throw stepUpError.meetingTooEarly(`The meeting (${heldOn}) was before the re-review window opened (${opensOn})`);
      await this.move(sc, p, flow, 'record-re-review', { reReviewMeetingId: meeting.id, reReviewHeldOn: heldOn, reReviewConclusion: dto.conclusion ?? null });
      return this.view(sc, p, course);
    });
  }

  async waiveReReview(p: Principal, courseId: string, dto: ReReviewWaiverDto): Promise<FlowStatusDto> {
    const s = this.settings(p);
    return this.host.transaction(STEP_UP_ID, p, async (sc: PluginScope) => {
      const course = await this.course(sc, p, courseId, true);
      if (isCourseEnded(course.status)) throw stepUpError.courseEnded(course.status);
      const flow = await this.flow(sc, p, courseId);
      const state = effectiveState(flow.state, flow.reReviewDueOn, this.today(), s.materialDaysBefore);
      if (state === 'completed') throw stepUpError.wrongState('waive-re-review', ['preparing', 'material-sent', 'meeting-held', 'agreement-signed', 're-review-due'], state);
      if (flow.reReviewWaivedReason !== null) throw stepUpError.reReviewWaived();
      const now = this.clock.now();
      await sc.db.update(StepUpFlow, { id: flow.id, municipalityId: p.municipalityId }, { reReviewWaivedReason: dto.reason, reReviewWaivedBy: p.userId, reReviewWaivedAt: now, updatedAt: now });
      return this.view(sc, p, course);
    });
  }

  // ---- reads ---------------------------------------------------------------------------------------------

  async status(p: Principal, courseId: string): Promise<FlowStatusDto> {
    const sc = this.host.scope(STEP_UP_ID, p);
    const course = await this.course(sc, p, courseId, false);
    return this.view(sc, p, course);
  }

  /** What the agreement document shows: the agreement, the flow, and the names of the people who signed. */
  async agreementDocument(p: Principal, courseId: string) {
    const sc = this.host.scope(STEP_UP_ID, p);
    const course = await this.course(sc, p, courseId, false);
    const flow = await this.flow(sc, p, courseId);
    const agreement = await sc.db.findOne(StepUpAgreement, { where: { municipalityId: p.municipalityId, courseId } });
    if (!agreement) throw stepUpError.agreementNotFound();
    const citizen = course.citizenId ? await sc.core.citizens.display(course.citizenId) : null;
    const staff = await sc.core.staff.byIds([agreement.chairStaffMemberId, agreement.jobConsultantStaffMemberId]);
    const nameOf = (id: string) => staff.get(id)?.name ?? null;
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

  static async hasFlow(db: PluginDb, municipalityId: string, courseId: string): Promise<boolean> {
    return db.exists(StepUpFlow, { where: { municipalityId, courseId } });
  }

  /** The flow's state when it still owes a re-review (not completed, not waived); null when the course may close. */
  static async pendingReReview(db: PluginDb, municipalityId: string, courseId: string, today: string, materialDaysBefore: number): Promise<FlowState | null> {
    const flow = await db.findOne(StepUpFlow, { where: { municipalityId, courseId } });
    if (!flow || flow.state === 'completed' || flow.reReviewWaivedReason !== null) return null;
    return effectiveState(flow.state, flow.reReviewDueOn, today, materialDaysBefore);
  }

  // ---- internals -----------------------------------------------------------------------------------------

  /** Runs one step of the flow: the course open, the flow locked, the step allowed in the state it is in today. */
  private step<T>(p: Principal, courseId: string, step: FlowStep, fn: (sc: PluginScope, flow: StepUpFlow, course: CourseRow, today: string) => Promise<T>): Promise<T> {
    const s = this.settings(p);
    return this.host.transaction(STEP_UP_ID, p, async (sc: PluginScope) => {
      const course = await this.course(sc, p, courseId, true);
      if (isCourseEnded(course.status)) throw stepUpError.courseEnded(course.status);
      const flow = await this.flow(sc, p, courseId, true);
      const today = this.today();
      const refusal = stepRefusal(step, effectiveState(flow.state, flow.reReviewDueOn, today, s.materialDaysBefore));
      if (refusal) throw stepUpError.wrongState(step, refusal.expected, refusal.current);
      return fn(sc, flow, course, today);
    });
  }

  private async course(sc: PluginScope, p: Principal, courseId: string, lock: boolean): Promise<CourseRow> {
    // Holding the course row serialises the flow's writes with the core's status changes of the same course.
    const course = lock ? await sc.core.courses.lockCourse(courseId) : await sc.core.courses.get(courseId);
    if (!course) throw stepUpError.flowNotFound();
    return course;
  }

  private async flow(sc: PluginScope, p: Principal, courseId: string, lock = false): Promise<StepUpFlow> {
    const flow = await sc.db.findOne(StepUpFlow, {
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

  private async heldMeeting(sc: PluginScope, courseId: string, meetingId: string, type: 'step-up' | 're-review'): Promise<MeetingFacts> {
    const m = await sc.core.meetings.get(meetingId);
    if (!m || m.courseId !== courseId) throw stepUpError.meetingNotFound();
    if (m.type !== type) throw stepUpError.meetingWrongType(type, m.type);
    if (m.status !== 'held') throw stepUpError.meetingNotHeld(m.status);
    return m;
  }

  /** Applies a step's facts and its new state, and records the change in the flow's history. */
  private async move(sc: PluginScope, p: Principal, flow: StepUpFlow, step: FlowStep, facts: StepFacts): Promise<void> {
    const to = stateAfter(step, flow.state);
    await sc.db.update(StepUpFlow, { id: flow.id, municipalityId: p.municipalityId }, { ...facts, state: to, updatedAt: this.clock.now() });
    if (to !== flow.state) await this.record(sc, p, flow.courseId, flow.state, to);
  }

  private async record(sc: PluginScope, p: Principal, courseId: string, from: StoredState | null, to: StoredState): Promise<void> {
    // Ordered by time; on a clock that has not moved, just after the previous step so the order stays the order of events.
    const last = await sc.db.findOne(StepUpTransition, { where: { municipalityId: p.municipalityId, courseId }, order: { at: 'DESC' }, select: { at: true } });
    const now = this.clock.now().getTime();
    const at = new Date(last && last.at.getTime() >= now ? last.at.getTime() + 1 : now);
    await sc.db.insert(StepUpTransition, { municipalityId: p.municipalityId, courseId, fromState: from, toState: to, actorId: p.userId, at });
  }

  /** The status view: stored facts plus what is computed from today (state, deadlines, overdue flags, consent). */
  private async view(sc: PluginScope, p: Principal, course: CourseRow): Promise<FlowStatusDto> {
    const s = this.settings(p);
    const municipalityId = p.municipalityId;
    const courseId = course.id;
    const flow = await this.flow(sc, p, courseId);
    const today = this.today();
    const worksheet = await sc.db.findOne(StepUpWorksheet, { where: { municipalityId, courseId } });
    const agreement = await sc.db.findOne(StepUpAgreement, { where: { municipalityId, courseId } });
    const history = await sc.db.find(StepUpTransition, { where: { municipalityId, courseId }, order: { at: 'ASC', id: 'ASC' } });
    const booked = (await sc.core.meetings.ofCourse(courseId, ['step-up'])).filter((m) => m.status !== 'cancelled');
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
        courseEnded: isCourseEnded(course.status),
      },
      s,
      today,
    );
    const consent = course.citizenId
      ? await signedConsentInForce(sc.core, { courseId, citizenId: course.citizenId, day: today })
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
