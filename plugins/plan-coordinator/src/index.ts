export { planCoordinatorPlugin } from './lib/plan-coordinator.plugin.js';
export { PlanCoordinatorSettings } from './lib/settings.js';
export { PlanCoordinatorCode, PLAN_COORDINATOR_ID, RULES as PLAN_COORDINATOR_RULES } from './lib/rules.js';
