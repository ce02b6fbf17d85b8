import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatText } from '../../src/reporters/text.js';
import { actingCharacter, ownColours } from '../helpers/inert-text.js';

const diagnostics: Diagnostic[] = [
  { code: 'unknown-kpi', severity: 'error', message: 'KPI "revenu" is not in the KPI catalog.', file: 'goals/a.yaml', line: 8, column: 10, endLine: 8, endColumn: 16 },
  { code: 'due-outside-period', severity: 'warning', message: 'Due outside.', file: 'goals/a.yaml', line: 9, column: 3, endLine: 9, endColumn: 5 },
  { code: 'weights-total', severity: 'error', message: 'Weights add up to 95.', file: 'goals/b.yaml', line: 5, column: 1, endLine: 5, endColumn: 6 },
];

describe('text reporter', () => {
  it('prints file:line:column severity code message, a blank line between files, and a summary', () => {
    expect(formatText(diagnostics, { color: false })).toBe(
      [
        'goals/a.yaml:8:10 error unknown-kpi KPI "revenu" is not in the KPI catalog.',
        'goals/a.yaml:9:3 warning due-outside-period Due outside.',
        '',
        'goals/b.yaml:5:1 error weights-total Weights add up to 95.',
        '',
        '✖ 2 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('shows line breaks, escape sequences and bidirectional overrides in file names and messages as escapes', () => {
    const hostile: Diagnostic = { ...diagnostics[0]!, file: 'goals/a\n::error::b.yaml', message: 'KPI "x\r\n::warning::y\u001b[2J\u009b31m\u202e\t" is not in the KPI catalog.' };
    const expected = 'goals/a\\n::error::b.yaml:8:10 error unknown-kpi KPI "x\\r\\n::warning::y\\u001b[2J\\u009b31m\\u202e\\t" is not in the KPI catalog.';
    expect(formatText([hostile], { color: false }).split('\n')).toEqual([expected, '', '✖ 1 error, 0 warnings', '']);
    // In colour, the only escape sequences are goalpost's own.
    const coloured = formatText([hostile], { color: true });
    expect(coloured.replace(ownColours, '')).toBe(formatText([hostile], { color: false }));
  });

  it('colours only when asked', () => {
    expect(formatText(diagnostics, { color: true })).toContain('\u001b[31merror\u001b[39m');
    expect(formatText(diagnostics, { color: false })).not.toContain('\u001b[');
    expect(formatText([], { color: false })).toBe('✓ No problems found.\n');
  });
});

describe('json reporter', () => {
  it('prints an array of diagnostics with every field', () => {
    const parsed = JSON.parse(formatJson(diagnostics)) as Diagnostic[];
    expect(parsed).toEqual(diagnostics);
    expect(Object.keys(parsed[0]!)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('writes the controls and overrides that JSON allows raw as \\u escapes, which read back as the same text', () => {
    const hostile: Diagnostic = { ...diagnostics[0]!, message: 'x\u001b[2J\u009b31m\u0085\u2028\u202e\u2066\u007f 李' };
    const text = formatJson([hostile]);
    expect(text).toContain('"message": "x\\u001b[2J\\u009b31m\\u0085\\u2028\\u202e\\u2066\\u007f 李"');
    expect(text).not.toMatch(actingCharacter);
    expect((JSON.parse(text) as Diagnostic[])[0]!.message).toBe(hostile.message);
  });
});
