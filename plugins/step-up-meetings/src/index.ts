import { definePlugin } from '@enplan/plugin-api';
import { stepUpMeetingsDemo } from './lib/demo.js';
import { STEP_UP_ENTITIES } from './lib/entities.js';
import { stepUpMeetingsExtensions } from './lib/extensions.js';
import { STEP_UP_MIGRATIONS } from './lib/migrations/index.js';
import { StepUpMeetingsModule } from './lib/step-up-meetings.module.js';
import { StepUpMeetingsSettings } from './lib/settings.js';
import { STEP_UP_ID, StepUpErrorCode } from './lib/vocabulary.js';

export { StepUpMeetingsModule, StepUpMeetingsSettings };
export { StepUpFlow, StepUpWorksheet, StepUpAgreement, StepUpTransition } from './lib/entities.js';
export * from './lib/vocabulary.js';
export * from './lib/rules.js';

/**
 * Esbjerg's Step-Up meetings as a course model: a fixed target group selected by rule (time on benefit),
 * a month of preparation with a worksheet and signed consent, material to the departments a week before, a
 * chaired step-up meeting with a job consultant, a signed agreement naming the next step, and a re-review
 * six months later. The plugin drives that flow with its own states, deadlines and agreement document.
 */
export const stepUpMeetingsPlugin = definePlugin<StepUpMeetingsSettings>({
  id: STEP_UP_ID,
  displayName: 'Step-up-møder (Esbjerg)',
  description:
    'Rule-selected target group (years on benefit), one month of preparation with worksheet and signed consent, material to the departments ' +
    'a week before, a chaired step-up meeting with a job consultant, a signed agreement document, and a re-review after six months.',
  version: '0.1.0',
  pluginApi: '^1.0.0',
  model: true,
  module: StepUpMeetingsModule,
  entities: STEP_UP_ENTITIES,
  migrations: STEP_UP_MIGRATIONS,
  settings: StepUpMeetingsSettings,
  demo: stepUpMeetingsDemo,
  extensions: stepUpMeetingsExtensions,
  problemCodes: {
    eligibility: [StepUpErrorCode.NotEligible],
    hooks: { onActivation: { 422: [StepUpErrorCode.FlowMissing] }, onClosing: { 422: [StepUpErrorCode.ReReviewPending] } },
  },
});
