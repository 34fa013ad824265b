import { Module } from '@nestjs/common';
import { MeetingsModule } from '@enplan/core/meetings';
import { PlansModule } from '@enplan/core/plans';
import { CourseProviderOrdersController, ProviderOrdersController } from './provider-orders.controller.js';
import { ProviderOrdersService } from './provider-orders.service.js';

/** Provider orders put plan actions into effect: MeetingsService for course access, DecisionAuthority from plans. */
@Module({
  imports: [MeetingsModule, PlansModule],
  controllers: [CourseProviderOrdersController, ProviderOrdersController],
  providers: [ProviderOrdersService],
  exports: [ProviderOrdersService],
})
export class ProviderOrdersModule {}
