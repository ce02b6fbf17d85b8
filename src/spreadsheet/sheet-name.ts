/** Excel refuses a sheet name longer than this. */
export const longestSheetName = 31;

/**
 * The name of a goal set's sheet, `marketing 2026-Q4`, as Excel accepts it:
 * at most 31 characters (the team id is shortened, the period kept), none of
 * \ / ? * [ ] :, and no apostrophe at either end.
 */
export function goalSetSheetName(team: string, period: string): string {
  const room = longestSheetName - period.length - 1;
  return allowedSheetName(`${[...team].slice(0, Math.max(room, 1)).join('')} ${period}`);
}

/** A text as a sheet name Excel accepts: forbidden characters as `_`, at most 31 characters. */
export function allowedSheetName(text: string): string {
  const cleaned = [...text.replace(/[\\/?*[\]:]/g, '_')].slice(0, longestSheetName).join('').replace(/^'+|'+$/g, '');
  return cleaned.trim() === '' ? 'Sheet' : cleaned;
}

/**
 * Names for sheets in order, each as `allowedSheetName` makes it and unique
 * as Excel compares them (ignoring case): a repeated name gets ` (2)`, ` (3)`
 * within the length limit.
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = allowedSheetName(name);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${[...allowedSheetName(name)].slice(0, longestSheetName - suffix.length).join('')}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
