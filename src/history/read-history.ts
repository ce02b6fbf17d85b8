import { GitGoals } from '../git/git.js';
import type { GoalsModel } from '../model/model.js';
import { validateRepository } from '../validate.js';
import { goalHistory, targetRevisions, type TargetRevision, type Version } from './goal-history.js';

/** Every committed version of the goals folder, oldest first. */
export async function readVersions(repository: GitGoals): Promise<Version[]> {
  const versions: Version[] = [];
  for (const commit of await repository.history()) {
    versions.push({ commit, model: validateRepository(await repository.filesAt(commit.hash)).model });
  }
  return versions;
}

/**
 * The target revisions of the goals in `model`, from the git history of the
 * goals folder; none when it is not in a git repository (or the clone is too
 * shallow to have the history), since the notes are a courtesy, not a check.
 */
export async function revisionsFromGit(cwd: string, dir: string, model: GoalsModel): Promise<Map<string, TargetRevision[]>> {
  try {
    const repository = await GitGoals.open(cwd, dir);
    const periods = new Map(model.goalSets.flatMap((set) => (set.period ? [[set.period.id, set.period.months] as const] : [])));
    return targetRevisions(goalHistory(await readVersions(repository)), (period) => periods.get(period));
  } catch {
    return new Map();
  }
}
