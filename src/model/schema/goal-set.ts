import { largestExactValue } from '../aggregate.js';
import {
  datePattern,
  dimensionPattern,
  draft07,
  headerProperties,
  idPattern,
  kpiReference,
  period,
  personReference,
  schemaBaseId,
  thresholds,
} from './common.js';
import { doc, documentedEnum, type JsonSchema } from './json-schema.js';

/** Targets and baselines stay within what goalpost adds up exactly. */
const exactRange: Pick<JsonSchema, 'minimum' | 'maximum'> = { minimum: -largestExactValue, maximum: largestExactValue };

const breakdown: JsonSchema = {
  type: 'object',
  title: 'Breakdown',
  ...doc(
    'A split of a target (**目标分解**) by one dimension: `owner` (people of the team), `month` (months of the period, `YYYY-MM`), `quarter` (**季度分解**: `Q1`..`Q4` of the goal’s year) or `half` (`H1`, `H2`), `team` (team ids: the teams that carry the goal, **目标分解到团队**), or any other name such as `region` or `channel`. The items must add up to the target — or combine to it by the KPI’s aggregate.',
  ),
  properties: {
    by: {
      type: 'string',
      title: 'by',
      ...doc('The dimension of the split (**分解维度**): `owner`, `month`, `quarter`, `half`, `team`, or a name such as `region` or `channel`.'),
      examples: ['owner', 'month', 'quarter', 'half', 'team', 'region', 'channel'],
      pattern: dimensionPattern,
      patternErrorMessage: 'A dimension name uses letters, digits and underscores, and starts with a letter.',
    },
    items: {
      type: 'object',
      title: 'Breakdown items',
      ...doc('The parts by key (**分解项**): `key: target`, or `key: {target: N, owner: ..., breakdown: [...]}` to give the part an owner or split it further.'),
      minProperties: 1,
      additionalProperties: { $ref: '#/definitions/breakdownItem' },
    },
  },
  required: ['by', 'items'],
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'Breakdown by owner',
      markdownDescription: 'Split the target between people of the team (**按负责人分解**).',
      body: { by: 'owner', items: { '${1:zhang.min}': '^${2:0}', '${3:wang.fang}': '^${4:0}' } },
    },
    {
      label: 'Breakdown by month',
      markdownDescription: 'Split the target over the months of the period (**按月分解**).',
      body: { by: 'month', items: { '${1:2026-10}': '^${2:0}', '${3:2026-11}': '^${4:0}', '${5:2026-12}': '^${6:0}' } },
    },
  ],
};

const breakdownItem: JsonSchema = {
  type: ['number', 'object'],
  title: 'Breakdown item',
  ...doc('The target of this part (**分解目标**), or an object with `target`, an optional `owner` and a nested `breakdown`.'),
  // Applies to the `key: target` form only: a range says nothing about an object.
  ...exactRange,
  if: { type: 'object' },
  then: {
    title: 'Breakdown item',
    properties: {
      target: { type: 'number', title: 'target', ...doc('The target of this part (**目标值**).'), ...exactRange },
      owner: { ...personReference, title: 'owner', ...doc('Who is responsible for this part (**负责人**).') },
      breakdown: { type: 'array', title: 'breakdown', ...doc('A further split of this part (**进一步分解**).'), items: { $ref: '#/definitions/breakdown' } },
    },
    required: ['target'],
    additionalProperties: false,
  },
};

