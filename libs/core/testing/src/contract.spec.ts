import type { OpenAPIObject } from '@nestjs/swagger';
import { ContractValidator } from './contract.js';

/** A two-operation document written by hand: what the harness must accept, and what it must name. */
const doc = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': {
            content: {
              'application/problem+json': {
                schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: ['thing.not-found'] } } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Kind: { type: 'string', enum: ['a', 'b'] },
      Thing: {
        type: 'object',
        required: ['id', 'count', 'kind'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          count: { type: 'integer' },
          kind: { nullable: true, allOf: [{ $ref: '#/components/schemas/Kind' }] },
        },
      },
    },
  },
} as unknown as OpenAPIObject;

const ID = '6f1c1d6e-2b0a-4c55-9d2e-3a4b5c6d7e8f';
const get = (status: number, body: unknown, contentType = status < 400 ? 'application/json' : 'application/problem+json') =>
  new ContractValidator(doc).check({ method: 'get', url: `/api/v1/things/${ID}`, status, contentType, body, empty: false });

describe('ContractValidator', () => {
  it('accepts what the document describes, a nullable reference holding null included', () => {
    expect(get(200, { id: ID, count: 2, kind: 'a' })).toEqual([]);
    expect(get(200, { id: ID, count: 2, kind: null })).toEqual([]);
    expect(get(404, { code: 'thing.not-found' })).toEqual([]);
  });

  it('names a body that breaks the schema, an undeclared status and an undeclared problem code', () => {
    expect(get(200, { id: 'x', count: 2.5, kind: 'c' }).join('\n')).toMatch(/format "uuid"[\s\S]*integer[\s\S]*allowed values/);
    expect(get(409, { code: 'thing.conflict' }).join('\n')).toMatch(/getThing does not declare status 409/);
    expect(get(404, { code: 'thing.gone' }).join('\n')).toMatch(/allowed values[\s\S]*\[problem thing\.gone\]/);
  });
});
