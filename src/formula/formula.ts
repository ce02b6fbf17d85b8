/**
 * goalpost's own formula language for derived KPIs: numbers, KPI ids,
 * + - * /, unary minus, parentheses, and the functions min, max and abs.
 * Formulas are parsed into a tree and evaluated by walking it; they never
 * reach eval, Function or vm.
 */
export type FormulaNode =
  | { type: 'number'; value: number; start: number; end: number }
  | { type: 'kpi'; id: string; start: number; end: number }
  | { type: 'negate'; operand: FormulaNode; start: number; end: number }
  | { type: 'binary'; operator: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode; start: number; end: number }
  | { type: 'call'; name: string; args: FormulaNode[]; start: number; end: number };

export interface FormulaError {
  kind: 'syntax' | 'unknown-function';
  message: string;
  /** Offsets in the formula text. */
  start: number;
  end: number;
}

export interface ParsedFormula {
  ast: FormulaNode | undefined;
  errors: FormulaError[];
}

export const formulaFunctions: Record<string, { minArgs: number; maxArgs: number; apply: (args: number[]) => number }> = {
  min: { minArgs: 1, maxArgs: Infinity, apply: (args) => Math.min(...args) },
  max: { minArgs: 1, maxArgs: Infinity, apply: (args) => Math.max(...args) },
  abs: { minArgs: 1, maxArgs: 1, apply: (args) => Math.abs(args[0]!) },
};

/** Deeper nesting than this is refused, so a hostile formula cannot exhaust the stack. */
const maxDepth = 100;
/** A real formula has a few dozen tokens; a longer one is refused rather than evaluated. */
const maxTokens = 1000;

type Token =
  | { type: 'number'; value: number; start: number; end: number }
  | { type: 'name'; value: string; start: number; end: number }
  | { type: 'punct'; value: '+' | '-' | '*' | '/' | '(' | ')' | ','; start: number; end: number }
  | { type: 'end'; start: number; end: number };

