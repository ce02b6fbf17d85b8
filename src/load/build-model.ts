import { parseFormula } from '../formula/formula.js';
import { aggregates, comparisons, directions, locales, type Aggregate, type Comparison, type Direction, type Locale } from '../model/kinds.js';
import {
  defaultSettings,
  initiativeStatuses,
  selfAssessments,
  sourceTypes,
  type ActualsTable,
  type Breakdown,
  type BreakdownItem,
  type CheckIn,
  type CheckInUpdate,
  type FinalResult,
  type Goal,
  type GoalSet,
  type IncentiveCurve,
  type Review,
  type SelfAssessment,
  type SignOff,
  type GoalsModel,
  type Initiative,
  type InitiativeStatus,
  type Kpi,
  type KpiSource,
  type Located,
  type Person,
  type RollupSeverity,
  type Settings,
  type SourceDefinition,
  type SourceType,
  type Team,
  type Thresholds,
} from '../model/model.js';
import { parsePeriod } from '../model/period.js';
import type * as FileFormat from '../model/file-formats.js';
import { isQueryPath, type LoadedFile } from './load-file.js';
import type { SourceText } from './source-text.js';
import type { LocatedDocument, PathSegment } from './yaml-document.js';

/**
 * A file-format object as read: every key of the generated type, each of
 * unknown type until checked. Reading a key the schema does not have is a
 * compile error, so the schemas and this module cannot drift apart.
 */
type Loose<T> = { readonly [K in keyof T]?: unknown };

/**
 * What one loaded file adds to the model. It depends on that file alone, so a
 * process that validates again and again (the language server) keeps it with
 * the file and builds the model again from the fragments of unchanged files.
 */
export interface ModelFragment {
  readonly path: string;
  readonly kpis: readonly Kpi[];
  readonly teams: readonly Team[];
  /** Their `period` is set when the model is assembled: it depends on the settings' fiscal year. */
  readonly goalSets: readonly GoalSet[];
  readonly checkIns: readonly CheckIn[];
  readonly settings: readonly { at: Located; settings: Settings }[];
  readonly actuals: ActualsTable | undefined;
  readonly queryFile: SourceText | undefined;
}

/**
 * Maps the loaded documents to the model, filling in defaults. It trusts
 * nothing: values of the wrong type (already reported by the schema check)
 * become undefined, so checks see what is there and skip what is not.
 */
export function buildModel(files: readonly LoadedFile[]): GoalsModel {
  return assembleModel(files.map(modelFragment));
}

/** What one file's documents define, read as the model holds them. */
export function modelFragment(file: LoadedFile): ModelFragment {
  const kpis: Kpi[] = [];
  const teams: Team[] = [];
  const goalSets: GoalSet[] = [];
  const checkIns: CheckIn[] = [];
  const settings: { at: Located; settings: Settings }[] = [];
  for (const { kind, doc } of file.documents) {
    const root = record(doc.data) ?? {};
    const at: Located = { doc, path: [] };
    switch (kind) {
      case 'KpiCatalog':
        for (const [id, value] of entries((root as Loose<FileFormat.KpiCatalogFile>).kpis)) kpis.push(readKpi(id, value, locate(doc, ['kpis', id])));
        break;
      case 'Team':
        if (typeof root['id'] === 'string') teams.push(readTeam(root as Loose<FileFormat.TeamFile>, at));
        break;
      case 'GoalSet':
        goalSets.push(readGoalSet(root as Loose<FileFormat.GoalSetFile>, at));
        break;
      case 'CheckIn':
        checkIns.push(readCheckIn(root as Loose<FileFormat.CheckInFile>, at));
        break;
      case 'Settings':
        settings.push({ at, settings: readSettings(root as Loose<FileFormat.SettingsFile>, at) });
        break;
    }
  }
  return {
    path: file.path,
    kpis,
    teams,
    goalSets,
    checkIns,
    settings,
    actuals: file.actuals,
    queryFile: file.source && isQueryPath(file.path) ? file.source : undefined,
  };
}

