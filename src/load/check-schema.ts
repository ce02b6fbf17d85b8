import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import { largestExactValue } from '../model/aggregate.js';
import type { DocumentKind } from '../model/kinds.js';
import type { JsonSchema } from '../model/schema/json-schema.js';
import * as validators from '../model/schema/validators.generated.js';
import { describeValue, formatNumber, listWords, truncate } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { LocatedDocument, PathSegment } from './yaml-document.js';

/** The validators are compiled ahead of time from the schema definitions (npm run schemas). */
function validatorFor(kind: DocumentKind): ValidateFunction {
  return validators[kind] as unknown as ValidateFunction;
}

/** Checks one document against the schema of its kind, in words a team lead understands. */
export function checkSchema(document: LocatedDocument, kind: DocumentKind): Diagnostic[] {
  const validate = validatorFor(kind);
  if (validate(document.data)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const diagnostic = toDiagnostic(document, error);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return dedupe(diagnostics);
}

function toDiagnostic(document: LocatedDocument, error: ErrorObject): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath);
  const parentSchema = error.parentSchema as JsonSchema | undefined;
  const name = describePath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = listWords(([] as string[]).concat(params['type'] as string | string[]).map(typeWord));
      return diagnosticAt(
        document.span(path),
        'wrong-type',
        `${capitalize(name)} should be ${expected}, but it is ${describeValue(error.data)}.`,
      );
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys(parentSchema?.properties ?? {});
      const where = parentSchema?.title ? ` in a ${parentSchema.title.replace(/^goalpost /, '').toLowerCase()}` : '';
      const hint = didYouMean(key, known) || (known.length > 0 ? ` Allowed keys: ${known.join(', ')}.` : '');
      return diagnosticAt(document.span([...path, key], 'key'), 'unknown-key', `Unknown key "${truncate(key, 40)}"${where}.${hint}`);
    }
    case 'required': {
      const key = String(params['missingProperty']);
      const what = parentSchema?.title ? `This ${parentSchema.title.replace(/^goalpost /, '').toLowerCase()}` : capitalize(name);
      const description = parentSchema?.properties?.[key]?.description;
      return diagnosticAt(
        document.span(path, 'key'),
        'missing-key',
        `${what} is missing "${key}".${description ? ` (${key}: ${firstSentence(description)})` : ''}`,
      );
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const value = String(error.data);
      return diagnosticAt(
        document.span(path),
        'invalid-value',
        `${capitalize(name)} must be one of ${listWords(allowed)}, not "${truncate(value, 40)}".${didYouMean(value, allowed)}`,
      );
    }
    case 'const':
      return undefined; // apiVersion and kind: reported when the header is read
    case 'pattern': {
      const key = error.propertyName;
      const message = parentSchema?.patternErrorMessage ?? `It must match ${String(params['pattern'])}.`;
      if (key !== undefined) {
        return diagnosticAt(document.span([...path, key], 'key'), 'invalid-value', `"${key}" is not a valid id. ${message}`);
      }
      return diagnosticAt(document.span(path), 'invalid-value', `${capitalize(name)} "${String(error.data)}" is not valid. ${message}`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum': {
      const word = error.keyword === 'maximum' ? 'at most' : error.keyword === 'minimum' ? 'at least' : 'more than';
      if (name === 'the period') return periodYearDiagnostic(document, path, error.data);
      // The range of targets and baselines comes from exact arithmetic, not from the domain: say so.
      if (Math.abs(Number(params['limit'])) === largestExactValue) return tooLargeDiagnostic(document, path, name);
      return diagnosticAt(
        document.span(path),
        'invalid-value',
        `${capitalize(name)} must be ${word} ${String(params['limit'])}, but it is ${String(error.data)}.`,
      );
    }
    case 'minItems':
    case 'minProperties':
      return diagnosticAt(document.span(path), 'invalid-value', `${capitalize(name)} must not be empty.`);
    case 'minLength':
      return diagnosticAt(document.span(path), 'invalid-value', `${capitalize(name)} must not be empty.`);
    case 'propertyNames':
    case 'if':
    case 'anyOf':
      return undefined; // the nested error that explains it is reported instead
    default:
      return diagnosticAt(document.span(path), 'invalid-value', `${capitalize(name)} is not valid: ${error.message ?? error.keyword}.`);
  }
}

function periodYearDiagnostic(document: LocatedDocument, path: PathSegment[], value: unknown): Diagnostic {
  return diagnosticAt(
    document.span(path),
    'invalid-value',
    `The period ${String(value)} is not valid. A period is a year (2026), a half (2026-H2), a quarter (2026-Q4) or a month (2026-11).`,
  );
}

/** A target, baseline or breakdown item beyond what goalpost adds up exactly, quoted as written (1e16, not 10,000,000,000,000,000). */
function tooLargeDiagnostic(document: LocatedDocument, path: PathSegment[], name: string): Diagnostic {
  const span = document.span(path);
  const written = truncate(span.source.text.slice(span.start, span.end), 40);
  return diagnosticAt(
    span,
    'invalid-value',
    `${capitalize(name)} is ${written}, too large for goalpost to add up exactly: it can be at most ${formatNumber(largestExactValue)} either way.`,
  );
}

function typeWord(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping (key: value pairs)';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    case 'integer':
      return 'a whole number';
    default:
      return `a ${type}`;
  }
}

/** "the weight of goal 2", "breakdown item "zhang.min"": where a value sits, in words. */
function describePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1]!;
  const parent = path[path.length - 2];
  if (typeof last === 'number') {
    const listName = typeof parent === 'string' ? parent : 'list';
    const singular = listName === 'goals' ? 'goal' : listName === 'breakdown' ? 'breakdown' : 'item';
    return `${singular} ${last + 1}`;
  }
  if (parent === 'items') return `breakdown item "${last}"`;
  if (parent === 'kpis') return `KPI "${last}"`;
  if (parent === 'members') return `member "${last}"`;
  return `the ${last}`;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return (end === -1 ? text : text.slice(0, end)).replace(/\s*\([^)]*\)/g, '');
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
