import type { Deployment, SyncTargetSetting } from '@enplan/core/config';
import { EMPLOYMENT_AREAS } from '../employment/employment-plan.js';

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

/**
 * The targets a decided decision must reach: the archive (letter as PDF plus metadata), the FHIR endpoint (the
 * course's bundle again, the decision in it as a DocumentReference), the JSON push, and the job centre's system
 * (`employment-plan` target) for a decision under the employment laws, and every `manual` target (a system without an
 * interface: the decision waits there for someone to type it in and record it, as a plan version does).
 */
export function decisionTargetsOf(deployment: Deployment, municipalityCode: string, legalArea: string | null | undefined): SyncTargetSetting[] {
  return syncTargetsOf(deployment, municipalityCode).filter(
    (t) => t.kind === 'archive' || t.kind === 'fhir' || t.kind === 'json-push' || t.kind === 'manual' || (t.kind === 'employment-plan' && !!legalArea && (EMPLOYMENT_AREAS as readonly string[]).includes(legalArea)),
  );
}
