import type { Span } from '../diagnostics/diagnostic.js';
import type { FormulaNode, ParsedFormula } from '../formula/formula.js';
import { parseCsv } from '../load/csv.js';
import type { SourceText } from '../load/source-text.js';
import type { LocatedDocument, NodePath, PathSegment } from '../load/yaml-document.js';
import type { Aggregate, Comparison, Direction, Locale } from './kinds.js';
import type { Period } from './period.js';

/**
 * The goals repository as goalpost understands it, built from the files with
 * their defaults filled in. Everything read from a file keeps `at`, the place
 * it came from, so checks can point at the exact line and column.
 *
 * The model is built even from files with schema errors: what is missing or
 * of the wrong type is left undefined, so one broken value does not hide the
 * other problems of the repository.
 */
export interface GoalsModel {
  /** KPIs by id; when an id is defined twice, the first definition. */
  kpis: ReadonlyMap<string, Kpi>;
  /** Teams by id; when an id is defined twice, the first definition. */
  teams: ReadonlyMap<string, Team>;
  goalSets: readonly GoalSet[];
  /** The teams' check-ins (进度汇报), in file order. */
  checkIns: readonly CheckIn[];
  settings: Settings;
  actuals: readonly ActualsTable[];
  /** The `.sql` files of the repository by path, for the queries of KPI sources that name a file. */
  queryFiles: ReadonlyMap<string, SourceText>;
  /** Every definition in file order, duplicates included, for the checks that look for them. */
  definitions: {
    kpis: readonly Kpi[];
    teams: readonly Team[];
    settings: readonly Located[];
  };
}

/** Where something was read from: a document and the path to its node. */
export interface Located {
  readonly doc: LocatedDocument;
  readonly path: NodePath;
}

export interface Kpi {
  id: string;
  name: string | undefined;
  description: string | undefined;
  unit: string | undefined;
  direction: Direction | undefined;
  aggregate: Aggregate | undefined;
  overTime: Aggregate | undefined;
  formula: Formula | undefined;
  /** Where `goalpost pull` gets the KPI's actuals; undefined when they are written by hand. */
  source?: KpiSource | undefined;
  /** The keys written in the file, valid or not, to tell "missing" from "invalid". */
  keys: readonly string[];
  at: Located;
}

/** How a measured KPI is measured: a query in a source of the settings, written inline or in a `.sql` file. */
export interface KpiSource {
  from: string | undefined;
  query: string | undefined;
  /** As written: relative to the file that names it. */
  file: string | undefined;
  at: Located;
}

export const sourceTypes = ['duckdb', 'postgres'] as const;
export type SourceType = (typeof sourceTypes)[number];

/** A database named in the settings, to run the queries of KPI sources in. */
export interface SourceDefinition {
  name: string;
  /** `duckdb` when not written; undefined when it is not a known type (reported by the schema). */
  type: SourceType | undefined;
  /** As written: `${env:NAME}`, never the URL itself. */
  url: string | undefined;
  at: Located;
}

/** A `url` as the settings may write it: the name of the environment variable that holds the URL. */
export const envReference = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * The repository path of the `.sql` file a KPI source names, relative to the
 * file that names it; undefined for a path that cannot be one of the
 * repository's files (absolute, with backslashes, or above the repository).
 */
