export { citizenConsultantPlugin, CitizenConsultantModule } from './lib/citizen-consultant.plugin.js';
export { CitizenConsultantSettings, CITIZEN_CONSULTANT_ID } from './lib/settings.js';
export { CitizenConsultantCode } from './lib/rules.js';
export { CitizenConsultantCover } from './lib/cover.entity.js';
