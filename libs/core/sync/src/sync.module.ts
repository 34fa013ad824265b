import { Module } from '@nestjs/common';
import { DecisionsModule } from '@enplan/core/decisions';
import { CourseExportService } from './course-export.service.js';
import { SyncDeliveryTargets } from './ledger/sync-provider.js';
import { SyncService } from './ledger/sync.service.js';
import { SyncController } from './sync.controller.js';

@Module({
  imports: [DecisionsModule],
  controllers: [SyncController],
  providers: [CourseExportService, SyncService, SyncDeliveryTargets],
  exports: [CourseExportService, SyncService],
})
export class SyncModule {}