export function queryFilePath(source: KpiSource): string | undefined {
  const file = source.file;
  if (file === undefined || file.startsWith('/') || file.includes('\\') || /^[A-Za-z]:/.test(file)) return undefined;
  const parts = source.at.doc.source.path.split('/').slice(0, -1);
  for (const part of file.split('/')) {
    if (part === '..') {
      if (parts.length === 0 || parts.at(-1) === '..') return undefined;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export interface Formula {
  text: string;
  parsed: ParsedFormula;
  ast: FormulaNode | undefined;
}

export interface Team {
  id: string;
  name: string | undefined;
  lead: string | undefined;
  members: ReadonlyMap<string, Person>;
  /** The team's own incentive curve, in place of the settings'. */
  incentives: IncentiveCurve | undefined;
  at: Located;
}

export interface Person {
  id: string;
  name: string | undefined;
  role: string | undefined;
  email: string | undefined;
  at: Located;
}

export interface GoalSet {
  team: string | undefined;
  /** The period as written; `period` is undefined when it is not valid. */
  periodText: string | undefined;
  period: Period | undefined;
  title: string | undefined;
  goals: readonly Goal[];
  /** Closed (关闭): the results of the period are final. */
  closed: SignOff | undefined;
  /** Reopened after it was closed, with the reason, to change it again. */
  reopened: (SignOff & { reason: string | undefined }) | undefined;
  /** The lessons of the period (复盘). */
  review: Review | undefined;
  at: Located;
}

/** Who closed or reopened a goal set, and when (YYYY-MM-DD). */
export interface SignOff {
  date: string | undefined;
  by: string | undefined;
  at: Located;
}

export interface Review {
  wentWell: readonly string[];
  toImprove: readonly string[];
  /** What will be done differently: shown on the team's next scorecard. */
  actions: readonly string[];
  at: Located;
}

/** A review's override of a goal's attainment, with the reason. */
export interface FinalResult {
  attainment: number | undefined;
  reason: string | undefined;
  at: Located;
}

/** A team's check-in (进度汇报) on one date: how confident it is in each goal, and why. */
export interface CheckIn {
  team: string | undefined;
  date: string | undefined;
  author: string | undefined;
  goals: readonly CheckInUpdate[];
  at: Located;
}

export const selfAssessments = ['on-track', 'at-risk', 'off-track'] as const;
export type SelfAssessment = (typeof selfAssessments)[number];

export interface CheckInUpdate {
  /** The goal's id, as the key of the update. */
  goal: string;
  /** 信心指数: 0 (no chance) to 10 (certain) that the target is reached by the end of the period. */
  confidence: number | undefined;
  status: SelfAssessment | undefined;
  note: string | undefined;
  blockers: readonly string[];
  next: readonly string[];
  owner: string | undefined;
  at: Located;
}

/** How a person's score turns into a payout factor: a piecewise linear curve. */
export interface IncentiveCurve {
  curve: readonly { attainment: number; payout: number }[];
  /** The payout under the first point. */
  below: number;
  at: Located;
}

export interface Thresholds {
  green: number;
  amber: number;
}

export interface Goal {
  id: string | undefined;
  title: string | undefined;
  kpi: string | undefined;
  target: number | undefined;
  baseline: number | undefined;
  comparison: Comparison | undefined;
  weight: number | undefined;
  owner: string | undefined;
  due: string | undefined;
  alignsTo: string | undefined;
  thresholds: Partial<Thresholds> | undefined;
  notes: string | undefined;
  breakdowns: readonly Breakdown[];
  /**
   * Other teams that carry this goal with the team whose goal it is (跨部门协同):
   * it shows on their scorecards as a shared goal, and their people may own
   * its breakdown items and initiatives.
   */
  contributors: readonly string[];
  /** The work planned to reach the goal (工作计划). */
  initiatives: readonly Initiative[];
  /** False when the goal opts out of the comparison with the previous period's result. */
  challenge: boolean | undefined;
  /** When its goal set is closed: the attainment the review decided counts, and why. */
  final: FinalResult | undefined;
  at: Located;
}

export const initiativeStatuses = ['planned', 'in-progress', 'done', 'dropped', 'blocked'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** A piece of work planned to reach a goal, with its owner and timetable. */
export interface Initiative {
  id: string | undefined;
  title: string | undefined;
  owner: string | undefined;
  /** Dates as written, YYYY-MM-DD. */
  start: string | undefined;
  due: string | undefined;
  status: InitiativeStatus | undefined;
  link: string | undefined;
  at: Located;
}

export interface Breakdown {
  by: string | undefined;
  items: readonly BreakdownItem[];
  at: Located;
}

export interface BreakdownItem {
  key: string;
  target: number | undefined;
  /** Written as `key: target` rather than `key: {target: ...}`: the target is the item's own value. */
  shorthand: boolean;
  owner: string | undefined;
  breakdowns: readonly Breakdown[];
  at: Located;
}

export type RollupSeverity = 'error' | 'warning' | 'off';

export interface Settings {
  locale: Locale;
  currency: string;
  tolerance: number;
  thresholds: Thresholds;
  cap: number;
  /** The first month of the fiscal year, 1–12; FY2027 is the fiscal year that ends in 2027. */
  fiscalYearStart: number;
  /** How a plan whose parts do not add up across files is reported. */
  rollups: RollupSeverity;
  /** Whether targets are compared with the previous period's results, and how much growth is still realistic. */
  challenge: { enabled: boolean; maxGrowth: number };
  /** The incentive curve of every team without one of its own. */
  incentives: IncentiveCurve | undefined;
  /** The databases that KPI sources name, by name. */
  sources: ReadonlyMap<string, SourceDefinition>;
  at: Located | undefined;
}

export const defaultSettings: Omit<Settings, 'at'> = {
  locale: 'en',
  currency: 'CNY',
  tolerance: 0.001,
  thresholds: { green: 1.0, amber: 0.9 },
  cap: 1.2,
  fiscalYearStart: 1,
  rollups: 'warning',
  challenge: { enabled: true, maxGrowth: 1.0 },
  incentives: undefined,
  sources: new Map(),
};

/** One actuals CSV file. */
export interface ActualsTable {
  source: SourceText;
  /** The columns of the header, in order. */
  columns: readonly string[];
  /** The dimension columns: every column but period, team, kpi and value. */
  dimensions: readonly string[];
  rows: readonly ActualRow[];
}

export interface ActualRow {
  /** The file the row is in. */
  table: ActualsTable;
  period: string;
  team: string;
  kpi: string;
  /** Undefined when the cell is not a number (reported when loading). */
  value: number | undefined;
  /** Dimension values by column; an empty cell is absent (the team total for that dimension). */
  dimensions: ReadonlyMap<string, string>;
  /** The offset where the row starts. */
  start: number;
  end: number;
}

/** The span of the node at `at` followed by `rest`: its value, or with `part: 'key'` its key. */
export function spanOf(at: Located, rest: readonly PathSegment[] = [], part: 'key' | 'value' = 'value'): Span {
  return at.doc.span([...at.path, ...rest], part);
}

export function keySpanOf(at: Located, rest: readonly PathSegment[] = []): Span {
  return spanOf(at, rest, 'key');
}

/**
 * The span of a cell of an actuals row, or of the whole row. Rows keep only
 * where they start and end (a large actuals file has millions of cells); the
 * row is scanned again for the cell when a diagnostic needs it.
 */
export function cellSpan(row: ActualRow, column?: string): Span {
  const table = row.table;
  const index = column === undefined ? -1 : table.columns.indexOf(column);
  const cell = index === -1 ? undefined : parseCsv(table.source.text.slice(row.start, row.end)).records[0]?.cells[index];
  if (cell) return { source: table.source, start: row.start + cell.start, end: row.start + Math.max(cell.end, cell.start) };
  return { source: table.source, start: row.start, end: row.end };
}
