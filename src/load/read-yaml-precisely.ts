import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics, diagnosticAt } from '../diagnostics/diagnostic.js';
import { formatNumber } from '../text/describe.js';
import { composeYaml, isEmptyDocument, keyText, scalarValue, writesInfinityOrNaN, type YamlProperty } from './compose-yaml.js';
import { explainSyntaxErrors } from './explain-syntax-errors.js';
import { maxNesting } from './read-yaml-fast.js';
import type { SourceText } from './source-text.js';

/** The one directive goalpost accepts: it says what goalpost reads anyway. */
const acceptedDirective = '%YAML 1.2';

/** The core schema's tags, written as YAML writes them; they may confirm what a value is, or make a scalar text. */
const acceptedTags: ReadonlySet<string> = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

/** Far more than any goals file copies by aliases; a file built to exhaust memory stops here. */
export const maxAliasedValues = 10_000;


export interface YamlJudgement {
  /** The non-empty documents of the file, with positions. */
  documents: Document.Parsed[];
  /** Every reason the file cannot be read, each at its place. */
  problems: Diagnostic[];
}

export interface PreciseReading {
  /** The non-empty documents of the file, with positions; none when it was refused. */
  documents: Document.Parsed[];
  /** Their values, as js-yaml reads them. */
  values: unknown[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a file that the fast reader handed over. The position parser judges
 * it and says where each problem is; the values of a file it accepts are
 * still js-yaml's, as for every plain file, so no file can mean two things.
 */
export function readYamlPrecisely(source: SourceText): PreciseReading {
  const { documents, problems } = judgeYaml(source);
  if (problems.length > 0) return { documents: [], values: [], diagnostics: problems };
  try {
    const values = loadAll(source.text, { schema: CORE_SCHEMA }).filter((value) => value !== null && value !== undefined);
    return { documents, values, diagnostics: [] };
  } catch (error) {
    // The position parser found nothing wrong where js-yaml did: js-yaml's reason, at its place.
    const mark = (error as { mark?: { position?: number } }).mark?.position ?? 0;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return { documents: [], values: [], diagnostics: [diagnosticAt({ source, start: mark, end: source.lineEnd(mark) }, 'yaml-syntax', `${reason}.`)] };
  }
}

/**
 * Everything a file may not do, found by the position parser, each problem
 * at its own place: syntax errors (the first of each document, in plain
 * words), directives, tags, duplicate keys, keys that are not text, aliases
 * to nowhere or to the value that holds them, aliases that copy more than a
 * goals file ever needs, and nesting deeper than any goals file.
 */
export function judgeYaml(source: SourceText): YamlJudgement {
  const { documents, directives, tags } = composeYaml(source.text);
  const problems: Diagnostic[] = [];
  const versioned = new Set<number>();
  for (const directive of directives) {
    const written = directive.source.replace(/\s+#.*$/, '').trim().replace(/\s+/g, ' ');
    if (written !== acceptedDirective || versioned.has(directive.document)) problems.push(directiveProblem(source, directive, written));
    if (written.startsWith('%YAML')) versioned.add(directive.document);
  }
  const refusedTags = new Set<number>();
  for (const tag of tags) {
    if (acceptedTags.has(tag.source)) continue;
    refusedTags.add(tag.offset);
    problems.push(
      diagnosticAt(
        { source, start: tag.offset, end: tag.offset + tag.source.length },
        'unsupported-tag',
        `The tag ${tag.source} is not supported: goalpost reads plain YAML values and accepts only the tags ${[...acceptedTags].join(', ')}. Remove the tag.`,
      ),
    );
  }
  const tagOffsets = tags.map((tag) => tag.offset);
  const aliases = new AliasBudget(source);
  for (const doc of documents) {
    if (doc.errors.length > 0) {
      // After a syntax error the parser guesses; what it read after it is noise.
      problems.push(explainSyntaxErrors(source, doc, doc.errors));
      continue;
    }
    for (const warning of doc.warnings) {
      // An accepted tag that does not fit its value, such as !!int on "abc".
      if (warning.code === 'TAG_RESOLVE_FAILED' && !refusedTags.has(warning.pos[0])) problems.push(tagMisfit(source, warning.pos[0]));
    }
    new StructureCheck(source, aliases, problems, tagOffsets).check(doc.contents);
  }
  return { documents: documents.filter((doc) => !isEmptyDocument(doc)), problems: problems.sort(compareDiagnostics) };
}

function directiveProblem(source: SourceText, directive: YamlProperty, written: string): Diagnostic {
  const span = { source, start: directive.offset, end: directive.offset + directive.source.trimEnd().length };
  if (written === acceptedDirective) {
    return diagnosticAt(span, 'unsupported-directive', `This document already says which YAML it is written in: remove the second "${written}".`);
  }
  if (written.startsWith('%YAML ')) {
    return diagnosticAt(
      span,
      'unsupported-directive',
      `goalpost reads YAML 1.2 only, and "${written}" asks for another version, in which values such as 010 or yes read differently. Remove the directive.`,
    );
  }
  return diagnosticAt(span, 'unsupported-directive', `The directive "${written}" is not supported: goalpost accepts no directive except ${acceptedDirective}. Remove it.`);
}

function tagMisfit(source: SourceText, offset: number): Diagnostic {
  const tag = /\S+/y;
  tag.lastIndex = offset;
  const written = tag.exec(source.text)![0];
  return diagnosticAt(
    { source, start: offset, end: offset + written.length },
    'unsupported-tag',
    `The tag ${written} does not fit the value it is on. Remove the tag, or write the value as the tag says.`,
  );
}

/** The values that the aliases of one file copy, counted as they are met, so a file that would copy without bound stops at the alias that goes too far. */
class AliasBudget {
  private copied = 0;
  private exceeded = false;

  constructor(private readonly source: SourceText) {}

  /** Counts an alias that copies `size` values; a problem the first time the file goes over the limit. */
  spend(alias: Alias, size: number): Diagnostic | undefined {
    this.copied += size;
    if (this.exceeded || this.copied <= maxAliasedValues) return undefined;
    this.exceeded = true;
    const [start, end] = alias.range ?? [0, 0];
    return diagnosticAt(
      { source: this.source, start, end },
      'yaml-alias-limit',
      `With this alias, the aliases of this file copy more than ${formatNumber(maxAliasedValues)} values (this one alone copies ${formatNumber(size)}), far more than a goals file needs: goalpost does not expand them. Write the values out instead.`,
    );
  }
}

/** What a node amounts to once its aliases are expanded. */
interface Expanded {
  /** How many values it holds, itself included. */
  size: number;
  /** Whether it is a mapping or a list. */
  collection: boolean;
  /** For a mapping or a list, how many levels of them it holds below itself. */
  height: number;
}

const scalar: Expanded = { size: 1, collection: false, height: 0 };

interface Anchored extends Expanded {
  /** Still being read: an alias to it would be inside it. */
  open: boolean;
}

/**
 * Walks a document as it will be read, aliases expanded by arithmetic alone
 * (an alias adds the size and height of what it refers to), so that no
 * problem of its structure needs the data to be built first.
 */
class StructureCheck {
  private readonly anchors = new Map<string, Anchored>();

  constructor(
    private readonly source: SourceText,
    private readonly aliases: AliasBudget,
    private readonly problems: Diagnostic[],
    /** Where the tags of the file start, in order. */
    private readonly tagOffsets: readonly number[],
  ) {}

  check(root: unknown): void {
    this.node(root, 0);
  }

  /** `depth` counts the mappings and lists around the node; the root is at 0. */
  private node(node: unknown, depth: number): Expanded {
    if (isAlias(node)) return this.alias(node, depth);
    const anchor = (node as YamlNode | null)?.anchor;
    const anchored: Anchored | undefined = anchor === undefined ? undefined : { ...scalar, open: true };
    if (anchor !== undefined) this.anchors.set(anchor, anchored!);
    const expanded = this.content(node, depth);
    if (anchored) Object.assign(anchored, expanded, { open: false });
    return expanded;
  }

  private content(node: unknown, depth: number): Expanded {
    if (isScalar(node)) {
      // !!float on 1e400: js-yaml refuses a tagged number too large for a double, and so does goalpost.
      const value = scalarValue(node);
      if (typeof value === 'number' && !Number.isFinite(value) && node.tag !== undefined && !writesInfinityOrNaN(node)) {
        this.problems.push(tagMisfit(this.source, this.tagBefore(node.range?.[0] ?? 0)));
      }
      return scalar;
    }
    if (!isMap(node) && !isSeq(node)) return scalar;
    if (depth > maxNesting) {
      this.tooDeep(node);
      return scalar;
    }
    const expanded: Expanded = { size: 1, collection: true, height: 0 };
    const add = (child: Expanded): void => {
      expanded.size += child.size;
      if (child.collection) expanded.height = Math.max(expanded.height, child.height + 1);
    };
    if (isSeq(node)) {
      for (const item of node.items) add(this.node(item, depth + 1));
      return expanded;
    }
    const keys = new Map<string, Scalar>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (!isScalar(pair.key)) {
        this.keyNotText(pair.key as YamlNode);
        continue;
      }
      const key = keyText(pair.key);
      const first = keys.get(key);
      if (first) this.duplicateKey(pair.key, first, key);
      else keys.set(key, pair.key);
      add(this.node(pair.key, depth + 1)); // a scalar, read for its anchor if it has one
      add(this.node(pair.value, depth + 1));
    }
    return expanded;
  }

  private alias(alias: Alias, depth: number): Expanded {
    const [start, end] = alias.range ?? [0, 0];
    const anchored = this.anchors.get(alias.source);
    if (!anchored) {
      this.problems.push(
        diagnosticAt({ source: this.source, start, end }, 'yaml-syntax', `The alias *${alias.source} refers to no anchor: write &${alias.source} on a value before it.`),
      );
    } else if (anchored.open) {
      this.problems.push(
        diagnosticAt(
          { source: this.source, start, end },
          'yaml-alias-limit',
          `The alias *${alias.source} is inside the value it refers to, so it would repeat without end. Write the value out instead.`,
        ),
      );
    } else {
      const exceeded = this.aliases.spend(alias, anchored.size);
      if (exceeded) this.problems.push(exceeded);
      else if (anchored.collection && depth + anchored.height > maxNesting) this.tooDeep(alias);
      return anchored;
    }
    return scalar;
  }

  private tooDeep(node: YamlNode): void {
    const start = node.range?.[0] ?? 0;
    this.problems.push(
      diagnosticAt(
        { source: this.source, start, end: Math.max(this.source.lineEnd(start), start + 1) },
        'nesting-too-deep',
        `This document nests more than ${maxNesting} levels deep; goalpost files need far fewer. It was not read.`,
      ),
    );
  }

  /** The tag of a node is the last one written before it: its properties come right before it. */
  private tagBefore(offset: number): number {
    let low = 0;
    let high = this.tagOffsets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.tagOffsets[middle]! < offset) low = middle;
      else high = middle - 1;
    }
    return this.tagOffsets[low] ?? 0;
  }

  /** Keys are the same when they read as the same text: `101` and `"101"`, `1.0` and `1`. */
  private duplicateKey(key: Scalar, first: Scalar, text: string): void {
    const [start, end] = key.range ?? [0, 0];
    const firstLine = this.source.position(first.range?.[0] ?? 0).line;
    this.problems.push(
      diagnosticAt(
        { source: this.source, start, end },
        'duplicate-key',
        `Duplicate key "${text}" (first on line ${firstLine}): YAML would keep only the last one, so remove or rename one of them.`,
      ),
    );
  }

  private keyNotText(key: YamlNode): void {
    const [start, end] = key.range ?? [0, 0];
    this.problems.push(
      diagnosticAt(
        { source: this.source, start, end: Math.min(end, this.source.lineEnd(start)) },
        'yaml-syntax',
        'A key must be written out as text or a number; a list, a mapping or an alias cannot be a key.',
      ),
    );
  }
}
