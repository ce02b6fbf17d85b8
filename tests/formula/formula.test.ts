import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaReferences, parseFormula } from '../../src/formula/formula.js';

function evaluate(text: string, values: Record<string, number>): number | undefined {
  const { ast, errors } = parseFormula(text);
  expect(errors).toEqual([]);
  return evaluateFormula(ast!, (id) => values[id]);
}

describe('parseFormula', () => {
  it('respects precedence, associativity, unary minus and parentheses', () => {
    expect(evaluate('1 + 2 * 3', {})).toBe(7);
    expect(evaluate('(1 + 2) * 3', {})).toBe(9);
    expect(evaluate('8 / 4 / 2', {})).toBe(1);
    expect(evaluate('10 - 4 - 3', {})).toBe(3);
    expect(evaluate('-2 * -3', {})).toBe(6);
    expect(evaluate('1.5e3 + .5', {})).toBe(1500.5);
  });

  it('computes the retention rate of the example from its inputs', () => {
    // (1078 - 208) / 1000
    expect(evaluate('(customers_end - new_customers) / customers_start', { customers_end: 1078, new_customers: 208, customers_start: 1000 })).toBe(0.87);
  });

  it('calls min, max and abs', () => {
    expect(evaluate('max(a, b, 3) + min(a, b) + abs(0 - 5)', { a: 1, b: 2 })).toBe(9);
  });

  it('gives no data for a missing input or a division by zero, never Infinity or NaN', () => {
    expect(evaluate('a / b', { a: 1, b: 0 })).toBeUndefined();
    expect(evaluate('a / b', { a: 1 })).toBeUndefined();
    expect(evaluate('0 / 0 + 1', {})).toBeUndefined();
  });

  it('lists the KPIs a formula refers to, with their offsets', () => {
    const { ast } = parseFormula('(attributed_revenue - marketing_spend) / marketing_spend');
    expect(formulaReferences(ast).map((r) => [r.id, r.start, r.end])).toEqual([
      ['attributed_revenue', 1, 19],
      ['marketing_spend', 22, 37],
      ['marketing_spend', 41, 56],
    ]);
  });

  it.each([
    ['(a + b', 0, 1, 'Unbalanced parenthesis: "(" at character 1 is never closed.'],
    ['a + b)', 5, 6, 'Unbalanced parenthesis: this ")" has no matching "(".'],
    ['a +', 3, 3, 'The formula ends where a KPI id or a number should follow.'],
    ['a b', 2, 3, 'Unexpected "b": an operator (+ - * /) is missing before it.'],
    ['a ^ 2', 2, 3, 'Unexpected character "^". Formulas use KPI ids, numbers, + - * /, parentheses and min, max, abs.'],
    ['constructor.constructor("x")()', 11, 12, 'Unexpected character ".". Formulas use KPI ids, numbers, + - * /, parentheses and min, max, abs.'],
    ['abs(a, b)', 0, 9, 'abs() takes 1 argument, not 2.'],
  ])('reports %s as a syntax error at its offset', (text, start, end, message) => {
    const { errors } = parseFormula(text);
    expect(errors).toEqual([{ kind: 'syntax', message, start, end }]);
  });

  it('reports an unknown function but still parses the rest', () => {
    const { ast, errors } = parseFormula('median(a, b) + c');
    expect(errors).toEqual([{ kind: 'unknown-function', message: 'Unknown function "median". Formulas can call min, max, abs.', start: 0, end: 6 }]);
    expect(formulaReferences(ast).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses nesting deeper than 100 levels instead of exhausting the stack', () => {
    const { errors } = parseFormula(`${'('.repeat(150)}a${')'.repeat(150)}`);
    expect(errors[0]!.message).toBe('The formula is nested more than 100 levels deep.');
    expect(parseFormula(`${'-'.repeat(150)}a`).errors[0]!.message).toBe('The formula is nested more than 100 levels deep.');
  });

  it('parses a long flat expression, and refuses one of more than 1000 tokens', () => {
    const terms = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}`).join(' + ');
    const { ast, errors } = parseFormula(terms(500)); // 999 tokens
    expect(errors).toEqual([]);
    expect(formulaReferences(ast)).toHaveLength(500);
    expect(evaluateFormula(ast!, () => 1)).toBe(500);
    const long = terms(20_000);
    expect(parseFormula(long).errors).toEqual([
      { kind: 'syntax', message: 'The formula is longer than 1000 tokens; split it into intermediate KPIs.', start: 0, end: long.length },
    ]);
  });
});
