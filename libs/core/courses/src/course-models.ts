import { Injectable } from '@nestjs/common';
import { PluginRegistry } from '@enplan/core/extensions';

export { DEFAULT_GENERIC_CASELOAD_TARGET } from '@enplan/core/extensions';

/**
 * The organisational models a municipality may use and their numbers, as the plugin registry resolves
 * them: `generic` (its settings from a `generic` entry in the deployment) plus every enabled model plugin
 * (from its `caseload` extension).
 */
@Injectable()
export class CourseModels {
  constructor(private readonly registry: PluginRegistry) {}

  isEnabled(municipalityCode: string, modelId: string): boolean {
    return this.registry.hasModel(municipalityCode, modelId);
  }

  /** How many courses of the model may be active at a time ("up to 120 at a time"); undefined: no cap. */
  maxActiveCourses(municipalityCode: string, modelId: string): number | undefined {
    return this.registry.caseload(municipalityCode, modelId).maxActiveCourses ?? undefined;
  }

  /** Target caseload per full-time staff member; null when the model names none. */
  caseloadTarget(municipalityCode: string, modelId: string): number | null {
    return this.registry.caseload(municipalityCode, modelId).targetPerFte;
  }

  /** Models with a caseload target, so a caseload shows them even at zero. */
  modelsWithCaseloadTarget(municipalityCode: string): string[] {
    return this.registry
      .models(municipalityCode)
      .filter((m) => this.caseloadTarget(municipalityCode, m.id) !== null)
      .map((m) => m.id);
  }
}
