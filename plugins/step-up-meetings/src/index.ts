export { stepUpMeetingsPlugin, StepUpMeetingsModule } from './lib/plugin.js';
export { StepUpMeetingsSettings } from './lib/settings.js';
export { StepUpFlow, StepUpWorksheet, StepUpAgreement, StepUpTransition } from './lib/entities.js';
export * from './lib/vocabulary.js';
export * from './lib/rules.js';
