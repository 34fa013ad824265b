import { Module } from '@nestjs/common';
import { MeetingsModule } from '@enplan/core/meetings';
import { CourseProviderOrdersController, ProviderOrdersController } from './provider-orders.controller.js';
import { ProviderOrdersService } from './provider-orders.service.js';

/** Provider orders need MeetingsService and the plans' DecisionAuthority, both reached through MeetingsModule. */
@Module({
  imports: [MeetingsModule],
  controllers: [CourseProviderOrdersController, ProviderOrdersController],
  providers: [ProviderOrdersService],
  exports: [ProviderOrdersService],
})
export class ProviderOrdersModule {}
