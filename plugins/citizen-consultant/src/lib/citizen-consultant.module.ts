import { Module } from '@nestjs/common';
import { ConsultantLoadController, CoverController } from './citizen-consultant.controller.js';
import { CitizenConsultantService } from './citizen-consultant.service.js';

@Module({ controllers: [ConsultantLoadController, CoverController], providers: [CitizenConsultantService] })
export class CitizenConsultantModule {}