/** A fiscal period means different months under a different fiscal year start: periods are read once the settings are known. */
export function readPeriods(goalSets: readonly GoalSet[], settings: Settings): void {
  for (const goalSet of goalSets) goalSet.period = goalSet.periodText === undefined ? undefined : parsePeriod(goalSet.periodText, settings.fiscalYearStart);
}

/** The model of files, from their fragments in the order of the files. */
export function assembleModel(fragments: readonly ModelFragment[]): GoalsModel {
  const kpiList: Kpi[] = [];
  const teamList: Team[] = [];
  const goalSets: GoalSet[] = [];
  const checkIns: CheckIn[] = [];
  const settingsDocuments: Located[] = [];
  const actuals: ActualsTable[] = [];
  const queryFiles = new Map<string, SourceText>();
  let settings: Settings = { ...defaultSettings, at: undefined };

  for (const fragment of fragments) {
    if (fragment.actuals) actuals.push(fragment.actuals);
    if (fragment.queryFile) queryFiles.set(fragment.path, fragment.queryFile);
    for (const kpi of fragment.kpis) kpiList.push(kpi);
    for (const team of fragment.teams) teamList.push(team);
    for (const goalSet of fragment.goalSets) goalSets.push(goalSet);
    for (const checkIn of fragment.checkIns) checkIns.push(checkIn);
    for (const read of fragment.settings) {
      // Only the first Settings document counts; the others are reported as duplicates.
      if (settingsDocuments.length === 0) settings = read.settings;
      settingsDocuments.push(read.at);
    }
  }

  readPeriods(goalSets, settings);

  return {
    kpis: firstById(kpiList),
    teams: firstById(teamList),
    goalSets,
    checkIns,
    settings,
    actuals,
    queryFiles,
    definitions: { kpis: kpiList, teams: teamList, settings: settingsDocuments },
  };
}

function readKpi(id: string, value: unknown, at: Located): Kpi {
  const data: Loose<FileFormat.Kpi> = record(value) ?? {};
  const formulaText = string(data.formula);
  const parsed = formulaText === undefined ? undefined : parseFormula(formulaText);
  return {
    id,
    name: string(data.name),
    description: string(data.description),
    unit: string(data.unit),
    direction: oneOf<Direction>(data.direction, directions),
    aggregate: oneOf<Aggregate>(data.aggregate, aggregates),
    overTime: oneOf<Aggregate>(data.overTime, aggregates),
    formula: formulaText === undefined || !parsed ? undefined : { text: formulaText, parsed, ast: parsed.ast },
    source: readKpiSource(data.source, locate(at.doc, [...at.path, 'source'])),
    keys: Object.keys(data),
    at,
  };
}

function readKpiSource(value: unknown, at: Located): KpiSource | undefined {
  const data: Loose<NonNullable<FileFormat.Kpi['source']>> | undefined = record(value);
  return data && { from: string(data.from), query: string(data.query), file: string(data.file), at };
}

function readTeam(root: Loose<FileFormat.TeamFile>, at: Located): Team {
  const members = new Map<string, Person>();
  for (const [id, value] of entries(root.members)) {
    const data: Loose<FileFormat.Person> = record(value) ?? {};
    members.set(id, {
      id,
      name: string(data.name),
      role: string(data.role),
      email: string(data.email),
      at: locate(at.doc, ['members', id]),
    });
  }
  return { id: root.id as string, name: string(root.name), lead: string(root.lead), members, incentives: readIncentives(root.incentives, locate(at.doc, ['incentives'])), at };
}

function readGoalSet(root: Loose<FileFormat.GoalSetFile>, at: Located): GoalSet {
  const periodValue = root.period;
  const periodText = typeof periodValue === 'string' || typeof periodValue === 'number' ? String(periodValue) : undefined;
  const goals = array(root.goals).map((value, index) => readGoal(value, locate(at.doc, ['goals', index])));
  return {
    team: string(root.team),
    periodText,
    period: undefined,
    title: string(root.title),
    goals,
    closed: readSignOff(root.closed, locate(at.doc, ['closed'])),
    reopened: readReopened(root.reopened, locate(at.doc, ['reopened'])),
    review: readReview(root.review, locate(at.doc, ['review'])),
    at,
  };
}

