/**
 * Characters that do something to a terminal or a CI log instead of showing:
 * C0 and C1 controls (a line break starts a line that GitHub Actions runs as a
 * workflow command when it begins with `::`; ESC and CSI start sequences that
 * recolour, move or retitle the terminal), DEL, the Unicode line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates that
 * show a line in another order than it has.
 */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const actingCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The ones JSON.stringify leaves as they are: it escapes only U+0000 to U+001F. */
const actingInJson = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const shortEscapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const unicodeEscape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * User text (titles, names, ids, file names, commit messages) as a line of
 * terminal output: every acting character is shown as the escape JavaScript
 * writes for it (`\n`, `\u001b`, `\u202e`), so the reader sees that it is
 * there and nothing acts on it. goalpost's own words hold none of them, so a
 * whole line may go through this once.
 */
export function escapeTerminal(text: string): string {
  return text.replace(actingCharacters, (character) => shortEscapes[character] ?? unicodeEscape(character));
}

/**
 * A value as the JSON goalpost prints (two-space indent, a final line break),
 * with the acting characters JSON.stringify leaves raw written as `\u`
 * escapes too, which every JSON reader reads back as the same text.
 */
export function printableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(actingInJson, unicodeEscape)}\n`;
}

/**
 * The same text as printableJson, in pieces: the first two levels of objects
 * and arrays are written member by member, so that a report larger than the
 * longest string JavaScript can hold (a company of thousands of teams) can
 * still be printed.
 */
export function* printableJsonPieces(value: unknown): Generator<string> {
  for (const piece of jsonPieces(value, '', 0)) yield piece.replace(actingInJson, unicodeEscape);
  yield '\n';
}

function* jsonPieces(value: unknown, indent: string, depth: number): Generator<string> {
  const inner = `${indent}  `;
  if (depth < 2 && Array.isArray(value) && value.length > 0) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      // As JSON.stringify writes them, members that cannot be written become null.
      const member: unknown = value[i];
      yield* member === undefined || typeof member === 'function' ? ['null'] : jsonPieces(member, inner, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  if (depth < 2 && typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined && typeof member !== 'function');
    if (entries.length > 0) {
      yield '{\n';
      for (const [i, [key, member]] of entries.entries()) {
        yield `${inner}${JSON.stringify(key)}: `;
        yield* jsonPieces(member, inner, depth + 1);
        yield i < entries.length - 1 ? ',\n' : '\n';
      }
      yield `${indent}}`;
      return;
    }
  }
  yield JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}
