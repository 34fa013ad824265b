import { Module } from '@nestjs/common';
import { AccessRequestController } from './access-request.controller.js';
import { AccessRequestService } from './access-request.service.js';
import { RetentionService } from './retention.service.js';
import { DisclosureReleasesController } from './disclosure-releases.controller.js';
import { DisclosureReleasesService } from './disclosure-releases.service.js';

/** The citizen's access request (aktindsigt), releases of withheld free text, and retention with erasure. */
@Module({
  controllers: [AccessRequestController, DisclosureReleasesController],
  providers: [AccessRequestService, RetentionService, DisclosureReleasesService],
  exports: [AccessRequestService, RetentionService],
})
export class RecordsModule {}
