import { CORE_SCHEMA, EVENT_ID, constructFromEvents, parseEvents, type Event } from 'js-yaml';

/** Far deeper than any goals file (a breakdown nested ten times is about 40 levels); deeper data is refused before anything recurses into it. */
export const maxNesting = 64;

/**
 * js-yaml counts every node on the way down, scalars too; at this depth no
 * mapping or list of a file it reads can be nested deeper than goalpost
 * allows, and a file nested deeper goes to the position parser, which finds
 * the node that is too deep.
 */
const fastNesting = maxNesting + 2;

/**
 * Reads a plain YAML file with js-yaml, several times faster than the
 * position parser. A file is plain when its structure uses nothing but
 * mappings, lists and scalars: no directive, tag, anchor or alias, each of
 * which the position parser must judge. For any other file, and for one that
 * js-yaml cannot read (a syntax error, a duplicate key), this returns
 * undefined and the position parser decides. Which reader a file goes to
 * depends on its YAML structure alone, never on the text of its values
 * (tests/hostile/property.test.ts checks that both read a file alike).
 */
export function readYamlFast(text: string): unknown[] | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: fastNesting });
  } catch {
    return undefined;
  }
  if (!isPlain(text, events)) return undefined;
  try {
    return constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

function isPlain(text: string, events: readonly Event[]): boolean {
  let first = true;
  let afterDocumentEnd = false;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        // A directive can only stand before the `---` of a document: of the first, or of one after a `...`.
        // (js-yaml lists %YAML and %TAG directives on the event, but drops any other.)
        if (event.explicitStart && (first ? hasLeadingDirective(text) : afterDocumentEnd)) return false;
        first = false;
        afterDocumentEnd = event.explicitEnd;
        break;
      case EVENT_ID.ALIAS:
        return false;
      case EVENT_ID.SCALAR:
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        if (event.tagStart !== -1 || event.anchorStart !== -1) return false;
        break;
    }
  }
  return true;
}

/**
 * Whether a directive stands before the `---` of the first document. Only
 * blank lines, comments and directives may come before it, and a directive is
 * the one of them that starts with `%`.
 */
function hasLeadingDirective(text: string): boolean {
  let lineStart = 0;
  while (lineStart < text.length) {
    if (text.startsWith('%', lineStart)) return true;
    if (text.startsWith('---', lineStart)) return false;
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return false;
    lineStart = next + 1;
  }
  return false;
}
