import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { canSee, type Viewer } from '@enplan/core/access';
import { DomainError, page, type Page } from '@enplan/core/common';
import { Citizen } from '@enplan/core/citizens';
import { Course, courseError } from '@enplan/core/courses';
import { renderLetterHtml, renderLetterPdf, type LetterDocument } from '@enplan/core/documents';
import type { LegalBasisFacts } from '@enplan/core/extensions';
import { MeetingOutcomeHooks, type DecisionOutcomeRecorded } from '@enplan/core/meetings';
import { DecisionAuthority, DecisionErrorCode, findLegalBasis, Plan, PlanVersion, resolveDecisionArea } from '@enplan/core/plans';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { Decision, type DecidedAction } from './decision.entity.js';
import { decisionLetter } from './decision-letter.js';
import { recordDecisionEvent } from './decision-events.js';
import { DecisionSettingsService } from './decision-settings.service.js';
import type { CreateDecisionDto, DecideDto, DecisionDto, DecisionQuery, NotifyDto, UpdateDecisionDto } from './decisions.dto.js';
import { decisionsError } from './decisions.error.js';
import { LetterheadService } from './letterhead.service.js';
import { decidedBy, missingToDecide } from './decision-authority.js';

const ENDED = new Set(['closed', 'declined']);

/** A decided decision as the sector systems receive it (`DecisionsService.forSectorSystems`). */
export interface DecisionForSectorSystems {
  id: string;
  courseId: string;
  status: Decision['status'];
  legalArea: Decision['legalArea'];
  legalBasis: { code: string; law: string; paragraph: string; title: string };
  actions: DecidedAction[];
  planVersion: number | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  decidedAt: Date;
  supersedesId: string | null;
  committee: { name: string; approvedOn: string; reference: string } | null;
  /** The plain-language summary (the letter's first part). */
  summary: string;
  letter: LetterDocument;
  /** The letter as PDF, rendered when asked (only the archive needs it). */
  renderPdf(): Promise<Buffer>;
}
const UNIQUE_VIOLATION = '23505';

/** Whether a reader may see a decision: like a plan item of its legal area; external readers only decided ones their consent covers. */
export function decisionVisibleTo(viewer: Viewer, d: Pick<Decision, 'legalArea' | 'visibility' | 'createdBy' | 'status'>): boolean {
  if (viewer.categories && d.status === 'draft') return false;
  return canSee(viewer, { legalArea: d.legalArea, visibility: d.visibility, authorId: d.createdBy });
}

/**
 * Decisions (afgørelser) on a course: drafted by the team, decided by someone with authority in the legal
 * area under the course model's rule (or recorded with a committee's approval for a committee provision),
 * then notified. Every write runs in the request's unit of work (the access interceptor's transaction, with
 * its access-log entry); the methods' own transactions join it.
 */
