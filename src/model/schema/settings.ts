import { draft07, headerProperties, idPattern, incentives, schemaBaseId, thresholds } from './common.js';
import type { SourceType } from '../model.js';
import { doc, documentedEnum, type JsonSchema } from './json-schema.js';

/** One description per source type: a type added to the model's list must be described here. */
const sourceTypeDescriptions: Record<SourceType, string> = {
  duckdb: '`duckdb`: DuckDB, inside goalpost: SQL over CSV, Parquet and JSON files, with paths relative to the goals folder. Nothing to install or connect to.',
  postgres: '`postgres`: a PostgreSQL server (or one that speaks its protocol), at `url`.',
};

export const settingsSchema: JsonSchema = {
  $schema: draft07,
  $id: `${schemaBaseId}settings.schema.json`,
  title: 'goalpost settings',
  ...doc('Settings for the whole goals repository (**设置**, goalpost.yaml). Every key is optional.'),
  type: 'object',
  properties: {
    ...headerProperties('Settings'),
    locale: {
      type: 'string',
      title: 'locale',
      ...doc('The language of scorecards (**语言**).'),
      ...documentedEnum({ en: '`en`: English.', 'zh-CN': '`zh-CN`: Simplified Chinese (**简体中文**).' }),
      default: 'en',
    },
    currency: {
      type: 'string',
      title: 'currency',
      ...doc('The currency (**币种**, an ISO 4217 code) for amounts whose unit is `currency`.'),
      pattern: '^[A-Z]{3}$',
      patternErrorMessage: 'A currency is a three-letter ISO 4217 code such as CNY or USD.',
      default: 'CNY',
    },
    tolerance: {
      type: 'number',
      title: 'tolerance',
      ...doc('How far the items of a breakdown may differ from their target (**容差**), as a fraction of the target: `0.001` = 0.1%.'),
      minimum: 0,
      maximum: 1,
      default: 0.001,
    },
    thresholds: { ...thresholds, default: { green: 1.0, amber: 0.9 } },
    cap: {
      type: 'number',
      title: 'cap',
      ...doc('The most that one goal’s attainment counts in a score (**上限**): `1.2` = 120%. Attainment is shown uncapped.'),
      minimum: 1,
      default: 1.2,
    },
    incentives: { ...incentives, ...doc('The incentive curve (**激励**) of every team that has none of its own: how a person’s score turns into a payout factor.') },
    fiscalYearStart: {
      type: 'integer',
      title: 'fiscalYearStart',
      ...doc(
        'The first month of the fiscal year (**财年起始月**), 1–12. With `4`, `FY2027` runs from April 2026 to March 2027 and `FY2027-Q1` is April to June 2026. Calendar periods (`2027`, `2027-Q1`) are not affected.',
      ),
      minimum: 1,
      maximum: 12,
      default: 1,
    },
    rollups: {
      type: 'string',
      title: 'rollups',
      ...doc('How goals that do not add up across files are reported (**汇总校验**): the goals aligned to a goal with the same KPI, against its target.'),
      ...documentedEnum({
        error: '`error`: a plan that does not add up fails validation.',
        warning: '`warning`: it is reported, and validation still passes.',
        off: '`off`: roll-ups are not checked.',
      }),
      default: 'warning',
    },
    challenge: {
      type: ['boolean', 'object'],
      title: 'challenge',
      ...doc(
        'Compare each target with what the team achieved in the previous comparable period (**目标挑战性**): a target that does not improve on it, or asks for more than `maxGrowth` over it, is a warning. `false` turns the comparison off.',
      ),
      properties: {
        maxGrowth: {
          type: 'number',
          title: 'maxGrowth',
          ...doc('The most growth over the previous result that is still realistic, as a fraction: `1.0` = +100%.'),
          minimum: 0,
        },
      },
      additionalProperties: false,
      default: { maxGrowth: 1.0 },
    },
    sources: {
      type: 'object',
      title: 'sources',
      ...doc(
        'Where the numbers of measured KPIs live (**数据源**), by name; a KPI names one in its `source` and `goalpost pull` runs its query there. Credentials never live in the repository: a `postgres` source takes its URL from an environment variable.',
      ),
      propertyNames: {
        pattern: idPattern,
        patternErrorMessage: 'A source name uses letters, digits and . _ - only (for example warehouse).',
      },
      additionalProperties: {
        type: 'object',
        title: 'source',
        ...doc('A database to run queries in.'),
        properties: {
          type: {
            type: 'string',
            title: 'type',
            ...doc('The kind of database.'),
            ...documentedEnum(sourceTypeDescriptions),
            default: 'duckdb',
          },
          url: {
            type: 'string',
            title: 'url',
            ...doc(
              'For `postgres`: the environment variable that holds the connection URL, written `${env:NAME}`. The URL holds a password, so it never goes into git: CI sets the variable from a secret.',
            ),
            examples: ['${env:GOALPOST_WAREHOUSE_URL}'],
          },
        },
        additionalProperties: false,
        defaultSnippets: [
          { label: 'DuckDB over files', markdownDescription: 'SQL over CSV, Parquet and JSON files in the goals folder.', body: { type: 'duckdb' } },
          { label: 'PostgreSQL', markdownDescription: 'A PostgreSQL server whose URL is in an environment variable.', body: { type: 'postgres', url: '\\${env:${1:GOALPOST_WAREHOUSE_URL}\\}' } },
        ],
      },
    },
  },
  required: ['apiVersion', 'kind'],
  additionalProperties: false,
};
