import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/text/did-you-mean.js';

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
});
