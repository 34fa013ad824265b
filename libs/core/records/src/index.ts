export * from './redaction.js';
export * from './access-request.dto.js';
export * from './access-request.html.js';
export * from './access-request.service.js';
export * from './retention.service.js';
export * from './records.module.js';
export * from './disclosure-release.dto.js';
export * from './disclosure-releases.service.js';
