import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { Course, courseFacts, loadTeamFacts } from '@enplan/core/courses';
import { loadStaffFacts, PluginRegistry, type PlanActionFacts, type PlanContentFacts } from '@enplan/core/extensions';
import { DecisionAuthority } from './decision-authority.js';
import type { PlanAction, PlanContent } from './plan-content.js';
import { PlanVersion } from './plan.entity.js';
import { legalAreaOfBasis } from './plan-visibility.js';

function actionFacts(a: PlanAction): PlanActionFacts {
  return { ...a, legalArea: legalAreaOfBasis(a.legalBasis) };
}

export function planContentFacts(c: PlanContent): PlanContentFacts {
  return { ...c, actions: c.actions.map(actionFacts) };
}

/** Actions this version decides: new ones, and those whose legal basis, status or dates change. */
export function changedActions(content: PlanContent, previous: PlanContent | null): PlanAction[] {
  const before = new Map((previous?.actions ?? []).map((a) => [a.id, a]));
  return content.actions.filter((a) => {
    const b = before.get(a.id);
    return !b || b.legalBasis !== a.legalBasis || b.status !== a.status || b.startDate !== a.startDate || b.deadline !== a.deadline;
  });
}

/**
 * Where plan publishing asks the plugins: decision authority for the actions a version decides (when a
 * plugin sets the course model's authority rule; in the generic model a plan is not a decision, the order
 * to a provider or a meeting's decision is), the
 * plugins' own publish validation, and the onPlanPublished hook. All inside the publish's transaction.
 */
@Injectable()
export class PlanExtensions {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly decisions: DecisionAuthority,
  ) {}

  /** `course` is the row the publish read (and locked); `previousContent` the base version's content, when read with the plan. */
  async beforePublish(
    em: EntityManager,
    p: Principal,
    course: Course,
    planId: string,
    baseVersion: number,
    content: PlanContent,
    sourceMeetingId: string | null = null,
    previousContent?: PlanContent | null,
  ): Promise<void> {
    const code = p.municipalityCode;
    const authority = this.registry.hasCustomDecisionAuthority(code, course.modelId);
    const validate = this.registry.contributes(code, course.modelId, 'validatePlanPublish');
    if (!authority && !validate) return;
    const previous =
      previousContent !== undefined
        ? previousContent
        : baseVersion > 0
          ? ((await em.findOne(PlanVersion, { where: { planId, municipalityId: p.municipalityId, version: baseVersion } }))?.content ?? null)
          : null;
    const changed = changedActions(content, previous);
    const publisher = (await loadStaffFacts(em, p.municipalityId, [p.userId])).get(p.userId) ?? null;
    const facts = courseFacts(course);
    if (authority) {
      await this.decisions.assertDecisionAuthority(
        em,
        p,
        course,
        changed.map((a) => ({
          field: `content.actions[${content.actions.indexOf(a)}].legalBasis`,
          legalBasis: a.legalBasis,
          site: { kind: 'plan-publish' as const, version: baseVersion + 1, actionId: a.id, sourceMeetingId },
        })),
      );
    }
    if (validate) {
      await this.registry.validatePlanPublish(
        { em, principal: p },
        {
          course: facts,
          team: await loadTeamFacts(em, course),
          publisher,
          version: baseVersion + 1,
          content: planContentFacts(content),
          previous: previous ? planContentFacts(previous) : null,
          changedActions: changed.map(actionFacts),
          sourceMeetingId,
        },
      );
    }
  }

  async published(em: EntityManager, p: Principal, course: Course, version: number, content: PlanContent): Promise<void> {
    if (!this.registry.hasHook(p.municipalityCode, course.modelId, 'onPlanPublished')) return;
    const publisher = (await loadStaffFacts(em, p.municipalityId, [p.userId])).get(p.userId) ?? null;
    await this.registry.runHook({ em, principal: p }, course.modelId, 'onPlanPublished', { course: courseFacts(course), version, content: planContentFacts(content), publisher });
  }
}