const goal: JsonSchema = {
  type: 'object',
  title: 'Goal',
  ...doc('One goal (**目标**): a KPI, a target for the period, a weight in the team score (**权重**), and an owner (**负责人**).'),
  properties: {
    id: {
      type: 'string',
      title: 'id',
      ...doc('A short id (**目标编号**), unique in the goal set, e.g. `q4-revenue`. Other teams align to it as `team/id`.'),
      pattern: idPattern,
      patternErrorMessage: 'A goal id uses letters, digits and . _ - only (for example q4-revenue).',
    },
    title: { type: 'string', title: 'title', ...doc('What the goal is, in words (**目标描述**), e.g. `第四季度销售额达到 1200 万元`.'), minLength: 1 },
    kpi: { ...kpiReference, title: 'kpi' },
    target: {
      type: 'number',
      title: 'target',
      ...doc('The value to reach by the end of the period (**目标值**). Percentages as fractions: `0.85` for 85%.'),
      ...exactRange,
    },
    baseline: {
      type: 'number',
      title: 'baseline',
      ...doc('The starting value (**基线**). With a baseline, attainment measures the progress from it towards the target.'),
      ...exactRange,
    },
    comparison: {
      type: 'string',
      title: 'comparison',
      ...doc('Makes this a threshold goal, met or not met, scored 1 or 0. Without it, attainment is measured in proportion to the target.'),
      ...documentedEnum({
        atLeast: '`atLeast`: met when the actual is at least the target (**不低于**).',
        atMost: '`atMost`: met when the actual is at most the target (**控制在……以内**).',
      }),
    },
    weight: {
      type: 'number',
      title: 'weight',
      ...doc('The share of this goal in the team score (**权重**). The weights of a goal set add up to 100.'),
      minimum: 0,
      maximum: 100,
    },
    owner: { ...personReference, title: 'owner', ...doc('The person responsible for the goal (**负责人**), a member of the team.') },
    due: {
      type: 'string',
      title: 'due',
      ...doc('The date the goal is due (**截止日期**), `YYYY-MM-DD`, within the period.'),
      pattern: datePattern,
      patternErrorMessage: 'A date is written YYYY-MM-DD, for example 2026-12-31.',
    },
    alignsTo: {
      type: 'string',
      title: 'alignsTo',
      ...doc('The goal of another team that this goal serves (**对齐**), as `team/goal-id`, e.g. `company/revenue`.'),
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$',
      patternErrorMessage: 'alignsTo is written team/goal-id, for example company/revenue.',
    },
    thresholds: { ...thresholds, ...doc('Status thresholds for this goal (**状态阈值**), overriding those of the settings.') },
    notes: { type: 'string', title: 'notes', ...doc('Free notes (**备注**): context, assumptions, links.') },
    breakdown: {
      type: 'array',
      title: 'breakdown',
      ...doc('Splits of the target (**目标分解**) by owner, month, quarter, team, region, ... Each split must add up to the target.'),
      items: { $ref: '#/definitions/breakdown' },
    },
    contributors: {
      type: 'array',
      title: 'contributors',
      ...doc(
        'Other teams that carry this goal with its own team (**跨部门协同**, a shared goal): it shows on their scorecards under "Shared goals" (counting in their score only through a goal of their own aligned to it), and their people may own its breakdown items and initiatives.',
      ),
      items: { type: 'string', title: 'Team', ...doc('A team id, e.g. `sales`.'), pattern: idPattern, patternErrorMessage: 'A team id uses letters, digits and . _ - only.' },
      uniqueItems: true,
    },
    initiatives: {
      type: 'array',
      title: 'initiatives',
      ...doc('The work planned to reach the goal (**工作计划**): what, who, and by when (**时间表**).'),
      items: { $ref: '#/definitions/initiative' },
    },
    final: {
      type: 'object',
      title: 'final',
      ...doc(
        'When the goal set is closed (**复盘**): the attainment that counts in place of the computed one, for an exception the review accepts (a target that stopped making sense), with the reason. Between 0 and the cap.',
      ),
      properties: {
        attainment: { type: 'number', title: 'attainment', ...doc('The attainment that counts, as a fraction: `1.0` = 100%.'), minimum: 0 },
        reason: { type: 'string', title: 'reason', ...doc('Why the review overrides the computed attainment (**调整原因**).'), minLength: 1 },
      },
      required: ['attainment', 'reason'],
      additionalProperties: false,
    },
    challenge: {
      type: 'boolean',
      title: 'challenge',
      ...doc(
        '`false` to leave this goal out of the comparison with the previous period’s result (**目标挑战性**), with `notes` saying why (a new product, a market that shrank).',
      ),
    },
  },
  required: ['id', 'title', 'kpi', 'target', 'weight', 'owner'],
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'New goal',
      markdownDescription: 'A goal with its KPI, target, weight and owner (**新目标**).',
      body: { id: '${1:q4-goal}', title: '${2:目标描述}', kpi: '${3:revenue}', target: '^${4:0}', weight: '^${5:0}', owner: '${6:owner.id}' },
    },
  ],
};

