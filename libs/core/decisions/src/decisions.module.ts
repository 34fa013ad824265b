import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '@enplan/core/meetings';
import { PlansModule } from '@enplan/core/plans';
import { Decision, DecisionComplaintTemplate, DecisionSettings } from './decision.entity.js';
import { DecisionSettingsService } from './decision-settings.service.js';
import { DecisionSettingsController, DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';
import { LetterheadService } from './letterhead.service.js';

/** Decisions (afgørelser) on a course, their letters, and the municipality's decision settings. */
@Module({
  imports: [TypeOrmModule.forFeature([Decision, DecisionComplaintTemplate, DecisionSettings]), PlansModule, MeetingsModule],
  controllers: [DecisionsController, DecisionSettingsController],
  providers: [DecisionsService, DecisionSettingsService, LetterheadService],
  exports: [DecisionsService, DecisionSettingsService],
})
export class DecisionsModule {}
