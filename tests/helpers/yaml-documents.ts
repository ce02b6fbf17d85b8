import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { keyText, scalarValue } from '../../src/load/compose-yaml.js';
import { judgeYaml } from '../../src/load/read-yaml-precisely.js';
import { SourceText } from '../../src/load/source-text.js';
import { parseYaml } from '../../src/load/yaml-document.js';

/**
 * Random YAML files for the two readers of src/load: numbers in every
 * notation YAML 1.1 or 1.2 gives them, plain and quoted keys that may read
 * alike, tags (accepted or not), anchors and aliases, directives, flow and
 * block styles, and several documents in one file.
 */

const numbers = [
  '0', '12', '-3', '+7', '010', '007', '0x1F', '0xff', '-0x10', '0o17', '0o8', '0b101', '1_000', '12345678901234567890',
  '1.0', '1.', '.5', '-1.5e3', '1e3', '1E+3', '6.02e23', '1e400', '-0', '0.0', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1:20', '2026-10', '2026-10-01',
];
const words = ['', 'true', 'False', 'TRUE', 'yes', 'no', 'on', 'y', 'null', '~', 'Null', 'abc', '销售额', 'a b', 'the *stretch* goal', 'R&D', 'x #y', 'li.wei', '<<'];
const plainScalar = fc.constantFrom(...numbers, ...words);
const escaped = fc.constantFrom('\\n', '\\t', '\\x41', '\\u00e9', '\\"', ' # ', ': ', '*a0', '&a0');
const doubleQuoted = fc
  .tuple(plainScalar, fc.option(escaped, { nil: '' }))
  .map(([text, escape]) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}${escape}"`);
const singleQuoted = plainScalar.map((text) => `'${text.replace(/'/g, "''")}'`);
const scalarText = fc.oneof({ weight: 3, arbitrary: plainScalar }, { weight: 1, arbitrary: doubleQuoted }, { weight: 1, arbitrary: singleQuoted });
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'id', 'target', '101', '1', '1.0', '0x10', '16', 'null', '~', 'true') }, { weight: 2, arbitrary: scalarText });
const tag = fc.constantFrom(
  '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!!binary', '!!timestamp', '!!set', '!!omap', '!', '!local', '!<tag:yaml.org,2002:str>',
);
const anchorName = fc.constantFrom('a0', 'a1', 'a2');

type Tree =
  | { kind: 'scalar'; text: string; props: string }
  | { kind: 'block-scalar'; indicator: string; lines: string[] }
  | { kind: 'alias'; name: string }
  | { kind: 'map'; flow: boolean; entries: [string, Tree][]; props: string }
  | { kind: 'seq'; flow: boolean; items: Tree[]; props: string };

/** Sometimes a tag, sometimes an anchor: most nodes of a goals file have neither. */
const props = fc
  .tuple(fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: tag }), fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anchorName }))
  .map(([t, a]) => [t, a === undefined ? undefined : `&${a}`].filter((p) => p !== undefined).join(' '));

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('scalar' as const), text: scalarText, props }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('alias' as const), name: anchorName }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('block-scalar' as const), indicator: fc.constantFrom('|', '>', '|-', '>+', '|2'), lines: fc.array(fc.constantFrom(...words, ...numbers, '  indented', '# not a comment'), { minLength: 1, maxLength: 3 }) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('map' as const), flow: fc.boolean(), entries: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }), props }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('seq' as const), flow: fc.boolean(), items: fc.array(tie('tree'), { maxLength: 4 }), props }) },
  ),
}));

function withProps(text: string, properties: string): string {
  return properties === '' ? text : `${properties} ${text}`;
}

/** A node written in flow style (inside brackets, or as a value on the line of its key). */
function flow(node: Tree): string {
  switch (node.kind) {
    case 'scalar':
      return withProps(node.text, node.props);
    case 'alias':
      return `*${node.name}`;
    case 'block-scalar':
      return JSON.stringify(node.lines.join('\n'));
    case 'map':
      return withProps(`{${node.entries.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`, node.props);
    case 'seq':
      return withProps(`[${node.items.map(flow).join(', ')}]`, node.props);
  }
}

/** The lines of a node in block style at `indent`, after a key or a `-` that is already written. */
function block(node: Tree, indent: number): string {
  if (node.kind === 'block-scalar') return ` ${node.indicator}\n${node.lines.map((line) => `${' '.repeat(indent + 2)}${line}`).join('\n')}`;
  if (node.kind === 'scalar' || node.kind === 'alias' || node.flow || (node.kind === 'map' ? node.entries.length === 0 : node.items.length === 0)) return ` ${flow(node)}`;
  const pad = ' '.repeat(indent);
  const head = node.props === '' ? '' : ` ${node.props}`;
  if (node.kind === 'map') return `${head}\n${node.entries.map(([k, v], i) => `${pad}${k}:${block(v, indent + 2)}${i === 1 ? ' # a comment' : ''}`).join('\n')}`;
  return `${head}\n${node.items.map((item) => `${pad}-${block(item, indent + 2)}`).join('\n')}`;
}

/**
 * The root of a document is a mapping or a list, as in every goals file. (A
 * block scalar at the root with an indentation indicator, `--- |2`, is the one
 * place where js-yaml and the yaml library read YAML differently; no goals
 * file can be one.)
 */
const root = tree.filter((node) => node.kind === 'map' || node.kind === 'seq');

