import { locales } from '../kinds.js';
import { draft07, headerProperties, thresholds } from './common.js';
import type { JsonSchema } from './json-schema.js';

export const settingsSchema: JsonSchema = {
  $schema: draft07,
  title: 'goalpost settings',
  description: 'Settings for the whole goals repository (goalpost.yaml). Every key is optional.',
  type: 'object',
  properties: {
    ...headerProperties('Settings'),
    locale: { type: 'string', enum: locales, description: 'The language of scorecards: `en` or `zh-CN`.', default: 'en' },
    currency: {
      type: 'string',
      description: 'The currency (ISO 4217 code) for amounts whose unit names none.',
      pattern: '^[A-Z]{3}$',
      patternErrorMessage: 'A currency is a three-letter ISO 4217 code such as CNY or USD.',
      default: 'CNY',
    },
    tolerance: {
      type: 'number',
      description: 'How far the items of a breakdown may differ from their target, as a fraction of the target (0.001 = 0.1%).',
      minimum: 0,
      maximum: 1,
      default: 0.001,
    },
    thresholds: { ...thresholds, default: { green: 1.0, amber: 0.9 } },
    cap: {
      type: 'number',
      description: 'The most that one goal’s attainment counts in a score (1.2 = 120%). Attainment is shown uncapped.',
      minimum: 1,
      default: 1.2,
    },
  },
  required: ['apiVersion', 'kind'],
  additionalProperties: false,
};
