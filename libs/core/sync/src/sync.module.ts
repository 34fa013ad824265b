import { Module } from '@nestjs/common';
import { CourseExportService } from './course-export.service.js';
import { SyncService } from './ledger/sync.service.js';
import { SyncController } from './sync.controller.js';

@Module({
  controllers: [SyncController],
  providers: [CourseExportService, SyncService],
  exports: [CourseExportService, SyncService],
})
export class SyncModule {}
