import { Module } from '@nestjs/common';
import { PlansModule } from '@enplan/core/plans';
import { CalendarService } from './calendar.service.js';
import { MeetingPlanService } from './meeting-plan.service.js';
import { CourseMeetingsController, MeetingsController, StaffCalendarController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { WorkListController } from './work-list.controller.js';
import { WorkListService } from './work-list.service.js';

@Module({
  imports: [PlansModule],
  controllers: [CourseMeetingsController, MeetingsController, StaffCalendarController, WorkListController],
  providers: [MeetingsService, MeetingPlanService, CalendarService, WorkListService],
  exports: [MeetingsService, WorkListService],
})
export class MeetingsModule {}
