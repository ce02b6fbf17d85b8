import { countBySeverity } from '../diagnostics/diagnostic.js';
import type { RepositoryFile } from '../load/load-file.js';
import { scoreRepository } from '../score/score.js';
import { validateRepository } from '../validate.js';
import { diffGoals, type GoalsDiff } from './diff.js';

/**
 * Compares two versions of a goals repository. Scores (and so the effects of
 * a change on attainment, status and team score) are computed only for a
 * version without errors, and for both as of the same month: the head's.
 */
export function compareRepositories(baseFiles: readonly RepositoryFile[], headFiles: readonly RepositoryFile[]): GoalsDiff {
  const base = validateRepository(baseFiles);
  const head = validateRepository(headFiles);
  const valid = (result: typeof base): boolean => countBySeverity(result.diagnostics).errors === 0;
  const headReport = valid(head) ? scoreRepository(head.model) : undefined;
  const asOf = headReport?.asOf ?? undefined;
  const baseReport = valid(base) ? scoreRepository(base.model, asOf === undefined ? {} : { asOf }) : undefined;
  return diffGoals({ model: base.model, report: baseReport }, { model: head.model, report: headReport });
}
