import type { EntityManager } from 'typeorm';
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
 * notifies, so an event is written with its change or not at all.
 */
// wired to libs/core/events by the lead: write `e` to the transactional outbox with `em` (same transaction).
export async function recordDecisionEvent(em: EntityManager, e: DecisionEvent): Promise<void> {
  void em;
  void e;
}
