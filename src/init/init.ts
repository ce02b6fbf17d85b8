import { stringify } from 'yaml';
import type { Locale } from '../model/kinds.js';
import { parsePeriod } from '../model/period.js';
import { specialisedSchemasDir } from '../model/schema/common.js';
import type { OutputFile } from '../render/render.js';

export interface InitOptions {
  team: string;
  period: string;
  locale: Locale;
  /** The example workflow of goalpost, to copy into the new repository. */
  workflow: string;
}

/** The current quarter, e.g. 2026-Q4 on 27 November 2026. */
export function currentQuarter(today: Date): string {
  return `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
}

interface KpiTemplate {
  id: string;
  en: string;
  zh: string;
  unit: string;
  direction?: 'increase' | 'decrease';
  aggregate?: string;
  overTime?: string;
  formula?: string;
}

/** The KPIs of a marketing team: revenue, market share, customers, satisfaction, brand, spend and ROI, people. */
const marketingKpis: KpiTemplate[] = [
  { id: 'revenue', en: 'Revenue', zh: '销售额', unit: 'currency', direction: 'increase', aggregate: 'sum' },
  { id: 'market_size', en: 'Market size', zh: '市场总规模', unit: 'currency', aggregate: 'sum' },
  { id: 'market_share', en: 'Market share', zh: '市场份额', unit: 'percent', direction: 'increase', formula: 'revenue / market_size' },
  { id: 'new_customers', en: 'New customers', zh: '新客户获取数', unit: 'count', direction: 'increase', aggregate: 'sum' },
  { id: 'customers_start', en: 'Customers at the start', zh: '期初客户数', unit: 'count', aggregate: 'sum', overTime: 'first' },
  { id: 'customers_end', en: 'Customers at the end', zh: '期末客户数', unit: 'count', aggregate: 'sum', overTime: 'last' },
  { id: 'retention_rate', en: 'Retention rate', zh: '客户留存率', unit: 'percent', direction: 'increase', formula: '(customers_end - new_customers) / customers_start' },
  { id: 'csat', en: 'Customer satisfaction score', zh: '客户满意度得分', unit: 'score', direction: 'increase', aggregate: 'mean' },
  { id: 'brand_awareness', en: 'Brand awareness', zh: '品牌知名度', unit: 'percent', direction: 'increase', aggregate: 'mean' },
  { id: 'reputation_score', en: 'Online reputation score', zh: '网络口碑评分', unit: 'score', direction: 'increase', aggregate: 'mean' },
  { id: 'marketing_spend', en: 'Marketing spend', zh: '营销费用', unit: 'currency', direction: 'decrease', aggregate: 'sum' },
  { id: 'attributed_revenue', en: 'Revenue from marketing', zh: '营销带来收入', unit: 'currency', aggregate: 'sum' },
  { id: 'marketing_roi', en: 'Marketing ROI', zh: '营销投资回报率', unit: 'ratio', direction: 'increase', formula: '(attributed_revenue - marketing_spend) / marketing_spend' },
  { id: 'training_hours', en: 'Training hours', zh: '培训时长', unit: 'hours', direction: 'increase', aggregate: 'sum' },
  { id: 'leavers', en: 'Leavers', zh: '离职人数', unit: 'count', aggregate: 'sum' },
  { id: 'headcount', en: 'Average headcount', zh: '平均人数', unit: 'count', aggregate: 'sum', overTime: 'mean' },
  { id: 'attrition_rate', en: 'Attrition rate', zh: '人才流失率', unit: 'percent', direction: 'decrease', formula: 'leavers / headcount' },
];

const schemasDir = specialisedSchemasDir;

function yamlFile(schemaFile: string, depth: number, body: Record<string, unknown>): string {
  const modeline = `# yaml-language-server: $schema=${'../'.repeat(depth)}${schemasDir}/${schemaFile}`;
  return `${modeline}\n${stringify(body, { lineWidth: 0 })}`;
}

/**
 * The files of a new goals repository: settings, the standard marketing
 * KPIs, a team, a goal set for the period, an empty actuals file, editor
 * settings and the pull-request workflow. What it writes validates.
 */
export function initialRepository(options: InitOptions): OutputFile[] {
  const zh = options.locale === 'zh-CN';
  const { team, period } = options;
  const months = parsePeriod(period)?.months ?? [];
  const settings = { apiVersion: 'goalpost/v1', kind: 'Settings', locale: options.locale, currency: 'CNY', tolerance: 0.001, thresholds: { green: 1, amber: 0.9 }, cap: 1.2 };
  const kpis = {
    apiVersion: 'goalpost/v1',
    kind: 'KpiCatalog',
    kpis: Object.fromEntries(
      marketingKpis.map(({ id, en, zh: chinese, ...definition }) => [id, { name: zh ? chinese : en, ...definition }]),
    ),
  };
  const teamFile = {
    apiVersion: 'goalpost/v1',
    kind: 'Team',
    id: team,
    name: zh ? '市场营销部' : 'Marketing',
    lead: 'lead',
    members: { lead: { name: zh ? '团队负责人' : 'Team lead', role: zh ? '营销总监' : 'Head of marketing' } },
  };
  const goalSet = {
    apiVersion: 'goalpost/v1',
    kind: 'GoalSet',
    team,
    period,
    goals: [
      {
        id: 'revenue',
        title: zh ? `${period} 销售额达到 100 万元` : `Reach 1 million in revenue in ${period}`,
        kpi: 'revenue',
        target: 1_000_000,
        weight: 100,
        owner: 'lead',
        ...(months.length > 1 ? { breakdown: [{ by: 'month', items: Object.fromEntries(evenSplit(1_000_000, months)) }] } : {}),
      },
    ],
  };
  const vscodeSettings = {
    'yaml.schemas': {
      [`./${schemasDir}/settings.schema.json`]: ['goals/goalpost.yaml'],
      [`./${schemasDir}/kpi-catalog.schema.json`]: ['goals/kpis.yaml'],
      [`./${schemasDir}/team.schema.json`]: ['goals/teams/*.yaml'],
      [`./${schemasDir}/goal-set.schema.json`]: ['goals/[0-9][0-9][0-9][0-9]*/**/*.yaml'],
    },
    'yaml.schemaStore.enable': false,
  };
  return [
    { path: 'goals/goalpost.yaml', content: yamlFile('settings.schema.json', 1, settings) },
    { path: 'goals/kpis.yaml', content: yamlFile('kpi-catalog.schema.json', 1, kpis) },
    { path: `goals/teams/${team}.yaml`, content: yamlFile('team.schema.json', 2, teamFile) },
    { path: `goals/${period}/${team}.yaml`, content: yamlFile('goal-set.schema.json', 2, goalSet) },
    { path: 'goals/actuals/actuals.csv', content: 'period,team,kpi,owner,value\n' },
    { path: '.vscode/settings.json', content: `${JSON.stringify(vscodeSettings, null, 2)}\n` },
    { path: '.vscode/extensions.json', content: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
    { path: '.github/workflows/goals.yml', content: options.workflow },
  ];
}

/** Splits a total over months in whole numbers that add up exactly, the remainder on the last month. */
function evenSplit(total: number, months: readonly string[]): [string, number][] {
  const share = Math.floor(total / months.length);
  return months.map((month, index) => [month, index === months.length - 1 ? total - share * (months.length - 1) : share]);
}


