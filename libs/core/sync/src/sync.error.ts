import { DomainError } from '@enplan/core/common';

export enum SyncErrorCode {
  /** The same public code the courses API uses: a course of another municipality is not disclosed. */
  CourseNotFound = 'course.not-found',
  NotPublished = 'plan.not-published',
  VersionNotFound = 'plan.version-not-found',
  /** The same public code the decisions API uses. */
  DecisionNotFound = 'decision.not-found',
  TargetUnknown = 'sync.target-unknown',
  AlreadyDelivered = 'sync.already-delivered',
  MonthInvalid = 'sync.month-invalid',
}

/** The sync lib's failures; codes are public API, so they never change once released. */
export const syncError = {
  courseNotFound: () => DomainError.notFound(SyncErrorCode.CourseNotFound, 'Course'),
  notPublished: () => new DomainError(SyncErrorCode.NotPublished, 'not-found', 'No version of this plan has been published yet', { currentVersion: 0 }),
  versionNotFound: () => DomainError.notFound(SyncErrorCode.VersionNotFound, 'Plan version'),
  decisionNotFound: () => DomainError.notFound(SyncErrorCode.DecisionNotFound, 'Decided decision'),
  targetUnknown: () => DomainError.field(SyncErrorCode.TargetUnknown, 'target', 'target must be one of the sync targets configured for your municipality'),
  alreadyDelivered: () =>
    new DomainError(SyncErrorCode.AlreadyDelivered, 'conflict', 'This has already reached the target; nothing to record'),
  monthInvalid: () => DomainError.field(SyncErrorCode.MonthInvalid, 'month', 'month must be a calendar month as YYYY-MM, e.g. 2026-01', 'invalid'),
};