const directive = fc.constantFrom('%YAML 1.2', '%YAML 1.1', '%TAG ! tag:example.com,2000:', '%FOO bar');

const directives: fc.Arbitrary<string[]> = fc.oneof({ weight: 7, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(directive, { minLength: 1, maxLength: 2 }) });

/**
 * A random YAML file of one to three documents; directives stand at the
 * start, or after a `...` that ends the document before. The first document
 * may start without `---`, as most goals files do.
 */
export const yamlFile: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.record({ directives, root, explicitEnd: fc.boolean() }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([documents, firstMarked]) =>
    documents
      .map(({ directives: written, root: node, explicitEnd }, index) => {
        const ended = index > 0 && written.length > 0 && !documents[index - 1]!.explicitEnd ? '...\n' : '';
        const marker = index > 0 || written.length > 0 || firstMarked ? '---' : '';
        return `${ended}${written.map((d) => `${d}\n`).join('')}${marker}${block(node, 0)}\n${explicitEnd ? '...\n' : ''}`;
      })
      .join(''),
  );

/** The codes by which goalpost refuses what js-yaml reads: its own rules for tags, directives, aliases and nesting. */
const stricterCodes = new Set(['unsupported-tag', 'unsupported-directive', 'yaml-alias-limit', 'nesting-too-deep']);

/**
 * How goalpost's readers disagree about a file, or undefined when they agree:
 * the position parser refuses whatever js-yaml refuses; it refuses what
 * js-yaml reads only by goalpost's own rules; where both read the file, the
 * position parser finds every value of js-yaml's data where it was written,
 * and reads the same number, boolean, null or text there; and goalpost reads
 * js-yaml's values, whichever reader the file goes to.
 */
export function disagreement(text: string): string | undefined {
  const source = new SourceText('test.yaml', text);
  const { documents, problems } = judgeYaml(source);
  const refusal = problems.map((d) => `${d.code} ${d.line}:${d.column}`).join(', ');
  let values: unknown[];
  try {
    values = loadAll(text, { schema: CORE_SCHEMA }).filter((value) => value !== null && value !== undefined);
  } catch (error) {
    return problems.length > 0 ? undefined : `js-yaml refuses (${(error as Error).message.split('\n')[0]}), the position parser finds no problem`;
  }
  if (problems.some((d) => !stricterCodes.has(d.code))) return `js-yaml reads the file, the position parser refuses it: ${refusal}`;
  const read = parseYaml(source);
  if (problems.length > 0) return read.documents.length > 0 ? `goalpost reads a file it refuses: ${refusal}` : undefined;
  if (read.diagnostics.length > 0) return `goalpost refuses a file that both parsers read: ${read.diagnostics.map((d) => d.message).join(' ')}`;
  if (documents.length !== values.length) return `js-yaml reads ${values.length} documents, the position parser ${documents.length}`;
  for (const [index, doc] of documents.entries()) {
    const wrong = misplaced(values[index], doc.contents, new Map(), `document ${index + 1}`);
    if (wrong) return wrong;
  }
  if (!isDeepStrictEqual(read.documents.map((document) => document.data), values)) return 'goalpost reads other values than js-yaml';
  return undefined;
}

/** Where the position parser's tree and js-yaml's data part ways, or undefined. */
function misplaced(value: unknown, node: unknown, anchors: Map<string, unknown>, path: string): string | undefined {
  if (isAlias(node)) return misplaced(value, anchors.get(node.source), anchors, path);
  const anchor = (node as { anchor?: string } | null)?.anchor;
  if (anchor !== undefined) anchors.set(anchor, node);
  if (isMap(node)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: a mapping to the position parser, ${JSON.stringify(value)} to js-yaml`;
    if (node.items.length !== Object.keys(value).length) return `${path}: ${node.items.length} keys to the position parser, ${Object.keys(value).length} to js-yaml`;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) return `${path}: a key that is not text`;
      if (pair.key.anchor !== undefined) anchors.set(pair.key.anchor, pair.key);
      const key = keyText(pair.key);
      if (!Object.hasOwn(value, key)) return `${path}: the key "${key}" of the position parser is not among js-yaml's ${JSON.stringify(Object.keys(value))}`;
      const wrong = misplaced((value as Record<string, unknown>)[key], pair.value, anchors, `${path}.${key}`);
      if (wrong) return wrong;
    }
    return undefined;
  }
  if (isSeq(node)) {
    if (!Array.isArray(value) || value.length !== node.items.length) return `${path}: a list of ${node.items.length} to the position parser, ${JSON.stringify(value)} to js-yaml`;
    for (const [index, item] of node.items.entries()) {
      const wrong = misplaced(value[index], item, anchors, `${path}[${index}]`);
      if (wrong) return wrong;
    }
    return undefined;
  }
  if (isScalar(node)) {
    // The two libraries fold the blank lines of block scalars differently; no position depends on them.
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return typeof value === 'string' ? undefined : `${path}: text to the position parser, ${JSON.stringify(value)} to js-yaml`;
    return isDeepStrictEqual(scalarValue(node), value) ? undefined : `${path}: ${JSON.stringify(scalarValue(node))} to the position parser, ${JSON.stringify(value)} to js-yaml`;
  }
  return value === null ? undefined : `${path}: nothing to the position parser, ${JSON.stringify(value)} to js-yaml`;
}