function readSignOff(value: unknown, at: Located): SignOff | undefined {
  const data: Loose<NonNullable<FileFormat.GoalSetFile['closed']>> | undefined = record(value);
  return data && { date: string(data.date), by: string(data.by), at };
}

function readReopened(value: unknown, at: Located): GoalSet['reopened'] {
  const data: Loose<NonNullable<FileFormat.GoalSetFile['reopened']>> | undefined = record(value);
  return data && { date: string(data.date), by: string(data.by), reason: string(data.reason), at };
}

function readReview(value: unknown, at: Located): Review | undefined {
  const data: Loose<FileFormat.Review> | undefined = record(value);
  return data && { wentWell: strings(data.wentWell), toImprove: strings(data.toImprove), actions: strings(data.actions), at };
}

function readFinal(value: unknown, at: Located): FinalResult | undefined {
  const data: Loose<NonNullable<FileFormat.Goal['final']>> | undefined = record(value);
  return data && { attainment: number(data.attainment), reason: string(data.reason), at };
}

function readIncentives(value: unknown, at: Located): IncentiveCurve | undefined {
  const data: Loose<NonNullable<FileFormat.TeamFile['incentives']>> | undefined = record(value);
  if (!data) return undefined;
  const curve = array(data.curve).flatMap((point) => {
    const entry = record(point);
    const attainment = number(entry?.['attainment']);
    const payout = number(entry?.['payout']);
    return attainment === undefined || payout === undefined ? [] : [{ attainment, payout }];
  });
  return { curve, below: nonNegative(data.below) ?? 0, at };
}

function readCheckIn(root: Loose<FileFormat.CheckInFile>, at: Located): CheckIn {
  const goals: CheckInUpdate[] = entries(root.goals).map(([goal, value]) => {
    const data: Loose<FileFormat.GoalUpdate> = record(value) ?? {};
    return {
      goal,
      confidence: number(data.confidence),
      status: oneOf<SelfAssessment>(data.status, selfAssessments),
      note: string(data.note),
      blockers: strings(data.blockers),
      next: strings(data.next),
      owner: string(data.owner),
      at: locate(at.doc, ['goals', goal]),
    };
  });
  return { team: string(root.team), date: string(root.date), author: string(root.author), goals, at };
}

function strings(value: unknown): string[] {
  return array(value).flatMap((entry) => (typeof entry === 'string' ? [entry] : []));
}

function readGoal(value: unknown, at: Located): Goal {
  const data: Loose<FileFormat.Goal> = record(value) ?? {};
  return {
    id: string(data.id),
    title: string(data.title),
    kpi: string(data.kpi),
    target: number(data.target),
    baseline: number(data.baseline),
    comparison: oneOf<Comparison>(data.comparison, comparisons),
    weight: number(data.weight),
    owner: string(data.owner),
    due: string(data.due),
    alignsTo: string(data.alignsTo),
    thresholds: readThresholds(data.thresholds),
    notes: string(data.notes),
    breakdowns: readBreakdowns(data.breakdown, at, ['breakdown']),
    contributors: array(data.contributors).flatMap((team) => (typeof team === 'string' ? [team] : [])),
    initiatives: array(data.initiatives).map((entry, index) => readInitiative(entry, locate(at.doc, [...at.path, 'initiatives', index]))),
    challenge: typeof data.challenge === 'boolean' ? data.challenge : undefined,
    final: readFinal(data.final, locate(at.doc, [...at.path, 'final'])),
    at,
  };
}

function readInitiative(value: unknown, at: Located): Initiative {
  const data: Loose<FileFormat.Initiative> = record(value) ?? {};
  return {
    id: string(data.id),
    title: string(data.title),
    owner: string(data.owner),
    start: string(data.start),
    due: string(data.due),
    status: oneOf<InitiativeStatus>(data.status, initiativeStatuses),
    link: string(data.link),
    at,
  };
}

