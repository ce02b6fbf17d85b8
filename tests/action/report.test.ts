import { describe, expect, it } from 'vitest';
import { buildComment, buildSummary, commentLimitChars, commentMarker, summaryLimitBytes, truncate, type ActionReport } from '../../src/action/report.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { asRead, readLikeGithub } from '../helpers/github-markdown.js';

function diagnostic(i: number): Diagnostic {
  return { code: 'unknown-person', severity: 'error', message: `The owner "某人${i}" is not a member of team "marketing". ${'说明'.repeat(40)}`, file: 'goals/a.yaml', line: i + 1, column: 3, endLine: i + 1, endColumn: 9 };
}

const base: Omit<ActionReport, 'diagnostics'> = { goalsPath: 'goals', annotated: 20, diff: undefined, diffUnavailable: undefined, report: undefined, scorecards: [], fiscalYearStart: 1 };

describe('the job summary and the comment', () => {
  it('stay within 1 MiB and 65,536 characters, cut at a line, with a note', () => {
    const report: ActionReport = { ...base, diagnostics: Array.from({ length: 8000 }, (_, i) => diagnostic(i)) };
    const summary = buildSummary(report);
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(summaryLimitBytes);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(summaryLimitBytes - 2000);
    expect(summary).toMatch(/\| `goals\/a\.yaml:\d+:3` \| error \| `unknown-person` \| [^\n]+ \|\n\n> ✂️ \*\*Truncated\*\*/);
    const comment = buildComment(report, undefined);
    expect(comment.length).toBeLessThanOrEqual(commentLimitChars);
    expect(comment.startsWith(commentMarker)).toBe(true);
  });

  it('list every problem in the summary but only count them in a comment when there are many', () => {
    const report: ActionReport = { ...base, diagnostics: Array.from({ length: 60 }, (_, i) => diagnostic(i)) };
    expect(buildSummary(report).match(/^\| `goals/gm)).toHaveLength(60);
    const comment = buildComment(report, 'https://github.com/acme/goals/actions/runs/1');
    expect(comment).toContain('❌ **goals**: 60 errors, 0 warnings.');
    expect(comment).not.toContain('| `goals');
  });

  it('keep a file path with a backtick or a pipe, and a message with Markdown, in their table cells as text', () => {
    const d: Diagnostic = { ...diagnostic(0), file: 'goals/a`b|c.yaml', message: 'Unknown kind "## [x](https://evil.example) @octocat #1".' };
    const table = readLikeGithub(buildSummary({ ...base, diagnostics: [d] })).tables[0]!;
    expect(table.slice(1).map((row) => row.map(asRead))).toEqual([['goals/a`b|c.yaml:1:3', 'error', 'unknown-person', 'Unknown kind "## [x](https://evil.example) @octocat #1".']]);
    expect(buildSummary({ ...base, diagnostics: [{ ...d, file: 'goals/a`b.yaml' }] })).toContain('| ``goals/a`b.yaml:1:3`` |');
  });

  it('truncate counts bytes or characters', () => {
    expect(truncate('short', 100, 'chars')).toBe('short');
    const cut = truncate(`${'一'.repeat(100)}\n${'二'.repeat(100)}`, 500, 'bytes');
    expect(cut.startsWith(`${'一'.repeat(100)}\n\n> ✂️`)).toBe(true);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(500);
  });
});
