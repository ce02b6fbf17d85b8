import type { Locale } from '../model/kinds.js';
import type { TargetRevision } from '../history/goal-history.js';
import type { Goal, GoalsModel } from '../model/model.js';
import type { Status } from '../score/rules.js';
import type { BreakdownScore, GoalScore, ScoreReport, TeamScore } from '../score/score.js';
import { createFormatter } from '../text/format.js';
import { labelsByLocale, statusIcons, type Labels } from './labels.js';
import { scoreWords } from './score-words.js';
import { confidenceLine, progressBar, sparkText } from './svg.js';
import { goalChart } from './chart.js';
import { alignmentTree, mapAlignmentTree } from './alignment-tree.js';
import { parsePeriod } from '../model/period.js';
import { planOf, plannedFor } from '../score/plan.js';

/**
 * What the templates see: every number already formatted for the locale,
 * every link already resolved. Fields named `*Svg` or `bar` hold markup built
 * from numbers only; everything else is user text that templates escape.
 */
export interface StatusView {
  key: Status;
  label: string;
  icon: string;
}

export interface RowView {
  /** 0 for a goal, 1 for its breakdown items, 2 for theirs... */
  depth: number;
  anchor: string;
  label: string;
  /** For breakdown items: "by owner", "by month"... */
  dimension: string | null;
  /** The first item of its breakdown, under which the page names the breakdown once. */
  groupStart: boolean;
  ownerName: string | null;
  ownerHref: string | null;
  target: string;
  /** For a team's share judged over the months its goals cover: which months, of what whole. */
  targetNote: string | null;
  actual: string;
  /** The share of the target reached so far, in words ("63.8% of target"), for a KPI that sums over time. */
  progress: string | null;
  attainment: string;
  expected: string;
  forecast: string;
  status: StatusView;
  /**
   * How full the bar is, between 0 and 1: the progress towards the target for
   * a KPI that sums over time, otherwise the attainment (breakdown items are
   * drawn with the browser's own <meter>, which keeps pages small).
   */
  meterValue: number;
}

export interface GoalView extends RowView {
  /** An SVG bar of attainment with a marker at the share expected by now. */
  bar: string;
  id: string;
  title: string;
  kpiName: string;
  /** The unit as a word of the locale ("%", "¥", "小时"); null where the numbers need none. */
  unit: string | null;
  /** The KPI's name with its unit, as a column shows it. */
  kpiLabel: string;
  /** "(at least 85%)" for a threshold goal, in the locale's parentheses. */
  comparison: string | null;
  baseline: string | null;
  forecastNote: string | null;
  weight: string;
  score: string;
  alignsTo: { label: string; title: string | null; href: string | null } | null;
  notes: string | null;
  trendText: string;
  /** "target revised on 2026-11-03 from 300", for each change of the target during the period. */
  revisions: string[];
  items: RowView[];
  teamName: string;
  teamHref: string;
  /** "shared with Sales": the other teams that carry the goal. */
  sharedWith: string | null;
  /** "rolled up from the goals aligned to it", when the actual is theirs combined. */
  actualSource: string | null;
  /** The previous period of the same length: "Q3 2026: CN¥11,000,000 (+11.3%)". */
  previous: string | null;
  /** The initiatives that need a look: overdue or blocked, with their owner. */
  initiativeNotes: { kind: 'overdue' | 'blocked'; icon: string; text: string }[];
  /** The latest check-in (进度汇报): who and when with the confidence, the note, blockers and next steps. */
  checkIn: { heading: string; note: string | null; blockers: string[]; next: string[] } | null;
  /** The confidence check-in by check-in: a small line (markup from numbers only), and the same in words ("6 → 7"). */
  confidenceSvg: string;
  confidenceText: string | null;
  /** When the team's own status is better than the computed one: both, in words. */
  assessmentGap: string | null;
  /** A closed goal set's override: the final attainment, the computed one and the reason. */
  override: string | null;
  /** The chart of the period: cumulative against the plan, or month by month against the target (markup from numbers only; empty without data). */
  chartSvg: string;
  /** The chart in words, for screen readers and for a goal without data yet. */
  chartText: string;
}

