import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGithub } from '../../src/reporters/github.js';

const warning: Diagnostic = { code: 'due-outside-period', severity: 'warning', message: 'Due outside.', file: 'goals/a.yaml', line: 9, column: 3, endLine: 9, endColumn: 5 };
const error: Diagnostic = { code: 'unknown-kpi', severity: 'error', message: 'KPI "revenu" is not in the KPI catalog.', file: 'goals/市场.yaml', line: 8, column: 10, endLine: 8, endColumn: 16 };
const error2: Diagnostic = { code: 'weights-total', severity: 'error', message: 'Weights add up to 95.', file: 'goals/b.yaml', line: 5, column: 1, endLine: 5, endColumn: 2 };

describe('github reporter', () => {
  it('writes one workflow command per diagnostic, errors before warnings, with an inclusive end column', () => {
    expect(formatGithub([warning, error, error2])).toBe(
      [
        '::error file=goals/市场.yaml,line=8,col=10,endLine=8,endColumn=15,title=goalpost unknown-kpi::KPI "revenu" is not in the KPI catalog.',
        '::error file=goals/b.yaml,line=5,col=1,endLine=5,endColumn=1,title=goalpost weights-total::Weights add up to 95.',
        '::warning file=goals/a.yaml,line=9,col=3,endLine=9,endColumn=4,title=goalpost due-outside-period::Due outside.',
        '',
      ].join('\n'),
    );
    expect(formatGithub([])).toBe('');
  });

  it('percent-encodes % in the message, and % line breaks : and , in properties, which the runner decodes', () => {
    const d: Diagnostic = { ...error, file: 'goals/a,b:c%d\n.yaml', message: '100% sure: %0A literally' };
    expect(formatGithub([d])).toBe(
      '::error file=goals/a%2Cb%3Ac%25d%0A.yaml,line=8,col=10,endLine=8,endColumn=15,title=goalpost unknown-kpi::100%25 sure: %250A literally\n',
    );
  });

  it('shows line breaks and escape sequences in a message as escapes, so that no text starts a command of its own', () => {
    const d: Diagnostic = { ...error, message: 'The owner "x\r\n::warning::injected\u001b]0;title\u0007\u202e" is not a member.' };
    expect(formatGithub([d])).toBe(
      '::error file=goals/市场.yaml,line=8,col=10,endLine=8,endColumn=15,title=goalpost unknown-kpi::The owner "x\\r\\n::warning::injected\\u001b]0;title\\u0007\\u202e" is not a member.\n',
    );
  });

  it('leaves out the end of an empty or reversed range, and the columns of a range over several lines', () => {
    const at = (line: number, column: number, endLine: number, endColumn: number): string =>
      formatGithub([{ ...error, line, column, endLine, endColumn }]).replace(/,title=.*/s, '').replace('::error file=goals/市场.yaml,', '');
    expect(at(8, 10, 8, 10)).toBe('line=8,col=10');
    expect(at(8, 10, 8, 4)).toBe('line=8,col=10');
    expect(at(8, 10, 7, 20)).toBe('line=8,col=10');
    expect(at(8, 10, 10, 4)).toBe('line=8,endLine=10');
    // Ending at column 1 means ending with the line break of the line before.
    expect(at(8, 10, 10, 1)).toBe('line=8,endLine=9');
    expect(at(8, 10, 9, 1)).toBe('line=8,col=10');
  });
});
