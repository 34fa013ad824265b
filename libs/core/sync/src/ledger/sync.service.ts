import { isUUID } from 'class-validator';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { DEPLOYMENT, EnplanConfig, type Deployment, type SyncTargetSetting } from '@enplan/core/config';
import { Course } from '@enplan/core/courses';
import { Not } from 'typeorm';
import { Municipality } from '@enplan/core/database';
import { EventDelivery, hastenPendingDeliveries, requeueDeadDeliveries, signWebhook, type CoreDeliveryAttempt, type CoreDeliveryEvent } from '@enplan/core/events';
import { Plan, PlanVersion } from '@enplan/core/plans';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { Decision, DecisionsService } from '@enplan/core/decisions';
import { DECISION_ADAPTERS, DeliveryFailure, SYNC_ADAPTERS, type SyncEvent } from '../adapters/adapters.js';
import { CourseExportService } from '../course-export.service.js';
import { syncError } from '../sync.error.js';
import { SyncDelivery, type SyncState, type SyncSubjectKind } from './sync-delivery.entity.js';
import { ledgerRows, versionSync, type VersionSync } from './sync-gaps.js';
import { decisionTargetsOf, SYNC_PROVIDER, syncTargetsOf } from './sync-targets.js';

export interface SyncTargetView {
  target: string;
  label: string;
  kind: string;
  state: SyncState;
  attempts: number;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  manual: boolean;
  targetReference: string | null;
  lastError: string | null;
}

export interface PlanVersionSyncView {
  version: number;
  publishedAt: string;
  /** Every target reached without anyone typing it in. */
  complete: boolean;
  targets: SyncTargetView[];
}

export interface DecisionSyncView {
  decisionId: string;
  legalArea: string;
  decidedAt: string;
  /** The decision it supersedes: a superseding decision reaches the targets as a document of its own. */
  supersedesId: string | null;
  complete: boolean;
  targets: SyncTargetView[];
}

/** What a ledger row is about: a plan version or a decided decision. */
interface LedgerSubject {
  municipalityId: string;
  courseId: string;
  kind: SyncSubjectKind;
  id: string;
  version: number | null;
  at: Date;
}

export interface SyncFigures {
  month: string;
  targets: string[];
  planRevisions: number;
  /** Revisions that reached every target, none of them by manual entry. */
  reachedEveryTargetAutomatically: number;
  /** The share as a whole percentage (null when there were no revisions). */
  percent: number | null;
  byTarget: { target: string; label: string; delivered: number; deliveredManually: number; failed: number; pending: number; needsManualEntry: number }[];
}

function targetViews(s: VersionSync): SyncTargetView[] {
  return s.targets.map((t) => ({
    target: t.target,
    label: t.label,
    kind: t.kind,
    state: t.state,
    attempts: t.row?.attempts ?? 0,
    lastAttemptAt: t.row?.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: t.row?.deliveredAt?.toISOString() ?? null,
    manual: t.row?.manual ?? false,
    targetReference: t.row?.targetReference ?? null,
    lastError: t.row?.lastError ?? null,
  }));
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The sync ledger and the sync targets' side of the delivery worker: `deliverTo(event, target, attempt)` runs one
 * target's adapter for one attempt (each target is its own `event_delivery` row, so one that fails never keeps the
 * others from their delivery) and writes the ledger row after it. Delivered targets are not sent again, and every
 * request carries `Idempotency-Key: <delivery id>` (and, signed, `webhook-id: msg_<delivery id>`), the same on
 * every attempt, so a receiver can drop a duplicate sent while the ledger write was lost.
 */
@Injectable()
export class SyncService {
  private readonly log = new Logger('SyncService');