const initiative: JsonSchema = {
  type: 'object',
  title: 'Initiative',
  ...doc('A piece of work planned to reach the goal (**工作计划**), with its owner and due date.'),
  properties: {
    id: {
      type: 'string',
      title: 'id',
      ...doc('A short id, unique among the initiatives of the goal, e.g. `double-11`.'),
      pattern: idPattern,
      patternErrorMessage: 'An initiative id uses letters, digits and . _ - only (for example double-11).',
    },
    title: { type: 'string', title: 'title', ...doc('What is to be done (**工作内容**), e.g. `双十一促销活动`.'), minLength: 1 },
    owner: { ...personReference, title: 'owner', ...doc('Who does it (**负责人**): a member of the goal’s team or of a contributing team.') },
    start: { type: 'string', title: 'start', ...doc('When it starts (**开始日期**), `YYYY-MM-DD`.'), pattern: datePattern, patternErrorMessage: 'A date is written YYYY-MM-DD, for example 2026-11-01.' },
    due: { type: 'string', title: 'due', ...doc('When it is due (**截止日期**), `YYYY-MM-DD`, within the goal’s period.'), pattern: datePattern, patternErrorMessage: 'A date is written YYYY-MM-DD, for example 2026-11-30.' },
    status: {
      type: 'string',
      title: 'status',
      ...doc('Where the work stands (**状态**).'),
      ...documentedEnum({
        planned: '`planned`: not started yet (**计划中**).',
        'in-progress': '`in-progress`: under way (**进行中**).',
        done: '`done`: finished (**已完成**).',
        dropped: '`dropped`: no longer pursued (**已取消**).',
        blocked: '`blocked`: cannot go on until something else happens (**受阻**).',
      }),
    },
    link: { type: 'string', title: 'link', ...doc('Where to read more: an `http` or `https` address (a ticket, a brief).') },
  },
  required: ['id', 'title', 'owner', 'due', 'status'],
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'New initiative',
      markdownDescription: 'A piece of work with its owner and due date (**工作计划**).',
      body: { id: '${1:initiative-id}', title: '${2:工作内容}', owner: '${3:owner.id}', due: '${4:2026-12-31}', status: '${5|planned,in-progress,done,dropped,blocked|}' },
    },
  ],
};

const signOff = (what: string, extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: {
    date: { type: 'string', title: 'date', ...doc(`The date the goal set was ${what}, \`YYYY-MM-DD\`.`), pattern: datePattern, patternErrorMessage: 'A date is written YYYY-MM-DD, for example 2027-01-10.' },
    by: { ...personReference, title: 'by', ...doc(`Who ${what} it, a member of the team.`) },
    ...extra,
  },
  required: ['date', 'by', ...Object.keys(extra)],
  additionalProperties: false,
});

const review: JsonSchema = {
  type: 'object',
  title: 'Review',
  ...doc('The lessons of the period (**复盘**, 持续改进): what went well, what to improve, and the actions carried into the next period.'),
  properties: {
    wentWell: { type: 'array', title: 'wentWell', ...doc('What went well (**做得好的**).'), items: { type: 'string', minLength: 1 } },
    toImprove: { type: 'array', title: 'toImprove', ...doc('What to improve (**待改进的**).'), items: { type: 'string', minLength: 1 } },
    actions: { type: 'array', title: 'actions', ...doc('What will be done differently (**改进行动**); shown on the team’s next scorecard.'), items: { type: 'string', minLength: 1 } },
  },
  additionalProperties: false,
};

export const goalSetSchema: JsonSchema = {
  $schema: draft07,
  $id: `${schemaBaseId}goal-set.schema.json`,
  title: 'goalpost goal set',
  ...doc('The goals (**目标**) of one team for one period.'),
  type: 'object',
  properties: {
    ...headerProperties('GoalSet'),
    team: {
      type: 'string',
      title: 'team',
      ...doc('The id of the team whose goals these are (**团队**).'),
      pattern: idPattern,
      patternErrorMessage: 'A team id uses letters, digits and . _ - only.',
    },
    period,
    title: { type: 'string', title: 'title', ...doc('An optional heading for the goal set (**标题**).') },
    goals: { type: 'array', title: 'goals', ...doc('The goals of the team for the period (**目标列表**).'), minItems: 1, items: { $ref: '#/definitions/goal' } },
    closed: {
      ...signOff('closed'),
      title: 'closed',
      ...doc('The goal set is closed (**关闭**): its results are final. Its targets, weights, owners and breakdowns no longer change unless it is reopened.'),
    },
    reopened: {
      ...signOff('reopened', { reason: { type: 'string', title: 'reason', ...doc('Why the closed goal set changes again (**重新打开原因**).'), minLength: 1 } }),
      title: 'reopened',
      ...doc('Reopens a closed goal set to change it (**重新打开**), with the reason; the change that adds it may change its targets.'),
    },
    review: { $ref: '#/definitions/review', title: 'review', ...doc('The lessons of the period (**复盘**): what went well, what to improve, and the actions carried into the next period.') },
  },
  required: ['apiVersion', 'kind', 'team', 'period', 'goals'],
  additionalProperties: false,
  definitions: { goal, breakdown, breakdownItem, initiative, review },
};
