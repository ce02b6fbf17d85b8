import { checks, runChecks } from './checks/index.js';
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { assembleModel, firstById, modelFragment, readPeriods, type ModelFragment } from './load/build-model.js';
import { isUnreadable, isYamlPath, loadFile, type LoadedFile, type LoadOptions, type RepositoryFile } from './load/load-file.js';
import type { GoalsModel, Team } from './model/model.js';
import { forEachBreakdown } from './model/walk.js';
import { withoutGuesses, type ValidationResult } from './validate.js';

/**
 * What a file's data concerns, for the checks across files: `global` for
 * what every check may read (the KPI catalog, the settings, a query file),
 * else the teams its goal sets, check-ins, team definitions and actual rows
 * belong to or name (an `alignsTo`, a contributing team, a breakdown by team).
 */
type Scope = 'global' | readonly string[];

interface KeptFile {
  bytes: Uint8Array;
  size: number | undefined;
  loaded: LoadedFile;
  fragment: ModelFragment;
  scope: Scope;
  unreadable: boolean;
}

/** How a run checked the repository: every file, or only those an edit could change. */
export interface IncrementalRun {
  /** Files read again because they are new or their bytes changed. */
  readonly reread: readonly string[];
  /** `all`, or the files whose diagnostics from the checks across files were worked out again. */
  readonly checked: 'all' | readonly string[];
}

interface Change {
  before: KeptFile;
  after: KeptFile;
}

function scopeOf(fragment: ModelFragment): Scope {
  if (fragment.kpis.length > 0 || fragment.settings.length > 0 || fragment.queryFile) return 'global';
  const teams = new Set<string>();
  for (const team of fragment.teams) teams.add(team.id);
  for (const checkIn of fragment.checkIns) if (checkIn.team !== undefined) teams.add(checkIn.team);
  for (const goalSet of fragment.goalSets) {
    if (goalSet.team !== undefined) teams.add(goalSet.team);
    for (const goal of goalSet.goals) {
      const slash = goal.alignsTo?.indexOf('/') ?? -1;
      if (slash !== -1) teams.add(goal.alignsTo!.slice(0, slash));
      for (const contributor of goal.contributors) teams.add(contributor);
      forEachBreakdown(goal, (breakdown) => {
        if (breakdown.by === 'team') for (const item of breakdown.items) teams.add(item.key);
      });
    }
  }
  if (fragment.actuals) for (const row of fragment.actuals.rows) teams.add(row.team);
  return [...teams];
}

function sameBytes(kept: KeptFile, file: RepositoryFile): boolean {
  if (kept.size !== file.size || kept.bytes.length !== file.bytes.length) return false;
  return kept.bytes === file.bytes || Buffer.from(kept.bytes.buffer, kept.bytes.byteOffset, kept.bytes.length).equals(file.bytes);
}

