import { diagnosticAt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { envReference, keySpanOf, queryFilePath, spanOf, type GoalsModel, type Kpi, type KpiSource, type SourceDefinition } from '../model/model.js';
import { truncate } from '../text/describe.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Check } from './check.js';

/**
 * Whether a URL carries a password: `user:password@` or a `password=`
 * parameter. Only to choose the words of the message; the message never
 * quotes the URL, since the log it goes to may be read by more people than
 * the repository.
 */
function hasPassword(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(url) || /[?&;\s]password=/i.test(url);
}

function sourceUrlProblems(source: SourceDefinition): Diagnostic[] {
  const { name, type, url } = source;
  const example = `url: "\${env:GOALPOST_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL}"`;
  if (type === 'duckdb' && url !== undefined) {
    return [
      diagnosticAt(
        spanOf(source.at, ['url'], 'key'),
        'source-url',
        `The source "${name}" is DuckDB, which runs inside goalpost over the files of the goals folder, so it takes no url. Remove it, or make it "type: postgres".`,
      ),
    ];
  }
  if (type !== 'postgres') return [];
  if (url === undefined) {
    return [
      diagnosticAt(
        keySpanOf(source.at),
        'source-url',
        `The source "${name}" is a PostgreSQL database but has no url. Name the environment variable that holds its URL: ${example}.`,
      ),
    ];
  }
  if (envReference.test(url)) return [];
  return [
    diagnosticAt(
      spanOf(source.at, ['url']),
      'source-url',
      hasPassword(url)
        ? `The url of the source "${name}" holds a password, and this file goes into git. Put the URL in an environment variable (a secret in CI) and write ${example}; then change the password, since it is in the history.`
        : `The url of the source "${name}" must name the environment variable that holds the URL, written ${example}: a database URL carries its password, which must not go into git.`,
    ),
  ];
}

function kpiSourceProblems(model: GoalsModel, kpi: Kpi, source: KpiSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const sources = model.settings.sources;
  if (kpi.formula) {
    diagnostics.push(
      diagnosticAt(
        keySpanOf(source.at),
        'actuals-derived-kpi',
        `KPI "${kpi.id}" is derived by the formula "${kpi.formula.text}", so its value is computed; give its inputs a source instead.`,
      ),
    );
  }
  if (source.from !== undefined && !sources.has(source.from)) {
    diagnostics.push(
      diagnosticAt(
        spanOf(source.at, ['from']),
        'unknown-source',
        sources.size === 0
          ? `KPI "${kpi.id}" takes its numbers from "${truncate(source.from, 40)}", but the settings define no sources. Add it under "sources" in the settings (goalpost.yaml).`
          : `KPI "${kpi.id}" takes its numbers from "${truncate(source.from, 40)}", which is not a source of the settings.${didYouMean(source.from, sources.keys())}`,
      ),
    );
  }
  if (source.query !== undefined && source.file !== undefined) {
    diagnostics.push(
      diagnosticAt(
        spanOf(source.at, ['file'], 'key'),
        'source-query',
        `The source of KPI "${kpi.id}" gives both a query and a file; keep one, so that there is no doubt which query runs.`,
      ),
    );
  } else if (source.query === undefined && source.file === undefined) {
    diagnostics.push(
      diagnosticAt(
        keySpanOf(source.at),
        'source-query',
        `The source of KPI "${kpi.id}" has no query: give the SQL as "query", or the .sql file that holds it as "file" (for example queries/${kpi.id}.sql).`,
      ),
    );
  } else if (source.file !== undefined) {
    const file = queryFilePath(source);
    if (file === undefined || !model.queryFiles.has(file)) {
      const base = source.at.doc.source.path.split('/').slice(0, -1);
      // Suggested as it would be written: relative to the file that names it.
      const written = [...model.queryFiles.keys()].flatMap((path) => {
        const parts = path.split('/');
        return base.every((part, i) => parts[i] === part) ? [parts.slice(base.length).join('/')] : [];
      });
      diagnostics.push(
        diagnosticAt(
          spanOf(source.at, ['file']),
          'missing-query-file',
          file === undefined
            ? `The query file "${truncate(source.file, 80)}" is not a path in the goals folder: write it relative to this file, such as queries/${kpi.id}.sql.`
            : `The query file "${truncate(source.file, 80)}" of KPI "${kpi.id}" is not in the goals folder (no ${truncate(file, 80)}).${didYouMean(source.file, written)}`,
        ),
      );
    }
  }
  return diagnostics;
}

/**
 * Sources of actuals are checked without connecting to anything: a KPI names
 * a source of the settings and exactly one query, its query file is in the
 * repository, and no database URL (with its password) is written in a file
 * that goes into git.
 */
export const sources: Check = {
  name: 'sources',
  codes: ['unknown-source', 'source-query', 'missing-query-file', 'source-url', 'actuals-derived-kpi'],
  run(model) {
    const diagnostics: Diagnostic[] = [];
    for (const source of model.settings.sources.values()) diagnostics.push(...sourceUrlProblems(source));
    for (const kpi of model.definitions.kpis) if (kpi.source) diagnostics.push(...kpiSourceProblems(model, kpi, kpi.source));
    return diagnostics;
  },
};
