import { Module } from '@nestjs/common';
import { MeetingsModule } from '@enplan/core/meetings';
import { ContactsController, CourseContactsController, FollowUpsController } from './contacts.controller.js';
import { ContactsService } from './contacts.service.js';

@Module({
  imports: [MeetingsModule],
  controllers: [CourseContactsController, ContactsController, FollowUpsController],
  providers: [ContactsService],
  exports: [ContactsService],
})
export class ContactsModule {}
