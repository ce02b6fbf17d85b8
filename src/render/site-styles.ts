import type { Status } from '../score/rules.js';
import type { Labels } from './labels.js';
import { statusIcons } from './labels.js';

/**
 * Text as a CSS string literal: the quote and the backslash escaped, and
 * every control character (a line break would end the declaration) as a
 * hexadecimal escape. The one function for text placed in a stylesheet.
 */
export function cssString(text: string): string {
  return `"${text.replace(/["\\]|\p{Cc}/gu, (character) => (character === '"' || character === '\\' ? `\\${character}` : `\\${character.charCodeAt(0).toString(16)} `))}"`;
}

/**
 * Each column's label, shown before its value when a narrow screen turns
 * table rows into cards. In the stylesheet, once per site, rather than in an
 * attribute on every cell of every page.
 */
const cardLabels = (labels: Labels): [selector: string, label: string][] => [
  ['td.owner', labels.owner],
  ['td.target', labels.target],
  ['td.actual', labels.actual],
  ['td.attainment', labels.attainment],
  ['td.forecast', labels.forecast],
  ['td.period', labels.period],
  ['td.team-score', labels.teamScore],
  ...(['on-track', 'at-risk', 'off-track', 'no-data'] as const).map((status): [string, string] => [`td.count.${status}`, `${statusIcons[status]} ${labels.statuses[status]}`]),
];

/**
 * The status icons, before every status's words wherever a status is shown,
 * so that it reads without colour; hidden from screen readers, which read
 * the words. (The first `content` is for browsers without alternative text.)
 */
function statusIconRules(): string[] {
  return (Object.entries(statusIcons) as [Status, string][]).map(
    ([status, icon]) => `.status.${status}::before { content: ${cssString(`${icon} `)}; content: ${cssString(`${icon} `)} / ""; }`,
  );
}

/**
 * The site's one stylesheet, `styles.css`: the template's styles (which a
 * user may override), the status icons, and the card labels in the site's
 * language.
 */
export function siteStylesheet(templateStyles: string, labels: Labels): string {
  return [
    '@charset "utf-8";',
    templateStyles.trimEnd(),
    ...statusIconRules(),
    '@media (max-width: 1000px) {',
    ...cardLabels(labels).map(([selector, label]) => `  ${selector}::before { content: ${cssString(label)}; }`),
    '}',
    '',
  ].join('\n');
}
