import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course, CourseTransition } from './course.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import { Consent } from './consent.entity.js';
import { DisclosureRelease } from './disclosure-release.entity.js';
import { ConsentsController } from './consents.controller.js';
import { ConsentsService } from './consents.service.js';
import { CourseModels } from './course-models.js';
import { CourseExtensions } from './course-extensions.js';
import { CourseClosingChecks } from './course-closing-checks.js';
import { CoursesController } from './courses.controller.js';
import { CoursesService } from './courses.service.js';
import { TeamController } from './team.controller.js';
import { TeamService } from './team.service.js';
import { CaseloadController } from './caseload.controller.js';
import { CaseloadService } from './caseload.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseTransition, TeamAssignment, Consent, DisclosureRelease])],
  controllers: [CoursesController, TeamController, CaseloadController, ConsentsController],
  providers: [CourseModels, CourseExtensions, CourseClosingChecks, CoursesService, TeamService, CaseloadService, ConsentsService],
  exports: [CourseModels, CourseExtensions, CourseClosingChecks, CoursesService, TeamService, CaseloadService, ConsentsService],
})
export class CoursesModule {}
