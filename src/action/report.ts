import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiff } from '../diff/format-diff.js';
import type { GoalsDiff } from '../diff/diff.js';
import { escapeMarkdown, markdownCode } from '../render/escape.js';
import { createFormatter } from '../text/format.js';
import type { ScoreReport } from '../score/score.js';

/** GitHub's limits: a job summary of 1 MiB, a comment of 65,536 characters. */
export const summaryLimitBytes = 1024 * 1024;
export const commentLimitChars = 65_536;

/** The hidden line by which the action finds its own comment on a pull request again. */
export const commentMarker = '<!-- goalpost:pull-request-comment -->';

export interface ActionReport {
  goalsPath: string;
  diagnostics: readonly Diagnostic[];
  /** Diagnostics shown as annotations; the others are only listed. */
  annotated: number;
  diff: GoalsDiff | undefined;
  /** Why there is no diff, when there could have been one, as plain text (it quotes git's error). */
  diffUnavailable: string | undefined;
  report: ScoreReport | undefined;
  /** The Markdown scorecards of the teams, in order. */
  scorecards: readonly string[];
  /** The settings' first month of the fiscal year, to name FY periods. */
  fiscalYearStart: number;
}

/*
 * The summary and the comment are read on GitHub, and all but goalpost's own
 * words come from the pull request: every path, name and message goes through
 * escapeMarkdown, or markdownCode as inline code.
 */

function validationSection(report: ActionReport, listAll: boolean): string[] {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const lines: string[] = [];
  const goalsPath = escapeMarkdown(report.goalsPath);
  if (errors === 0 && warnings === 0) {
    lines.push(`✅ **${goalsPath}** is valid: no problems found.`);
    return lines;
  }
  const icon = errors > 0 ? '❌' : '⚠️';
  lines.push(`${icon} **${goalsPath}**: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
  if (!listAll) return lines;
  if (report.annotated < report.diagnostics.length) {
    lines.push('', `GitHub shows at most 10 errors and 10 warnings as annotations on the changed lines; all ${report.diagnostics.length} are listed here.`);
  }
  lines.push('', '| Location | Severity | Code | Problem |', '|---|---|---|---|');
  for (const d of report.diagnostics) {
    lines.push(`| ${markdownCode(`${d.file}:${d.line}:${d.column}`)} | ${d.severity} | \`${d.code}\` | ${escapeMarkdown(d.message)} |`);
  }
  return lines;
}

function scoresTable(report: ScoreReport, fiscalYearStart: number): string[] {
  // The summary and the comment are in English; the scorecards below them are in the repository's locale.
  const format = createFormatter('en', 'CNY', '—', fiscalYearStart);
  const lines = [
    `As of ${report.asOf === null ? 'no actuals' : format.month(report.asOf)}.`,
    '',
    `| Team | Period | Score | On track | At risk | Off track | No data |`,
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  for (const team of report.teams) {
    const count = (status: string): number => team.goals.filter((g) => g.status === status).length;
    lines.push(
      `| ${escapeMarkdown(team.name ?? team.team)} (${escapeMarkdown(team.team)}) | ${escapeMarkdown(format.period(team.period))} | ${format.percent(team.score)} | ${count('on-track')} | ${count('at-risk')} | ${count('off-track')} | ${count('no-data')} |`,
    );
  }
  return lines;
}

function diffSection(report: ActionReport): string[] {
  if (report.diff) return ['### What this change does to the goals', '', formatDiff(report.diff, 'md').trimEnd()];
  if (report.diffUnavailable) return ['### What this change does to the goals', '', `_${escapeMarkdown(report.diffUnavailable)}_`];
  return [];
}

/** The job summary: validation (every problem), the diff, the scores and the full scorecards; within 1 MiB. */
export function buildSummary(report: ActionReport): string {
  const sections: string[][] = [['## goalpost', '', ...validationSection(report, true)]];
  const diff = diffSection(report);
  if (diff.length > 0) sections.push(diff);
  if (report.report) {
    sections.push(['### Scores', '', ...scoresTable(report.report, report.fiscalYearStart)]);
    for (const scorecard of report.scorecards) sections.push([scorecard.trimEnd().replace(/^# /, '### ')]);
  }
  return truncate(sections.map((s) => s.join('\n')).join('\n\n') + '\n', summaryLimitBytes, 'bytes');
}

/** The pull-request comment: validation, the diff and the scores; within 65,536 characters. */
export function buildComment(report: ActionReport, runUrl: string | undefined): string {
  const sections: string[][] = [[commentMarker, '## goalpost', '', ...validationSection(report, report.diagnostics.length <= 50)]];
  const diff = diffSection(report);
  if (diff.length > 0) sections.push(diff);
  if (report.report) sections.push(['### Scores', '', ...scoresTable(report.report, report.fiscalYearStart)]);
  if (runUrl) sections.push([`[Full report in the job summary](${runUrl})`]);
  return truncate(sections.map((s) => s.join('\n')).join('\n\n') + '\n', commentLimitChars, 'chars');
}

/**
 * Cuts Markdown at a line boundary so that it fits, and says so at the end;
 * the limit is in UTF-8 bytes or in characters (UTF-16 code units).
 */
export function truncate(text: string, limit: number, unit: 'bytes' | 'chars'): string {
  const size = (s: string): number => (unit === 'bytes' ? Buffer.byteLength(s, 'utf8') : s.length);
  if (size(text) <= limit) return text;
  const note = '\n\n> ✂️ **Truncated**: this report was longer than GitHub allows here. The full results are in `goalpost validate` and `goalpost render` output.\n';
  const budget = limit - size(note);
  const lines = text.split('\n');
  let kept = '';
  for (const line of lines) {
    const next = kept === '' ? line : `${kept}\n${line}`;
    if (size(next) > budget) break;
    kept = next;
  }
  return `${kept}${note}`;
}
