import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CourseClosingChecks, CoursesModule } from '@enplan/core/courses';
import { checkEndMeasurements, END_MISSING } from './end-measurement.js';
import { DialogueService } from './dialogue.service.js';
import { FiguresService } from './figures.service.js';
import { InstrumentRegistry } from './instrument-registry.service.js';
import { Measurement } from './measurement.entity.js';
import { MeasurementsService } from './measurements.service.js';
import { ProgressionController } from './progression.controller.js';
import { RegisteredInstrument } from './registered-instrument.entity.js';

/** Progression measurement: instruments, measurements on courses, the dialogue view and its chart. */
@Module({
  imports: [TypeOrmModule.forFeature([Measurement, RegisteredInstrument]), CoursesModule],
  controllers: [ProgressionController],
  providers: [InstrumentRegistry, MeasurementsService, DialogueService, FiguresService],
  exports: [InstrumentRegistry, MeasurementsService, DialogueService, FiguresService],
})
export class ProgressionModule {
  // In the constructor, not onModuleInit: the host builds its OpenAPI document (which lists the check's code on
  // closing a course) before it initialises the modules.
  constructor(closing: CourseClosingChecks) {
    closing.add(checkEndMeasurements, { 422: [END_MISSING] });
  }
}
