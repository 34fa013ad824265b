import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { DEPLOYMENT, EnplanConfig, type Deployment, type SyncTargetSetting } from '@enplan/core/config';
import { Course } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { Plan, PlanVersion } from '@enplan/core/plans';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { DeliveryFailure, SYNC_ADAPTERS, type SyncEvent } from '../adapters/adapters.js';
import { CourseExportService } from '../course-export.service.js';
import { syncError } from '../sync.error.js';
import { SyncDelivery, type SyncState } from './sync-delivery.entity.js';
import { ledgerRows, versionSync, type VersionSync } from './sync-gaps.js';
import { syncTargetsOf } from './sync-targets.js';

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

export interface DeliveryOutcome {
  target: string;
  state: SyncState;
  skipped?: boolean;
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
 * The sync ledger and the delivery entry point. `deliver(event)` runs the adapters of every target configured
 * for the event's municipality (or one of them), each on its own: one target that fails or throws never keeps
 * the others from their delivery, and the ledger row is written after each attempt. Delivered targets are not
 * sent again (a redelivered event is a no-op for them), and every request carries `Idempotency-Key:
 * <event id>:<target>` so a receiver can drop a duplicate sent while the ledger write was lost.
 */
@Injectable()
export class SyncService {
  private readonly log = new Logger('SyncService');

  constructor(
    private readonly ds: DataSource,
    private readonly exports: CourseExportService,
    private readonly config: EnplanConfig,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async targetsFor(municipalityId: string, em: EntityManager = this.ds.manager): Promise<SyncTargetSetting[]> {
    const m = await em.findOneOrFail(Municipality, { where: { id: municipalityId }, select: { id: true, code: true } });
    return syncTargetsOf(this.deployment, m.code);
  }

  /** Delivers one event to its targets (`only`: to one of them). Never throws for a target's failure. */
  async deliver(event: SyncEvent, only?: string): Promise<DeliveryOutcome[]> {
    const em = this.ds.manager;
    const version = await em.findOne(PlanVersion, { where: { id: event.subjectId, municipalityId: event.municipalityId } });
    if (!version) return [];
    const targets = (await this.targetsFor(event.municipalityId)).filter((t) => !only || t.id === only);
    const existing = await ledgerRows(em, event.municipalityId, [version.id]);
    const data = await this.exports.load(event.municipalityId, event.courseId, version.version);
    const out: DeliveryOutcome[] = [];
    for (const target of targets) {
      const row = existing.find((r) => r.target === target.id);
      if (row?.state === 'delivered') {
        out.push({ target: target.id, state: 'delivered', skipped: true });
        continue;
      }
      if (target.kind === 'manual') {
        await this.record(event, version, target.id, { state: 'needs-manual-entry' }, false);
        out.push({ target: target.id, state: 'needs-manual-entry' });
        continue;
      }
      const adapter = SYNC_ADAPTERS[target.kind];
      try {
        const { reference } = await adapter({
          event,
          target,
          data,
          exports: this.exports,
          idempotencyKey: `${event.id}:${target.id}`,
          archiveDir: this.config.archiveDir,
          sign: () => ({}),
        });
        await this.record(event, version, target.id, { state: 'delivered', deliveredAt: this.clock.now(), targetReference: reference, lastError: null }, true);
        out.push({ target: target.id, state: 'delivered' });
      } catch (e) {
        // The reason of a DeliveryFailure is safe to store; anything else is reduced to its class name.
        const reason = e instanceof DeliveryFailure ? e.reason : `adapter error (${(e as Error)?.name ?? 'unknown'})`;
        this.log.warn({ msg: 'sync delivery failed', target: target.id, eventId: event.id, reason });
        await this.record(event, version, target.id, { state: 'failed', lastError: reason.slice(0, 200) }, true);
        out.push({ target: target.id, state: 'failed' });
      }
    }
    return out;
  }

  private async record(event: SyncEvent, v: PlanVersion, target: string, changes: Partial<SyncDelivery>, attempted: boolean): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(SyncDelivery)
        .values({ municipalityId: event.municipalityId, courseId: event.courseId, subjectKind: 'plan-version', subjectId: v.id, subjectVersion: v.version, subjectAt: v.publishedAt, target })
        .orIgnore()
        .execute();
      await em
        .createQueryBuilder()
        .update(SyncDelivery)
        .set({ ...changes, ...(attempted ? { attempts: () => 'attempts + 1', lastAttemptAt: this.clock.now() } : {}) })
        .where('municipality_id = :m AND subject_kind = :k AND subject_id = :s AND target = :t', { m: event.municipalityId, k: 'plan-version', s: v.id, t: target })
        .andWhere(`state <> 'delivered'`)
        .execute();
    });
  }

  /** Tries again every target a version of the course has not reached (the course's "send again"). */
  async retry(p: Principal, courseId: string): Promise<PlanVersionSyncView[]> {
    const versions = await this.versions(p, courseId);
    const targets = await this.targetsFor(p.municipalityId);
    const rows = await ledgerRows(this.ds.manager, p.municipalityId, versions.map((v) => v.id));
    for (const v of versions) {
      const open = versionSync(targets, v.id, rows).targets.filter((t) => t.state === 'pending' || t.state === 'failed' || (t.kind === 'manual' && !t.row));
      for (const t of open) await this.deliver({ id: v.id, kind: 'plan.version-published', municipalityId: p.municipalityId, courseId, subjectId: v.id }, t.target);
    }
    return this.ledger(p, courseId);
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
