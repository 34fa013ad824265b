import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import type { LegalArea } from '@enplan/core/organisation';

/** A decision recorded as a meeting's outcome, as a listener sees it (ids and the area, never more). */
export interface DecisionOutcomeRecorded {
  /** The transaction the outcome was written in: a listener's writes commit or roll back with it. */
  em: EntityManager;
  principal: Principal;
  meetingId: string;
  courseId: string;
  outcomeId: string;
  legalArea: LegalArea;
  legalBasis: string | null;
  /** The outcome's text as written at the meeting. */
  text: string;
}

export type DecisionOutcomeListener = (e: DecisionOutcomeRecorded) => Promise<void>;

/**
 * The seam where libraries above meetings react to a meeting's decision outcome without meetings knowing them
 * (the decisions library opens a decision draft here). Listeners run inside the outcome's transaction, in the
 * order they registered; one that throws fails the outcome, so nothing is half recorded.
 */
@Injectable()
export class MeetingOutcomeHooks {
  private readonly listeners: DecisionOutcomeListener[] = [];

  onDecisionOutcome(listener: DecisionOutcomeListener): void {
    this.listeners.push(listener);
  }

  async decisionRecorded(e: DecisionOutcomeRecorded): Promise<void> {
    for (const l of this.listeners) await l(e);
  }
}
