import { comparisons } from '../kinds.js';
import {
  datePattern,
  dimensionPattern,
  draft07,
  headerProperties,
  idPattern,
  kpiReference,
  period,
  personReference,
  thresholds,
} from './common.js';
import type { JsonSchema } from './json-schema.js';

const breakdown: JsonSchema = {
  type: 'object',
  title: 'Breakdown',
  description:
    'A split of a target (分解) by one dimension: `owner` (people of the team), `month` (months of the period, YYYY-MM), or any other name such as `region` or `channel`. The items must add up to the target (or combine to it, following the KPI’s aggregate).',
  properties: {
    by: {
      type: 'string',
      description: 'The dimension of the split: `owner`, `month`, or a name such as `region` or `channel`.',
      examples: ['owner', 'month', 'region', 'channel'],
      pattern: dimensionPattern,
      patternErrorMessage: 'A dimension name uses letters, digits and underscores, and starts with a letter.',
    },
    items: {
      type: 'object',
      title: 'Breakdown items',
      description: 'The parts by key: `key: target`, or `key: {target: N, owner: ..., breakdown: [...]}` to give the part an owner or split it further.',
      minProperties: 1,
      additionalProperties: { $ref: '#/definitions/breakdownItem' },
    },
  },
  required: ['by', 'items'],
  additionalProperties: false,
};

const breakdownItem: JsonSchema = {
  type: ['number', 'object'],
  title: 'Breakdown item',
  description: 'The target of this part, or an object with `target`, an optional `owner` and a nested `breakdown`.',
  if: { type: 'object' },
  then: {
    title: 'Breakdown item',
    properties: {
      target: { type: 'number', description: 'The target of this part (目标值).' },
      owner: { ...personReference, description: 'Who is responsible for this part (负责人).' },
      breakdown: { type: 'array', description: 'A further split of this part.', items: { $ref: '#/definitions/breakdown' } },
    },
    required: ['target'],
    additionalProperties: false,
  },
};

const goal: JsonSchema = {
  type: 'object',
  title: 'Goal',
  description: 'One goal (目标): a KPI, a target for the period, a weight in the team score, and an owner.',
  properties: {
    id: {
      type: 'string',
      description: 'A short id, unique in the goal set, e.g. `q4-revenue`. Other goals refer to it as `team/id`.',
      pattern: idPattern,
      patternErrorMessage: 'A goal id uses letters, digits and . _ - only (for example q4-revenue).',
    },
    title: { type: 'string', description: 'What the goal is, in words, e.g. 第四季度销售额达到 1200 万元.', minLength: 1 },
    kpi: kpiReference,
    target: { type: 'number', description: 'The value to reach by the end of the period (目标值). Percentages as fractions: 0.85 for 85%.' },
    baseline: {
      type: 'number',
      description: 'The starting value (基线). With a baseline, attainment measures the progress from it towards the target.',
    },
    comparison: {
      type: 'string',
      enum: comparisons,
      description:
        'Makes this a threshold goal that is met or not: `atLeast` (不低于) or `atMost` (控制在……以内). Without it, attainment is measured in proportion to the target.',
    },
    weight: {
      type: 'number',
      description: 'The share of this goal in the team score (权重). The weights of a goal set add up to 100.',
      minimum: 0,
      maximum: 100,
    },
    owner: { ...personReference, description: 'The person responsible for the goal (负责人), a member of the team.' },
    due: {
      type: 'string',
      description: 'The date the goal is due (截止日期), YYYY-MM-DD, within the period.',
      pattern: datePattern,
      patternErrorMessage: 'A date is written YYYY-MM-DD, for example 2026-12-31.',
    },
    alignsTo: {
      type: 'string',
      description: 'The goal of another team that this goal serves (对齐), as `team/goal-id`, e.g. `company/revenue`.',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$',
      patternErrorMessage: 'alignsTo is written team/goal-id, for example company/revenue.',
    },
    thresholds: { ...thresholds, description: 'Status thresholds for this goal, overriding the settings.' },
    notes: { type: 'string', description: 'Free notes: context, assumptions, links (备注).' },
    breakdown: {
      type: 'array',
      description: 'Splits of the target (分解) by owner, month, region, ... Each split must add up to the target.',
      items: { $ref: '#/definitions/breakdown' },
    },
  },
  required: ['id', 'title', 'kpi', 'target', 'weight', 'owner'],
  additionalProperties: false,
};

export const goalSetSchema: JsonSchema = {
  $schema: draft07,
  title: 'goalpost goal set',
  description: 'The goals (目标) of one team for one period.',
  type: 'object',
  properties: {
    ...headerProperties('GoalSet'),
    team: {
      type: 'string',
      description: 'The id of the team whose goals these are.',
      pattern: idPattern,
      patternErrorMessage: 'A team id uses letters, digits and . _ - only.',
    },
    period,
    title: { type: 'string', description: 'An optional heading for the goal set.' },
    goals: { type: 'array', description: 'The goals of the team for the period.', minItems: 1, items: { $ref: '#/definitions/goal' } },
  },
  required: ['apiVersion', 'kind', 'team', 'period', 'goals'],
  additionalProperties: false,
  definitions: { goal, breakdown, breakdownItem },
};
