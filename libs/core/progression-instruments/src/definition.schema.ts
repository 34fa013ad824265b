import { DIRECTIONS, INSTRUMENT_SUBJECTS, ITEM_KINDS, RESPONDENT_TYPES, SCORE_METHODS } from './definition.js';

/** `$id` of format version 1; a definition file may name it in `$schema` for editor support. */
export const INSTRUMENT_SCHEMA_ID = 'https://enplan.dk/schemas/progression/instrument-definition-1.json';

const id = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 } as const;
const text = {
  type: 'object',
  required: ['da', 'en'],
  additionalProperties: false,
  properties: { da: { type: 'string', minLength: 1, maxLength: 2000 }, en: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;
const share = { type: 'number', minimum: 0, maximum: 1 } as const;
const itemBase = { id, text, help: text, allowNotRelevant: { type: 'boolean' } } as const;

/**
 * The JSON Schema (draft-07) of an instrument definition, format 1. Shape only: that references resolve
 * (items to scales, sub-scales to items, totals to sub-scales) is checked by `validateDefinition`.
 */
export const INSTRUMENT_DEFINITION_SCHEMA = {
  $id: INSTRUMENT_SCHEMA_ID,
  type: 'object',
  additionalProperties: false,
  required: ['format', 'id', 'version', 'title', 'subject', 'respondents', 'better', 'minimumAnsweredShare', 'scales', 'items', 'subscales'],
  properties: {
    $schema: { type: 'string' },
    format: { const: 1 },
    id,
    version: { type: 'integer', minimum: 1 },
    title: text,
    description: text,
    licence: { type: 'string', maxLength: 500 },
    subject: { enum: [...INSTRUMENT_SUBJECTS] },
    respondents: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: { type: { enum: [...RESPONDENT_TYPES] }, minimumAge: { type: 'integer', minimum: 0, maximum: 30 } },
      },
    },
    better: { enum: [...DIRECTIONS] },
    minimumAnsweredShare: share,
    scales: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'options'],
        properties: {
          id,
          options: {
            type: 'array',
            minItems: 2,
            maxItems: 11,
            items: { type: 'object', additionalProperties: false, required: ['value', 'label'], properties: { value: { type: 'number' }, label: text } },
          },
        },
      },
    },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: [...ITEM_KINDS] } },
        discriminator: { propertyName: 'kind' },
        oneOf: [
          {
            additionalProperties: false,
            required: ['kind', 'id', 'text', 'scale'],
            properties: { kind: { const: 'choice' }, ...itemBase, scale: id, reversed: { type: 'boolean' } },
          },
          {
            additionalProperties: false,
            required: ['kind', 'id', 'text', 'min', 'max', 'minLabel', 'maxLabel'],
            properties: {
              kind: { const: 'ruler' },
              ...itemBase,
              min: { type: 'integer' },
              max: { type: 'integer' },
              minLabel: text,
              maxLabel: text,
              reversed: { type: 'boolean' },
            },
          },
          { additionalProperties: false, required: ['kind', 'id', 'text'], properties: { kind: { const: 'text' }, ...itemBase } },
        ],
      },
    },
    subscales: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'items', 'method'],
        properties: {
          id,
          title: text,
          items: { type: 'array', minItems: 1, items: id },
          method: { enum: [...SCORE_METHODS] },
          better: { enum: [...DIRECTIONS] },
          minimumAnsweredShare: share,
        },
      },
    },
    totals: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'method', 'subscales'],
        properties: {
          id,
          title: text,
          method: { const: 'sum-of-subscales' },
          subscales: { type: 'array', minItems: 1, items: id },
          better: { enum: [...DIRECTIONS] },
        },
      },
    },
  },
} as const;
