import { Module } from '@nestjs/common';
import { StepUpFlowController } from './flow.controller.js';
import { StepUpFlowService } from './flow.service.js';

@Module({ controllers: [StepUpFlowController], providers: [StepUpFlowService] })
export class StepUpMeetingsModule {}
