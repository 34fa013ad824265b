import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Municipality } from '@enplan/core/database';
import { AuthGuard } from './auth.guard.js';
import { MeController } from './me.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Municipality])],
  controllers: [MeController],
  providers: [AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [AuthGuard],
})
export class AuthModule {}
