import { apiVersion, type DocumentKind } from '../kinds.js';
import type { JsonSchema } from './json-schema.js';

export const draft07 = 'http://json-schema.org/draft-07/schema#';

/** KPI ids appear inside formulas, so they are identifiers: letters, digits, underscores. */
export const kpiIdPattern = '^[A-Za-z_][A-Za-z0-9_]*$';
/** Ids of people, teams and goals: letters, digits and . _ - (e.g. `li.wei`, `q4-revenue`). */
export const idPattern = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
export const periodPattern = '^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$';
export const monthPattern = '^[0-9]{4}-(0[1-9]|1[0-2])$';
export const datePattern = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const dimensionPattern = '^[A-Za-z][A-Za-z0-9_]*$';

export function headerProperties(kind: DocumentKind): Record<string, JsonSchema> {
  return {
    apiVersion: {
      description: `The version of the goalpost file format. Always \`${apiVersion}\`.`,
      const: apiVersion,
    },
    kind: {
      description: `What this file holds. Here: \`${kind}\`.`,
      const: kind,
    },
  };
}

export const kpiReference: JsonSchema = {
  type: 'string',
  description: 'The id of a KPI in the KPI catalog (KPI 指标).',
  pattern: kpiIdPattern,
  patternErrorMessage: 'A KPI id uses letters, digits and underscores only, and does not start with a digit.',
};

export const personReference: JsonSchema = {
  type: 'string',
  description: 'The id of a person declared in the team file (负责人).',
  pattern: idPattern,
  patternErrorMessage: 'A person id uses letters, digits and . _ - only (for example li.wei).',
};

export const period: JsonSchema = {
  type: ['string', 'integer'],
  description: 'The period the goals are for (周期): a year `2026`, a half `2026-H2`, a quarter `2026-Q4` or a month `2026-11`.',
  pattern: periodPattern,
  patternErrorMessage: 'A period is a year (2026), a half (2026-H2), a quarter (2026-Q4) or a month (2026-11).',
  minimum: 1000,
  maximum: 9999,
};

export const thresholds: JsonSchema = {
  type: 'object',
  title: 'Status thresholds',
  description:
    'Status thresholds as fractions of the value expected to date: on track (green) at or above `green`, at risk (amber) at or above `amber`, off track below.',
  properties: {
    green: { type: 'number', description: 'On track at or above this fraction of the expected value.', minimum: 0 },
    amber: { type: 'number', description: 'At risk at or above this fraction of the expected value.', minimum: 0 },
  },
  additionalProperties: false,
};
