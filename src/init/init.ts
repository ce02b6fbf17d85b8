import { stringify } from 'yaml';
import type { Locale } from '../model/kinds.js';
import type { GoalsModel, Kpi, Person } from '../model/model.js';
import { parsePeriod } from '../model/period.js';
import { specialisedSchemasDir } from '../model/schema/common.js';
import type { OutputFile } from '../render/render.js';
import { version } from '../version.js';

/**
 * The GitHub Action that the workflow written by `goalpost init` runs: this
 * repository on GitHub (package.json's `repository`) at the tag of this
 * version's major release, which the release workflow moves (v0 while
 * goalpost is 0.x). The README's install section names the same reference.
 */
export const actionReference = `goalpost/goalpost@v${version.split('.')[0]}`;

export interface InitOptions {
  team: string;
  period: string;
  locale: Locale;
  /** The example workflow of goalpost, to copy into the new repository. */
  workflow: string;
  /** The lead of a new team: a person of the repository, or the id of a new one. */
  lead?: string | undefined;
  /**
   * What the goals folder holds already, when it holds anything: the new team
   * and goal set then use its KPI catalog and people, and its settings,
   * catalog and actuals are left as they are.
   */
  existing?: GoalsModel | undefined;
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
 * The files of a goals repository after `goalpost init`: for a new one,
 * settings, the standard marketing KPIs, a team, a goal set for the period,
 * an empty actuals file, editor settings and the pull-request workflow; for
 * an existing one, only the team (when it is new) and the goal set (when the
 * team has none for the period), on the repository's own KPIs and people,
 * and the editor and workflow files it lacks. What it writes validates.
 */
export function initialRepository(options: InitOptions): OutputFile[] {
  const zh = options.locale === 'zh-CN';
  const { team, period, existing } = options;
  const header = (kind: string) => ({ apiVersion: 'goalpost/v1', kind });
  const catalog = existing && existing.kpis.size > 0 ? [...existing.kpis.values()] : undefined;
  const files: OutputFile[] = [];

  if (!existing) {
    const settings = { ...header('Settings'), locale: options.locale, currency: 'CNY', tolerance: 0.001, thresholds: { green: 1, amber: 0.9 }, cap: 1.2 };
    files.push({ path: 'goals/goalpost.yaml', content: yamlFile('settings.schema.json', 1, settings) });
  }
  const standardCatalog = marketingKpis.map(({ en, zh: chinese, ...definition }) => ({ ...definition, name: zh ? chinese : en }));
  if (!catalog) {
    const kpis = { ...header('KpiCatalog'), kpis: Object.fromEntries(standardCatalog.map(({ id, name, ...definition }) => [id, { name, ...definition }])) };
    files.push({ path: 'goals/kpis.yaml', content: yamlFile('kpi-catalog.schema.json', 1, kpis) });
  }

  const existingTeam = existing?.teams.get(team);
  const owner = existingTeam ? (existingTeam.lead ?? existingTeam.members.keys().next().value ?? 'lead') : (options.lead ?? firstLead(existing) ?? 'lead');
  if (!existingTeam) {
    const known = existing && findPerson(existing, owner);
    const name = known?.name ?? (owner === 'lead' ? (zh ? '团队负责人' : 'Team lead') : nameFromId(owner));
    const teamFile = { ...header('Team'), id: team, name: team === 'marketing' && zh ? '市场营销部' : nameFromId(team), lead: owner, members: { [owner]: { name } } };
    files.push({ path: `goals/teams/${team}.yaml`, content: yamlFile('team.schema.json', 2, teamFile) });
  }

  const hasGoalSet = existing?.goalSets.some((set) => set.team === team && set.period?.id === period) ?? false;
  if (!hasGoalSet) {
    const kpi = starterKpi(catalog ?? standardCatalog);
    const goalSet = { ...header('GoalSet'), team, period, goals: [starterGoal(kpi, period, owner, zh)] };
    files.push({ path: `goals/${period}/${team}.yaml`, content: yamlFile('goal-set.schema.json', 2, goalSet) });
  }
  if (!existing || existing.actuals.length === 0) files.push({ path: 'goals/actuals/actuals.csv', content: 'period,team,kpi,owner,value\n' });

  const vscodeSettings = {
    'yaml.schemas': {
      [`./${schemasDir}/settings.schema.json`]: ['goals/goalpost.yaml'],
      [`./${schemasDir}/kpi-catalog.schema.json`]: ['goals/kpis.yaml'],
      [`./${schemasDir}/team.schema.json`]: ['goals/teams/*.yaml'],
      [`./${schemasDir}/goal-set.schema.json`]: ['goals/[0-9][0-9][0-9][0-9]*/**/*.yaml', 'goals/FY[0-9]*/**/*.yaml'],
      [`./${schemasDir}/check-in.schema.json`]: ['goals/checkins/**/*.yaml'],
    },
    'yaml.schemaStore.enable': false,
  };
  files.push(
    { path: '.vscode/settings.json', content: `${JSON.stringify(vscodeSettings, null, 2)}\n` },
    { path: '.vscode/extensions.json', content: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
    // Only the steps: the workflow's comments explain `uses: ./` as goalpost's own repository reads it.
    { path: '.github/workflows/goals.yml', content: options.workflow.replace(/^(\s*(?:- )?uses: )\.\/$/gm, `$1${actionReference}`) },
  );
  return files;
}

/** The lead of the repository's first team, the person a new team starts with unless `--lead` names another. */
function firstLead(model: GoalsModel | undefined): string | undefined {
  for (const team of model?.teams.values() ?? []) if (team.lead !== undefined && team.members.has(team.lead)) return team.lead;
  return undefined;
}

function findPerson(model: GoalsModel, id: string): Person | undefined {
  for (const team of model.teams.values()) {
    const person = team.members.get(id);
    if (person) return person;
  }
  return undefined;
}

/** A readable name for an id until someone writes the real one: `customer-success` reads "Customer Success". */
function nameFromId(id: string): string {
  return id
    .split(/[._-]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const sumsOverTime = (kpi: StarterKpi): boolean => kpi.formula === undefined && (kpi.overTime ?? kpi.aggregate) === 'sum';

/** What the first goal needs to know of a KPI, from the repository's catalog or the standard one. */
interface StarterKpi {
  id: string;
  name?: string | undefined;
  unit?: string | undefined;
  direction?: Kpi['direction'];
  aggregate?: string | undefined;
  overTime?: string | undefined;
  formula?: unknown;
}

/**
 * The KPI of the first goal: one that should increase and builds up month by
 * month (revenue, new customers), so that the goal can show a month plan;
 * else any KPI with a direction; else the first, as a threshold goal.
 */
function starterKpi(kpis: readonly StarterKpi[]): StarterKpi {
  return kpis.find((kpi) => kpi.direction === 'increase' && sumsOverTime(kpi)) ?? kpis.find((kpi) => kpi.direction !== undefined) ?? kpis[0]!;
}

/** A target of the right magnitude for the KPI's unit, for the team to replace with its own. */
function starterTarget(kpi: StarterKpi): number {
  switch (kpi.unit) {
    case 'percent':
      return kpi.direction === 'decrease' ? 0.1 : 0.9;
    case 'ratio':
      return 2;
    case 'count':
    case 'hours':
    case 'score':
    case undefined:
      return 100;
    default:
      // `currency` or a currency code.
      return 1_000_000;
  }
}

function starterGoal(kpi: StarterKpi, period: string, owner: string, zh: boolean): Record<string, unknown> {
  const target = starterTarget(kpi);
  const name = kpi.name ?? kpi.id;
  const shown = target.toLocaleString(zh ? 'zh-CN' : 'en');
  const decrease = kpi.direction === 'decrease';
  const title = zh ? `${period} ${name}${decrease ? `控制在 ${shown} 以内` : `达到 ${shown}`}` : `${name}: ${decrease ? 'stay within' : 'reach'} ${shown} in ${period}`;
  const months = parsePeriod(period)?.months ?? [];
  return {
    id: kpi.id.replaceAll('_', '-'),
    title,
    kpi: kpi.id,
    target,
    // A KPI without a direction cannot be judged by attainment: the goal is met or not.
    ...(kpi.direction === undefined ? { comparison: 'atLeast' } : {}),
    weight: 100,
    owner,
    ...(sumsOverTime(kpi) && months.length > 1 ? { breakdown: [{ by: 'month', items: Object.fromEntries(evenSplit(target, months)) }] } : {}),
  };
}

/** Splits a total over months in whole numbers that add up exactly, the remainder on the last month. */
function evenSplit(total: number, months: readonly string[]): [string, number][] {
  const share = Math.floor(total / months.length);
  return months.map((month, index) => [month, index === months.length - 1 ? total - share * (months.length - 1) : share]);
}
