import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnexpectedBodyInterceptor } from '@enplan/core/common';
import { AccessGrant } from './access-grant.entity.js';
import { AccessLogEntry } from './access-log.entity.js';
import { AccessGrantsService } from './access-grants.service.js';
import { AccessLogService } from './access-log.service.js';
import { AccessService } from './access.service.js';
import { AccessInterceptor } from './access.interceptor.js';
import { AccessController } from './access.controller.js';

/** Record-level authorisation and the access log, for every route of the API (plugins' included). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AccessGrant, AccessLogEntry])],
  controllers: [AccessController],
  providers: [
    AccessService,
    AccessLogService,
    AccessGrantsService,
    { provide: APP_INTERCEPTOR, useClass: AccessInterceptor },
    // After the access check (global interceptors run in the order they are provided): a record the caller may not
    // see is 404 or 403 before a body the operation does not take is 400, as with the validation pipe.
    { provide: APP_INTERCEPTOR, useClass: UnexpectedBodyInterceptor },
  ],
  exports: [AccessService, AccessLogService],
})
export class AccessModule {}
