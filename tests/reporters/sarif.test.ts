import { readFileSync } from 'node:fs';
// ajv-draft-04 is CommonJS: under NodeNext its default import is the whole
// module, whose `default` is the Ajv class.
import Ajv4 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { validateRepository } from '../../src/validate.js';
import { fixtureFiles, fixturesDir, repoRoot } from '../helpers/fixtures.js';

/** Rules are the catalog in order, so a code's rule index is its position in the catalog. */
const ruleIndexOf = (code: string): number => Object.keys(diagnosticCodes).indexOf(code);

// The schema's `language` pattern has a stray `]` that is a syntax error in a
// unicode (`u`) regular expression, Ajv's default; without `u` it compiles.
const ajv = new Ajv4.default({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///'));
ajv.addFormat('date-time', true);
const validateLog = ajv.compile(JSON.parse(readFileSync(`${fixturesDir}sarif/sarif-schema-2.1.0.json`, 'utf8')) as object);

function expectValidSarif(text: string): void {
  validateLog(JSON.parse(text));
  expect(validateLog.errors ?? []).toEqual([]);
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; name: string; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const diagnostics: Diagnostic[] = [
  { code: 'breakdown-sum', severity: 'error', message: 'The breakdown by owner adds up to 11,900,000.', file: 'goals/2026-Q4/市场.yaml', line: 14, column: 9, endLine: 14, endColumn: 14 },
  { code: 'due-outside-period', severity: 'warning', message: 'The goal is due on 2027-01-15.', file: 'goals/2026-Q4/my goals.yaml', line: 9, column: 10, endLine: 9, endColumn: 20 },
  { code: 'file-too-large', severity: 'error', message: 'Too large.', file: 'goals/a#b?.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 },
];

const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;
const run = (text: string) => parse(text).runs[0]!;

describe('sarif reporter', () => {
  const text = formatSarif(diagnostics, { toolVersion: '0.1.0' });

  it('writes a log that the SARIF 2.1.0 schema accepts', () => {
    expectValidSarif(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(run(text).tool.driver.name).toBe('goalpost');
    expect(run(text).tool.driver.version).toBe('0.1.0');
    expect(run(text).columnKind).toBe('utf16CodeUnits');
    expect(run(text).originalUriBaseIds).toBeUndefined();
  });

  it('has one rule per catalog code, in catalog order, with its level', () => {
    const rules = run(text).tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(Object.keys(diagnosticCodes));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules[ruleIndexOf('breakdown-sum')]).toMatchObject({
      id: 'breakdown-sum',
      name: 'BreakdownSum',
      shortDescription: { text: diagnosticCodes['breakdown-sum'] },
      help: { text: `${diagnosticCodes['breakdown-sum']} See the table of codes in goalpost's README.` },
      defaultConfiguration: { level: 'error' },
    });
    expect(rules.find((r) => r.id === 'yaml-alias-limit')?.name).toBe('YamlAliasLimit');
  });

  it('gives each rule the severity the README table documents for its code', () => {
    const readme = readFileSync(`${repoRoot}README.md`, 'utf8');
    const documented = Object.fromEntries([...readme.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]));
    const levels = Object.fromEntries(run(text).tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]));
    expect(levels).toEqual(documented);
  });

  it('gives each result its rule, level, message, percent-encoded relative URI and region', () => {
    const [first, second, third] = run(text).results;
    expect(first).toMatchObject({
      ruleId: 'breakdown-sum',
      ruleIndex: ruleIndexOf('breakdown-sum'),
      level: 'error',
      message: { text: 'The breakdown by owner adds up to 11,900,000.' },
    });
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'goals/2026-Q4/%E5%B8%82%E5%9C%BA.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 14, startColumn: 9, endLine: 14, endColumn: 14 },
    });
    expect(second).toMatchObject({ ruleId: 'due-outside-period', ruleIndex: ruleIndexOf('due-outside-period'), level: 'warning' });
    expect(second!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('goals/2026-Q4/my%20goals.yaml');
    expect(second!.locations[0]!.physicalLocation.region).toEqual({ startLine: 9, startColumn: 10, endLine: 9, endColumn: 20 });
    // `#` and `?` would otherwise start a fragment and a query.
    expect(third!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('goals/a%23b%3F.yaml');
    expect(third!.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('fingerprints a result by code, file and message, not by position', () => {
    const fingerprintOf = (d: Diagnostic): string => run(formatSarif([d], { toolVersion: '0.1.0' })).results[0]!.partialFingerprints['goalpost/v1']!;
    const d = diagnostics[0]!;
    expect(fingerprintOf(d)).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintOf(d)).toBe(run(text).results[0]!.partialFingerprints['goalpost/v1']);
    expect(fingerprintOf({ ...d, line: 40, endLine: 40 })).toBe(fingerprintOf(d));
    expect(fingerprintOf({ ...d, message: 'The breakdown by owner adds up to 11,800,000.' })).not.toBe(fingerprintOf(d));
    expect(fingerprintOf({ ...d, file: 'goals/2026-Q4/sales.yaml' })).not.toBe(fingerprintOf(d));
  });

  it('escapes brackets quoted from a goals file, so that a message holds no embedded link', () => {
    const d: Diagnostic = { ...diagnostics[0]!, message: 'The owner "[claim your bonus](https://evil.example) \\[0]" is not a member.\u009b\u202e' };
    const log = formatSarif([d], { toolVersion: '0.1.0' });
    expectValidSarif(log);
    expect(run(log).results[0]!.message.text).toBe('The owner "\\[claim your bonus\\](https://evil.example) \\\\\\[0\\]" is not a member.\u009b\u202e');
    expect(log).toContain('is not a member.\\u009b\\u202e"');
  });

  it('makes paths under an absolute baseDir relative to it, and records the base as %SRCROOT%', () => {
    const inRepo = formatSarif(
      [
        { ...diagnostics[0]!, file: '/home/runner/work/goals repo/goals/2026-Q4/市场.yaml' },
        { ...diagnostics[1]!, file: '/tmp/elsewhere/a.yaml' },
      ],
      { toolVersion: '0.1.0', baseDir: '/home/runner/work/goals repo/' },
    );
    expectValidSarif(inRepo);
    expect(run(inRepo).originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/runner/work/goals%20repo/' } });
    const [inside, outside] = run(inRepo).results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(inside).toEqual({ uri: 'goals/2026-Q4/%E5%B8%82%E5%9C%BA.yaml', uriBaseId: '%SRCROOT%' });
    expect(outside).toEqual({ uri: 'file:///tmp/elsewhere/a.yaml' });
    // The fingerprint uses the relative path, so it does not depend on where the repository is checked out.
    expect(run(inRepo).results[0]!.partialFingerprints).toEqual(run(text).results[0]!.partialFingerprints);
  });

  it('uses forward slashes for Windows paths, and a relative baseDir only to shorten paths', () => {
    const windows = formatSarif([{ ...diagnostics[0]!, file: 'C:\\repo\\goals\\a.yaml' }], { toolVersion: '0.1.0', baseDir: 'C:\\repo' });
    expect(run(windows).originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///C:/repo/' } });
    expect(run(windows).results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'goals/a.yaml', uriBaseId: '%SRCROOT%' });

    const relative = formatSarif([diagnostics[0]!], { toolVersion: '0.1.0', baseDir: './goals' });
    expect(run(relative).originalUriBaseIds).toBeUndefined();
    expect(run(relative).results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('2026-Q4/%E5%B8%82%E5%9C%BA.yaml');
  });

  it('writes a valid log with no results for no diagnostics', () => {
    const empty = formatSarif([], { toolVersion: '0.1.0' });
    expectValidSarif(empty);
    expect(run(empty).results).toEqual([]);
    expect(run(empty).tool.driver.rules).toHaveLength(Object.keys(diagnosticCodes).length);
  });

  it('writes a valid log for a real repository', () => {
    const { diagnostics: found } = validateRepository(fixtureFiles('checks/breakdown-sum'));
    const log = formatSarif(found, { toolVersion: '0.1.0' });
    expectValidSarif(log);
    expect(run(log).results.map((r) => `${r.ruleId} ${r.ruleIndex} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`)).toEqual([
      `breakdown-sum ${ruleIndexOf('breakdown-sum')} 2026-Q4/marketing.yaml:14`,
      `breakdown-sum ${ruleIndexOf('breakdown-sum')} 2026-Q4/marketing.yaml:23`,
      `breakdown-mismatch ${ruleIndexOf('breakdown-mismatch')} 2026-Q4/marketing.yaml:32`,
    ]);
  });
});
