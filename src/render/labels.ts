import type { Locale } from '../model/kinds.js';
import type { InitiativeStatus } from '../model/model.js';
import type { Status } from '../score/rules.js';

/**
 * What a forecast or a final value says about the target: the target of an
 * increase goal is reached or missed, the target of a decrease goal (and an
 * atMost cap) is an allowance that is kept or exceeded, an atLeast minimum is
 * reached or missed.
 */
export type TargetKind = 'increase' | 'decrease' | 'atMost' | 'atLeast';

/** Every word a scorecard shows, in each locale. */
export interface Labels {
  scorecards: string;
  teams: string;
  people: string;
  teamScore: string;
  asOf: string;
  /** The colon between a label and what it labels: ": " in English, a full-width "：" in Chinese. */
  colon: string;
  /** A KPI's name with its unit: "Revenue (¥)", "销售额（¥）". */
  withUnit: (name: string, unit: string) => string;
  /** Words in parentheses after other words, with the locale's parentheses (and the space English puts before them). */
  parenthesized: (text: string) => string;
  monthsElapsed: (elapsed: number, total: number) => string;
  goal: string;
  owner: string;
  kpi: string;
  target: string;
  actual: string;
  attainment: string;
  expected: string;
  forecast: string;
  status: string;
  weight: string;
  score: string;
  trend: string;
  alignsTo: string;
  team: string;
  period: string;
  goalsOwned: string;
  itemsOwned: string;
  breakdownBy: (dimension: string) => string;
  dimension: (dimension: string) => string;
  /** A quarter or half of a year breakdown: "Q1", "第一季度". */
  yearPart: (key: string) => string;
  /** The share of the target reached so far, under the actual: "63.8% of target". */
  progress: (kind: TargetKind, percent: string) => string;
  /** What the forecast says: on course, or off course by how much. */
  forecastNote: (kind: TargetKind, reaches: boolean, by: string) => string;
  /** What the final value says once the period is over. */
  finalNote: (kind: TargetKind, reaches: boolean, by: string) => string;
  /** A threshold decided before the period's end: a cap already broken, a minimum already reached. */
  decidedEarly: (kind: 'atMost' | 'atLeast', by: string) => string;
  /** The attainment of a threshold goal: decided (met, not met) or still open (on course or not). */
  met: string;
  notMet: string;
  onCourse: string;
  offCourse: string;
  atLeast: string;
  atMost: string;
  baseline: string;
  noData: string;
  statuses: Record<Status, string>;
  backToIndex: string;
  generatedBy: string;
  noGoals: string;
  targetRevised: (date: string, from: string) => string;
  /** Goals of other teams that this team carries with them (跨部门协同). */
  sharedGoals: string;
  sharedGoalsNote: string;
  /** A team's share judged over the months its goals cover: "Jul–Dec 2026 share of CN¥42,000,000". */
  countedShare: (months: string, whole: string) => string;
  /** "Shared with Sales, Customer Success". */
  sharedWith: (teams: string) => string;
  /** The actual is the goals aligned to it, combined. */
  rolledUp: string;
  /** How the goal did in the previous period: "Q3 2026: CN¥11,000,000 (+11.3%)". */
  previous: (period: string, actual: string, change: string | null) => string;
  initiativesOwned: string;
  initiative: string;
  due: string;
  initiativeStatuses: Record<InitiativeStatus, string>;
  /** An initiative that needs a look: overdue, or blocked. */
  initiativeNote: (kind: 'overdue' | 'blocked', title: string, owner: string, due: string) => string;
  /** "Initiatives: 6 · 2 done · 1 overdue · 1 blocked". */
  initiativesSummary: (counts: { total: number; done: number; overdue: number; blocked: number }) => string;
  /** The latest check-in of a goal (进度汇报): "Check-in of 2026-11-15 by Li Wei · confidence 7/10". */
  checkIn: (date: string, author: string, confidence: number) => string;
  /** 信心指数 */
  confidence: string;
  blockers: string;
  next: string;
  /** The team's own status is better than the computed one. */
  assessmentGap: (self: string, computed: string) => string;
  /** "Net confidence +33": goals at 7 or more minus goals at 3 or less, in points of 100. */
  netConfidence: (value: string) => string;
  /** A closed goal set (关闭): its results are final. */
  closed: (date: string, by: string) => string;
  reopened: (date: string, by: string, reason: string) => string;
  /** A review's override of a goal: "Final 95% (computed 82%): the reason". */
  override: (final: string, computed: string, reason: string) => string;
  /** The review of the period (复盘). */
  review: string;
  wentWell: string;
  toImprove: string;
  actions: string;
  /** The review actions of the team's previous period, carried forward (持续改进). */
  carriedActions: (period: string) => string;
  /** A person's score over what they own, and its parts. */
  personScore: string;
  scoreParts: string;
  scorePartsNote: string;
  /** "Payout 125% of the incentive", with "(provisional: …)" while a period counted is still open. */
  payout: (factor: string, provisional: boolean) => string;
  /** A month under a chart, short: "Oct", "10月" (1 = January). */
  chartMonth: (month: number) => string;
  /** A cumulative chart in words: the actual against the plan after `elapsed` of `total` months, the forecast (when there is one) and the target. */
  chartCumulative: (kpi: string, actual: string, plan: string, elapsed: number, total: number, forecast: string | null, target: string) => string;
  /** A chart of monthly values in words: each month's value, the target, the baseline (when there is one). */
  chartLevel: (kpi: string, points: { month: string; value: string }[], target: string, baseline: string | null) => string;
  /** What shows instead of a chart before any month has a value. */
  chartNoData: string;
  /** The index's alignment tree: the company's goals and the team goals that serve them. */
  alignment: string;
  alignmentNote: string;
  /** The index's filter box, and what it says when nothing matches. */
  filter: string;
  filterNone: string;
  /** The collapsible list of the goals aligned to one: "2 aligned goals". */
  alignedGoals: (count: number) => string;
  /** Each team's score in each of its periods, side by side. */
  scoresByPeriod: string;
  /** A person's page, one section per goal set: how much they own there, and a link to the whole team page. */
  personSectionCounts: (goals: number, items: number) => string;
  teamScorecard: string;
  /** On a person's page, their own part of a goal split by owner. */
  ownShare: string;
  /** The latest check-ins the person gave, as the check-in's owner or author. */
  checkInsGiven: string;
}

