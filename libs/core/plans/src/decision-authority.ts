import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { courseFacts, loadTeamFacts, type Course } from '@enplan/core/courses';
import { loadStaffFacts, PluginRegistry, type DecisionSite, type LegalBasisFacts } from '@enplan/core/extensions';
import type { LegalArea } from '@enplan/core/organisation';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { CORE_LEGAL_BASES } from './legal-basis.catalogue.js';
import { LegalBasis } from './plan.entity.js';
import { legalAreaOfBasis } from './plan-visibility.js';
import { authorityRefusal, checkedArea, decisionArea, type AuthorityOutcome } from './decision-authority.rules.js';

/** One decision to check: where it is recorded, under which area or provision, and the request field to name. */
export interface DecisionToCheck {
  field: string;
  /** The area the decision is made under; follows from `legalBasis` when that is given. */
  legalArea?: LegalArea | null;
  /** A legal-basis code of the catalogue (core or the municipality's). */
  legalBasis?: string | null;
  site: DecisionSite;
}

/** The provision of the catalogue (core first, then the municipality's) with its area; null when the code is unknown. */
export async function findLegalBasis(em: EntityManager, municipalityId: string, code: string): Promise<LegalBasisFacts | null> {
  const core = CORE_LEGAL_BASES.find((b) => b.code === code);
  const row = core ?? (await em.findOne(LegalBasis, { where: { municipalityId, code }, select: { code: true, law: true, paragraph: true, title: true } }));
  if (!row) return null;
  return { code: row.code, law: row.law, paragraph: row.paragraph, title: row.title, legalArea: legalAreaOfBasis(row.code) };
}

/**
 * The area a decision is made under, from what the request names (the rule: `decisionArea`): the legal area,
 * the legal basis (whose area follows from its law), or both when they agree.
 */
export async function resolveDecisionArea(
  em: EntityManager,
  municipalityId: string,
  given: { legalArea?: LegalArea | null; legalBasis?: string | null },
  fields: { areaField: string; basisField: string },
): Promise<{ legalArea: LegalArea; basis: LegalBasisFacts | null }> {
  const basis = given.legalBasis ? await findLegalBasis(em, municipalityId, given.legalBasis) : null;
  return decisionArea(given, basis, fields);
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
      const legalArea = checkedArea(d.legalArea, basis);
      if (legalArea) resolved.push({ d, legalArea, basis });
    }
    if (!resolved.length) return;
    const staff = (await loadStaffFacts(em, p.municipalityId, [p.userId])).get(p.userId) ?? null;
    const facts = courseFacts(course);
    const team = await loadTeamFacts(em, course);
    const on = danishDay(this.clock.now());
    const outcomes: AuthorityOutcome[] = [];
    for (const { d, legalArea, basis } of resolved) {
      const decision = await this.registry.decisionAuthority({ em, principal: p }, { staff, legalArea, legalBasis: basis, course: facts, team, site: d.site, on });
      outcomes.push({ field: d.field, legalArea, basis, decision });
    }
    const refusal = authorityRefusal(outcomes);
    if (refusal) throw refusal;
  }
}
