import { GitGoals, type Commit, type FileListing } from '../git/git.js';
import { buildModel } from '../load/build-model.js';
import { isYamlPath, loadFile, type LoadedFile } from '../load/load-file.js';
import type { GoalsModel } from '../model/model.js';
import { goalHistory, targetRevisions, type TargetRevision, type Version } from './goal-history.js';

/** Reading more commits than this takes long enough to say so before it starts. */
const manyCommits = 2000;
/** Reading that has taken this long so far is said to be slow while it goes on. */
const slowAfterMilliseconds = 3000;

export interface ReadHistoryOptions {
  /** Told once when reading the history is slow, with a line for standard error. */
  warn?: (text: string) => void;
}

/** Every committed version of the goals folder, oldest first. */
export async function readVersions(repository: GitGoals, options: ReadHistoryOptions = {}): Promise<Version[]> {
  const commits = await repository.history();
  return versionsAt(repository, commits, slowness(commits.length, options.warn, 'this may take a while'));
}

/**
 * The target revisions of the goals in `model`, from the git history of the
 * goals folder; none when it is not in a git repository (or the clone is too
 * shallow to have the history), since the notes are a courtesy, not a check.
 *
 * A revision is a target change committed during its goal's period, so the
 * commits git lists before the first one dated in or after the earliest month
 * shown are not read, but for the last of them, the starting point. Every
 * commit after it is read, whatever its date, because a goal renamed later
 * carries its revisions to its new id.
 */
export async function revisionsFromGit(cwd: string, dir: string, model: GoalsModel, warn?: (text: string) => void): Promise<Map<string, TargetRevision[]>> {
  try {
    const repository = await GitGoals.open(cwd, dir);
    const periods = new Map(model.goalSets.flatMap((set) => (set.period ? [[set.period.id, set.period.months] as const] : [])));
    const firstMonth = [...periods.values()].flatMap((months) => months.slice(0, 1)).sort()[0];
    const commits = await repository.history();
    const first = firstMonth === undefined ? -1 : commits.findIndex((commit) => commit.date.slice(0, 7) >= firstMonth);
    if (first === -1) return new Map();
    const read = commits.slice(Math.max(0, first - 1));
    const versions = await versionsAt(repository, read, slowness(read.length, warn, '--no-history skips it'));
    // Each version knows what it changed since the one before it, so the starting point itself is left out.
    const events = goalHistory(first === 0 ? versions : versions.slice(1));
    return targetRevisions(events, (period) => periods.get(period));
  } catch {
    return new Map();
  }
}

/** Says once that reading is slow: before it starts for many commits, or once it has taken a few seconds. */
function slowness(commits: number, warn: ((text: string) => void) | undefined, remedy: string): () => void {
  const started = performance.now();
  let said = false;
  const check = (): void => {
    if (said || !warn || (commits <= manyCommits && performance.now() - started < slowAfterMilliseconds)) return;
    said = true;
    warn(`goalpost: reading the git history of the goals (${commits.toLocaleString('en-US')} commits); ${remedy}.\n`);
  };
  check();
  return check;
}

/**
 * The goals at each of `commits`. Only YAML files are read (actuals never
 * change a target, weight or owner), and each version of a file is read and
 * loaded once, however many commits keep it unchanged: a commit that changes
 * one goal set costs one parse, not one parse of every file.
 */
async function versionsAt(repository: GitGoals, commits: readonly Commit[], checkSlowness: () => void): Promise<CommittedVersion[]> {
  const listings = (await repository.listingsAt(commits.map((commit) => commit.hash))).map((files) => files.filter((file) => isYamlPath(file.path)));
  checkSlowness();
  const fileKey = (file: FileListing): string => `${file.object}\u0000${file.path}`;
  const objects = [...new Set(listings.flat().map((file) => file.object))];
  const contents = new Map((await repository.blobs(objects)).map((bytes, index) => [objects[index]!, bytes]));
  checkSlowness();
  const loaded = new Map<string, LoadedFile>();
  const versions: CommittedVersion[] = [];
  commits.forEach((commit, index) => {
    const files = listings[index]!.map((file) => {
      const key = fileKey(file);
      let result = loaded.get(key);
      if (!result) loaded.set(key, (result = loadFile({ path: file.path, bytes: contents.get(file.object)! })));
      return result;
    });
    // In the order loadRepository builds a model from, so that the first definition of an id wins as it does there.
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    versions.push(new CommittedVersion(commit, files, versions.at(-1)));
    checkSlowness();
  });
  return versions;
}

/** What one loaded file holds that a comparison of two versions cares about. */
interface FileRole {
  /** The goal sets it defines, by team and period: how `goalpost diff` matches goal sets across versions. */
  goalSets: ReadonlySet<string>;
  /** Whether it holds the KPI catalog or the settings, which the units of every goal come from. */
  context: boolean;
}

const roles = new WeakMap<LoadedFile, FileRole>();

function roleOf(file: LoadedFile): FileRole {
  let role = roles.get(file);
  if (!role) {
    const goalSets = buildModel([file]).goalSets.filter((set) => set.team !== undefined);
    role = {
      goalSets: new Set(goalSets.map((set) => `${set.team}\u0000${set.period?.id ?? set.periodText}`)),
      context: file.documents.some((document) => document.kind === 'KpiCatalog' || document.kind === 'Settings'),
    };
    roles.set(file, role);
  }
  return role;
}

/**
 * One commit's files, loaded. Its model is built when asked for; what the
 * commit changed is worked out from the files it touched, so that a long
 * history of a large repository never holds a model per commit.
 */
class CommittedVersion implements Version {
  private built: GoalsModel | undefined;

  constructor(
    readonly commit: Commit,
    /** Sorted by path; a file unchanged since the version before is the same object. */
    private readonly files: readonly LoadedFile[],
    private readonly previous: CommittedVersion | undefined,
  ) {}

  get model(): GoalsModel {
    return (this.built ??= buildModel(this.files));
  }

  get changed(): { before: GoalsModel; after: GoalsModel } {
    const before = this.previous?.files ?? [];
    const beforeFiles = new Set(before);
    const afterFiles = new Set(this.files);
    const touched = [...before.filter((file) => !afterFiles.has(file)), ...this.files.filter((file) => !beforeFiles.has(file))];
    const goalSets = new Set(touched.flatMap((file) => [...roleOf(file).goalSets]));
    const concerned = (file: LoadedFile): boolean => roleOf(file).context || [...roleOf(file).goalSets].some((key) => goalSets.has(key));
    return { before: buildModel(before.filter(concerned)), after: buildModel(this.files.filter(concerned)) };
  }
}
