import * as core from '@actions/core';
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareRepositories } from '../diff/compare.js';
import type { GoalsDiff } from '../diff/diff.js';
import { GitGoals } from '../git/git.js';
import { revisionsFromGit } from '../history/read-history.js';
import { describeFailure } from '../load/file-system-error.js';
import { readGoalFiles } from '../load/read-directory.js';
import { renderScorecardFiles } from '../render/render.js';
import { loadTemplates } from '../render/templates.js';
import { checkOutputFolder, writeOutputFiles } from '../render/write-output.js';
import { scoreRepository, type ScoreReport } from '../score/score.js';
import { validateRepository } from '../validate.js';
import { annotationRange } from '../reporters/github.js';
import { escapeTerminal } from '../text/terminal.js';
import { upsertComment } from './comment.js';
import { pullRequestOf, readWorkflowEvent, repositoryOf, type WorkflowEvent } from './event.js';
import { buildComment, buildSummary, type ActionReport } from './report.js';

/** GitHub shows at most this many annotations of each severity per step, and drops the rest silently. */
const annotationLimit = 10;

function annotate(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').slice(0, annotationLimit);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').slice(0, annotationLimit);
  // Errors first, so that warnings never crowd them out.
  for (const d of [...errors, ...warnings]) {
    const properties: core.AnnotationProperties = { title: `goalpost ${d.code}`, file: d.file, ...annotationRange(d) };
    // @actions/core keeps line breaks from ending the command; escape sequences are shown as escapes, as by `--format github`.
    if (d.severity === 'error') core.error(escapeTerminal(d.message), properties);
    else core.warning(escapeTerminal(d.message), properties);
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
    // Link text may hold escaped brackets (a name with `\]` in it): a backslash and any character are one unit.
    .replace(/\[((?:\\.|[^\]\\])*)\]\((?:\.\.\/)?(?:people|teams)\/[^)]*\)/g, '$1')
    .replace(/^\[[^\]]*\]\(\.\.\/index\.md\)\n?/m, '');
}

