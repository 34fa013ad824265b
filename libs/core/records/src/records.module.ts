import { Module } from '@nestjs/common';
import { AccessRequestController } from './access-request.controller.js';
import { AccessRequestService } from './access-request.service.js';
import { RetentionService } from './retention.service.js';

/** The citizen's access request (aktindsigt) and retention with erasure. */
@Module({
  controllers: [AccessRequestController],
  providers: [AccessRequestService, RetentionService],
  exports: [AccessRequestService, RetentionService],
})
export class RecordsModule {}