export interface TeamPage {
  kind: 'team';
  path: string;
  team: string;
  teamName: string;
  /** The period for people: "Q4 2026", "2026年第四季度". */
  period: string;
  score: string;
  scoreBar: string;
  monthsElapsed: string;
  goals: GoalView[];
  statusCounts: { status: StatusView; count: number }[];
  /** Goals of other teams that this team carries with them; they count in their own team's score. */
  sharedGoals: GoalView[];
  /** "Initiatives: 6 · 2 done · 1 overdue", or null without initiatives. */
  initiatives: string | null;
  /** "Final, closed on 2026-10-09 by Li Wei", or null while open. */
  closed: string | null;
  reopened: string | null;
  review: { wentWell: string[]; toImprove: string[]; actions: string[] } | null;
  /** The previous period's review actions (持续改进), with a heading naming the period. */
  carriedActions: { heading: string; actions: string[] } | null;
  /** "Net confidence +33", or null without check-ins. */
  netConfidence: string | null;
}

export interface InitiativeView {
  title: string;
  due: string;
  status: string;
  overdue: boolean;
  link: string | null;
  goalTitle: string;
  goalHref: string;
  teamName: string;
}

/** A goal or a breakdown item a person owns, in one line: no owner column (it is the person), no chart. */
export interface PersonRow {
  /** The goal's title, or for an item "goal title · by owner: 王芳". */
  title: string;
  /** The goal's row on its team page (Markdown templates drop the anchor with `page`: their pages have none). */
  href: string;
  target: string;
  actual: string;
  progress: string | null;
  attainment: string;
  forecast: string;
  status: StatusView;
  meterValue: number;
  /** The row's weight in the person's score ("40", "3.5"); null when the person has no score. */
  weight: string | null;
}

/** The latest check-in of a goal that the person gave (as its owner or its author). */
export interface PersonCheckIn {
  goalTitle: string;
  goalHref: string;
  heading: string;
  note: string | null;
  blockers: string[];
  next: string[];
}

/** What a person owns in one goal set (a team's period): links to the team page rather than copies of it. */
export interface PersonSection {
  /** "市场营销部 · 2026年第四季度". */
  heading: string;
  teamHref: string;
  /** The goals first, then the breakdown items, each in file order. */
  rows: PersonRow[];
  goals: number;
  items: number;
  /** "2 goals · 3 breakdown items". */
  counts: string;
  initiatives: InitiativeView[];
  checkIns: PersonCheckIn[];
}

export interface PersonPage {
  kind: 'person';
  path: string;
  id: string;
  name: string;
  roles: string[];
  /** One section per goal set, in period order. */
  sections: PersonSection[];
  /** The person's score over what they own, and its parts; null when nothing they own has data. */
  score: string | null;
  scoreParts: { label: string; href: string; period: string; weight: string; attainment: string }[];
  /** The payout factor, only when incentives are asked for (`render --include-incentives`). */
  payout: string | null;
}

export interface IndexPage {
  kind: 'index';
  path: string;
  teams: {
    name: string;
    period: string;
    score: string;
    scoreBar: string;
    href: string;
    statusCounts: { status: StatusView; count: number }[];
    /** Every status, zeros included, in the order of `statusColumns`. */
    counts: { status: StatusView; count: number }[];
  }[];
  people: { name: string; id: string; href: string; goals: number; items: number; initiatives: number }[];
  /** The four statuses, in the order of each team's `counts`: the columns of the index's table. */
  statusColumns: StatusView[];
  /** The alignment tree: goals that align to nothing, of teams others align to, and under each the goals that serve it. */
  alignment: AlignmentNodeView[];
  /** Whether the tree shows below its first level before a click: yes for up to 20 teams. */
  alignmentOpen: boolean;
  /** Each team's score period by period, when the report has more than one period; null otherwise. */
  periodScores: { name: string; periods: { period: string; score: string; bar: string; href: string }[] }[] | null;
}

export interface AlignmentNodeView {
  title: string;
  teamName: string;
  period: string;
  status: StatusView;
  attainment: string;
  /** The goal's row on its team's page (from the index). */
  href: string;
  ownerName: string;
  ownerHref: string;
  /** "2 aligned goals", the summary of the collapsible list of children; null without children. */
  aligned: string | null;
  children: AlignmentNodeView[];
}

