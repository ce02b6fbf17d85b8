import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareRepositories } from '../diff/compare.js';
import type { GoalsDiff } from '../diff/diff.js';
import { GitGoals } from '../git/git.js';
import { revisionsFromGit } from '../history/read-history.js';
import { readGoalsDirectory } from '../load/read-directory.js';
import { renderScorecardFiles } from '../render/render.js';
import { loadTemplates } from '../render/templates.js';
import { checkOutputFolder, writeOutputFiles } from '../render/write-output.js';
import { scoreRepository, type ScoreReport } from '../score/score.js';
import { validateRepository } from '../validate.js';
import { annotationRange } from '../reporters/github.js';
import { upsertComment } from './comment.js';
import { buildComment, buildSummary, type ActionReport } from './report.js';

/** GitHub shows at most this many annotations of each severity per step, and drops the rest silently. */
const annotationLimit = 10;

function annotate(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').slice(0, annotationLimit);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').slice(0, annotationLimit);
  // Errors first, so that warnings never crowd them out.
  for (const d of [...errors, ...warnings]) {
    const properties: core.AnnotationProperties = { title: `goalpost ${d.code}`, file: d.file, ...annotationRange(d) };
    if (d.severity === 'error') core.error(d.message, properties);
    else core.warning(d.message, properties);
  }
  return errors.length + warnings.length;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new Error(`Input "${name}" must be true or false, not "${value}".`);
}

function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim() || fallback;
  if (!(choices as readonly string[]).includes(value)) throw new Error(`Input "${name}" must be one of ${choices.join(', ')}, not "${value}".`);
  return value as T;
}

/** A scorecard shown in the job summary has no site around it: its links to other pages would lead nowhere. */
function withoutSiteLinks(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\((?:\.\.\/)?(?:people|teams)\/[^)]*\)/g, '$1')
    .replace(/^\[[^\]]*\]\(\.\.\/index\.md\)\n?/m, '');
}

export async function run(): Promise<void> {
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const goalsPath = core.getInput('path').trim() || 'goals';
  const mode = choiceInput('mode', ['validate', 'scorecard', 'both'] as const, 'both');
  const failOn = choiceInput('fail-on', ['error', 'warning'] as const, 'error');
  const out = core.getInput('out').trim();
  const { eventName, payload } = github.context;
  const pullRequest = payload.pull_request as { number: number; base?: { sha?: string } } | undefined;
  const comment = booleanInput('comment', pullRequest !== undefined) && pullRequest !== undefined;

  const files = await readGoalsDirectory(goalsPath, workspace);
  const { model, diagnostics } = validateRepository(files);
  const { errors, warnings } = countBySeverity(diagnostics);
  const annotated = annotate(diagnostics);

  let report: ScoreReport | undefined;
  const scorecards: string[] = [];
  if (mode !== 'validate' && errors === 0) {
    report = scoreRepository(model);
    const templates = await loadTemplates();
    // The team pages come before the people's, which the summary does not show.
    for (const file of renderScorecardFiles(report, model, { locale: model.settings.locale, formats: ['md'], templates })) {
      if (file.path.startsWith('people/')) break;
      if (file.path.startsWith('teams/')) scorecards.push(withoutSiteLinks(file.content));
    }
    if (out !== '') {
      await checkOutputFolder(path.resolve(workspace, out), path.resolve(workspace, goalsPath));
      const revisions = await revisionsFromGit(workspace, goalsPath, model);
      const written = await writeOutputFiles(
        path.resolve(workspace, out),
        renderScorecardFiles(report, model, { locale: model.settings.locale, formats: ['md', 'html'], templates, revisions }),
      );
      core.info(`Wrote ${written.length} scorecard files to ${out}/.`);
    }
  }

  let diff: GoalsDiff | undefined;
  let diffUnavailable: string | undefined;
  const baseSha = pullRequest?.base?.sha;
  if (baseSha) {
    try {
      const repository = await GitGoals.open(workspace, goalsPath);
      diff = compareRepositories(await repository.filesAt(await repository.resolve(baseSha)), files);
    } catch (error) {
      diffUnavailable = `The base commit ${baseSha.slice(0, 7)} is not in this checkout, so the change cannot be explained; check out with \`fetch-depth: 0\`. (${(error as Error).message})`;
    }
  }

  const actionReport: ActionReport = { goalsPath, diagnostics, annotated, diff, diffUnavailable, report, scorecards };
  await core.summary.addRaw(buildSummary(actionReport)).write();

  const scores = Object.fromEntries((report?.teams ?? []).map((team) => [`${team.team}/${team.period}`, team.score]));
  const failed = errors > 0 || (failOn === 'warning' && warnings > 0);
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('score', JSON.stringify(scores));
  core.setOutput('status', failed ? 'failure' : 'success');

  if (comment && pullRequest) {
    const token = core.getInput('token');
    if (token === '') {
      core.warning('No token: the pull-request comment was not posted. Pass `token: ${{ github.token }}`.');
    } else {
      const runUrl = process.env['GITHUB_SERVER_URL'] && process.env['GITHUB_RUN_ID']
        ? `${process.env['GITHUB_SERVER_URL']}/${github.context.repo.owner}/${github.context.repo.repo}/actions/runs/${process.env['GITHUB_RUN_ID']}`
        : undefined;
      const result = await upsertComment(
        github.getOctokit(token),
        { owner: github.context.repo.owner, repo: github.context.repo.repo, issueNumber: pullRequest.number },
        buildComment(actionReport, runUrl),
      );
      core.info(`${result.action === 'created' ? 'Created' : 'Updated'} the goalpost comment ${result.id} on #${pullRequest.number} (${eventName}).`);
    }
  }

  if (failed) {
    const what = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : `${warnings} warning${warnings === 1 ? '' : 's'} (fail-on: warning)`;
    core.setFailed(`goalpost found ${what} in ${goalsPath}.`);
  }
}
