import { In, type EntityManager } from 'typeorm';
import type { SyncTargetSetting } from '@enplan/core/config';
import { addDays } from '@enplan/shared/util';
import { SyncDelivery, type SyncState, type SyncSubjectKind } from './sync-delivery.entity.js';

/** A plan version and what the ledger says of it per configured target (a target with no row yet is pending). */
export interface VersionSync {
  planVersionId: string;
  targets: { target: string; label: string; kind: string; state: SyncState; row: SyncDelivery | null }[];
}

/** The ledger's rows of these plan versions (or, `kind` = `decision`, decisions). */
export async function ledgerRows(em: EntityManager, municipalityId: string, subjectIds: string[], kind: SyncSubjectKind = 'plan-version'): Promise<SyncDelivery[]> {
  if (!subjectIds.length) return [];
  return em.find(SyncDelivery, { where: { municipalityId, subjectKind: kind, subjectId: In(subjectIds) } });
}

/** Joins the configured targets with the ledger's rows: a `manual` target without a row needs manual entry. */
export function versionSync(targets: readonly SyncTargetSetting[], planVersionId: string, rows: readonly SyncDelivery[]): VersionSync {
  return {
    planVersionId,
    targets: targets.map((t) => {
      const row = rows.find((r) => r.subjectId === planVersionId && r.target === t.id) ?? null;
      const state: SyncState = row?.state ?? (t.kind === 'manual' ? 'needs-manual-entry' : 'pending');
      return { target: t.id, label: t.label ?? t.id, kind: t.kind, state, row };
    }),
  };
}

/**
 * For the work list: which of the given current plan versions have not reached a target they should. A failed
 * delivery or one that needs manual entry counts at once; a pending one from the day after publishing (the
 * delivery worker retries within minutes, so a day means it is stuck).
 */
export async function unsyncedVersions(
  em: EntityManager,
  municipalityId: string,
  targets: readonly SyncTargetSetting[],
  versions: readonly { planVersionId: string; courseId: string; version: number; publishedOn: string }[],
): Promise<{ courseId: string; planVersionId: string; version: number; dueOn: string; targets: string[] }[]> {
  if (!targets.length || !versions.length) return [];
  const rows = await ledgerRows(em, municipalityId, versions.map((v) => v.planVersionId));
  const out: { courseId: string; planVersionId: string; version: number; dueOn: string; targets: string[] }[] = [];
  for (const v of versions) {
    const s = versionSync(targets, v.planVersionId, rows);
    const stuck = s.targets.filter((t) => t.state !== 'delivered');
    if (!stuck.length) continue;
    const onlyPending = stuck.every((t) => t.state === 'pending');
    out.push({ courseId: v.courseId, planVersionId: v.planVersionId, version: v.version, dueOn: onlyPending ? addDays(v.publishedOn, 1) : v.publishedOn, targets: stuck.map((t) => t.label) });
  }
  return out;
}
