import { Module } from '@nestjs/common';
import { ReminderJob } from './reminder-job.js';
import { RemindersService } from './reminders.service.js';
import { WorkListController } from './work-list.controller.js';
import { WorkListService } from './work-list.service.js';

/** The work list, the team board and the reminders drawn from them. */
@Module({
  controllers: [WorkListController],
  providers: [WorkListService, RemindersService, ReminderJob],
  exports: [WorkListService, RemindersService, ReminderJob],
})
export class CadenceModule {}
