/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Escapes text for Markdown as GitHub renders it: HTML is neutralised (so a
 * title like <script> shows as text), Markdown syntax characters are
 * backslash-escaped, and line breaks become spaces so a table row stays one
 * row.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\|*_[\]~]/g, (ch) => `\\${ch}`);
}
