import { CoreInit1795446236796 } from './1795446236796-Init.js';
import { CoreCoursesAndPlans1795446492012 } from './1795446492012-CoursesAndPlans.js';
import { CoreMeetings1795447402677 } from './1795447402677-Meetings.js';
import { CoreAccessAndConsent1795449324919 } from './1795449324919-AccessAndConsent.js';
import { CoreMeetingsFollowUps1795449442209 } from './1795449442209-MeetingsFollowUps.js';
import { CoreJournalAndRetention1795449548572 } from './1795449548572-JournalAndRetention.js';
import { CoreMeetingDecisionArea1795450846429 } from './1795450846429-MeetingDecisionArea.js';
import { CoreAccessLogArrayIndexes1795452000000 } from './1795452000000-AccessLogArrayIndexes.js';
import { CoreHouseholdCustody1795460000000 } from './1795460000000-HouseholdCustody.js';
import { CoreCalendarSubscriptionsAndReschedule1796166839486 } from './1796166839486-CalendarSubscriptionsAndReschedule.js';
import { CoreMeetingDecisionBasis1796170000000 } from './1796170000000-MeetingDecisionBasis.js';
import { CoreFreeTextConcernsAndReleases1796171000000 } from './1796171000000-FreeTextConcernsAndReleases.js';
import { CoreForeignKeyIndexes1796177074076 } from './1796177074076-ForeignKeyIndexes.js';
import { CoreDomainEvents1797200000000 } from './1797200000000-DomainEvents.js';
import { CoreSyncLedger1797300000000 } from './1797300000000-SyncLedger.js';
import { CoreProgression1797400000000 } from './1797400000000-Progression.js';
import { CoreDecisions1797100000000 } from './1797100000000-Decisions.js';

/** Core schema migrations, oldest first. Generate new ones with `npm run enplan -- migration:generate <Name>`. */
export const coreMigrations = [
  CoreInit1795446236796,
  CoreCoursesAndPlans1795446492012,
  CoreMeetings1795447402677,
  CoreAccessAndConsent1795449324919,
  CoreMeetingsFollowUps1795449442209,
  CoreJournalAndRetention1795449548572,
  CoreMeetingDecisionArea1795450846429,
  CoreAccessLogArrayIndexes1795452000000,
  CoreHouseholdCustody1795460000000,
  CoreCalendarSubscriptionsAndReschedule1796166839486,
  CoreMeetingDecisionBasis1796170000000,
  CoreFreeTextConcernsAndReleases1796171000000,
  CoreForeignKeyIndexes1796177074076,
  CoreDecisions1797100000000,
  CoreDomainEvents1797200000000,
  CoreSyncLedger1797300000000,
  CoreProgression1797400000000,
];
