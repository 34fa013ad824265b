import type { Deployment, SyncTargetSetting } from '@enplan/core/config';

/** The targets a municipality's plan versions should reach, from its deployment entry (`sync`). */
export function syncTargetsOf(deployment: Deployment, municipalityCode: string): SyncTargetSetting[] {
  return deployment.municipalities.find((m) => m.code === municipalityCode)?.sync ?? [];
}

/** The label staff see for a target. */
export function targetLabel(t: SyncTargetSetting): string {
  return t.label ?? t.id;
}

/** The provider name in `event_delivery.target_id` (`sync/<target id>`, target kind `core`). */
export const SYNC_PROVIDER = 'sync';
