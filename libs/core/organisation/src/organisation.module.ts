import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity.js';
import { StaffMember } from './staff-member.entity.js';
import { OrgUnitsController } from './org-units.controller.js';
import { OrgUnitsService } from './org-units.service.js';
import { StaffController } from './staff.controller.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, StaffMember])],
  controllers: [OrgUnitsController, StaffController],
  providers: [OrgUnitsService, StaffService],
  exports: [OrgUnitsService, StaffService],
})
export class OrganisationModule {}
