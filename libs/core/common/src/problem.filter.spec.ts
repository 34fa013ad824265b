import { HttpException, ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemFilter } from './problem.filter.js';

const req = { originalUrl: '/api/v1/courses?q=0101901234', headers: {} } as unknown as Request;

describe('ProblemFilter on exceptions other libraries raise', () => {
  it('names a code from the reason phrase Nest puts in `error`', () => {
    const p = new ProblemFilter().toProblem(new ServiceUnavailableException('Replica unreachable'), req);
    expect([p.status, p.code, p.instance]).toEqual([503, 'http.service-unavailable', '/api/v1/courses']);
  });

  it('answers an exception whose `error` is an object (terminus’ health result) as its status, not as a 500', () => {
    const health = new HttpException({ status: 'error', error: { database: { status: 'down' } }, details: {} }, 503);
    const p = new ProblemFilter().toProblem(health, req);
    expect([p.status, p.code]).toEqual([503, 'http.error']);
  });
});
