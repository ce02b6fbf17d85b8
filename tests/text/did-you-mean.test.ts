import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance, longestSuggestible } from '../../src/text/did-you-mean.js';

/** The textbook definition, with the whole matrix: what the bounded version must agree with. */
function fullEditDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The first candidate at the smallest distance within a third of the name's length, compared with every candidate. */
function closestByFullComparison(name: string, candidates: readonly string[]): string | undefined {
  const limit = name.length < 3 ? 0 : Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = fullEditDistance(name.toLowerCase(), candidate.toLowerCase());
    if (candidate !== name && distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('target', 'tagret')).toBe(1);
    expect(editDistance('revenue', 'revenu')).toBe(1);
    expect(editDistance('weight', 'wieght')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('suggests only close names', () => {
    expect(closestMatch('tagret', ['target', 'title', 'weight'])).toBe('target');
    expect(closestMatch('Owner', ['owner'])).toBe('owner');
    expect(closestMatch('budget', ['target', 'weight'])).toBeUndefined();
    expect(closestMatch('销售量', ['销售额', '市场份额'])).toBe('销售额');
    expect(closestMatch('b', ['a', 'c'])).toBeUndefined();
  });

  it('stops at a bound, answering one more than the bound when the distance is past it', () => {
    expect(editDistance('revenue', 'retention_rate', 2)).toBe(3);
    expect(editDistance('market_share', 'market_size', 2)).toBe(fullEditDistance('market_share', 'market_size'));
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 4)).toBe(5);
    expect(editDistance('ab', 'ba', 0)).toBe(1);
  });

  it('agrees with the whole matrix on any strings and bounds', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_', '额'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.nat(8), (a, b, bound) => {
        const full = fullEditDistance(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, bound)).toBe(Math.min(full, bound + 1));
      }),
      { seed: 10, numRuns: 2000 },
    );
  });

  it('suggests what comparing with every candidate suggests, for names up to the longest suggestible length', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'E', '.', 'İ'), minLength: 0, maxLength: 12 });
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 12 }), (typed, candidates) => {
        expect(closestMatch(typed, candidates)).toBe(closestByFullComparison(typed, candidates));
      }),
      { seed: 10, numRuns: 2000 },
    );
  });

  it('suggests nothing for a name longer than any id, however many candidates there are', () => {
    const members = Array.from({ length: 5000 }, (_, i) => `person.${i}`);
    expect(closestMatch(`${'x'.repeat(longestSuggestible)}`, ['x'.repeat(longestSuggestible - 1)])).toBe('x'.repeat(longestSuggestible - 1));
    expect(closestMatch(`${'x'.repeat(longestSuggestible + 1)}`, ['x'.repeat(longestSuggestible)])).toBeUndefined();
    expect(closestMatch('x'.repeat(15 * 2 ** 20), [...members, 'x'.repeat(15 * 2 ** 20 - 1)])).toBeUndefined();
    expect(closestMatch('person.4999x', members)).toBe('person.4999');
  });
});
