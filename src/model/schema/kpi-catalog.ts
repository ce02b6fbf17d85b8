import { aggregates, directions } from '../kinds.js';
import { draft07, headerProperties, kpiIdPattern } from './common.js';
import type { JsonSchema } from './json-schema.js';

const aggregate: JsonSchema = {
  type: 'string',
  enum: aggregates,
  description:
    'How values combine across the parts of a breakdown (owners, regions) and, unless `overTime` says otherwise, across the months of a period (汇总方式).',
};

const kpi: JsonSchema = {
  type: 'object',
  title: 'KPI',
  description:
    'A key performance indicator (关键绩效指标). Measured KPIs have `aggregate` and actual values in the actuals CSV; derived KPIs have a `formula` over other KPIs.',
  properties: {
    name: { type: 'string', description: 'The display name, e.g. 销售额.', minLength: 1 },
    description: { type: 'string', description: 'What the KPI measures and where its numbers come from.' },
    unit: {
      type: 'string',
      description:
        'The unit (单位): a currency code such as `CNY` (or `currency` for the currency of the settings), or `percent`, `ratio`, `count`, `score`, `hours`. Percent values are written as fractions (0.85 for 85%).',
      examples: ['CNY', 'USD', 'currency', 'percent', 'ratio', 'count', 'score', 'hours'],
      minLength: 1,
    },
    direction: {
      type: 'string',
      enum: directions,
      description: 'Which way is better (方向): `increase` (more is better) or `decrease` (less is better).',
    },
    aggregate,
    overTime: { ...aggregate, description: 'How monthly values combine over a period when it differs from `aggregate`, e.g. `last` for a stock such as customers at the end of the period.' },
    formula: {
      type: 'string',
      description:
        'For a derived KPI: an arithmetic expression over other KPI ids with + - * / and parentheses, and the functions min, max and abs, e.g. `revenue / market_size`. It is computed from the combined values of its inputs, never averaged.',
      minLength: 1,
    },
  },
  additionalProperties: false,
};

export const kpiCatalogSchema: JsonSchema = {
  $schema: draft07,
  title: 'goalpost KPI catalog',
  description: 'The KPIs (KPI 指标库) that goals refer to.',
  type: 'object',
  properties: {
    ...headerProperties('KpiCatalog'),
    kpis: {
      type: 'object',
      title: 'KPIs',
      description: 'The KPIs by id. An id uses letters, digits and underscores, so formulas can name it.',
      propertyNames: {
        pattern: kpiIdPattern,
        patternErrorMessage: 'A KPI id uses letters, digits and underscores only, and does not start with a digit.',
      },
      additionalProperties: { $ref: '#/definitions/kpi' },
    },
  },
  required: ['apiVersion', 'kind', 'kpis'],
  additionalProperties: false,
  definitions: { kpi },
};
