// Who makes a decision (issue 19's unit seam): a provision on the municipality's committee list is decided by
// the committee and recorded with its approval; any other by a staff member whom the course model's rule allows
// (`DecisionAuthority` of @enplan/core/plans, the same check as every other place a decision is recorded). And
// what a draft needs filled in before it can be decided. Pure: `DecisionsService.decide` does the reads.
import { DomainError } from '@enplan/core/common';
import type { LegalBasisFacts } from '@enplan/core/extensions';
import { DecisionsErrorCode, decisionsError } from './decisions.error.js';

/** "serviceloven § 85": a provision in running text (the law's name lower case). */
export function describeProvision(basis: Pick<LegalBasisFacts, 'law' | 'paragraph'>): string {
  return `${basis.law.charAt(0).toLocaleLowerCase('da')}${basis.law.slice(1)} ${basis.paragraph}`;
}

/** The fields a draft lacks to be decided, in the order the refusal names them (none: it can be decided). */
export function missingToDecide(d: {
  legalBasis: string | null;
  summary: string;
  text: string;
  reasoning: string;
  complaintGuidance: string;
  effectiveFrom: string | null;
}): string[] {
  return [
    ...(d.legalBasis ? [] : ['legalBasis']),
    ...(['summary', 'text', 'reasoning', 'complaintGuidance'] as const).filter((k) => !d[k].trim()),
    ...(d.effectiveFrom ? [] : ['effectiveFrom']),
  ];
}

/**
 * Who decides under `basis`: `committee` when the provision is on the municipality's committee list (then the
 * committee's approval must be recorded, approved today or before: `decision.committee-approval-required`),
 * else `authority`, the model's rule (and an approval given for it is refused: `decision.committee-approval-not-needed`).
 * `today` is the Danish day (YYYY-MM-DD).
 */
export function decidedBy(
  basis: Pick<LegalBasisFacts, 'code' | 'law' | 'paragraph'>,
  committeeLegalBases: readonly string[],
  approval: { approvedOn: string } | null | undefined,
  today: string,
): 'committee' | 'authority' {
  if (committeeLegalBases.includes(basis.code)) {
    if (!approval) throw decisionsError.committeeApprovalRequired(basis.code, describeProvision(basis));
    if (approval.approvedOn > today) {
      throw DomainError.field(DecisionsErrorCode.CommitteeApprovalRequired, 'committeeApproval.approvedOn', 'The committee cannot have approved in the future');
    }
    return 'committee';
  }
  if (approval) throw decisionsError.committeeApprovalNotNeeded(basis.code);
  return 'authority';
}
