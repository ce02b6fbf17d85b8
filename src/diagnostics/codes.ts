/**
 * Every diagnostic code goalpost reports, with the one-line help that the
 * README, SARIF rules and editor hovers show. Codes are stable: tools filter
 * and suppress by them, so a code is never renamed or reused.
 */
export const diagnosticCodes = {
  // Reading files
  'file-too-large': 'The file is larger than the configured size limit and was not read.',
  'invalid-encoding': 'The file is not valid UTF-8 text.',
  'yaml-syntax': 'The file is not valid YAML.',
  'duplicate-key': 'A key appears twice in the same mapping; YAML would silently keep only one.',
  'unsupported-directive': 'The file has a YAML directive other than `%YAML 1.2`, which would change how the rest of it reads.',
  'unsupported-tag': 'A YAML tag other than !!str, !!int, !!float, !!bool, !!null, !!map and !!seq, or one that does not fit its value.',
  'yaml-alias-limit': 'The file expands YAML aliases beyond the safe limit, or an alias refers to the value that holds it.',
  'nesting-too-deep': 'A document nests deeper than any goals file needs, and was not read.',
  'missing-header': 'The file lacks `apiVersion: goalpost/v1` or `kind`, so goalpost cannot tell what it is.',
  'unsupported-api-version': 'The `apiVersion` is not one that this version of goalpost understands.',
  'unknown-kind': 'The `kind` is not one of KpiCatalog, Team, GoalSet, Settings or CheckIn.',

  // The schema of each kind
  'wrong-type': 'A value has the wrong type, for example text where a number belongs.',
  'unknown-key': 'A key is not part of the schema for this kind of file (often a typo).',
  'missing-key': 'A required key is missing.',
  'invalid-value': 'A value is outside what the schema allows (a pattern, a range or a list of choices).',

  // Identity and references
  'duplicate-id': 'Two things of the same kind share an id.',
  'duplicate-goal-set': 'Two goal sets are for the same team and period.',
  'duplicate-settings': 'More than one Settings file was found.',
  'unknown-kpi': 'A KPI id does not exist in the KPI catalog.',
  'unknown-team': 'A team id does not match any Team file.',
  'unknown-person': 'A person id is not a member of the team.',
  'unknown-goal': 'A goal id (in `alignsTo`, or in a check-in) names no goal of that team and period.',

  // KPI definitions and formulas
  'kpi-definition': 'A KPI must be either measured (`aggregate`) or derived (`formula`), not both or neither.',
  'kpi-without-direction': 'A goal uses a KPI that has no `direction`, so goalpost cannot tell which way is better.',
  'formula-syntax': 'A formula cannot be parsed.',
  'unknown-function': 'A formula calls a function that goalpost does not provide.',
  'formula-cycle': 'Derived KPIs refer to each other in a loop.',

  // Targets, breakdowns and weights
  'breakdown-sum': 'The items of a breakdown do not add up to the target of what they break down.',
  'breakdown-mismatch': 'The items of a breakdown do not combine (mean, minimum, maximum, first or last) to the target.',
  'invalid-month': 'A month breakdown key is not a month written as YYYY-MM.',
  'month-outside-period': 'A month breakdown names a month outside the goal set period, or outside the quarter or half item it is nested in.',
  'weights-total': 'The weights of the goals in a goal set do not add up to 100.',
  'due-outside-period': 'A goal is due outside its goal set period.',
  'negative-target': 'A target or breakdown item is negative for a KPI counted in things, hours or money.',
  'target-needs-baseline': 'A goal measured in proportion to its target has a target of 0 or below and no baseline to measure progress from.',
  'baseline-equals-target': "A goal's baseline equals its target, so there is no distance between them to measure progress by.",
  'baseline-beyond-target': "A goal's baseline is on the wrong side of its target for the KPI's direction, so attainment would fall as the KPI improves.",
  'invalid-thresholds': 'The amber threshold is above the green threshold.',
  'invalid-year-part': 'A quarter or half breakdown key is not Q1..Q4 or H1, H2.',
  'year-part-outside-period': 'A quarter or half breakdown names a part of the year outside what it splits, or the whole of it.',

  // Plans across files: roll-ups, shared goals, work plans, challenge
  'rollup-sum': 'The goals aligned to a goal with the same KPI do not add up to its target (or to the matching item of its breakdown).',
  'rollup-mismatch': 'The goals aligned to a goal with the same KPI do not combine (mean, minimum, maximum, first or last) to its target.',
  'rollup-missing': 'A team of a `by: team` breakdown has no goal aligned to the goal it breaks down.',
  'actuals-rollup-mismatch': 'A goal has actuals of its own that disagree with the combined actuals of the goals aligned to it.',
  'initiative-dates': 'An initiative starts after it is due.',
  'invalid-link': 'A link is not an http or https address.',
  'target-not-challenging': 'A target does not improve on what the team achieved in the previous comparable period.',
  'target-unrealistic': 'A target asks for more growth over the previous comparable period than the settings call realistic.',

  // The review cycle: check-ins, closing a period, incentives
  'checkin-without-goal-set': 'No goal set of the team covers the date of a check-in.',
  'duplicate-checkin': 'Two check-ins are for the same team and date.',
  'closed-too-early': 'A goal set is closed before the last month of its period.',
  'override-out-of-range': "A closed goal's final attainment is above the cap.",
  'final-without-closing': "A goal has a final attainment but its goal set is not closed, so the computed attainment still counts.",
  'reopened-before-closed': 'A goal set is reopened on a date before it was closed, or without having been closed.',
  'incentive-curve-order': 'The points of an incentive curve are not in increasing order of attainment.',
  'closed-goal-set-changed': 'A change alters the targets, weights, owners or breakdowns of a closed goal set without reopening it.',

  // Sources of actuals (goalpost pull)
  'unknown-source': "A KPI's `source` names a source that the settings do not define.",
  'source-query': "A KPI's `source` gives both `query` and `file`, or neither.",
  'missing-query-file': "The `.sql` file named by a KPI's `source` is not in the goals folder.",
  'source-url': 'A `postgres` source has no `url` or a literal one where `${env:NAME}` belongs (a URL in git would publish its password), or a `duckdb` source has a `url`.',

  // Actuals (CSV)
  'csv-syntax': 'The CSV file cannot be parsed (for example an unclosed quote).',
  'actuals-header': 'The actuals CSV header lacks a required column or repeats one.',
  'actuals-row-length': 'A CSV row has a different number of cells than the header.',
  'actuals-period': 'An actuals period is not a month (YYYY-MM), an ISO week (YYYY-Www) or a day (YYYY-MM-DD) that exists.',
  'actuals-value': "An actual value is not a plain finite number, or is too large to add up exactly (alone or with the team's other values of the KPI).",
  'actuals-derived-kpi': 'Actuals are given for a derived KPI, whose value is always computed from its formula.',
  'duplicate-actual': 'Two actuals rows have the same period, team, KPI and dimensions.',
  'unknown-dimension-value': 'An actuals dimension value matches no breakdown item of that dimension.',
  'actuals-total-mismatch': 'A team-total row disagrees with the rows that split the same month by a dimension.',
  'actuals-mixed-granularity': 'Actuals for the same team, KPI and dimension values give one month in two forms (month, ISO week, day), which would count it twice.',
} as const satisfies Record<string, string>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/**
 * The codes that keep a whole file out of the model: goalpost could not read
 * one meaning from it, so nothing in it is checked against the other files.
 */
export const unreadableFileCodes: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'file-too-large',
  'invalid-encoding',
  'yaml-syntax',
  'unsupported-directive',
  'unsupported-tag',
  'duplicate-key',
  'yaml-alias-limit',
  'nesting-too-deep',
]);

/** The codes whose problems are worth a look but do not make a repository invalid. */
const warningCodes: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'due-outside-period',
  'unknown-dimension-value',
  'actuals-total-mismatch',
  'rollup-sum',
  'rollup-mismatch',
  'rollup-missing',
  'actuals-rollup-mismatch',
  'target-not-challenging',
  'target-unrealistic',
  'final-without-closing',
]);

export function defaultSeverity(code: DiagnosticCode): 'error' | 'warning' {
  return warningCodes.has(code) ? 'warning' : 'error';
}