export interface SiteView {
  lang: Locale;
  labels: Labels;
  asOf: string;
  index: IndexPage;
  /** The pages of teams and people, built one at a time as they are read. */
  teams: Iterable<TeamPage>;
  people: Iterable<PersonPage>;
}

const statuses: Status[] = ['on-track', 'at-risk', 'off-track', 'no-data'];

/** A link a page may carry: an http or https address (validation refuses the others; this keeps a page safe without it). */
function webLink(link: string | null): string | null {
  if (link === null || !URL.canParse(link)) return null;
  const protocol = new URL(link).protocol;
  return protocol === 'http:' || protocol === 'https:' ? link : null;
}

export function teamPagePath(team: string, period: string, extension: string): string {
  return `teams/${team}-${period}.${extension}`;
}

export function personPagePath(person: string, extension: string): string {
  return `people/${person}.${extension}`;
}

/** Builds the view of every page for one output format (`md` or `html` decides the link extensions). */
export function buildSiteView(
  report: ScoreReport,
  model: GoalsModel,
  locale: Locale,
  extension: 'md' | 'html',
  revisions: ReadonlyMap<string, readonly TargetRevision[]> = new Map(),
  includeIncentives = false,
): SiteView {
  const labels = labelsByLocale[locale];
  const format = createFormatter(locale, model.settings.currency, labels.noData, model.settings.fiscalYearStart);
  const status = (key: Status): StatusView => ({ key, label: labels.statuses[key], icon: statusIcons[key] });
  const personHref = (from: 'index' | 'sub', id: string): string => `${from === 'index' ? '' : '../'}${personPagePath(id, extension)}`;
  const teamHref = (from: 'index' | 'sub', team: string, period: string): string =>
    `${from === 'index' ? '' : '../'}${teamPagePath(team, period, extension)}`;
  // Who is who, once: names and roles by person id, across teams.
  const directory = new Map<string, { name: string | undefined; roles: string[] }>();
  for (const team of model.teams.values()) {
    for (const member of team.members.values()) {
      const entry = directory.get(member.id) ?? { name: undefined, roles: [] };
      entry.name ??= member.name;
      entry.roles.push(`${team.name ?? team.id}${member.role ? ` · ${member.role}` : ''}`);
      directory.set(member.id, entry);
    }
  }
  const personName = (id: string): string => directory.get(id)?.name ?? id;
  const teamName = (id: string): string => model.teams.get(id)?.name ?? id;
  const goalsByTeam = new Map<string, TeamScore[]>();
  for (const teamScore of report.teams) goalsByTeam.set(teamScore.team, [...(goalsByTeam.get(teamScore.team) ?? []), teamScore]);

  const words = scoreWords(labels, format);
  const fullness = (row: { progress: number | null; attainment: number | null }, sumsOverTime: boolean): number =>
    // Three decimals: a meter is at most a few hundred pixels wide.
    Math.round(Math.min(Math.max((sumsOverTime ? row.progress : row.attainment) ?? 0, 0), 1) * 1000) / 1000;

  /** What an item is called for people: a person's or a team's name, a month, a quarter, or the key as written. */
  const itemLabel = (item: BreakdownScore): string => {
    switch (item.by) {
      case 'owner':
        return personName(item.key);
      case 'team':
        return teamName(item.key);
      case 'month':
        return /^\d{4}-\d{2}$/.test(item.key) ? format.month(item.key) : item.key;
      case 'quarter':
      case 'half':
        return labels.yearPart(item.key);
      default:
        return item.key;
    }
  };

  const rowOf = (goal: GoalScore, item: BreakdownScore, depth: number, anchor: string, groupStart = true): RowView => ({
    depth,
    anchor,
    groupStart,
    label: itemLabel(item),
    dimension: labels.breakdownBy(labels.dimension(item.by)),
    ownerName: item.owner === null ? null : personName(item.owner),
    ownerHref: item.owner === null ? null : personHref('sub', item.owner),
    target: format.value(item.counted?.target ?? item.target, goal.unit),
    targetNote:
      item.counted === null
        ? null
        : labels.countedShare(format.monthRange(item.counted.months[0]!, item.counted.months.at(-1)!), format.value(item.target, goal.unit)),
    actual: format.value(item.actual, goal.unit),
    progress: words.progress(item, goal),
    attainment: words.attainment(item, goal.comparison),
    expected: format.value(item.expected, goal.unit),
    forecast: item.forecast === null ? '' : format.value(item.forecast, goal.unit),
    status: status(item.status),
    meterValue: fullness(item, goal.sumsOverTime),
  });

  const flatten = (goal: GoalScore, items: readonly BreakdownScore[], depth: number, anchor: string): RowView[] =>
    items.flatMap((item, index) => {
      const itemAnchor = `${anchor}-${item.by}-${item.key}`;
      const groupStart = index === 0 || items[index - 1]!.by !== item.by;
      return [rowOf(goal, item, depth, itemAnchor, groupStart), ...flatten(goal, item.breakdown, depth + 1, itemAnchor)];
    });

  const goalTitleOf = (alignsTo: string): { title: string | null; href: string | null } => {
    const [team, id] = alignsTo.split('/') as [string, string];
    for (const teamScore of goalsByTeam.get(team) ?? []) {
      const goal = teamScore.goals.find((g) => g.id === id);
      if (goal) return { title: goal.title, href: `${teamHref('sub', team, teamScore.period)}#goal-${id}` };
    }
    return { title: null, href: null };
  };

  /** The goal's chart over its goal set's months, its plan from its month (quarter, half) breakdown. */
  // The goals of the model by team, period and id, for what the score report does not carry: a goal's plan over time.
  const modelGoals = new Map<string, Goal>();
  for (const goalSet of model.goalSets) for (const goal of goalSet.goals) modelGoals.set(`${goalSet.team}\u0000${goalSet.period?.id}\u0000${goal.id}`, goal);
  /** What the goal's plan (month, else quarter, else half) puts in each month of its period, as scoring reads it; null without a plan. */
  const monthlyPlan = (teamScore: TeamScore, id: string): number[] | null => {
    const goal = modelGoals.get(`${teamScore.team}\u0000${teamScore.period}\u0000${id}`);
    const period = parsePeriod(teamScore.period, model.settings.fiscalYearStart);
    const runs = goal && period ? planOf(goal.breakdowns, period, period.months) : undefined;
    return runs ? teamScore.months.map((month) => plannedFor(runs, (m) => m === month)) : null;
  };
  const chartFields = (teamScore: TeamScore, goal: GoalScore): { chartSvg: string; chartText: string } => {
    const byMonth = new Map(goal.trend.map((t) => [t.month, t.value]));
    const months = teamScore.months.slice(0, Math.max(...goal.trend.map((t) => teamScore.months.indexOf(t.month) + 1), 0));
    const chart = goalChart(
      {
        months: teamScore.months,
        values: months.map((month) => byMonth.get(month) ?? null),
        sumsOverTime: goal.sumsOverTime,
        target: goal.target,
        plan: goal.sumsOverTime ? monthlyPlan(teamScore, goal.id) : null,
        forecast: goal.forecast,
        baseline: goal.baseline,
        unit: goal.unit,
        kpi: goal.kpiName ?? goal.kpi,
      },
      format,
      labels,
    );
    return { chartSvg: chart.svg, chartText: chart.text };
  };

  const goalView = (teamScore: TeamScore, goal: GoalScore): GoalView => {
    const unit = goal.unit;
    const unitWord = format.unit(unit);
    const anchor = `goal-${goal.id}`;
    const comparison =
      goal.comparison === null ? null : labels.parenthesized(`${goal.comparison === 'atLeast' ? labels.atLeast : labels.atMost} ${format.value(goal.target, unit)}`);
    const trend = goal.trend.map((t) => t.value);
    return {
      depth: 0,
      anchor,
      groupStart: true,
      id: goal.id,
      label: goal.title,
      title: goal.title,
      dimension: null,
      kpiName: goal.kpiName ?? goal.kpi,
      unit: unitWord,
      kpiLabel: unitWord === null ? goal.kpiName ?? goal.kpi : labels.withUnit(goal.kpiName ?? goal.kpi, unitWord),
      comparison,
      baseline: goal.baseline === null ? null : format.value(goal.baseline, unit),
      ownerName: goal.ownerName ?? goal.owner,
      ownerHref: personHref('sub', goal.owner),
      target: format.value(goal.target, unit),
      targetNote: null,
      actual: format.value(goal.actual, unit),
      progress: words.progress(goal, goal),
      attainment: words.attainment(goal, goal.comparison),
      expected: format.value(goal.expected, unit),
      forecast: goal.forecast === null ? '—' : format.value(goal.forecast, unit),
      forecastNote: words.forecastNote(goal, teamScore),
      status: status(goal.status),
      weight: format.plain(goal.weight),
      score: format.points(goal.score),
      alignsTo: goal.alignsTo === null ? null : { label: goal.alignsTo, ...goalTitleOf(goal.alignsTo) },
      notes: goal.notes,
      // A summed KPI fills its bar as the target is reached, with a marker where it should be by now.
      bar: goal.sumsOverTime
        ? progressBar(goal.progress, goal.expected === null || goal.target <= 0 ? null : goal.expected / goal.target, goal.status)
        : progressBar(goal.attainment, null, goal.status),
      meterValue: fullness(goal, goal.sumsOverTime),
      trendText: sparkText(trend),
      revisions: (revisions.get(`${teamScore.team}/${teamScore.period}/${goal.id}`) ?? []).map((r) => labels.targetRevised(r.date, format.value(r.from, unit))),
      items: flatten(goal, goal.breakdown, 1, anchor),
      teamName: teamScore.name ?? teamScore.team,
      teamHref: teamHref('sub', teamScore.team, teamScore.period),
      sharedWith: goal.contributors.length === 0 ? null : labels.sharedWith(goal.contributors.map(teamName).join(locale === 'zh-CN' ? '、' : ', ')),
      actualSource: goal.actualFrom === 'contributors' ? labels.rolledUp : null,
      previous:
        goal.previous === null
          ? null
          : labels.previous(
              format.period(goal.previous.period),
              format.value(goal.previous.actual, unit),
              goal.previous.change === null ? null : format.signedPercent(goal.previous.change),
            ),
      initiativeNotes: goal.initiatives.flatMap((initiative) => {
        const kind = initiative.overdue ? 'overdue' : initiative.status === 'blocked' ? 'blocked' : undefined;
        if (kind === undefined) return [];
        const owner = initiative.ownerName ?? personName(initiative.owner);
        return [{ kind, icon: kind === 'overdue' ? '⏰' : '⛔', text: labels.initiativeNote(kind, initiative.title, owner, initiative.due) }];
      }),
      checkIn:
        goal.checkIn === null
          ? null
          : {
              // Whoever gave the update: its owner when it names one, else the check-in's author.
              heading: labels.checkIn(
                goal.checkIn.date,
                goal.checkIn.owner === null ? (goal.checkIn.authorName ?? goal.checkIn.author) : (goal.checkIn.ownerName ?? goal.checkIn.owner),
                goal.checkIn.confidence,
              ),
              note: goal.checkIn.note,
              blockers: goal.checkIn.blockers,
              next: goal.checkIn.next,
            },
      confidenceSvg: confidenceLine(goal.confidence.map((c) => c.value)),
      confidenceText: goal.confidence.length === 0 ? null : `${labels.confidence} ${goal.confidence.map((c) => c.value).join(' → ')}`,
      assessmentGap:
        goal.assessmentGap && goal.checkIn?.status ? labels.assessmentGap(labels.statuses[goal.checkIn.status], labels.statuses[goal.status]) : null,
      override:
        goal.override === null
          ? null
          : labels.override(format.percent(goal.override.attainment), format.percent(goal.computedAttainment), goal.override.reason),
      ...chartFields(teamScore, goal),
    };
  };

  /** The goals of other teams that a team carries, as they are scored in their own team. */
  const sharedGoalViews = (teamScore: TeamScore): GoalView[] =>
    teamScore.sharedGoals.flatMap((shared) => {
      const owner = report.teams.find((t) => t.team === shared.team && t.period === shared.period);
      const goal = owner?.goals.find((g) => g.id === shared.id);
      return owner && goal ? [goalView(owner, goal)] : [];
    });

  const countStatuses = (goals: readonly GoalScore[]) =>
    statuses.map((key) => ({ status: status(key), count: goals.filter((g) => g.status === key).length })).filter((entry) => entry.count > 0);

  const teamPage = (teamScore: TeamScore): TeamPage => ({
    kind: 'team',
    path: teamPagePath(teamScore.team, teamScore.period, extension),
    team: teamScore.team,
    teamName: teamScore.name ?? teamScore.team,
    period: format.period(teamScore.period),
    score: format.percent(teamScore.score),
    scoreBar: progressBar(teamScore.score, null, teamScore.score === null ? 'no-data' : 'score'),
    monthsElapsed: labels.monthsElapsed(teamScore.elapsedMonths, teamScore.months.length),
    goals: teamScore.goals.map((goal) => goalView(teamScore, goal)),
    statusCounts: countStatuses(teamScore.goals),
    sharedGoals: sharedGoalViews(teamScore),
    initiatives: teamScore.initiatives.total === 0 ? null : labels.initiativesSummary(teamScore.initiatives),
    closed: teamScore.closed === null ? null : labels.closed(teamScore.closed.date, teamScore.closed.byName ?? teamScore.closed.by),
    reopened:
      teamScore.reopened === null ? null : labels.reopened(teamScore.reopened.date, teamScore.reopened.byName ?? teamScore.reopened.by, teamScore.reopened.reason),
    review: teamScore.review,
    carriedActions:
      teamScore.carriedActions === null
        ? null
        : { heading: labels.carriedActions(format.period(teamScore.carriedActions.period)), actions: teamScore.carriedActions.actions },
    netConfidence: teamScore.netConfidence === null ? null : labels.netConfidence(format.signed(teamScore.netConfidence, null)),
  });

  // People: everyone who owns a goal or a breakdown item, across teams. Only references are kept
  // here; a person's page is built when it is rendered.
  interface OwnedItem {
    teamScore: TeamScore;
    goal: GoalScore;
    item: BreakdownScore;
    anchor: string;
    /** The keys of the items it is nested in, outermost first. */
    path: string[];
  }
  interface OwnedInitiative {
    teamScore: TeamScore;
    goal: GoalScore;
    initiative: GoalScore['initiatives'][number];
  }
  const owned = new Map<string, { goals: { teamScore: TeamScore; goal: GoalScore }[]; items: OwnedItem[]; initiatives: OwnedInitiative[] }>();
  const entry = (id: string) => {
    let value = owned.get(id);
    if (!value) owned.set(id, (value = { goals: [], items: [], initiatives: [] }));
    return value;
  };
  for (const teamScore of report.teams) {
    for (const goal of teamScore.goals) {
      entry(goal.owner).goals.push({ teamScore, goal });
      for (const initiative of goal.initiatives) entry(initiative.owner).initiatives.push({ teamScore, goal, initiative });
      const walk = (items: readonly BreakdownScore[], anchor: string, path: string[]): void => {
        for (const item of items) {
          const itemAnchor = `${anchor}-${item.by}-${item.key}`;
          if (item.owner !== null) entry(item.owner).items.push({ teamScore, goal, item, anchor: itemAnchor, path });
          walk(item.breakdown, itemAnchor, [...path, item.key]);
        }
      };
      walk(goal.breakdown, `goal-${goal.id}`, []);
    }
  }
  const personIds = [...owned.keys()].sort();
  const scoresOfPeople = new Map(report.people.map((person) => [person.id, person]));
  // The latest check-ins by whoever gave them (their owner, or their author), once for every page.
  const checkInsBy = new Map<string, { teamScore: TeamScore; goal: GoalScore }[]>();
  for (const teamScore of report.teams) {
    for (const goal of teamScore.goals) {
      if (goal.checkIn === null) continue;
      // The person who gave the update: its owner when it names one, else the author of the check-in.
      const who = goal.checkIn.owner ?? goal.checkIn.author;
      const given = checkInsBy.get(who);
      if (given) given.push({ teamScore, goal });
      else checkInsBy.set(who, [{ teamScore, goal }]);
    }
  }
  const goalHref = (team: string, period: string, goal: string): string => `${teamHref('sub', team, period)}#goal-${goal}`;
  const periodStart = (period: string): string => parsePeriod(period, model.settings.fiscalYearStart)?.months[0] ?? period;
  const personPage = (id: string): PersonPage => {
    const { goals, items, initiatives } = owned.get(id)!;
    const result = scoresOfPeople.get(id);
    const cap = model.settings.cap;
    const capped = (value: number | null): string => format.percent(value === null ? null : Math.min(Math.max(value, 0), cap));
    // Each row's weight in the person's score, so that the list says how the score is made.
    const partKey = (team: string, period: string, goal: string, item?: { by: string; key: string; path: readonly string[] }): string =>
      [team, period, goal, ...(item ? [...item.path, item.by, item.key] : [])].join('\u0000');
    const weights = new Map<string, string>();
    const weightText = (weight: number): string => format.plain(Math.round(weight * 100) / 100);
    for (const part of result?.goals ?? []) weights.set(partKey(part.team, part.period, part.goal), weightText(part.weight));
    for (const part of result?.items ?? []) weights.set(partKey(part.team, part.period, part.goal, part), weightText(part.weight));
    const sections = new Map<TeamScore, PersonSection>();
    const section = (teamScore: TeamScore): PersonSection => {
      let value = sections.get(teamScore);
      if (!value) {
        const name = teamScore.name ?? teamScore.team;
        value = { heading: `${name} · ${format.period(teamScore.period)}`, teamHref: teamHref('sub', teamScore.team, teamScore.period), rows: [], goals: 0, items: 0, counts: '', initiatives: [], checkIns: [] };
        sections.set(teamScore, value);
      }
      return value;
    };
    for (const { teamScore, goal } of goals) {
      const target = section(teamScore);
      target.rows.push({
        title: goal.title,
        href: goalHref(teamScore.team, teamScore.period, goal.id),
        target: format.value(goal.target, goal.unit),
        actual: format.value(goal.actual, goal.unit),
        progress: words.progress(goal, goal),
        attainment: words.attainment(goal, goal.comparison),
        forecast: goal.forecast === null ? '—' : format.value(goal.forecast, goal.unit),
        status: status(goal.status),
        meterValue: fullness(goal, goal.sumsOverTime),
        weight: weights.get(partKey(teamScore.team, teamScore.period, goal.id)) ?? null,
      });
      target.goals += 1;
    }
    for (const { teamScore, goal, item, anchor, path } of items) {
      const { target: itemTarget, actual, progress, attainment, forecast, status: itemStatus, meterValue, dimension, label } = rowOf(goal, item, 0, anchor);
      const target = section(teamScore);
      target.rows.push({
        // The page is the person's: their own part of a goal is not named after them again.
        title: `${goal.title} · ${item.by === 'owner' && item.key === id ? labels.ownShare : `${dimension}${labels.colon}${label}`}`,
        href: `${teamHref('sub', teamScore.team, teamScore.period)}#${anchor}`,
        target: itemTarget,
        actual,
        progress,
        attainment,
        forecast: forecast || '—',
        status: itemStatus,
        meterValue,
        weight: weights.get(partKey(teamScore.team, teamScore.period, goal.id, { by: item.by, key: item.key, path })) ?? null,
      });
      target.items += 1;
    }
    for (const { teamScore, goal, initiative } of initiatives) {
      section(teamScore).initiatives.push({
        title: initiative.title,
        due: initiative.due,
        status: labels.initiativeStatuses[initiative.status],
        overdue: initiative.overdue,
        link: webLink(initiative.link),
        goalTitle: goal.title,
        goalHref: goalHref(teamScore.team, teamScore.period, goal.id),
        teamName: teamScore.name ?? teamScore.team,
      });
    }
    for (const { teamScore, goal } of checkInsBy.get(id) ?? []) {
      const checkIn = goal.checkIn!;
      section(teamScore).checkIns.push({
        goalTitle: goal.title,
        goalHref: goalHref(teamScore.team, teamScore.period, goal.id),
        heading: labels.checkIn(checkIn.date, checkIn.owner === null ? (checkIn.authorName ?? checkIn.author) : (checkIn.ownerName ?? checkIn.owner), checkIn.confidence),
        note: checkIn.note,
        blockers: checkIn.blockers,
        next: checkIn.next,
      });
    }
    const inPeriodOrder = [...sections.keys()].sort((a, b) => {
      const [startA, startB] = [periodStart(a.period), periodStart(b.period)];
      return startA < startB ? -1 : startA > startB ? 1 : 0;
    });
    return {
      score: result?.score === null || result === undefined ? null : format.percent(result.score),
      scoreParts: result
        ? [
            ...result.goals.map((part) => ({
              label: part.title,
              href: goalHref(part.team, part.period, part.goal),
              period: format.period(part.period),
              weight: format.plain(Math.round(part.weight * 100) / 100),
              attainment: capped(part.attainment),
            })),
            ...result.items.map((part) => {
              const goal = goalsByTeam.get(part.team)?.find((t) => t.period === part.period)?.goals.find((g) => g.id === part.goal);
              return {
                label: `${goal?.title ?? part.goal} · ${labels.dimension(part.by)}${labels.colon}${part.by === 'owner' ? personName(part.key) : part.by === 'team' ? teamName(part.key) : part.key}`,
                href: goalHref(part.team, part.period, part.goal),
                period: format.period(part.period),
                weight: format.plain(Math.round(part.weight * 100) / 100),
                attainment: capped(part.attainment),
              };
            }),
          ]
        : [],
      payout:
        includeIncentives && result?.payout
          ? labels.payout(format.percent(result.payout.factor), result.payout.provisional)
          : null,
      kind: 'person',
      path: personPagePath(id, extension),
      id,
      name: personName(id),
      roles: directory.get(id)?.roles ?? [],
      sections: inPeriodOrder.map((teamScore) => {
        const value = sections.get(teamScore)!;
        return { ...value, counts: labels.personSectionCounts(value.goals, value.items) };
      }),
    };
  };

  return {
    lang: locale,
    labels,
    asOf: report.asOf === null ? labels.noData : format.month(report.asOf),
    index: {
      kind: 'index',
      path: `index.${extension}`,
      teams: report.teams.map((teamScore) => ({
        name: teamScore.name ?? teamScore.team,
        period: format.period(teamScore.period),
        score: format.percent(teamScore.score),
        scoreBar: progressBar(teamScore.score, null, teamScore.score === null ? 'no-data' : 'score'),
        href: teamHref('index', teamScore.team, teamScore.period),
        statusCounts: countStatuses(teamScore.goals),
        counts: statuses.map((key) => ({ status: status(key), count: teamScore.goals.filter((g) => g.status === key).length })),
      })),
      people: personIds.map((id) => {
        const { goals, items, initiatives } = owned.get(id)!;
        return { name: personName(id), id, href: personHref('index', id), goals: goals.length, items: items.length, initiatives: initiatives.length };
      }),
      statusColumns: statuses.map(status),
      alignment: mapAlignmentTree<AlignmentNodeView>(alignmentTree(report, model), ({ teamScore, goal, children }) => ({
        title: goal.title,
        teamName: teamScore.name ?? teamScore.team,
        period: format.period(teamScore.period),
        status: status(goal.status),
        attainment: words.attainment(goal, goal.comparison),
        href: `${teamHref('index', teamScore.team, teamScore.period)}#goal-${goal.id}`,
        ownerName: goal.ownerName ?? personName(goal.owner),
        ownerHref: personHref('index', goal.owner),
        aligned: children.length === 0 ? null : labels.alignedGoals(children.length),
      })),
      alignmentOpen: goalsByTeam.size <= 20,
      periodScores:
        new Set(report.teams.map((t) => t.period)).size <= 1
          ? null
          : [...goalsByTeam.values()].map((scores) => ({
              name: scores[0]!.name ?? scores[0]!.team,
              periods: scores.map((teamScore) => ({
                period: format.period(teamScore.period),
                score: format.percent(teamScore.score),
                bar: progressBar(teamScore.score, null, teamScore.score === null ? 'no-data' : 'score'),
                href: teamHref('index', teamScore.team, teamScore.period),
              })),
            })),
    },
    teams: (function* () {
      for (const teamScore of report.teams) yield teamPage(teamScore);
    })(),
    people: (function* () {
      for (const id of personIds) yield personPage(id);
    })(),
  };
}
