import { Module } from '@nestjs/common';
import { LegalBasisController } from './legal-basis.controller.js';
import { LegalBasisService } from './legal-basis.service.js';
import { PlanController } from './plan.controller.js';
import { PlansService } from './plans.service.js';
import { PlanExtensions } from './plan-extensions.js';
import { DecisionAuthority } from './decision-authority.js';

@Module({
  controllers: [LegalBasisController, PlanController],
  providers: [LegalBasisService, PlansService, PlanExtensions, DecisionAuthority],
  exports: [LegalBasisService, PlansService, DecisionAuthority],
})
export class PlansModule {}
