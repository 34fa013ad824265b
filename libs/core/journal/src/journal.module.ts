import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalNote } from './journal-note.entity.js';
import { JournalController } from './journal.controller.js';
import { JournalService } from './journal.service.js';

/** Journal notes per course, in legal areas, filtered by who may see them. */
@Module({
  imports: [TypeOrmModule.forFeature([JournalNote])],
  controllers: [JournalController],
  providers: [JournalService],
  exports: [JournalService],
})
export class JournalModule {}
