export { pairedCaseworkersPlugin, pairedCaseworkersExtensions } from './lib/plugin.js';
export { PAIRED_CASEWORKERS_ID, PairedCaseworkersSettings, jointMeetingIntervalDays } from './lib/settings.js';
export { PairedErrorCode } from './lib/errors.js';
export { PairedCaseworkersSubstitute } from './lib/substitute.entity.js';
export * from './lib/rules.js';
