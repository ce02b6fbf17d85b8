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
