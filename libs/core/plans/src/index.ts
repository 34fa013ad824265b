export * from './plan-content.js';
export * from './plan.entity.js';
export * from './plans.error.js';
export * from './legal-basis.catalogue.js';
export * from './plan-diff.js';
export * from './plans.service.js';
export * from './plan-extensions.js';
export * from './legal-basis.service.js';
export * from './plans.module.js';
export * from './plan-visibility.js';
export * from './decision-authority.js';
export * from './decision-authority.rules.js';
export { CalendarDate } from './plan-content.dto.js';
export { etag } from './etag.js';
// The plan's answers, for routes of other libraries that answer with them (a meeting's plan draft and version).
export { PlanDraftDto, PlanVersionDto } from './plan.dto.js';
