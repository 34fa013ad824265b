import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { DomainError, type FieldProblem } from '@enplan/core/common';
import { courseFacts, loadTeamFacts, type Course } from '@enplan/core/courses';
import { ExtensionErrorCode, loadStaffFacts, PluginRegistry, type DecisionSite, type LegalBasisFacts } from '@enplan/core/extensions';
import type { LegalArea } from '@enplan/core/organisation';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { CORE_LEGAL_BASES } from './legal-basis.catalogue.js';
import { LegalBasis } from './plan.entity.js';
import { legalAreaOfBasis } from './plan-visibility.js';

/** One decision to check: where it is recorded, under which area or provision, and the request field to name. */
export interface DecisionToCheck {
  field: string;
  /** The area the decision is made under; follows from `legalBasis` when that is given. */
  legalArea?: LegalArea | null;
  /** A legal-basis code of the catalogue (core or the municipality's). */
  legalBasis?: string | null;
  site: DecisionSite;
}

export enum DecisionErrorCode {
  LegalAreaMissing = 'decision.legal-area-missing',
  LegalBasisUnknown = 'decision.legal-basis-unknown',
  LegalAreaMismatch = 'decision.legal-area-mismatch',
}

/** The provision of the catalogue (core first, then the municipality's) with its area; null when the code is unknown. */
export async function findLegalBasis(em: EntityManager, municipalityId: string, code: string): Promise<LegalBasisFacts | null> {
  const core = CORE_LEGAL_BASES.find((b) => b.code === code);
  const row = core ?? (await em.findOne(LegalBasis, { where: { municipalityId, code }, select: { code: true, law: true, paragraph: true, title: true } }));
  if (!row) return null;
  return { code: row.code, law: row.law, paragraph: row.paragraph, title: row.title, legalArea: legalAreaOfBasis(row.code) };
}

/** "serviceloven § 85 (social-adults)": how a refusal names what was decided (the law in running text, lower case). */
export function describeDecision(legalArea: LegalArea, basis: LegalBasisFacts | null): string {
  if (!basis) return legalArea;
  return `${basis.law.charAt(0).toLocaleLowerCase('da')}${basis.law.slice(1)} ${basis.paragraph} (${legalArea})`;
}

/**
 * The area a decision is made under, from what the request names: the legal area, the legal basis (whose
 * area follows from its law), or both when they agree. A decision always has one: without, 400 naming
 * `areaField`. An unknown basis or a disagreeing pair is 422.
 */
export async function resolveDecisionArea(
  em: EntityManager,
  municipalityId: string,
  given: { legalArea?: LegalArea | null; legalBasis?: string | null },
  fields: { areaField: string; basisField: string },
): Promise<{ legalArea: LegalArea; basis: LegalBasisFacts | null }> {
  const basis = given.legalBasis ? await findLegalBasis(em, municipalityId, given.legalBasis) : null;
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

/**
 * Decision authority, in one place for every place the core records a decision (plan publish, meeting
 * outcomes, provider orders): the course model's rule (the core's: authority in the area; a model plugin's
 * own, narrowed by add-ons) with the same facts everywhere, inside the caller's transaction.
 */
@Injectable()
export class DecisionAuthority {
  constructor(
    private readonly registry: PluginRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Refuses (422, the refusing rule's code or `plugin.decision-authority`, one problem per refused decision
   * naming its field, the law and paragraph and the area) unless the caller may record every decision in
   * `decisions`. A decision whose area the catalogue cannot place is not checked.
   */
  async assertDecisionAuthority(em: EntityManager, p: Principal, course: Course, decisions: DecisionToCheck[]): Promise<void> {
    const resolved: { d: DecisionToCheck; legalArea: LegalArea; basis: LegalBasisFacts | null }[] = [];
    for (const d of decisions) {
      const basis = d.legalBasis ? await findLegalBasis(em, p.municipalityId, d.legalBasis) : null;
      const legalArea = d.legalArea ?? basis?.legalArea ?? null;
      if (legalArea) resolved.push({ d, legalArea, basis });
    }
    if (!resolved.length) return;
    const staff = (await loadStaffFacts(em, p.municipalityId, [p.userId])).get(p.userId) ?? null;
    const facts = courseFacts(course);
    const team = await loadTeamFacts(em, course);
    const on = danishDay(this.clock.now());
    const errors: FieldProblem[] = [];
    const refused: { field: string; legalArea: LegalArea; legalBasis: string | null }[] = [];
    for (const { d, legalArea, basis } of resolved) {
      const r = await this.registry.decisionAuthority({ em, principal: p }, { staff, legalArea, legalBasis: basis, course: facts, team, site: d.site, on });
      if (r.allowed) continue;
      errors.push({ field: d.field, code: r.code ?? ExtensionErrorCode.DecisionAuthority, message: `A decision under ${describeDecision(legalArea, basis)} is refused: ${r.reason}` });
      refused.push({ field: d.field, legalArea, legalBasis: basis?.code ?? null });
    }
    if (!errors.length) return;
    throw new DomainError(errors[0].code, 'unprocessable', errors.length === 1 ? errors[0].message : `${errors[0].message} (and ${errors.length - 1} more)`, {
      errors,
      decisions: refused,
    });
  }
}