  constructor(
    private readonly ds: DataSource,
    private readonly exports: CourseExportService,
    private readonly config: EnplanConfig,
    private readonly decisions: DecisionsService,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async targetsFor(municipalityId: string, em: EntityManager = this.ds.manager): Promise<SyncTargetSetting[]> {
    const m = await em.findOneOrFail(Municipality, { where: { id: municipalityId }, select: { id: true, code: true } });
    return syncTargetsOf(this.deployment, m.code);
  }

  /**
   * Delivers one event to one target: the sync lib's side of `CoreDeliveryProvider`, called by the delivery worker
   * outside any transaction, once per attempt, with the delivery row's idempotency key. Writes the ledger row after
   * the attempt (in a short transaction of its own) and throws a `DeliveryFailure` whose reason is safe to store,
   * so the worker backs off, retries and dead-letters. A target the version has reached already is not sent again.
   */
  async deliverTo(event: CoreDeliveryEvent, targetId: string, attempt: CoreDeliveryAttempt): Promise<{ reference: string | null }> {
    if (event.type === 'decision.decided') return this.deliverDecision(event, targetId, attempt);
    const planVersionId = event.data['planVersionId'];
    const courseId = event.data['courseId'];
    if (event.type !== 'plan.version-published' || typeof planVersionId !== 'string' || typeof courseId !== 'string') throw new DeliveryFailure(`not a sync event (${event.type})`);
    const em = this.ds.manager;
    const version = await em.findOne(PlanVersion, { where: { id: planVersionId, municipalityId: event.municipalityId } });
    if (!version) throw new DeliveryFailure('plan version not found');
    const target = syncTargetsOf(this.deployment, event.municipalityCode).find((t) => t.id === targetId);
    if (!target || target.kind === 'manual') throw new DeliveryFailure('target no longer configured');
    const sync: SyncEvent = { id: event.id, kind: 'plan.version-published', municipalityId: event.municipalityId, courseId, subjectId: version.id };
    const subject: LedgerSubject = { municipalityId: event.municipalityId, courseId, kind: 'plan-version', id: version.id, version: version.version, at: version.publishedAt };
    const [row] = await ledgerRows(em, event.municipalityId, [version.id]).then((rows) => rows.filter((r) => r.target === target.id));
    if (row?.state === 'delivered') return { reference: row.targetReference };
    try {
      const data = await this.exports.load(event.municipalityId, courseId, version.version);
      const sign = this.signer(target, attempt);
      const { reference } = await SYNC_ADAPTERS[target.kind]({
        event: sync,
        target,
        data,
        exports: this.exports,
        idempotencyKey: attempt.idempotencyKey,
        archiveDir: this.config.archiveDir,
        sign,
      });
      await this.record(subject, target.id, { state: 'delivered', deliveredAt: this.clock.now(), targetReference: reference, lastError: null });
      return { reference };
    } catch (e) {
      throw await this.failure(e, subject, target.id, event, attempt);
    }
  }

  /**
   * A decided decision to one target: the archive gets the letter as PDF plus metadata, the job centre's system
   * (for a decision under the employment laws) and the JSON push the decision's facts. A superseding decision is a
   * document of its own, its metadata naming the one it supersedes; the superseded one is never sent again.
   */
  private async deliverDecision(event: CoreDeliveryEvent, targetId: string, attempt: CoreDeliveryAttempt): Promise<{ reference: string | null }> {
    const decisionId = event.data['decisionId'];
    if (typeof decisionId !== 'string') throw new DeliveryFailure(`not a sync event (${event.type})`);
    const x = await this.decisions.forSectorSystems(event.municipalityId, event.municipalityCode, decisionId);
    if (!x) throw new DeliveryFailure('decision not found');
    const target = decisionTargetsOf(this.deployment, event.municipalityCode, x.legalArea).find((t) => t.id === targetId);
    if (!target || target.kind === 'manual') throw new DeliveryFailure('target no longer configured');
    const subject: LedgerSubject = { municipalityId: event.municipalityId, courseId: x.courseId, kind: 'decision', id: x.id, version: null, at: x.decidedAt };
    const [row] = (await ledgerRows(this.ds.manager, event.municipalityId, [x.id], 'decision')).filter((r) => r.target === target.id);
    if (row?.state === 'delivered') return { reference: row.targetReference };
    try {
      const data = await this.exports.load(event.municipalityId, x.courseId);
      const sign = this.signer(target, attempt);
      const { reference } = await DECISION_ADAPTERS[target.kind]({
        eventId: event.id,
        target,
        decision: x,
        data,
        exports: this.exports,
        idempotencyKey: attempt.idempotencyKey,
        archiveDir: this.config.archiveDir,
        sign,
      });
      await this.record(subject, target.id, { state: 'delivered', deliveredAt: this.clock.now(), targetReference: reference, lastError: null });
      return { reference };
    } catch (e) {
      throw await this.failure(e, subject, target.id, event, attempt);
    }
  }

  /**
   * How a target's requests are signed: Standard Webhooks, the one signing function of the core, with the delivery's
   * idempotency key as `webhook-id`; unsigned without `secretEnv`, and a configured but unset secret fails the attempt.
   */
  private signer(target: SyncTargetSetting, attempt: CoreDeliveryAttempt): (body: string) => Record<string, string> {
    const secret = target.secretEnv ? process.env[target.secretEnv] : undefined;
    if (target.secretEnv && !secret) throw new DeliveryFailure(`signing secret ${target.secretEnv} is not set`);
    return (body) => (secret ? signWebhook({ msgId: `msg_${attempt.idempotencyKey}`, at: this.clock.now(), body, secrets: [secret] }) : {});
  }

  /** Records a failed attempt in the ledger; the error to throw, its reason safe to store (a status or error kind). */
  private async failure(e: unknown, subject: LedgerSubject, target: string, event: CoreDeliveryEvent, attempt: CoreDeliveryAttempt): Promise<DeliveryFailure> {
    // The reason of a DeliveryFailure is safe to store; anything else is reduced to its class name.
    const reason = (e instanceof DeliveryFailure ? e.reason : `adapter error (${(e as Error)?.name ?? 'unknown'})`).slice(0, 200);
    this.log.warn({ msg: 'sync delivery failed', target, eventId: event.id, attempt: attempt.attempt, reason });
    await this.record(subject, target, { state: 'failed', lastError: reason });
    return new DeliveryFailure(reason);
  }

  private async record(subject: LedgerSubject, target: string, changes: Partial<SyncDelivery>): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(SyncDelivery)
        .values({ municipalityId: subject.municipalityId, courseId: subject.courseId, subjectKind: subject.kind, subjectId: subject.id, subjectVersion: subject.version, subjectAt: subject.at, target })
        .orIgnore()
        .execute();
      await em
        .createQueryBuilder()
        .update(SyncDelivery)
        .set({ ...changes, attempts: () => 'attempts + 1', lastAttemptAt: this.clock.now() })
        .where('municipality_id = :m AND subject_kind = :k AND subject_id = :s AND target = :t', { m: subject.municipalityId, k: subject.kind, s: subject.id, t: target })
        .andWhere(`state <> 'delivered'`)
        .execute();
    });
  }

  /**
   * The course's "send again": puts every delivery of the course's versions to a target they have not reached back
   * in the delivery worker's queue, due now: dead ones are replayed (attempts reset, the same idempotency key),
   * ones waiting out a back-off are brought forward, and a target configured after the event was routed gets its
   * delivery. Database writes only, in the request's unit of work; the worker sends on its next pass.
   */
  async retry(p: Principal, courseId: string): Promise<{ planVersions: PlanVersionSyncView[]; decisions: DecisionSyncView[] }> {
    const em = this.ds.manager;
    const versions = await this.versions(p, courseId);
    const targets = (await this.targetsFor(p.municipalityId)).filter((t) => t.kind !== 'manual');
    const rows = await ledgerRows(em, p.municipalityId, versions.map((v) => v.id));
    const decisions = await this.decided(p, courseId);
    const decisionRows = await ledgerRows(em, p.municipalityId, decisions.map((d) => d.id), 'decision');
    const events: { id: string; subject_id: string }[] = await em.query(
      `SELECT id, COALESCE(data->>'planVersionId', data->>'decisionId') AS subject_id FROM domain_event
        WHERE municipality_id = $1 AND course_id = $2 AND type IN ('plan.version-published', 'decision.decided')
          AND COALESCE(data->>'planVersionId', data->>'decisionId') = ANY($3::text[])`,
      [p.municipalityId, courseId, [...versions.map((v) => v.id), ...decisions.map((d) => d.id)]],
    );
    const open: { eventId: string; target: string }[] = [];
    for (const v of versions) {
      const event = events.find((e) => e.subject_id === v.id);
      if (!event) continue; // published before the outbox existed: only a manual entry records it
      for (const t of versionSync(targets, v.id, rows).targets) if (t.state === 'pending' || t.state === 'failed') open.push({ eventId: event.id, target: t.target });
    }
    for (const d of decisions) {
      const event = events.find((e) => e.subject_id === d.id);
      if (!event) continue;
      const of = decisionTargetsOf(this.deployment, p.municipalityCode, d.legalArea).filter((t) => t.kind !== 'manual');
      for (const t of versionSync(of, d.id, decisionRows).targets) if (t.state === 'pending' || t.state === 'failed') open.push({ eventId: event.id, target: t.target });
    }
    const now = this.clock.now();
    const dead: string[] = [];
    const waiting: string[] = [];
    for (const o of open) {
      const key = `${SYNC_PROVIDER}/${o.target}`;
      await em.createQueryBuilder().insert().into(EventDelivery)
        .values({ municipalityId: p.municipalityId, eventId: o.eventId, targetKind: 'core', targetId: key, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now })
        .orIgnore().execute();
      const d = await em.findOneOrFail(EventDelivery, { where: { municipalityId: p.municipalityId, eventId: o.eventId, targetKind: 'core', targetId: key } });
      (d.status === 'dead' ? dead : waiting).push(d.id);
    }
    await requeueDeadDeliveries(em, p.municipalityId, dead, now);
    await hastenPendingDeliveries(em, p.municipalityId, waiting, now);
    return { planVersions: await this.ledger(p, courseId), decisions: await this.decisionLedger(p, courseId) };
  }

  /** The course's decided (and notified) decisions, newest first, per target that takes them. */
  async decisionLedger(p: Principal, courseId: string): Promise<DecisionSyncView[]> {
    const decisions = await this.decided(p, courseId);
    const rows = await ledgerRows(this.ds.manager, p.municipalityId, decisions.map((d) => d.id), 'decision');
    return decisions.map((d) => this.decisionView(p, d, rows));
  }

  private decisionView(p: Principal, d: Decision, rows: Awaited<ReturnType<typeof ledgerRows>>): DecisionSyncView {
    const views = targetViews(versionSync(decisionTargetsOf(this.deployment, p.municipalityCode, d.legalArea), d.id, rows));
    return {
      decisionId: d.id,
      legalArea: d.legalArea,
      decidedAt: (d.decidedAt ?? d.createdAt).toISOString(),
      supersedesId: d.supersedesId,
      complete: views.every((t) => t.state === 'delivered' && !t.manual),
      targets: views,
    };
  }

  /** A person typed the decided decision into the target (a system without an interface, or after a failure). */
  async recordDecisionManualEntry(p: Principal, courseId: string, decisionId: string, target: string, reference: string): Promise<DecisionSyncView> {
    return this.ds.transaction(async (em) => {
      // A malformed id names no decision: 404, never a query with it.
      const d = isUUID(decisionId) ? (await this.decided(p, courseId, em)).find((x) => x.id === decisionId) : undefined;
      if (!d) throw syncError.decisionNotFound();
      if (!decisionTargetsOf(this.deployment, p.municipalityCode, d.legalArea).some((t) => t.id === target)) throw syncError.targetUnknown();
      const row = await em.findOne(SyncDelivery, { where: { municipalityId: p.municipalityId, subjectKind: 'decision', subjectId: d.id, target }, lock: { mode: 'pessimistic_write' } });
      if (row?.state === 'delivered') throw syncError.alreadyDelivered();
      const changes = { state: 'delivered' as const, manual: true, deliveredAt: this.clock.now(), targetReference: reference, recordedBy: p.userId, lastError: null };
      if (row) await em.update(SyncDelivery, { id: row.id, municipalityId: p.municipalityId }, changes);
      else await em.insert(SyncDelivery, { municipalityId: p.municipalityId, courseId, subjectKind: 'decision', subjectId: d.id, subjectVersion: null, subjectAt: d.decidedAt ?? d.createdAt, target, ...changes });
      return this.decisionView(p, d, await ledgerRows(em, p.municipalityId, [d.id], 'decision'));
    });
  }

  private async decided(p: Principal, courseId: string, em: EntityManager = this.ds.manager): Promise<Decision[]> {
    return em.find(Decision, {
      where: { municipalityId: p.municipalityId, courseId, status: Not('draft') },
      select: { id: true, legalArea: true, decidedAt: true, createdAt: true, supersedesId: true },
      order: { decidedAt: 'DESC', id: 'DESC' },
    });
  }

  /** The course's ledger: every published version, newest first, per configured target. */
  async ledger(p: Principal, courseId: string): Promise<PlanVersionSyncView[]> {
    const versions = await this.versions(p, courseId);
    const targets = await this.targetsFor(p.municipalityId);
    const rows = await ledgerRows(this.ds.manager, p.municipalityId, versions.map((v) => v.id));
    return versions.map((v) => {
      const views = targetViews(versionSync(targets, v.id, rows));
      return { version: v.version, publishedAt: v.publishedAt.toISOString(), complete: views.every((t) => t.state === 'delivered' && !t.manual), targets: views };
    });
  }

  /** A person typed the version into the target (or confirms they did): delivered, counted as manual entry. */
  async recordManualEntry(p: Principal, courseId: string, versionParam: string, target: string, reference: string): Promise<PlanVersionSyncView> {
    return this.ds.transaction(async (em) => {
      const targets = await this.targetsFor(p.municipalityId, em);
      if (!targets.some((t) => t.id === target)) throw syncError.targetUnknown();
      const version = /^\d{1,9}$/.test(versionParam) ? Number(versionParam) : NaN;
      const versions = await this.versions(p, courseId, em);
      const v = versions.find((x) => x.version === version);
      if (!v) throw syncError.versionNotFound();
      const row = await em.findOne(SyncDelivery, { where: { municipalityId: p.municipalityId, subjectKind: 'plan-version', subjectId: v.id, target }, lock: { mode: 'pessimistic_write' } });
      if (row?.state === 'delivered') throw syncError.alreadyDelivered();
      const now = this.clock.now();
      const changes = { state: 'delivered' as const, manual: true, deliveredAt: now, targetReference: reference, recordedBy: p.userId, lastError: null };
      if (row) await em.update(SyncDelivery, { id: row.id, municipalityId: p.municipalityId }, changes);
      else await em.insert(SyncDelivery, { municipalityId: p.municipalityId, courseId, subjectKind: 'plan-version', subjectId: v.id, subjectVersion: v.version, subjectAt: v.publishedAt, target, ...changes });
      const rows = await ledgerRows(em, p.municipalityId, [v.id]);
      const views = targetViews(versionSync(targets, v.id, rows));
      return { version: v.version, publishedAt: v.publishedAt.toISOString(), complete: views.every((t) => t.state === 'delivered' && !t.manual), targets: views };
    });
  }

  /**
   * The municipality's figure for one calendar month (Danish time): of the plan revisions published that month,
   * how many reached every configured target without manual entry. Targets are today's configuration.
   */
  async figures(p: Principal, monthParam: string | undefined): Promise<SyncFigures> {
    const month = monthParam ?? danishDay(this.clock.now()).slice(0, 7);
    const m = MONTH.exec(month);
    if (!m) throw syncError.monthInvalid();
    const em = this.ds.manager;
    const targets = await this.targetsFor(p.municipalityId);
    // The month's bounds in Danish time: the first instants whose Danish day is in the month.
    const next = m[2] === '12' ? `${Number(m[1]) + 1}-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, '0')}`;
    const versions = await em
      .createQueryBuilder(PlanVersion, 'pv')
      .select(['pv.id', 'pv.version', 'pv.publishedAt'])
      .where('pv.municipality_id = :mun', { mun: p.municipalityId })
      .andWhere(`pv.published_at >= (:from::timestamp AT TIME ZONE 'Europe/Copenhagen')`, { from: `${month}-01 00:00:00` })
      .andWhere(`pv.published_at < (:to::timestamp AT TIME ZONE 'Europe/Copenhagen')`, { to: `${next}-01 00:00:00` })
      .getMany();
    const rows = await ledgerRows(em, p.municipalityId, versions.map((v) => v.id));
    const syncs = versions.map((v) => versionSync(targets, v.id, rows));
    const reached = syncs.filter((s) => s.targets.every((t) => t.state === 'delivered' && !t.row?.manual)).length;
    return {
      month,
      targets: targets.map((t) => t.id),
      planRevisions: versions.length,
      reachedEveryTargetAutomatically: reached,
      percent: versions.length ? Math.round((reached / versions.length) * 100) : null,
      byTarget: targets.map((t) => {
        const of = syncs.map((s) => s.targets.find((x) => x.target === t.id)).filter((x) => x !== undefined);
        return {
          target: t.id,
          label: t.label ?? t.id,
          delivered: of.filter((x) => x.state === 'delivered' && !x.row?.manual).length,
          deliveredManually: of.filter((x) => x.state === 'delivered' && x.row?.manual).length,
          failed: of.filter((x) => x.state === 'failed').length,
          pending: of.filter((x) => x.state === 'pending').length,
          needsManualEntry: of.filter((x) => x.state === 'needs-manual-entry').length,
        };
      }),
    };
  }

  private async versions(p: Principal, courseId: string, em: EntityManager = this.ds.manager): Promise<PlanVersion[]> {
    const course = await em.findOne(Course, { where: { id: courseId, municipalityId: p.municipalityId }, select: { id: true } });
    if (!course) throw syncError.courseNotFound();
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId: p.municipalityId }, select: { id: true } });
    if (!plan) return [];
    return em.find(PlanVersion, {
      where: { planId: plan.id, municipalityId: p.municipalityId },
      select: { id: true, version: true, publishedAt: true },
      order: { version: 'DESC' },
    });
  }

}
