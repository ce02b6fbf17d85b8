import { dimensionPattern } from '../model/schema/common.js';

/**
 * The columns of a planning sheet, one row per goal, in the order `export`
 * writes them: the fields of a goal that a row can hold. A breakdown item is a
 * column of its own, named `dimension:key` (`owner:zhang.min`,
 * `month:2026-10`).
 */
export const goalColumns = ['id', 'title', 'kpi', 'target', 'weight', 'owner', 'comparison', 'baseline', 'alignsTo', 'due', 'contributors', 'notes'] as const;
export type GoalColumn = (typeof goalColumns)[number];

/** Every goal has these; the others are written only when a goal of the sheet uses them. */
export const requiredColumns = ['id', 'title', 'kpi', 'target', 'weight', 'owner'] as const satisfies readonly GoalColumn[];
export type RequiredColumn = (typeof requiredColumns)[number];

export const numberColumns: ReadonlySet<GoalColumn> = new Set<GoalColumn>(['target', 'weight', 'baseline']);

/** What a header cell names. */
export type Header =
  | { kind: 'goal'; column: GoalColumn }
  | { kind: 'breakdown'; by: string; key: string }
  /** A `dimension:key` header whose dimension is not a name a breakdown can have. */
  | { kind: 'invalid-dimension'; by: string }
  | { kind: 'unknown'; text: string };

const byLowerCase = new Map<string, GoalColumn>(goalColumns.map((column) => [column.toLowerCase(), column]));
const dimension = new RegExp(dimensionPattern);

/** The header text of a breakdown item's column. */
export function breakdownHeader(by: string, key: string): string {
  return `${by}:${key}`;
}

/**
 * Reads a header cell. Goal columns match whatever their case (`alignsTo`,
 * `AlignsTo`), since a spreadsheet user types headers by hand; a breakdown
 * column splits at its first colon, so a key may hold colons of its own.
 */
export function readHeader(text: string): Header {
  const trimmed = text.trim();
  const column = byLowerCase.get(trimmed.toLowerCase());
  if (column !== undefined) return { kind: 'goal', column };
  const colon = trimmed.indexOf(':');
  if (colon === -1) return { kind: 'unknown', text: trimmed };
  const by = trimmed.slice(0, colon).trim();
  const key = trimmed.slice(colon + 1).trim();
  if (!dimension.test(by)) return { kind: 'invalid-dimension', by };
  if (key === '') return { kind: 'unknown', text: trimmed };
  return { kind: 'breakdown', by, key };
}
