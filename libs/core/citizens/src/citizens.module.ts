import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Citizen } from './citizen.entity.js';
import { Household, HouseholdMember } from './household.entity.js';
import { CitizensController } from './citizens.controller.js';
import { CitizensService } from './citizens.service.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsService } from './households.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Citizen, Household, HouseholdMember])],
  controllers: [CitizensController, HouseholdsController],
  providers: [CitizensService, HouseholdsService],
  exports: [CitizensService, HouseholdsService],
})
export class CitizensModule {}
