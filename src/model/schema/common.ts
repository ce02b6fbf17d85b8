import { apiVersion, type DocumentKind } from '../kinds.js';
import { doc, type JsonSchema } from './json-schema.js';

export const draft07 = 'http://json-schema.org/draft-07/schema#';

/** Where goalpost init puts the schemas specialised for a repository (goalpost schema --out). */
export const specialisedSchemasDir = '.goalpost/schemas';

/** Where the schemas are published; editors only use `$id` to tell schemas apart. */
export const schemaBaseId = 'https://goalpost.dev/schemas/v1/';

/** KPI ids appear inside formulas, so they are identifiers: letters, digits, underscores. */
export const kpiIdPattern = '^[A-Za-z_][A-Za-z0-9_]*$';
/** Ids of people, teams and goals: letters, digits and . _ - (e.g. `li.wei`, `q4-revenue`). */
export const idPattern = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
export const periodPattern = '^([0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?|FY[0-9]{4}(-(H[12]|Q[1-4]))?)$';
export const datePattern = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const dimensionPattern = '^[A-Za-z][A-Za-z0-9_]*$';

export function headerProperties(kind: DocumentKind): Record<string, JsonSchema> {
  return {
    apiVersion: {
      title: 'apiVersion',
      ...doc(`The version of the goalpost file format: always \`${apiVersion}\`.`),
      const: apiVersion,
    },
    kind: {
      title: 'kind',
      ...doc(`What this file holds: here \`${kind}\`. goalpost picks the schema from \`apiVersion\` and \`kind\`, never from the file name.`),
      const: kind,
    },
  };
}

export const kpiReference: JsonSchema = {
  type: 'string',
  title: 'KPI',
  ...doc('The id of a KPI of the KPI catalog (**KPI 指标**), e.g. `revenue`.'),
  pattern: kpiIdPattern,
  patternErrorMessage: 'A KPI id uses letters, digits and underscores only, and does not start with a digit.',
};

export const personReference: JsonSchema = {
  type: 'string',
  title: 'Person',
  ...doc('The id of a member of the team (**负责人**), as declared in the team file, e.g. `li.wei`.'),
  pattern: idPattern,
  patternErrorMessage: 'A person id uses letters, digits and . _ - only (for example li.wei).',
};

export const period: JsonSchema = {
  type: ['string', 'integer'],
  title: 'Period',
  ...doc(
    'The period the goals are for (**周期**): a year `2026`, a half `2026-H2`, a quarter `2026-Q4` or a month `2026-11`; or a fiscal year (**财年**) `FY2027` and its halves and quarters `FY2027-H1`, `FY2027-Q1`, named after the calendar year the fiscal year ends in (see `fiscalYearStart` in the settings).',
  ),
  pattern: periodPattern,
  patternErrorMessage: 'A period is a year (2026), a half (2026-H2), a quarter (2026-Q4), a month (2026-11), or a fiscal year, half or quarter (FY2027, FY2027-H1, FY2027-Q1).',
  minimum: 1000,
  maximum: 9999,
  examples: ['2026-Q4', '2026-H2', '2026', '2026-11', 'FY2027', 'FY2027-Q1'],
};

export const incentives: JsonSchema = {
  type: 'object',
  title: 'Incentives',
  ...doc(
    'How a person’s score turns into a payout factor (**激励**): a curve of points `{attainment, payout}` in increasing attainment, linear between them; `below` under the first point, the last payout above the last point. Payouts are computed for closed goal sets only, and shown only when asked for.',
  ),
  properties: {
    curve: {
      type: 'array',
      title: 'curve',
      ...doc('The points of the curve, e.g. `[{attainment: 0.8, payout: 0.5}, {attainment: 1.0, payout: 1.0}, {attainment: 1.2, payout: 1.5}]`.'),
      minItems: 1,
      items: {
        type: 'object',
        title: 'Point',
        properties: {
          attainment: { type: 'number', title: 'attainment', ...doc('A person’s score, as a fraction: `1.0` = 100%.'), minimum: 0 },
          payout: { type: 'number', title: 'payout', ...doc('The payout factor at that score: `1.0` = the full incentive.'), minimum: 0 },
        },
        required: ['attainment', 'payout'],
        additionalProperties: false,
      },
    },
    below: { type: 'number', title: 'below', ...doc('The payout under the first point of the curve, e.g. `0`.'), minimum: 0 },
  },
  required: ['curve'],
  additionalProperties: false,
};

export const thresholds: JsonSchema = {
  type: 'object',
  title: 'Status thresholds',
  ...doc(
    'Status thresholds (**状态阈值**) as fractions of the value expected to date: on track at or above `green`, at risk at or above `amber`, off track below.',
  ),
  properties: {
    green: { type: 'number', title: 'green', ...doc('On track (**正常**) at or above this fraction of the expected value, e.g. `1.0`.'), minimum: 0 },
    amber: { type: 'number', title: 'amber', ...doc('At risk (**有风险**) at or above this fraction of the expected value, e.g. `0.9`; below it, off track (**落后**).'), minimum: 0 },
  },
  additionalProperties: false,
};