/** The label of a dimension; a dimension named like an Object property (constructor, __proto__) is its own label. */
function ownName(names: Record<string, string>, dimension: string): string {
  return Object.hasOwn(names, dimension) ? names[dimension]! : dimension;
}

const en: Labels = {
  scorecards: 'Scorecards',
  teams: 'Teams',
  people: 'People',
  teamScore: 'Team score',
  asOf: 'As of',
  colon: ': ',
  withUnit: (name, unit) => `${name} (${unit})`,
  parenthesized: (text) => ` (${text})`,
  monthsElapsed: (elapsed, total) => `${elapsed} of ${total} months`,
  goal: 'Goal',
  owner: 'Owner',
  kpi: 'KPI',
  target: 'Target',
  actual: 'Actual',
  attainment: 'Attainment to date',
  expected: 'Expected to date',
  forecast: 'Forecast',
  status: 'Status',
  weight: 'Weight',
  score: 'Weighted score',
  trend: 'Trend',
  alignsTo: 'Serves',
  team: 'Team',
  period: 'Period',
  goalsOwned: 'Goals owned',
  itemsOwned: 'Breakdown items owned',
  breakdownBy: (dimension) => `by ${dimension}`,
  dimension: (dimension) => ownName({ owner: 'owner', month: 'month', quarter: 'quarter', half: 'half', team: 'team' }, dimension),
  yearPart: (key) => key,
  progress: (kind, percent) =>
    kind === 'increase' ? `${percent} of target` : kind === 'atLeast' ? `${percent} of the minimum` : `${percent} of the allowance used`,
  forecastNote: (kind, reaches, by) => {
    switch (kind) {
      case 'increase':
        return reaches ? 'on course to reach the target' : `on course to fall short by ${by}`;
      case 'decrease':
        return reaches ? 'on course to stay within the target' : `on course to exceed the target by ${by}`;
      case 'atMost':
        return reaches ? 'on course to stay within the cap' : `on course to exceed the cap by ${by}`;
      case 'atLeast':
        return reaches ? 'on course to reach the minimum' : `on course to fall short of the minimum by ${by}`;
    }
  },
  finalNote: (kind, reaches, by) => {
    switch (kind) {
      case 'increase':
        return reaches ? 'reached the target' : `fell short by ${by}`;
      case 'decrease':
        return reaches ? 'stayed within the target' : `exceeded the target by ${by}`;
      case 'atMost':
        return reaches ? 'stayed within the cap' : `exceeded the cap by ${by}`;
      case 'atLeast':
        return reaches ? 'reached the minimum' : `fell short of the minimum by ${by}`;
    }
  },
  decidedEarly: (kind, by) => (kind === 'atMost' ? `already over the cap by ${by}` : 'minimum already reached'),
  met: 'met',
  notMet: 'not met',
  onCourse: 'on course',
  offCourse: 'off course',
  atLeast: 'at least',
  atMost: 'at most',
  baseline: 'baseline',
  noData: 'no data',
  statuses: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'no-data': 'No data' },
  backToIndex: 'All scorecards',
  generatedBy: 'Generated by goalpost from the committed goals and actuals.',
  noGoals: 'No goals.',
  targetRevised: (date, from) => `target revised on ${date} from ${from}`,
  sharedGoals: 'Shared goals',
  countedShare: (months, whole) => `${months} share of ${whole}`,
  sharedGoalsNote: 'Goals of other teams that this team carries with them; they count in the score of the team they belong to.',
  sharedWith: (teams) => `shared with ${teams}`,
  rolledUp: 'rolled up from the goals aligned to it',
  previous: (period, actual, change) => `${period}: ${actual}${change === null ? '' : ` (${change})`}`,
  initiativesOwned: 'Initiatives owned',
  initiative: 'Initiative',
  due: 'Due',
  initiativeStatuses: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped', blocked: 'Blocked' },
  initiativeNote: (kind, title, owner, due) => (kind === 'overdue' ? `Overdue: ${title} (${owner}, due ${due})` : `Blocked: ${title} (${owner})`),
  initiativesSummary: ({ total, done, overdue, blocked }) =>
    [`Initiatives: ${total}`, `${done} done`, ...(overdue > 0 ? [`${overdue} overdue`] : []), ...(blocked > 0 ? [`${blocked} blocked`] : [])].join(' · '),
  checkIn: (date, author, confidence) => `Check-in of ${date} by ${author} · confidence ${confidence}/10`,
  confidence: 'Confidence',
  blockers: 'Blockers',
  next: 'Next',
  assessmentGap: (self, computed) => `The team says “${self}”; the figures say “${computed}”`,
  netConfidence: (value) => `Net confidence ${value}`,
  closed: (date, by) => `Final, closed on ${date} by ${by}`,
  reopened: (date, by, reason) => `Reopened on ${date} by ${by}: ${reason}`,
  override: (final, computed, reason) => `Final ${final} (computed ${computed}): ${reason}`,
  review: 'Review',
  wentWell: 'What went well',
  toImprove: 'What to improve',
  actions: 'Actions',
  carriedActions: (period) => `Actions from the review of ${period}`,
  personScore: 'Score',
  scoreParts: 'What the score is made of',
  scorePartsNote: 'The goals and breakdown items this person owns, each weighted by its goal’s weight (an item by its share of the goal’s target), capped attainment.',
  payout: (factor, provisional) => `Payout ${factor} of the incentive${provisional ? ' (provisional: a period counted is not closed yet)' : ''}`,
  chartMonth: (month) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1] ?? String(month),
  chartCumulative: (kpi, actual, plan, elapsed, total, forecast, target) =>
    `Cumulative ${kpi} ${actual} against a plan of ${plan} after ${elapsed} of ${total} months; ${forecast === null ? '' : `forecast ${forecast}, `}target ${target}`,
  chartLevel: (kpi, points, target, baseline) =>
    `${kpi} by month: ${points.map((p) => `${p.month} ${p.value}`).join(', ')}; target ${target}${baseline === null ? '' : `; baseline ${baseline}`}`,
  chartNoData: 'No monthly values yet',
  alignment: 'Alignment',
  alignmentNote: 'Each goal with the goals that align to it, their status, attainment and owner.',
  filter: 'Filter teams, goals and people',
  filterNone: 'No team, goal or person matches.',
  scoresByPeriod: 'Scores by period',
  alignedGoals: (count) => (count === 1 ? '1 aligned goal' : `${count} aligned goals`),
  personSectionCounts: (goals, items) =>
    [goals > 0 ? `${goals} goal${goals === 1 ? '' : 's'}` : '', items > 0 ? `${items} breakdown item${items === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · '),
  teamScorecard: 'Team scorecard',
  ownShare: 'own share',
  checkInsGiven: 'Latest check-ins',
};

const zhCN: Labels = {
  scorecards: '目标记分卡',
  teams: '团队',
  people: '成员',
  teamScore: '团队得分',
  asOf: '截至',
  colon: '：',
  withUnit: (name, unit) => `${name}（${unit}）`,
  parenthesized: (text) => `（${text}）`,
  monthsElapsed: (elapsed, total) => `已过 ${elapsed} 个月（共 ${total} 个月）`,
  goal: '目标',
  owner: '负责人',
  kpi: 'KPI',
  target: '目标值',
  actual: '实际值',
  attainment: '进度达成率',
  expected: '应达进度',
  forecast: '预测',
  status: '状态',
  weight: '权重',
  score: '加权得分',
  trend: '趋势',
  alignsTo: '对齐',
  team: '团队',
  period: '周期',
  goalsOwned: '负责的目标',
  itemsOwned: '负责的分解项',
  breakdownBy: (dimension) => `按${dimension}分解`,
  dimension: (dimension) => ownName({ owner: '负责人', month: '月份', quarter: '季度', half: '半年', team: '团队', region: '区域', channel: '渠道' }, dimension),
  yearPart: (key) => ownName({ Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', H1: '上半年', H2: '下半年' }, key),
  progress: (kind, percent) => (kind === 'increase' ? `已完成目标的 ${percent}` : kind === 'atLeast' ? `已达下限的 ${percent}` : `已用额度的 ${percent}`),
  forecastNote: (kind, reaches, by) => {
    switch (kind) {
      case 'increase':
        return reaches ? '预计可达成' : `预计无法达成（差 ${by}）`;
      case 'decrease':
        return reaches ? '预计可控制在目标以内' : `预计超出目标 ${by}`;
      case 'atMost':
        return reaches ? '预计可控制在上限以内' : `预计超出上限 ${by}`;
      case 'atLeast':
        return reaches ? '预计可达到下限' : `预计低于下限 ${by}`;
    }
  },
  finalNote: (kind, reaches, by) => {
    switch (kind) {
      case 'increase':
        return reaches ? '已达成目标' : `未达成（差 ${by}）`;
      case 'decrease':
        return reaches ? '已控制在目标以内' : `超出目标 ${by}`;
      case 'atMost':
        return reaches ? '已控制在上限以内' : `超出上限 ${by}`;
      case 'atLeast':
        return reaches ? '已达到下限' : `低于下限 ${by}`;
    }
  },
  decidedEarly: (kind, by) => (kind === 'atMost' ? `已超出上限 ${by}` : '已提前达到下限'),
  met: '已达成',
  notMet: '未达成',
  onCourse: '有望达成',
  offCourse: '难以达成',
  atLeast: '不低于',
  atMost: '不超过',
  baseline: '基线',
  noData: '无数据',
  statuses: { 'on-track': '正常', 'at-risk': '有风险', 'off-track': '落后', 'no-data': '无数据' },
  backToIndex: '全部记分卡',
  generatedBy: '由 goalpost 根据已提交的目标与实际值生成。',
  noGoals: '暂无目标。',
  targetRevised: (date, from) => `目标值于 ${date} 由 ${from} 调整`,
  sharedGoals: '协同目标',
  countedShare: (months, whole) => `${whole} 中 ${months} 的份额`,
  sharedGoalsNote: '本团队与其他团队共同承担的目标，计入其所属团队的得分。',
  sharedWith: (teams) => `协同团队：${teams}`,
  rolledUp: '由对齐的目标汇总',
  previous: (period, actual, change) => `${period}：${actual}${change === null ? '' : `（${change}）`}`,
  initiativesOwned: '负责的工作计划',
  initiative: '工作计划',
  due: '截止日期',
  initiativeStatuses: { planned: '计划中', 'in-progress': '进行中', done: '已完成', dropped: '已取消', blocked: '受阻' },
  initiativeNote: (kind, title, owner, due) => (kind === 'overdue' ? `已逾期：${title}（${owner}，截止 ${due}）` : `受阻：${title}（${owner}）`),
  initiativesSummary: ({ total, done, overdue, blocked }) =>
    [`工作计划：${total} 项`, `已完成 ${done}`, ...(overdue > 0 ? [`逾期 ${overdue}`] : []), ...(blocked > 0 ? [`受阻 ${blocked}`] : [])].join(' · '),
  checkIn: (date, author, confidence) => `${date} 进度汇报（${author}）· 信心指数 ${confidence}/10`,
  confidence: '信心指数',
  blockers: '障碍',
  next: '下一步',
  assessmentGap: (self, computed) => `自评“${self}”，数据显示“${computed}”`,
  netConfidence: (value) => `净信心指数 ${value}`,
  closed: (date, by) => `最终结果：已于 ${date} 由 ${by} 关闭`,
  reopened: (date, by, reason) => `已于 ${date} 由 ${by} 重新打开：${reason}`,
  override: (final, computed, reason) => `最终达成率 ${final}（计算值 ${computed}）：${reason}`,
  review: '复盘',
  wentWell: '做得好的',
  toImprove: '需改进的',
  actions: '改进措施',
  carriedActions: (period) => `${period}复盘的改进措施`,
  personScore: '个人得分',
  scoreParts: '得分构成',
  scorePartsNote: '此人负责的目标与分解项，按目标权重加权（分解项按其占目标值的比例），达成率计上限。',
  payout: (factor, provisional) => `激励系数 ${factor}${provisional ? '（暂定：所计周期尚未关闭）' : ''}`,
  chartMonth: (month) => `${month}月`,
  chartCumulative: (kpi, actual, plan, elapsed, total, forecast, target) =>
    `前 ${elapsed} 个月（共 ${total} 个月）累计${kpi} ${actual}，计划 ${plan}；${forecast === null ? '' : `预测 ${forecast}，`}目标 ${target}`,
  chartLevel: (kpi, points, target, baseline) =>
    `${kpi}逐月：${points.map((p) => `${p.month} ${p.value}`).join('、')}；目标 ${target}${baseline === null ? '' : `；基线 ${baseline}`}`,
  chartNoData: '暂无月度数据',
  alignment: '目标对齐',
  alignmentNote: '每个目标及对齐到它的目标，附状态、达成率和负责人。',
  filter: '筛选团队、目标和人员',
  filterNone: '没有匹配的团队、目标或人员。',
  scoresByPeriod: '各期得分',
  alignedGoals: (count) => `${count} 个对齐的目标`,
  personSectionCounts: (goals, items) => [goals > 0 ? `${goals} 个目标` : '', items > 0 ? `${items} 个分解项` : ''].filter(Boolean).join(' · '),
  teamScorecard: '团队记分卡',
  ownShare: '个人份额',
  checkInsGiven: '最新进度汇报',
};

export const labelsByLocale: Record<Locale, Labels> = { en, 'zh-CN': zhCN };

/** A status as an icon, so it reads without colour too. */
export const statusIcons: Record<Status, string> = { 'on-track': '✅', 'at-risk': '⚠️', 'off-track': '❌', 'no-data': '⬜' };
