import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJson } from '../../src/reporters/json.js';
import { formatText } from '../../src/reporters/text.js';

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
});
