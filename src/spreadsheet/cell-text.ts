/**
 * Text from the goals placed in a spreadsheet cell. A text that starts with
 * = + - @ (or a tab or carriage return) is a formula to Excel and Google
 * Sheets as soon as someone edits the cell or saves the sheet as CSV and opens
 * it again, so it is prefixed with an apostrophe, as `score --format csv`
 * does. A text that already starts with apostrophes before such a character
 * gets one more, so that `importedText` can take exactly one away and every
 * text comes back as it was.
 */
export function sheetText(text: string): string {
  return guarded.test(text) ? `'${text}` : text;
}

const guarded = /^'*[=+\-@\t\r]/;

/** A text cell read back: the apostrophe `sheetText` added is removed. */
export function importedText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
