import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { defaultSeverity, diagnosticCodes, type DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printableJson } from '../text/terminal.js';

export interface SarifReportOptions {
  /** goalpost's own version, e.g. `0.1.0`. */
  toolVersion: string;
  /**
   * The folder that result paths are made relative to, normally the
   * repository root. Files outside it keep their path as given. When it is
   * absolute, it is also recorded as the `%SRCROOT%` base of the log.
   */
  baseDir?: string;
}

// Rules are the whole catalog in catalog order, so a code's ruleIndex never
// depends on which problems a run happened to find.
const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];
const ruleIndexes = new Map(codes.map((code, index) => [code, index]));

const rules = codes.map((code) => ({
  id: code,
  name: code
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(''),
  shortDescription: { text: diagnosticCodes[code] },
  fullDescription: { text: diagnosticCodes[code] },
  help: { text: `${diagnosticCodes[code]} See the table of codes in goalpost's README.` },
  defaultConfiguration: { level: defaultSeverity(code) },
}));

const isAbsolute = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:\//.test(p);

/**
 * Percent-encodes each segment of a `/`-separated path. encodeURIComponent
 * rather than encodeURI: encodeURI would leave `#`, `?` and `:` in a file
 * name alone, and a URI reader would take them for a fragment, a query or a
 * scheme. A Windows drive (`C:`) is kept as it is.
 */
function encodePath(p: string): string {
  return p
    .split('/')
    .map((segment, index) => (index === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

const fileUri = (absolute: string): string => `file://${absolute.startsWith('/') ? '' : '/'}${encodePath(absolute)}`;

/** A path with forward slashes, without `./`, `a/../` or a trailing slash. */
const normalize = (p: string): string => posix.normalize(p.replace(/\\/g, '/')).replace(/(?<=.)\/+$/, '');

function artifactLocation(file: string, baseDir: string | undefined): { uri: string; uriBaseId?: string } {
  let p = normalize(file);
  if (baseDir !== undefined) {
    const base = normalize(baseDir).replace(/\/$/, '');
    if (p.startsWith(`${base}/`)) p = p.slice(base.length + 1);
  }
  return isAbsolute(p) ? { uri: fileUri(p) } : { uri: encodePath(p), uriBaseId: '%SRCROOT%' };
}

/**
 * A message as SARIF plain text, in which `[text](target)` is a link (to a
 * related location or a URI) that viewers such as code scanning follow: a
 * bracket quoted from a goals file is escaped with a backslash, and so is a
 * backslash just before one, as SARIF prescribes for literal brackets.
 */
function plainText(message: string): string {
  return message.replace(/(\\*)([[\]])/g, (_, backslashes: string, bracket: string) => `${backslashes}${backslashes}\\${bracket}`);
}

/**
 * Code scanning matches alerts across runs by this fingerprint. It leaves out
 * the position, so an alert survives lines added above it, and uses the
 * relative URI, so it survives a checkout in another folder.
 */
function fingerprint(code: string, uri: string, message: string): string {
  return createHash('sha256').update(`${code}\0${uri}\0${message}`).digest('hex').slice(0, 32);
}

/**
 * A SARIF 2.1.0 log of the diagnostics, as GitHub code scanning accepts it:
 * one run whose rules are every code in the catalog, and one result per
 * diagnostic. SARIF's default column unit is the UTF-16 code unit and its
 * region end column is exclusive, as ours are, so positions pass unchanged.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifReportOptions): string {
  const results = diagnostics.map((d) => {
    const location = artifactLocation(d.file, options.baseDir);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndexes.get(d.code),
      level: d.severity,
      message: { text: plainText(d.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: location,
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
      partialFingerprints: { 'goalpost/v1': fingerprint(d.code, location.uri, d.message) },
    };
  });
  const baseDir = options.baseDir === undefined ? undefined : normalize(options.baseDir);
  const run = {
    tool: {
      driver: { name: 'goalpost', version: options.toolVersion, semanticVersion: options.toolVersion, rules },
    },
    ...(baseDir !== undefined && isAbsolute(baseDir)
      ? { originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(baseDir).replace(/\/?$/, '/') } } }
      : {}),
    columnKind: 'utf16CodeUnits',
    results,
  };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return printableJson(log);
}
