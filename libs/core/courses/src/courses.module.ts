import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Course, CourseTransition } from './course.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import { CourseModels } from './course-models.js';
import { CoursesController } from './courses.controller.js';
import { CoursesService } from './courses.service.js';
import { TeamController } from './team.controller.js';
import { TeamService } from './team.service.js';
import { CaseloadController } from './caseload.controller.js';
import { CaseloadService } from './caseload.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseTransition, TeamAssignment])],
  controllers: [CoursesController, TeamController, CaseloadController],
  providers: [CourseModels, CoursesService, TeamService, CaseloadService],
  exports: [CourseModels, CoursesService, TeamService, CaseloadService],
})
export class CoursesModule {}
