export const apiVersion = 'goalpost/v1';

export const documentKinds = ['KpiCatalog', 'Team', 'GoalSet', 'Settings', 'CheckIn'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (documentKinds as readonly string[]).includes(value);
}

export const aggregates = ['sum', 'mean', 'min', 'max', 'first', 'last'] as const;
export type Aggregate = (typeof aggregates)[number];

export const directions = ['increase', 'decrease'] as const;
export type Direction = (typeof directions)[number];

export const comparisons = ['atLeast', 'atMost'] as const;
export type Comparison = (typeof comparisons)[number];

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