/** A goal set of a team without a team file: the alignment check suggests among such teams, so every file's messages may depend on it. */
function namesTeamWithoutFile(fragment: ModelFragment, teams: ReadonlyMap<string, Team>): boolean {
  return fragment.goalSets.some((goalSet) => goalSet.team !== undefined && !teams.has(goalSet.team));
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Files read between two pauses of `validateInSteps`: some tens of milliseconds of work. */
const filesPerStep = 50;

/**
 * Validates the same repository again and again as it is edited (the
 * language server), with the result `validateRepository` would give for the
 * same files, doing only the work an edit makes necessary:
 *
 * - a file is read and parsed again only when its bytes changed;
 * - the checks across files run again only on the files an edit can change:
 *   every file of the teams the edited file concerns, before or after the
 *   edit, and of the teams those files name in turn (an `alignsTo`, a
 *   contributing team, a breakdown by team, a row of actuals), found through
 *   an index from each team to the files that concern it; the diagnostics of
 *   every other file are kept.
 *
 * Everything is checked again when an edit reaches what every check reads:
 * the KPI catalog, the settings or a query file; a team added, removed or
 * renamed; a file added or removed, or made readable or unreadable; a goal
 * set of a team that has no team file.
 */
export class IncrementalValidation {
  private files = new Map<string, KeptFile>();
  /** Every file, in the order of their paths. */
  private order: KeptFile[] = [];
  /** The dependency index: for each team, the files that concern it. */
  private readonly filesByTeam = new Map<string, Set<string>>();
  private readonly checkDiagnostics = new Map<string, Diagnostic[]>();
  private unreadableFiles: string[] = [];
  private teamIds = '';
  private teams: ReadonlyMap<string, Team> = new Map();
  private teamsWithoutFile = false;
  private model: GoalsModel | undefined;
  private catalog: Pick<GoalsModel, 'kpis' | 'settings' | 'queryFiles' | 'definitions'> | undefined;
  private lastRun: IncrementalRun = { reread: [], checked: 'all' };

  constructor(private readonly options: LoadOptions = {}) {}

  /** What the last validation read again and checked again. */
  get run(): IncrementalRun {
    return this.lastRun;
  }

  validate(repositoryFiles: readonly RepositoryFile[]): ValidationResult {
    const steps = this.steps(repositoryFiles);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * `validate`, giving way to other work now and then (every few hundred
   * files read, and between checks), so that a language server answers its
   * editor while a whole large repository is read and checked.
   */
  async validateInSteps(repositoryFiles: readonly RepositoryFile[]): Promise<ValidationResult> {
    const steps = this.steps(repositoryFiles);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The work of a validation, pausing where another task may run. */
  private *steps(repositoryFiles: readonly RepositoryFile[]): Generator<void, ValidationResult> {
    const previous = this.files;
    const files = new Map<string, KeptFile>();
    const changed: Change[] = [];
    let added = false;
    let read = 0;
    for (const file of repositoryFiles) {
      const before = previous.get(file.path);
      if (before && sameBytes(before, file)) {
        files.set(file.path, before);
        continue;
      }
      const after = this.load(file);
      files.set(file.path, after);
      if (before) changed.push({ before, after });
      else added = true;
      if (++read % filesPerStep === 0) yield;
    }
    const sameFiles = !added && files.size === previous.size && this.catalog !== undefined;
    this.files = files;

    if (!sameFiles) {
      this.order = [...files.values()].sort((a, b) => byPath(a.loaded, b.loaded));
      yield* this.checkEverything([...files.keys()].filter((path) => !previous.has(path) || previous.get(path) !== files.get(path)));
    } else if (changed.length > 0) {
      this.order = this.order.map((file) => files.get(file.loaded.path)!);
      this.model = undefined;
      if (this.reachesEverything(changed)) yield* this.checkEverything(changed.map(({ after }) => after.loaded.path));
      else this.checkAffected(changed);
    } else {
      this.lastRun = { reread: [], checked: [] };
    }

    const diagnostics: Diagnostic[] = [];
    for (const file of this.order) for (const d of file.loaded.diagnostics) diagnostics.push(d);
    for (const found of this.checkDiagnostics.values()) for (const d of found) diagnostics.push(d);
    diagnostics.sort(compareDiagnostics);
    // The whole model is put together only when it is asked for (the editor's completion): the checks of an edit do not need it. It is the latest validation's.
    const wholeModel = (): GoalsModel => this.wholeModel();
    return {
      diagnostics,
      get model(): GoalsModel {
        return wholeModel();
      },
    };
  }

  private load(file: RepositoryFile): KeptFile {
    const loaded = loadFile(file, this.options);
    const fragment = modelFragment(loaded);
    return { bytes: file.bytes, size: file.size, loaded, fragment, scope: scopeOf(fragment), unreadable: isYamlPath(loaded.path) && isUnreadable(loaded) };
  }

  private wholeModel(): GoalsModel {
    this.model ??= assembleModel(this.order.map((file) => file.fragment));
    return this.model;
  }

  /** Whether an edit changes what every check reads, so that only a run over everything gives what a fresh validation gives. */
  private reachesEverything(changed: readonly Change[]): boolean {
    if (this.teamsWithoutFile) return true;
    if (changed.some(({ before, after }) => before.scope === 'global' || after.scope === 'global' || before.unreadable !== after.unreadable)) return true;
    if (changed.some(({ before, after }) => before.fragment.teams.length > 0 || after.fragment.teams.length > 0)) {
      const teams = this.order.flatMap((file) => file.fragment.teams);
      if (teams.map((team) => team.id).join('\u0000') !== this.teamIds) return true;
      // The same teams, defined differently (a member renamed): the map of teams is made again, the catalog is not.
      this.teams = firstById(teams);
    }
    return changed.some(({ after }) => namesTeamWithoutFile(after.fragment, this.teams));
  }

  private *checkEverything(reread: readonly string[]): Generator<void, void> {
    const model = (this.model = assembleModel(this.order.map((file) => file.fragment)));
    this.catalog = { kpis: model.kpis, settings: model.settings, queryFiles: model.queryFiles, definitions: model.definitions };
    this.teams = model.teams;
    this.teamIds = model.definitions.teams.map((team) => team.id).join('\u0000');
    this.teamsWithoutFile = this.order.some((file) => namesTeamWithoutFile(file.fragment, model.teams));
    this.unreadableFiles = this.order.filter((file) => file.unreadable).map((file) => file.loaded.path);
    this.filesByTeam.clear();
    for (const file of this.order) this.index(file, 'add');
    const found: Diagnostic[] = [];
    for (const check of checks) {
      for (const d of check.run(model)) found.push(d);
      yield;
    }
    this.checkDiagnostics.clear();
    this.keep(withoutGuesses(found, this.unreadableFiles), undefined);
    this.lastRun = { reread, checked: 'all' };
  }

  private checkAffected(changed: readonly Change[]): void {
    for (const { before, after } of changed) {
      this.index(before, 'delete');
      this.index(after, 'add');
    }
    const affected = this.affectedFiles(changed);
    const files = [...affected].sort().map((path) => this.files.get(path)!);
    const catalog = this.catalog!;
    const goalSets = files.flatMap((file) => file.fragment.goalSets);
    readPeriods(
      changed.flatMap(({ after }) => after.fragment.goalSets),
      catalog.settings,
    );
    const subset: GoalsModel = {
      ...catalog,
      teams: this.teams,
      goalSets,
      checkIns: files.flatMap((file) => file.fragment.checkIns),
      actuals: files.flatMap((file) => (file.fragment.actuals ? [file.fragment.actuals] : [])),
      // Every definition of a team the affected files define; a team defined twice is defined in two files of one group.
      definitions: { ...catalog.definitions, teams: files.flatMap((file) => file.fragment.teams) },
    };
    for (const path of affected) this.checkDiagnostics.delete(path);
    this.keep(withoutGuesses(runChecks(subset), this.unreadableFiles), affected);
    this.lastRun = { reread: changed.map(({ after }) => after.loaded.path), checked: files.map((file) => file.loaded.path) };
  }

  private index(file: KeptFile, how: 'add' | 'delete'): void {
    if (file.scope === 'global') return;
    for (const team of file.scope) {
      let paths = this.filesByTeam.get(team);
      if (!paths) {
        if (how === 'delete') continue;
        this.filesByTeam.set(team, (paths = new Set()));
      }
      if (how === 'add') paths.add(file.loaded.path);
      else if (paths.delete(file.loaded.path) && paths.size === 0) this.filesByTeam.delete(team);
    }
  }

  /**
   * The changed files, and every file reached from the teams they concern,
   * before or after the change, through files that concern more than one
   * team. The teams a changed file concerned before the change are all
   * starting points, so what a removed `alignsTo` joined is reached too.
   */
  private affectedFiles(changed: readonly Change[]): Set<string> {
    const affected = new Set(changed.map(({ after }) => after.loaded.path));
    const teams: string[] = [];
    const seen = new Set<string>();
    const reach = (scope: Scope): void => {
      if (scope === 'global') return;
      for (const team of scope) {
        if (seen.has(team)) continue;
        seen.add(team);
        teams.push(team);
      }
    };
    for (const { before, after } of changed) {
      reach(before.scope);
      reach(after.scope);
    }
    for (let i = 0; i < teams.length; i++) {
      for (const path of this.filesByTeam.get(teams[i]!) ?? []) {
        if (affected.has(path)) continue;
        affected.add(path);
        reach(this.files.get(path)!.scope);
      }
    }
    return affected;
  }

  /** Keeps what the checks found, by file; with `only`, just for those files (the rest is another group's, already kept). */
  private keep(found: readonly Diagnostic[], only: ReadonlySet<string> | undefined): void {
    for (const d of found) {
      if (only && !only.has(d.file)) continue;
      let list = this.checkDiagnostics.get(d.file);
      if (!list) this.checkDiagnostics.set(d.file, (list = []));
      list.push(d);
    }
  }
}
