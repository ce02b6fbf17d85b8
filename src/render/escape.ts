import { escapeTerminal } from '../text/terminal.js';

/*
 * Markdown is read on GitHub: in scorecards, the job summary, the
 * pull-request comment and `goalpost diff --format md`. Every user string
 * placed in it goes through escapeMarkdown, or markdownCode for inline code.
 * (HTML scorecards are escaped by Handlebars' own `{{…}}`.)
 */

const zeroWidthJoiner = '\u200d';

const lineBreaks = /\r\n|\r|\n/g;

/** What starts a list or a thematic break at the start of a line: `- `, `+ `, `--`, `1. `, `1) `. */
const listMarkerAtStart = /^\s*(?:[-+](?=[\s-]|$)|\d{1,9}[.)](?=\s|$))/;

/**
 * GitHub links more than Markdown does: `@user` and `@org/team` notify
 * people, `#123`, `owner/repo#5` and `GH-5` link issues, and bare
 * `https://` and `www.` addresses and e-mail addresses become links. A
 * zero-width joiner after each `@` and `#`, inside `GH-5`, before `://` and
 * inside `www.` keeps them text, shows nothing, and stays in the page's text,
 * where GitHub looks for mentions and references.
 */
function withoutGithubLinks(text: string): string {
  return text
    .replace(/[@#]/g, `$&${zeroWidthJoiner}`)
    .replace(/\b(gh-)(?=\d)/gi, `$1${zeroWidthJoiner}`)
    .replace(/:(?=\/\/)/g, `${zeroWidthJoiner}:`)
    .replace(/\b(www)\./gi, `$1${zeroWidthJoiner}.`);
}

/** What starts a block quote at the start of a line. */
const quoteMarkerAtStart = /^\s*>/;

/**
 * Escapes text for Markdown as GitHub renders it, wherever it is placed in a
 * line: in a paragraph, a heading, a list item, a table cell or link text.
 * Line breaks become spaces, so a table row stays one row and no heading or
 * list starts; other controls show as escapes, as on a terminal. Only
 * Markdown's own backslash escapes are used, never HTML character references,
 * so the raw text reads as written in an e-mail or a terminal: a `<` (no tag
 * or autolink starts), link brackets, code backticks, emphasis,
 * strikethrough, table pipes, an `&` that would start a character reference,
 * a `$` that could open math, and a list or quote marker at the start, in
 * case the text starts a line.
 */
export function escapeMarkdown(text: string): string {
  return withoutGithubLinks(escapeTerminal(text.replace(lineBreaks, ' ')))
    .replace(/[\\`*_~[\]<|]|&(?=#?\w+;)|\$(?!\d)/g, '\\$&')
    .replace(listMarkerAtStart, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`)
    .replace(quoteMarkerAtStart, (marker) => `${marker.slice(0, -1)}\\>`);
}

/**
 * Text inside goalpost's own HTML in Markdown (the <summary> of a
 * collapsed breakdown): GitHub reads no Markdown there, so only `&`, `<` and
 * `>` are written as character references, and mentions and references are
 * kept from linking as in escapeMarkdown.
 */
export function escapeHtmlInMarkdown(text: string): string {
  return withoutGithubLinks(escapeTerminal(text.replace(lineBreaks, ' '))).replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Text as inline code: an id, a formula, a file path. Nothing inside a code
 * span is Markdown, and GitHub neither notifies nor links from it, so only
 * what would end the span is kept out: line breaks (and controls, shown as
 * escapes), and backticks, by a fence longer than any run of them inside. A
 * `|` would still end a table cell, and its escape `\|` shows outside a
 * table, so text with a pipe is escaped text in <code> instead.
 */
export function markdownCode(text: string): string {
  const line = escapeTerminal(text.replace(lineBreaks, ' '));
  if (line.includes('|') || line.trim() === '') return `<code>${escapeMarkdown(text)}</code>`;
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A span that starts or ends with a backtick or a space needs a space inside its fence, which Markdown removes.
  const padding = /^[` ]|[` ]$/.test(line) ? ' ' : '';
  return `${fence}${padding}${line}${padding}${fence}`;
}
