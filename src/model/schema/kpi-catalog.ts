import { draft07, headerProperties, kpiIdPattern, schemaBaseId } from './common.js';
import { doc, documentedEnum, type JsonSchema } from './json-schema.js';

const aggregateValues = {
  sum: '`sum`: the parts add up (revenue, new customers, spend).',
  mean: '`mean`: the average of the parts (a satisfaction score).',
  min: '`min`: the smallest part.',
  max: '`max`: the largest part.',
  first: '`first`: the first value (customers at the start of a period).',
  last: '`last`: the last value (customers at the end of a period).',
};

const kpi: JsonSchema = {
  type: 'object',
  title: 'KPI',
  ...doc(
    'A key performance indicator (**关键绩效指标**). A *measured* KPI has an `aggregate` and actual values in the actuals CSV; a *derived* KPI has a `formula` over other KPIs and is computed.',
  ),
  properties: {
    name: { type: 'string', title: 'name', ...doc('The display name (**名称**), e.g. `销售额`.'), minLength: 1 },
    description: { type: 'string', title: 'description', ...doc('What the KPI measures and where its numbers come from (**说明**).') },
    unit: {
      type: 'string',
      title: 'unit',
      ...doc(
        'The unit (**单位**): a currency code such as `CNY` (or `currency` for the currency of the settings), or `percent`, `ratio`, `count`, `score`, `hours`. Percent values are written as fractions: `0.85` for 85%.',
      ),
      examples: ['CNY', 'USD', 'currency', 'percent', 'ratio', 'count', 'score', 'hours'],
      minLength: 1,
    },
    direction: {
      type: 'string',
      title: 'direction',
      ...doc('Which way is better (**方向**): `increase` or `decrease`.'),
      ...documentedEnum({ increase: '`increase`: more is better (**越高越好**), e.g. revenue.', decrease: '`decrease`: less is better (**越低越好**), e.g. attrition.' }),
    },
    aggregate: {
      type: 'string',
      title: 'aggregate',
      ...doc(
        'How values combine (**汇总方式**) across the parts of a breakdown (owners, regions) and, unless `overTime` says otherwise, across the months of a period.',
      ),
      ...documentedEnum(aggregateValues),
    },
    overTime: {
      type: 'string',
      title: 'overTime',
      ...doc('How values combine over time when it differs from `aggregate`: days and weeks into their month, and months over a period. E.g. `last` for customers at the end of the period, `mean` for average headcount.'),
      ...documentedEnum(aggregateValues),
    },
    formula: {
      type: 'string',
      title: 'formula',
      ...doc(
        'For a derived KPI (**计算指标**): an expression over other KPI ids with `+ - * /`, parentheses, numbers and `min`, `max`, `abs`, e.g. `revenue / market_size`. It is computed from the combined values of its inputs — a ratio of sums, never an average of ratios.',
      ),
      minLength: 1,
    },
    source: {
      type: 'object',
      title: 'source',
      ...doc(
        'How a measured KPI is measured (**取数**): a query that `goalpost pull` runs in a source of the settings for each month. It returns the columns `team` and `value`, and optionally dimension columns named like breakdown dimensions (`owner`, `region`); it receives the month as the parameters `$month` (`2026-11`), `$start` and `$end` (its first and last day).',
      ),
      properties: {
        from: { type: 'string', title: 'from', ...doc('The name of a source under `sources` in the settings, e.g. `warehouse`.'), minLength: 1 },
        query: {
          type: 'string',
          title: 'query',
          ...doc("The SQL query, e.g. `select team, sum(amount) as value from orders where to_char(ordered_at, 'YYYY-MM') = $month group by team`."),
          minLength: 1,
        },
        file: {
          type: 'string',
          title: 'file',
          ...doc('A `.sql` file that holds the query, relative to this file, e.g. `queries/revenue.sql`. Give `query` or `file`, not both.'),
          pattern: '\\.sql$',
          patternErrorMessage: 'A query file is a .sql file in the goals folder, such as queries/revenue.sql.',
        },
      },
      required: ['from'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'Measured KPI',
      markdownDescription: 'A KPI whose actual values are committed in the actuals CSV.',
      body: { name: '${1:销售额}', unit: '${2:CNY}', direction: '${3|increase,decrease|}', aggregate: '${4|sum,mean,min,max,first,last|}' },
    },
    {
      label: 'Derived KPI',
      markdownDescription: 'A KPI computed by a formula over other KPIs (**计算指标**).',
      body: { name: '${1:市场份额}', unit: '${2:percent}', direction: '${3|increase,decrease|}', formula: '${4:revenue / market_size}' },
    },
  ],
};

export const kpiCatalogSchema: JsonSchema = {
  $schema: draft07,
  $id: `${schemaBaseId}kpi-catalog.schema.json`,
  title: 'goalpost KPI catalog',
  ...doc('The KPIs (**KPI 指标库**) that goals refer to, by id.'),
  type: 'object',
  properties: {
    ...headerProperties('KpiCatalog'),
    kpis: {
      type: 'object',
      title: 'KPIs',
      ...doc('The KPIs by id (**指标**). An id uses letters, digits and underscores, so formulas can name it.'),
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