export async function run(): Promise<void> {
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const goalsPath = core.getInput('path').trim() || 'goals';
  const mode = choiceInput('mode', ['validate', 'scorecard', 'both'] as const, 'both');
  const failOn = choiceInput('fail-on', ['error', 'warning'] as const, 'error');
  const out = core.getInput('out').trim();
  const event = readWorkflowEvent();
  const pullRequest = pullRequestOf(event);
  const comment = booleanInput('comment', pullRequest !== undefined) && pullRequest !== undefined;
  // What makes the step fail besides the goals themselves; reported once the summary and the outputs are written.
  const failures: string[] = [];
  if (event.problem) failures.push(event.problem);
  if (comment && pullRequest.number === undefined) {
    failures.push('The pull_request event has no pull_request.number, so the pull-request comment cannot be posted.');
  }

  const files = await readGoalFiles(goalsPath, workspace);
  const validation = validateRepository(files);
  const model = validation.model;

  let report: ScoreReport | undefined;
  const scorecards: string[] = [];
  if (mode !== 'validate' && countBySeverity(validation.diagnostics).errors === 0) {
    report = scoreRepository(model);
    const templates = await loadTemplates();
    // The team pages come before the people's, which the summary does not show.
    for (const file of renderScorecardFiles(report, model, { locale: model.settings.locale, formats: ['md'], templates })) {
      if (file.path.startsWith('people/')) break;
      if (file.path.startsWith('teams/')) scorecards.push(withoutSiteLinks(file.content));
    }
    if (out !== '') {
      await checkOutputFolder(out, goalsPath, workspace);
      const revisions = await revisionsFromGit(workspace, goalsPath, model);
      const written = await writeOutputFiles(
        out,
        renderScorecardFiles(report, model, { locale: model.settings.locale, formats: ['md', 'html'], templates, revisions }),
        workspace,
      );
      core.info(`Wrote ${written.written.length} scorecard files to ${out}/${written.unchanged.length > 0 ? ` (${written.unchanged.length} unchanged)` : ''}.`);
    }
  }

  let diff: GoalsDiff | undefined;
  let diffUnavailable: string | undefined;
  const baseSha = pullRequest?.baseSha;
  if (baseSha) {
    try {
      const repository = await GitGoals.open(workspace, goalsPath);
      diff = compareRepositories(await repository.filesAt(await repository.resolve(baseSha)), files);
    } catch (error) {
      diffUnavailable = `The base commit ${baseSha.slice(0, 7)} is not in this checkout, so the change cannot be explained; check out with fetch-depth: 0. (${(error as Error).message})`;
    }
  }

  // A change to a closed goal set is a problem of the pull request like those of its files: annotated on the head's lines, counted, and failing the run.
  const diagnostics = [...validation.diagnostics, ...(diff?.problems ?? [])].sort(compareDiagnostics);
  const { errors, warnings } = countBySeverity(diagnostics);
  const annotated = annotate(diagnostics);

  const actionReport: ActionReport = { goalsPath, diagnostics, annotated, diff, diffUnavailable, report, scorecards, fiscalYearStart: model.settings.fiscalYearStart };
  const summaryFailure = await writeJobSummary(buildSummary(actionReport), workspace);
  if (summaryFailure) failures.push(summaryFailure);

  const scores = Object.fromEntries((report?.teams ?? []).map((team) => [`${team.team}/${team.period}`, team.score]));
  const failed = errors > 0 || (failOn === 'warning' && warnings > 0);
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('score', JSON.stringify(scores));
  core.setOutput('status', failed || failures.length > 0 ? 'failure' : 'success');

  if (comment && pullRequest.number !== undefined) {
    try {
      await postComment(event, pullRequest.number, buildComment(actionReport, runUrl(event)));
    } catch (error) {
      // The report is in the summary and the outputs; a comment that could not be posted must not fail the check.
      core.warning(`The pull-request comment was not posted: ${describeFailure(error, workspace)}`);
    }
  }

  for (const failure of failures) core.setFailed(`goalpost: ${failure}`);
  if (failed) {
    const what = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : `${warnings} warning${warnings === 1 ? '' : 's'} (fail-on: warning)`;
    core.setFailed(`goalpost found ${what} in ${goalsPath}.`);
  }
}

/** Writes the job summary; returns why it could not be written, if it could not. */
async function writeJobSummary(markdown: string, workspace: string): Promise<string | undefined> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return 'GITHUB_STEP_SUMMARY is not set, so the job summary was not written; run goalpost as a step of a GitHub Actions job.';
  try {
    await core.summary.addRaw(markdown).write();
    return undefined;
  } catch (error) {
    return `The job summary was not written: ${describeFailure(error, workspace)}`;
  }
}

function runUrl(event: WorkflowEvent): string | undefined {
  const server = process.env['GITHUB_SERVER_URL'];
  const runId = process.env['GITHUB_RUN_ID'];
  const repository = repositoryOf(event);
  return server && runId && repository ? `${server}/${repository.owner}/${repository.repo}/actions/runs/${runId}` : undefined;
}

async function postComment(event: WorkflowEvent, issueNumber: number, body: string): Promise<void> {
  const token = core.getInput('token');
  if (token === '') {
    core.warning('No token: the pull-request comment was not posted. Pass `token: ${{ github.token }}`.');
    return;
  }
  const repository = repositoryOf(event);
  if (!repository) throw new Error('GITHUB_REPOSITORY does not name the repository (owner/name).');
  // Loaded only now: it reads the event file as it loads, which readWorkflowEvent has found to be sound.
  const { getOctokit } = await import('@actions/github');
  const result = await upsertComment(getOctokit(token), { ...repository, issueNumber }, body);
  core.info(`${result.action === 'created' ? 'Created' : 'Updated'} the goalpost comment ${result.id} on #${issueNumber} (${event.name}).`);
}
