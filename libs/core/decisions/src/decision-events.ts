import type { EntityManager } from 'typeorm';
import { recordDomainEvent } from '@enplan/core/events';
import type { LegalArea } from '@enplan/core/organisation';

/**
 * A decision's domain event: ids, kinds and the legal area only, never its text or the citizen (event payloads
 * leave the municipality's walls: webhooks, the pull feed, sector adapters).
 */
export interface DecisionEvent {
  kind: 'decision.decided' | 'decision.notified';
  municipalityId: string;
  courseId: string;
  decisionId: string;
  legalArea: LegalArea;
  legalBasis: string | null;
  /** The decision this one supersedes, when it does. */
  supersedesId: string | null;
  at: Date;
}

/**
 * The one place a decision's events leave this library: called inside the transaction that decides or
 * notifies, so the event is in the outbox with its change or not at all. The paragraph code is not carried
 * (event data holds ids and kinds only); a receiver reads the decision by its id.
 */
export async function recordDecisionEvent(em: EntityManager, e: DecisionEvent): Promise<void> {
  await recordDomainEvent(em, {
    municipalityId: e.municipalityId,
    type: e.kind,
    data: { courseId: e.courseId, decisionId: e.decisionId, legalArea: e.legalArea, ...(e.supersedesId ? { supersedesId: e.supersedesId } : {}) },
    occurredAt: e.at,
  });
}
