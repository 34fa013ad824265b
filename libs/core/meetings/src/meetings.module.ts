import { Module } from '@nestjs/common';
import { CoursesModule } from '@enplan/core/courses';
import { PlansModule } from '@enplan/core/plans';
import { CalendarService } from './calendar.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MeetingPlanService } from './meeting-plan.service.js';
import { CalendarFeedController, CourseMeetingsController, MeetingsController, StaffCalendarController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingOutcomeHooks } from './meeting-outcome-hooks.js';

/**
 * Meetings, their calendar and invitations. Contacts, provider orders and the work list (cadence) are their
 * own modules on top of this one; they import it for MeetingsService (course access, meeting reads).
 */
@Module({
  imports: [PlansModule, CoursesModule],
  controllers: [CourseMeetingsController, InvitationsController, MeetingsController, StaffCalendarController, CalendarFeedController],
  providers: [MeetingsService, MeetingPlanService, CalendarService, InvitationsService, MeetingOutcomeHooks],
  exports: [MeetingsService, InvitationsService, MeetingOutcomeHooks],
})
export class MeetingsModule {}
