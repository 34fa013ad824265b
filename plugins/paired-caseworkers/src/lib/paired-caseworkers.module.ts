import { Module } from '@nestjs/common';
import { SubstitutesController } from './substitutes.controller.js';
import { SubstitutesService } from './substitutes.service.js';

@Module({ controllers: [SubstitutesController], providers: [SubstitutesService] })
export class PairedCaseworkersModule {}
