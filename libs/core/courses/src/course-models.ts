import { Inject, Injectable } from '@nestjs/common';
import { DEPLOYMENT, type Deployment, type PluginSelection } from '@enplan/core/config';
import { GENERIC_MODEL_ID } from './vocabulary.js';

/** Caseload per full-time caseworker that the generic model aims at when the deployment names none. */
export const DEFAULT_GENERIC_CASELOAD_TARGET = 45;

function nonNegativeInteger(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * The organisational models a municipality may use and their numbers, as the deployment says. A plugin's
 * settings live under its id; a `generic` entry in a municipality's plugin list carries settings for the
 * core model without enabling anything.
 */
@Injectable()
export class CourseModels {
  constructor(@Inject(DEPLOYMENT) private readonly deployment: Deployment) {}

  private plugins(municipalityCode: string): PluginSelection[] {
    return this.deployment.municipalities.find((m) => m.code === municipalityCode)?.plugins ?? [];
  }

  private setting(municipalityCode: string, modelId: string, key: string): unknown {
    return this.plugins(municipalityCode).find((p) => p.id === modelId)?.settings?.[key];
  }

  isEnabled(municipalityCode: string, modelId: string): boolean {
    return modelId === GENERIC_MODEL_ID || this.plugins(municipalityCode).some((p) => p.id === modelId);
  }

  /** How many courses of the model may be active at a time ("up to 120 at a time"); undefined: no cap. */
  maxActiveCourses(municipalityCode: string, modelId: string): number | undefined {
    return nonNegativeInteger(this.setting(municipalityCode, modelId, 'maxActiveCourses'));
  }

  /** Target caseload per full-time staff member; null when neither the deployment nor the core names one. */
  caseloadTarget(municipalityCode: string, modelId: string): number | null {
    const configured = nonNegativeInteger(this.setting(municipalityCode, modelId, 'caseloadTarget'));
    if (configured !== undefined) return configured;
    return modelId === GENERIC_MODEL_ID ? DEFAULT_GENERIC_CASELOAD_TARGET : null;
  }

  /** Models whose caseload target the deployment states, so a caseload shows them even at zero. */
  modelsWithCaseloadTarget(municipalityCode: string): string[] {
    return this.plugins(municipalityCode)
      .filter((p) => nonNegativeInteger(p.settings?.caseloadTarget) !== undefined)
      .map((p) => p.id);
  }
}
