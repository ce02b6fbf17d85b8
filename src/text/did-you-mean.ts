/**
 * Names longer than this get no suggestion: ids and keys are short, and a
 * longer name is not a typo of one. It keeps the cost of a suggestion small
 * whatever a file holds (a 15 MB key, a 10 MB CSV cell).
 */
export const longestSuggestible = 100;

/**
 * Edit distance (insertions, deletions, substitutions, adjacent swaps), or
 * `bound + 1` as soon as the distance is known to exceed `bound`. Only three
 * rows are kept (a swap looks two rows back), each only within `bound` of the
 * diagonal (a cell further off is more than `bound` edits away), and the
 * smallest value of a row never decreases in the rows after it, so a row past
 * the bound ends the work: comparing with a name costs its length times the
 * bound, not the product of the two lengths.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (a === b) return 0;
  const beyond = bound + 1;
  if (Math.abs(a.length - b.length) > bound) return beyond;
  const cols = b.length + 1;
  let beforePrevious = new Array<number>(cols).fill(beyond);
  let previous = Array.from({ length: cols }, (_, j) => (j <= bound ? j : beyond));
  let current = new Array<number>(cols).fill(beyond);
  for (let i = 1; i <= a.length; i++) {
    const first = Math.max(1, i - bound);
    const last = Math.min(cols - 1, i + bound);
    current[first - 1] = first === 1 ? i : beyond;
    if (last + 1 < cols) current[last + 1] = beyond;
    let rowMinimum = current[first - 1]!;
    for (let j = first; j <= last; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > bound) return beyond;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length]!, beyond);
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo
 * (case-insensitively, within a third of the name's length; names shorter
 * than three characters only match when they differ in case).
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > longestSuggestible) return undefined;
  const lowered = name.toLowerCase();
  // Any one-letter change would make every short name look like a typo of another.
  const limit = name.length < 3 ? 0 : Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // A closer candidate must beat the best so far, and names whose lengths differ by n are at least n edits apart
    // (lowering the case never shortens a name, so a candidate too long already is too long lowered).
    const bound = Math.min(limit, bestDistance - 1);
    if (candidate === name || candidate.length > lowered.length + bound) continue;
    const distance = editDistance(lowered, candidate.toLowerCase(), bound);
    if (distance <= bound) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " Did you mean "x"?" or "", to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestMatch(name, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}