class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new FormulaSyntaxError(`The number ${number[0]} is too large.`, i, i + number[0].length);
      tokens.push({ type: 'number', value, start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 400));
    if (name) {
      tokens.push({ type: 'name', value: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    if ('+-*/(),'.includes(ch)) {
      tokens.push({ type: 'punct', value: ch as '+', start: i, end: i + 1 });
      i++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    throw new FormulaSyntaxError(
      `Unexpected character "${char}". Formulas use KPI ids, numbers, + - * /, parentheses and min, max, abs.`,
      i,
      i + char.length,
    );
  }
  tokens.push({ type: 'end', start: text.length, end: text.length });
  return tokens;
}

export function parseFormula(text: string): ParsedFormula {
  const errors: FormulaError[] = [];
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ast: undefined, errors: [{ kind: 'syntax', message: error.message, start: error.start, end: error.end }] };
    throw error;
  }
  if (tokens.length > maxTokens) {
    return { ast: undefined, errors: [{ kind: 'syntax', message: `The formula is longer than ${maxTokens} tokens; split it into intermediate KPIs.`, start: 0, end: text.length }] };
  }
  let position = 0;
  let depth = 0;
  const peek = (): Token => tokens[position]!;
  const next = (): Token => tokens[position++]!;
  const isPunct = (token: Token, value: string): boolean => token.type === 'punct' && token.value === value;
  const describe = (token: Token): string => (token.type === 'end' ? 'the end of the formula' : `"${text.slice(token.start, token.end)}"`);

  const expression = (): FormulaNode => {
    let left = term();
    while (isPunct(peek(), '+') || isPunct(peek(), '-')) {
      const operator = (next() as { value: '+' | '-' }).value;
      const right = term();
      left = { type: 'binary', operator, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const term = (): FormulaNode => {
    let left = unary();
    while (isPunct(peek(), '*') || isPunct(peek(), '/')) {
      const operator = (next() as { value: '*' | '/' }).value;
      const right = unary();
      left = { type: 'binary', operator, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const unary = (): FormulaNode => {
    const token = peek();
    if (++depth > maxDepth) throw new FormulaSyntaxError(`The formula is nested more than ${maxDepth} levels deep.`, token.start, token.end);
    try {
      if (isPunct(token, '-') || isPunct(token, '+')) {
        next();
        const operand = unary();
        return token.type === 'punct' && token.value === '-' ? { type: 'negate', operand, start: token.start, end: operand.end } : operand;
      }
      return primary();
    } finally {
      depth--;
    }
  };
  const primary = (): FormulaNode => {
    const token = next();
    if (token.type === 'number') return { type: 'number', value: token.value, start: token.start, end: token.end };
    if (token.type === 'name') {
      if (!isPunct(peek(), '(')) return { type: 'kpi', id: token.value, start: token.start, end: token.end };
      next();
      const args: FormulaNode[] = [];
      if (!isPunct(peek(), ')')) {
        args.push(expression());
        while (isPunct(peek(), ',')) {
          next();
          args.push(expression());
        }
      }
      const close = next();
      if (!isPunct(close, ')')) throw new FormulaSyntaxError(`Expected ")" to close ${token.value}(, found ${describe(close)}.`, close.start, close.end);
      const fn = formulaFunctions[token.value];
      if (!Object.hasOwn(formulaFunctions, token.value) || !fn) {
        errors.push({
          kind: 'unknown-function',
          message: `Unknown function "${token.value}". Formulas can call ${Object.keys(formulaFunctions).join(', ')}.`,
          start: token.start,
          end: token.end,
        });
      } else if (args.length < fn.minArgs || args.length > fn.maxArgs) {
        const expected = fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs}`;
        errors.push({
          kind: 'syntax',
          message: `${token.value}() takes ${expected} argument${fn.minArgs === 1 && fn.maxArgs === 1 ? '' : 's'}, not ${args.length}.`,
          start: token.start,
          end: close.end,
        });
      }
      return { type: 'call', name: token.value, args, start: token.start, end: close.end };
    }
    if (isPunct(token, '(')) {
      const inner = expression();
      const close = next();
      if (!isPunct(close, ')')) {
        throw new FormulaSyntaxError(`Unbalanced parenthesis: "(" at character ${token.start + 1} is never closed.`, token.start, token.end);
      }
      return inner;
    }
    if (token.type === 'end') throw new FormulaSyntaxError('The formula ends where a KPI id or a number should follow.', token.start, token.end);
    throw new FormulaSyntaxError(`Unexpected ${describe(token)}: a KPI id or a number should come here.`, token.start, token.end);
  };

  try {
    const ast = expression();
    const rest = peek();
    if (rest.type !== 'end') {
      const message = isPunct(rest, ')')
        ? 'Unbalanced parenthesis: this ")" has no matching "(".'
        : `Unexpected ${describe(rest)}: an operator (+ - * /) is missing before it.`;
      throw new FormulaSyntaxError(message, rest.start, rest.end);
    }
    return { ast, errors };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) {
      return { ast: undefined, errors: [...errors, { kind: 'syntax', message: error.message, start: error.start, end: error.end }] };
    }
    throw error;
  }
}

/** Every KPI reference in the formula, in order of appearance. */
export function formulaReferences(node: FormulaNode | undefined): Extract<FormulaNode, { type: 'kpi' }>[] {
  const references: Extract<FormulaNode, { type: 'kpi' }>[] = [];
  const stack: FormulaNode[] = node ? [node] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    switch (current.type) {
      case 'kpi':
        references.push(current);
        break;
      case 'negate':
        stack.push(current.operand);
        break;
      case 'binary':
        stack.push(current.right, current.left);
        break;
      case 'call':
        stack.push(...[...current.args].reverse());
        break;
      case 'number':
        break;
    }
  }
  return references;
}

/**
 * The value of a formula, given the values of its inputs. Undefined ("no
 * data") when an input has no value or a division by zero occurs; never
 * Infinity or NaN.
 */
export function evaluateFormula(node: FormulaNode, valueOf: (kpi: string) => number | undefined): number | undefined {
  const value = evaluate(node, valueOf);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function evaluate(node: FormulaNode, valueOf: (kpi: string) => number | undefined): number | undefined {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'kpi':
      return valueOf(node.id);
    case 'negate': {
      const operand = evaluate(node.operand, valueOf);
      return operand === undefined ? undefined : -operand;
    }
    case 'binary': {
      const left = evaluate(node.left, valueOf);
      const right = evaluate(node.right, valueOf);
      if (left === undefined || right === undefined) return undefined;
      return applyOperator(node.operator, left, right);
    }
    case 'call': {
      const fn = Object.hasOwn(formulaFunctions, node.name) ? formulaFunctions[node.name] : undefined;
      if (!fn) return undefined;
      const args: number[] = [];
      for (const arg of node.args) {
        const value = evaluate(arg, valueOf);
        if (value === undefined) return undefined;
        args.push(value);
      }
      return fn.apply(args);
    }
  }
}

function applyOperator(operator: '+' | '-' | '*' | '/', left: number, right: number): number | undefined {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? undefined : left / right;
  }
}