function readBreakdowns(value: unknown, parent: Located, path: PathSegment[]): Breakdown[] {
  return array(value).map((entry, index) => {
    const at = locate(parent.doc, [...parent.path, ...path, index]);
    const data: Loose<FileFormat.Breakdown> = record(entry) ?? {};
    const items: BreakdownItem[] = entries(data.items).map(([key, itemValue]) => {
      const itemAt = locate(parent.doc, [...at.path, 'items', key]);
      if (typeof itemValue === 'number') {
        return { key, target: finite(itemValue), shorthand: true, owner: undefined, breakdowns: [], at: itemAt };
      }
      const item: Loose<Exclude<FileFormat.BreakdownItem, number>> = record(itemValue) ?? {};
      return {
        key,
        target: number(item.target),
        shorthand: false,
        owner: string(item.owner),
        breakdowns: readBreakdowns(item.breakdown, itemAt, ['breakdown']),
        at: itemAt,
      };
    });
    return { by: string(data.by), items, at };
  });
}

function readSettings(root: Loose<FileFormat.SettingsFile>, at: Located): Settings {
  const thresholds = readThresholds(root.thresholds);
  return {
    locale: oneOf<Locale>(root.locale, locales) ?? defaultSettings.locale,
    currency: string(root.currency) ?? defaultSettings.currency,
    tolerance: nonNegative(root.tolerance) ?? defaultSettings.tolerance,
    thresholds: { ...defaultSettings.thresholds, ...thresholds },
    cap: nonNegative(root.cap) ?? defaultSettings.cap,
    fiscalYearStart: monthNumber(root.fiscalYearStart) ?? defaultSettings.fiscalYearStart,
    rollups: oneOf<RollupSeverity>(root.rollups, ['error', 'warning', 'off']) ?? defaultSettings.rollups,
    challenge: readChallenge(root.challenge),
    incentives: readIncentives(root.incentives, locate(at.doc, ['incentives'])),
    sources: readSources(root.sources, at),
    at,
  };
}

function readSources(value: unknown, settingsAt: Located): Map<string, SourceDefinition> {
  const sources = new Map<string, SourceDefinition>();
  for (const [name, entry] of entries(value)) {
    const data: Loose<NonNullable<NonNullable<FileFormat.SettingsFile['sources']>[string]>> = record(entry) ?? {};
    // DuckDB runs inside goalpost, so it is what a source is when it says nothing else.
    const type = data.type === undefined ? 'duckdb' : oneOf<SourceType>(data.type, sourceTypes);
    sources.set(name, { name, type, url: string(data.url), at: locate(settingsAt.doc, ['sources', name]) });
  }
  return sources;
}

function monthNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12 ? value : undefined;
}

function readChallenge(value: unknown): Settings['challenge'] {
  if (value === false) return { ...defaultSettings.challenge, enabled: false };
  const data: Loose<Exclude<NonNullable<FileFormat.SettingsFile['challenge']>, boolean>> = record(value) ?? {};
  return { enabled: true, maxGrowth: nonNegative(data.maxGrowth) ?? defaultSettings.challenge.maxGrowth };
}

function readThresholds(value: unknown): Partial<Thresholds> | undefined {
  const data: Loose<NonNullable<FileFormat.Goal['thresholds']>> | undefined = record(value);
  if (!data) return undefined;
  const result: Partial<Thresholds> = {};
  const green = nonNegative(data.green);
  const amber = nonNegative(data.amber);
  if (green !== undefined) result.green = green;
  if (amber !== undefined) result.amber = amber;
  return result;
}

function locate(doc: LocatedDocument, path: PathSegment[]): Located {
  return { doc, path };
}

/** Items by id; when an id is defined twice, the first definition. */
export function firstById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The own entries of a mapping; `__proto__` and friends are ordinary keys here. */
function entries(value: unknown): [string, unknown][] {
  const data = record(value);
  return data ? Object.keys(data).map((key) => [key, data[key]]) : [];
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' ? finite(value) : undefined;
}

function nonNegative(value: unknown): number | undefined {
  const result = number(value);
  return result !== undefined && result >= 0 ? result : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
