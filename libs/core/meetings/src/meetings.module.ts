import { Module } from '@nestjs/common';
import { CoursesModule } from '@enplan/core/courses';
import { PlansModule } from '@enplan/core/plans';
import { CalendarService } from './calendar.service.js';
import { ContactsController, CourseContactsController, FollowUpsController } from './contacts.controller.js';
import { ContactsService } from './contacts.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MeetingPlanService } from './meeting-plan.service.js';
import { CalendarFeedController, CourseMeetingsController, MeetingsController, StaffCalendarController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { CourseProviderOrdersController, ProviderOrdersController } from './provider-orders.controller.js';
import { ProviderOrdersService } from './provider-orders.service.js';
import { ReminderJob } from './reminder-job.js';
import { RemindersService } from './reminders.service.js';
import { WorkListController } from './work-list.controller.js';
import { WorkListService } from './work-list.service.js';

@Module({
  imports: [PlansModule, CoursesModule],
  controllers: [
    CourseMeetingsController,
    InvitationsController,
    MeetingsController,
    StaffCalendarController,
    CalendarFeedController,
    WorkListController,
    CourseContactsController,
    ContactsController,
    FollowUpsController,
    CourseProviderOrdersController,
    ProviderOrdersController,
  ],
  providers: [
    MeetingsService,
    MeetingPlanService,
    CalendarService,
    WorkListService,
    ContactsService,
    ProviderOrdersService,
    InvitationsService,
    RemindersService,
    ReminderJob,
  ],
  exports: [MeetingsService, WorkListService, ContactsService, ProviderOrdersService, InvitationsService, RemindersService, ReminderJob],
})
export class MeetingsModule {}
