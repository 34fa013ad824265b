// The pure part of decision authority (issue 19): which area a decision is made under, how a refused decision is
// named, and the one refusal the caller gets for several decisions. `decision-authority.ts` does the reads (the
// legal-basis catalogue, the staff and team facts) and asks the course model's rule; this module decides.
import { DomainError, type FieldProblem } from '@enplan/core/common';
import type { AuthorityDecision, ExtensionErrorCode, LegalBasisFacts } from '@enplan/core/extensions';
import type { LegalArea } from '@enplan/core/organisation';

/** `plugin.decision-authority`, for a refusal whose rule names no code of its own (typed against the enum; no value import keeps this module light). */
const DEFAULT_REFUSAL_CODE: `${ExtensionErrorCode.DecisionAuthority}` = 'plugin.decision-authority';

export enum DecisionErrorCode {
  LegalAreaMissing = 'decision.legal-area-missing',
  LegalBasisUnknown = 'decision.legal-basis-unknown',
  LegalAreaMismatch = 'decision.legal-area-mismatch',
}

/** "serviceloven § 85 (social-adults)": how a refusal names what was decided (the law in running text, lower case). */
export function describeDecision(legalArea: LegalArea, basis: LegalBasisFacts | null): string {
  if (!basis) return legalArea;
  return `${basis.law.charAt(0).toLocaleLowerCase('da')}${basis.law.slice(1)} ${basis.paragraph} (${legalArea})`;
}

/**
 * The area a decision is made under, from what the request names: the legal area, the legal basis (whose area
 * follows from its law), or both when they agree. `basis` is the catalogue's entry for `given.legalBasis` (null
 * when none was named or the code is not in the catalogue). Without an area: 400 naming `areaField`; an unknown
 * basis or a disagreeing pair: 422.
 */
export function decisionArea(
  given: { legalArea?: LegalArea | null; legalBasis?: string | null },
  basis: LegalBasisFacts | null,
  fields: { areaField: string; basisField: string },
): { legalArea: LegalArea; basis: LegalBasisFacts | null } {
  if (given.legalBasis && !basis) {
    throw DomainError.field(DecisionErrorCode.LegalBasisUnknown, fields.basisField, 'legalBasis must be a code of the legal-basis catalogue (GET /legal-bases)');
  }
  const fromBasis = basis?.legalArea ?? null;
  if (given.legalArea && fromBasis && given.legalArea !== fromBasis) {
    throw DomainError.field(DecisionErrorCode.LegalAreaMismatch, fields.areaField, `The legal basis ${basis?.code} belongs to ${fromBasis}, not ${given.legalArea}`);
  }
  const legalArea = given.legalArea ?? fromBasis;
  if (!legalArea) {
    throw DomainError.field(
      DecisionErrorCode.LegalAreaMissing,
      fields.areaField,
      basis
        ? `The legal basis ${basis.code} belongs to no legal area the catalogue knows: name the legalArea the decision is made under`
        : 'A decision names the legal area it is made under (legalArea), or the legal basis it decides under (legalBasis)',
      'invalid',
    );
  }
  return { legalArea, basis };
}

/** The area an authority check runs under: the one named, else the provision's; null (not checked) when the catalogue cannot place it. */
export function checkedArea(legalArea: LegalArea | null | undefined, basis: LegalBasisFacts | null): LegalArea | null {
  return legalArea ?? basis?.legalArea ?? null;
}

/** One decision as the course model's rule answered it. */
export interface AuthorityOutcome {
  field: string;
  legalArea: LegalArea;
  basis: LegalBasisFacts | null;
  decision: AuthorityDecision;
}

/**
 * The refusal for a set of decisions (null when every one is allowed): 422 with the first refusing rule's code
 * (`plugin.decision-authority` when the rule names none), one problem per refused decision naming its field,
 * the law, paragraph and area and the rule's reason, and `decisions` listing what was refused.
 */
export function authorityRefusal(outcomes: readonly AuthorityOutcome[]): DomainError | null {
  const errors: FieldProblem[] = [];
  const refused: { field: string; legalArea: LegalArea; legalBasis: string | null }[] = [];
  for (const { field, legalArea, basis, decision } of outcomes) {
    if (decision.allowed) continue;
    errors.push({ field, code: decision.code ?? DEFAULT_REFUSAL_CODE, message: `A decision under ${describeDecision(legalArea, basis)} is refused: ${decision.reason}` });
    refused.push({ field, legalArea, legalBasis: basis?.code ?? null });
  }
  if (!errors.length) return null;
  const message = errors.length === 1 ? errors[0].message : `${errors[0].message} (and ${errors.length - 1} more)`;
  return new DomainError(errors[0].code, 'unprocessable', message, { errors, decisions: refused });
}