@Injectable()
export class DecisionsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly authority: DecisionAuthority,
    private readonly settings: DecisionSettingsService,
    private readonly letterheads: LetterheadService,
    private readonly outcomeHooks: MeetingOutcomeHooks,
  ) {}

  onModuleInit(): void {
    this.outcomeHooks.onDecisionOutcome((e) => this.openFromMeeting(e));
  }

  /** A meeting's decision outcome opens a draft linked to the meeting, in the outcome's transaction. */
  async openFromMeeting(e: DecisionOutcomeRecorded): Promise<void> {
    const { em, principal: p } = e;
    await em.insert(Decision, {
      municipalityId: p.municipalityId,
      courseId: e.courseId,
      status: 'draft',
      legalBasis: e.legalBasis,
      legalArea: e.legalArea,
      actions: [],
      summary: '',
      text: e.text,
      reasoning: '',
      complaintGuidance: await this.settings.complaintGuidanceFor(em, p.municipalityId, e.legalArea),
      visibility: 'team',
      meetingId: e.meetingId,
      meetingOutcomeId: e.outcomeId,
      createdBy: p.userId,
      createdAt: this.clock.now(),
    });
  }

  async create(p: Principal, courseId: string, dto: CreateDecisionDto, viewer: Viewer): Promise<DecisionDto> {
    return this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId);
      const { legalArea, basis } = await this.basis(em, p, dto.legalBasis ?? null);
      const planVersion = dto.actions?.length ? await this.checkActions(em, course, dto.actions) : null;
      this.checkPeriod(dto.effectiveFrom ?? null, dto.effectiveTo ?? null);
      if (dto.supersedesId) await this.checkSupersedes(em, p, course.id, dto.supersedesId, viewer);
      const row = em.create(Decision, {
        municipalityId: p.municipalityId,
        courseId: course.id,
        status: 'draft',
        legalBasis: basis?.code ?? null,
        legalArea,
        planVersion,
        actions: (dto.actions ?? []).map((a) => ({ actionId: a.actionId, outcome: a.outcome })),
        summary: dto.summary ?? '',
        text: dto.text ?? '',
        reasoning: dto.reasoning ?? '',
        complaintGuidance: dto.complaintGuidance ?? (await this.settings.complaintGuidanceFor(em, p.municipalityId, legalArea)),
        effectiveFrom: dto.effectiveFrom ?? null,
        effectiveTo: dto.effectiveTo ?? null,
        visibility: dto.visibility ?? 'team',
        supersedesId: dto.supersedesId ?? null,
        createdBy: p.userId,
        createdAt: this.clock.now(),
      });
      const saved = await em.save(Decision, row);
      return (await this.views(em, p.municipalityId, [saved], viewer))[0];
    });
  }

  /** Edits a draft; a decided or notified decision is refused (409 `decision.not-editable`) and nothing is saved. */
  async update(p: Principal, decisionId: string, dto: UpdateDecisionDto, viewer: Viewer): Promise<DecisionDto> {
    return this.ds.transaction(async (em) => {
      const d = await this.locked(em, p, decisionId, viewer);
      if (d.status !== 'draft') throw decisionsError.notEditable(d.status);
      const course = await this.course(em, p, d.courseId);
      const next: Partial<Decision> = {};
      if (dto.legalBasis !== undefined && dto.legalBasis !== d.legalBasis) {
        const { legalArea, basis } = await this.basis(em, p, dto.legalBasis);
        next.legalBasis = basis?.code ?? null;
        next.legalArea = legalArea;
        // The guidance follows the area unless someone wrote their own for this decision.
        if (dto.complaintGuidance === undefined && legalArea !== d.legalArea && d.complaintGuidance === (await this.settings.complaintGuidanceFor(em, p.municipalityId, d.legalArea))) {
          next.complaintGuidance = await this.settings.complaintGuidanceFor(em, p.municipalityId, legalArea);
        }
      }
      if (dto.actions !== undefined) {
        next.planVersion = dto.actions.length ? await this.checkActions(em, course, dto.actions) : null;
        next.actions = dto.actions.map((a) => ({ actionId: a.actionId, outcome: a.outcome }));
      }
      for (const key of ['summary', 'text', 'reasoning', 'complaintGuidance', 'effectiveFrom', 'effectiveTo', 'visibility'] as const) {
        if (dto[key] !== undefined) (next as Record<string, unknown>)[key] = dto[key];
      }
      this.checkPeriod(next.effectiveFrom ?? d.effectiveFrom, next.effectiveTo === undefined ? d.effectiveTo : next.effectiveTo);
      const changed = { ...next, updatedBy: p.userId, updatedAt: this.clock.now() };
      await em.update(Decision, { id: d.id, municipalityId: p.municipalityId }, changed);
      return (await this.views(em, p.municipalityId, [{ ...d, ...changed }], viewer))[0];
    });
  }

  /**
   * Makes the decision: complete, its provision in the catalogue, its actions in the plan's current version, and
   * the decider allowed under the model's rule, or (a committee provision) the committee's approval recorded.
   */
  async decide(p: Principal, decisionId: string, dto: DecideDto, viewer: Viewer): Promise<DecisionDto> {
    try {
      return await this.ds.transaction(async (em) => {
        const d = await this.locked(em, p, decisionId, viewer);
        if (d.status !== 'draft') throw decisionsError.notDraft(d.status);
        const course = await this.course(em, p, d.courseId);
        const missing = missingToDecide(d);
        if (missing.length) throw decisionsError.incomplete(missing);
        const { legalArea, basis } = await this.basis(em, p, d.legalBasis);
        if (!basis) throw decisionsError.incomplete(['legalBasis']);
        const planVersion = d.actions.length ? await this.checkActions(em, course, d.actions) : d.planVersion;
        this.checkPeriod(d.effectiveFrom, d.effectiveTo);
        const committeeBases = await this.settings.committeeLegalBases(em, p.municipalityId);
        if (decidedBy(basis, committeeBases, dto.committeeApproval, danishDay(this.clock.now())) === 'authority') {
          // The model's rule, through the same extension point as every other place a decision is recorded.
          await this.authority.assertDecisionAuthority(em, p, course, [
            { field: 'legalBasis', legalArea, legalBasis: basis.code, site: { kind: 'decision', decisionId: d.id, meetingId: d.meetingId } },
          ]);
        }
        if (d.supersedesId) await this.checkSupersedes(em, p, d.courseId, d.supersedesId, viewer);
        const now = this.clock.now();
        const decided = {
          status: 'decided' as const,
          legalArea,
          planVersion,
          decidedBy: p.userId,
          decidedAt: now,
          committeeName: dto.committeeApproval?.committee ?? null,
          committeeApprovedOn: dto.committeeApproval?.approvedOn ?? null,
          committeeReference: dto.committeeApproval?.reference ?? null,
        };
        await em.update(Decision, { id: d.id, municipalityId: p.municipalityId }, decided);
        await recordDecisionEvent(em, {
          kind: 'decision.decided',
          municipalityId: p.municipalityId,
          courseId: d.courseId,
          decisionId: d.id,
          legalArea,
          legalBasis: basis.code,
          supersedesId: d.supersedesId,
          at: now,
        });
        return (await this.views(em, p.municipalityId, [{ ...d, ...decided }], viewer))[0];
      });
    } catch (e) {
      // Two decisions superseding one at once both pass the check; the partial unique index lets one through.
      if ((e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION || (e as { code?: string }).code === UNIQUE_VIOLATION) throw decisionsError.alreadySuperseded();
      throw e;
    }
  }

  /** Records when and how the citizen was told; only a decided decision, once. */
  async notify(p: Principal, decisionId: string, dto: NotifyDto, viewer: Viewer): Promise<DecisionDto> {
    return this.ds.transaction(async (em) => {
      const d = await this.locked(em, p, decisionId, viewer);
      if (d.status !== 'decided') throw decisionsError.notDecided(d.status);
      const now = this.clock.now();
      const at = dto.notifiedAt ? new Date(dto.notifiedAt) : now;
      if (!d.decidedAt || at < d.decidedAt || at > now) throw decisionsError.notifiedBeforeDecided();
      const notified = { status: 'notified' as const, notifiedAt: at, notifiedChannel: dto.channel, notifiedBy: p.userId };
      await em.update(Decision, { id: d.id, municipalityId: p.municipalityId }, notified);
      await recordDecisionEvent(em, {
        kind: 'decision.notified',
        municipalityId: p.municipalityId,
        courseId: d.courseId,
        decisionId: d.id,
        legalArea: d.legalArea,
        legalBasis: d.legalBasis,
        supersedesId: d.supersedesId,
        at,
      });
      return (await this.views(em, p.municipalityId, [{ ...d, ...notified }], viewer))[0];
    });
  }

  async list(p: Principal, courseId: string, q: DecisionQuery, viewer: Viewer): Promise<Page<DecisionDto>> {
    const em = this.ds.manager;
    const rows = await em.find(Decision, {
      where: { municipalityId: p.municipalityId, courseId, ...(q.status ? { status: q.status } : {}), ...(q.meetingId ? { meetingId: q.meetingId } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    // A course has tens of decisions, not thousands: filtered by the visibility rule here, then paged.
    const visible = rows.filter((d) => decisionVisibleTo(viewer, d));
    const offset = q.offset ?? 0;
    const slice = visible.slice(offset, offset + (q.limit ?? 25));
    return page(await this.views(em, p.municipalityId, slice, viewer), visible.length, q);
  }

  /** One decision; one the reader may not see is "not found". */
  async get(p: Principal, decisionId: string, viewer: Viewer): Promise<DecisionDto> {
    const em = this.ds.manager;
    const d = await this.visible(em, p, decisionId, viewer);
    return (await this.views(em, p.municipalityId, [d], viewer))[0];
  }

  async letterHtml(p: Principal, decisionId: string, viewer: Viewer): Promise<string> {
    return renderLetterHtml(await this.letter(p, decisionId, viewer));
  }

  async letterPdf(p: Principal, decisionId: string, viewer: Viewer): Promise<Buffer> {
    return renderLetterPdf(await this.letter(p, decisionId, viewer));
  }

  /** The letter of a decided decision, as a document (for the archive and other renderings). */
  async letter(p: Principal, decisionId: string, viewer: Viewer): Promise<LetterDocument> {
    const em = this.ds.manager;
    const d = await this.visible(em, p, decisionId, viewer);
    return this.letterOf(em, p.municipalityId, p.municipalityCode, d);
  }

  /**
   * A decided decision as the sector systems receive it (the archive drop, the JSON push, the job-centre system):
   * the facts and the letter as PDF. For the delivery worker, which acts for the municipality, not for a reader:
   * no visibility rule applies (the targets are the municipality's own systems of record). Null when the decision
   * is gone or not decided.
   */
  async forSectorSystems(municipalityId: string, municipalityCode: string, decisionId: string): Promise<DecisionForSectorSystems | null> {
    if (!isUUID(decisionId)) return null;
    const em = this.ds.manager;
    const d = await em.findOne(Decision, { where: { id: decisionId, municipalityId } });
    if (!d || d.status === 'draft' || !d.decidedAt || !d.legalBasis) return null;
    const basis = await findLegalBasis(em, municipalityId, d.legalBasis);
    if (!basis) return null;
    const letter = await this.letterOf(em, municipalityId, municipalityCode, d);
    return {
      id: d.id,
      courseId: d.courseId,
      status: d.status,
      legalArea: d.legalArea,
      legalBasis: { code: basis.code, law: basis.law, paragraph: basis.paragraph, title: basis.title },
      actions: d.actions,
      planVersion: d.planVersion,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo,
      decidedAt: d.decidedAt,
      supersedesId: d.supersedesId,
      committee: d.committeeName && d.committeeApprovedOn && d.committeeReference ? { name: d.committeeName, approvedOn: d.committeeApprovedOn, reference: d.committeeReference } : null,
      summary: d.summary,
      letter,
      renderPdf: () => renderLetterPdf(letter),
    };
  }

  private async letterOf(em: EntityManager, municipalityId: string, municipalityCode: string, d: Decision): Promise<LetterDocument> {
    if (d.status === 'draft' || !d.decidedAt || !d.legalBasis) throw decisionsError.notDecided(d.status);
    const basis = await findLegalBasis(em, municipalityId, d.legalBasis);
    if (!basis) throw decisionsError.incomplete(['legalBasis']);
    const course = await em.findOneOrFail(Course, { where: { id: d.courseId, municipalityId } });
    const citizen = course.citizenId ? await em.findOne(Citizen, { where: { id: course.citizenId, municipalityId }, select: { id: true, name: true } }) : null;
    const titles = d.planVersion ? await this.actionTitles(em, course, d.planVersion) : new Map<string, string>();
    const superseded = d.supersedesId ? await em.findOne(Decision, { where: { id: d.supersedesId, municipalityId }, select: { id: true, decidedAt: true } }) : null;
    return decisionLetter({
      letterhead: this.letterheads.for(municipalityCode),
      decisionId: d.id,
      recipientName: citizen?.name ?? null,
      decidedAt: d.decidedAt,
      basis,
      actions: d.actions.map((a) => ({ ...a, title: titles.get(a.actionId) ?? null })),
      summary: d.summary,
      text: d.text,
      reasoning: d.reasoning,
      complaintGuidance: d.complaintGuidance,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo,
      committee: d.committeeName && d.committeeApprovedOn && d.committeeReference ? { name: d.committeeName, approvedOn: d.committeeApprovedOn, reference: d.committeeReference } : null,
      supersedesDecidedAt: superseded?.decidedAt ?? null,
    });
  }

  private async course(em: EntityManager, p: Principal, courseId: string): Promise<Course> {
    const course = await em.findOne(Course, { where: { id: courseId, municipalityId: p.municipalityId } });
    if (!course) throw courseError.notFound();
    if (ENDED.has(course.status)) throw decisionsError.courseEnded(course.status);
    return course;
  }

  /** The provision and its area; a code outside the catalogue is the core's `decision.legal-basis-unknown` (422, field `legalBasis`). */
  private async basis(em: EntityManager, p: Principal, code: string | null): Promise<{ legalArea: Decision['legalArea']; basis: LegalBasisFacts | null }> {
    if (!code) throw DomainError.field(DecisionErrorCode.LegalAreaMissing, 'legalBasis', 'A decision names the legal basis it is made under (a code of GET /legal-bases)', 'invalid');
    return resolveDecisionArea(em, p.municipalityId, { legalBasis: code }, { areaField: 'legalBasis', basisField: 'legalBasis' });
  }

  /** The action ids must be actions of the plan's current version, each once; returns that version. */
  private async checkActions(em: EntityManager, course: Course, actions: readonly DecidedAction[]): Promise<number> {
    const plan = await em.findOne(Plan, { where: { courseId: course.id, municipalityId: course.municipalityId } });
    if (!plan || plan.currentVersion === 0) throw decisionsError.noPlan();
    const ids = await this.actionTitles(em, course, plan.currentVersion);
    const seen = new Set<string>();
    actions.forEach((a, i) => {
      if (!ids.has(a.actionId)) throw decisionsError.actionUnknown(i, plan.currentVersion);
      if (seen.has(a.actionId)) throw decisionsError.actionTwice(i);
      seen.add(a.actionId);
    });
    return plan.currentVersion;
  }

  private async actionTitles(em: EntityManager, course: Course, version: number): Promise<Map<string, string>> {
    const v = await em
      .getRepository(PlanVersion)
      .createQueryBuilder('v')
      .innerJoin(Plan, 'p', 'p.id = v.planId')
      .where('p.courseId = :courseId AND v.municipalityId = :m AND v.version = :version', { courseId: course.id, m: course.municipalityId, version })
      .getOne();
    return new Map((v?.content.actions ?? []).map((a) => [a.id, a.title]));
  }

  private checkPeriod(from: string | null, to: string | null): void {
    if (from && to && to < from) throw decisionsError.periodInvalid();
  }

  private async checkSupersedes(em: EntityManager, p: Principal, courseId: string, supersedesId: string, viewer: Viewer): Promise<void> {
    const old = await em.findOne(Decision, { where: { id: supersedesId, municipalityId: p.municipalityId, courseId } });
    if (!old || old.status === 'draft' || !decisionVisibleTo(viewer, old)) throw decisionsError.supersedesUnknown();
    const taken = await em.exists(Decision, { where: { municipalityId: p.municipalityId, supersedesId, status: Not('draft') } });
    if (taken) throw decisionsError.alreadySuperseded();
  }

  private async visible(em: EntityManager, p: Principal, decisionId: string, viewer: Viewer): Promise<Decision> {
    if (!isUUID(decisionId)) throw decisionsError.notFound();
    const d = await em.findOne(Decision, { where: { id: decisionId, municipalityId: p.municipalityId } });
    if (!d || !decisionVisibleTo(viewer, d)) throw decisionsError.notFound();
    return d;
  }

  /** The decision row locked for the write, so two concurrent edits or decisions run one after the other. */
  private async locked(em: EntityManager, p: Principal, decisionId: string, viewer: Viewer): Promise<Decision> {
    if (!isUUID(decisionId)) throw decisionsError.notFound();
    const d = await em.findOne(Decision, { where: { id: decisionId, municipalityId: p.municipalityId }, lock: { mode: 'pessimistic_write' } });
    if (!d || !decisionVisibleTo(viewer, d)) throw decisionsError.notFound();
    return d;
  }

  private async views(em: EntityManager, municipalityId: string, rows: Decision[], viewer: Viewer): Promise<DecisionDto[]> {
    if (!rows.length) return [];
    const successors = await em.find(Decision, {
      where: { municipalityId, supersedesId: In(rows.map((r) => r.id)), status: Not('draft') },
      select: { id: true, supersedesId: true, legalArea: true, visibility: true, createdBy: true, status: true },
    });
    const committee = new Set(await this.settings.committeeLegalBases(em, municipalityId));
    const bases = new Map<string, LegalBasisFacts | null>();
    for (const code of new Set(rows.flatMap((r) => (r.legalBasis ? [r.legalBasis] : [])))) bases.set(code, await findLegalBasis(em, municipalityId, code));
    return rows.map((d) => {
      const basis = d.legalBasis ? bases.get(d.legalBasis) : null;
      const successor = successors.find((s) => s.supersedesId === d.id && decisionVisibleTo(viewer, s));
      return {
        id: d.id,
        courseId: d.courseId,
        status: d.status,
        legalBasis: basis ? { code: basis.code, law: basis.law, paragraph: basis.paragraph, title: basis.title } : null,
        legalArea: d.legalArea,
        committeeProvision: !!d.legalBasis && committee.has(d.legalBasis),
        planVersion: d.planVersion,
        actions: d.actions,
        summary: d.summary,
        text: d.text,
        reasoning: d.reasoning,
        complaintGuidance: d.complaintGuidance,
        effectiveFrom: d.effectiveFrom,
        effectiveTo: d.effectiveTo,
        visibility: d.visibility,
        meetingId: d.meetingId,
        meetingOutcomeId: d.meetingOutcomeId,
        supersedesId: d.supersedesId,
        supersededBy: successor?.id ?? null,
        committeeApproval:
          d.committeeName && d.committeeApprovedOn && d.committeeReference ? { committee: d.committeeName, approvedOn: d.committeeApprovedOn, reference: d.committeeReference } : null,
        createdBy: d.createdBy,
        createdAt: d.createdAt.toISOString(),
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt?.toISOString() ?? null,
        notification: d.notifiedAt && d.notifiedChannel && d.notifiedBy ? { at: d.notifiedAt.toISOString(), channel: d.notifiedChannel, by: d.notifiedBy } : null,
      };
    });
  }
}

/** The course of a decision, for the access declaration of `/decisions/{decisionId}` routes. */
export async function decisionCourses(em: EntityManager, municipalityId: string, decisionId: string): Promise<string[]> {
  if (!isUUID(decisionId)) return [];
  const d = await em.findOne(Decision, { where: { id: decisionId, municipalityId }, select: { id: true, courseId: true } });
  return d ? [d.courseId] : [];
}
