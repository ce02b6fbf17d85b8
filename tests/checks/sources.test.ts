import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions, validateFixture } from '../helpers/fixtures.js';

describe('sources', () => {
  const diagnostics = validateFixture('checks/sources');

  it('reports URLs that are not environment variables, unknown types and sources, one query per KPI and missing query files', () => {
    expect(positions(diagnostics)).toEqual([
      'source-url goalpost.yaml:5:11-5:14',
      'source-url goalpost.yaml:7:30-7:80',
      'source-url goalpost.yaml:8:34-8:69',
      'source-url goalpost.yaml:9:3-9:9',
      'invalid-value goalpost.yaml:10:18-10:23',
      'unknown-source kpis.yaml:9:20-9:28',
      'source-query kpis.yaml:17:7-17:11',
      'actuals-derived-kpi kpis.yaml:23:5-23:11',
      'source-query kpis.yaml:29:5-29:11',
      'missing-query-file kpis.yaml:34:37-34:53',
      'missing-query-file kpis.yaml:39:35-39:59',
    ]);
  });

  it('says what is wrong in words a team lead reads, and never repeats a password', () => {
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The source "files" is DuckDB, which runs inside goalpost over the files of the goals folder, so it takes no url. Remove it, or make it "type: postgres".',
      'The url of the source "crm" holds a password, and this file goes into git. Put the URL in an environment variable (a secret in CI) and write url: "${env:GOALPOST_CRM_URL}"; then change the password, since it is in the history.',
      'The url of the source "finance" must name the environment variable that holds the URL, written url: "${env:GOALPOST_FINANCE_URL}": a database URL carries its password, which must not go into git.',
      'The source "ledger" is a PostgreSQL database but has no url. Name the environment variable that holds its URL: url: "${env:GOALPOST_LEDGER_URL}".',
      'The type must be one of duckdb or postgres, not "mysql".',
      'KPI "revenue" takes its numbers from "warehose", which is not a source of the settings. Did you mean "warehouse"?',
      'The source of KPI "market_size" gives both a query and a file; keep one, so that there is no doubt which query runs.',
      'KPI "market_share" is derived by the formula "revenue / market_size", so its value is computed; give its inputs a source instead.',
      'The source of KPI "csat" has no query: give the SQL as "query", or the .sql file that holds it as "file" (for example queries/csat.sql).',
      'The query file "queries/lead.sql" of KPI "leads" is not in the goals folder (no queries/lead.sql). Did you mean "queries/leads.sql"?',
      'The query file "../../secrets/visits.sql" is not a path in the goals folder: write it relative to this file, such as queries/visits.sql.',
    ]);
    for (const diagnostic of diagnostics) expect(diagnostic.message).not.toContain('hunter2');
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  const settings = 'apiVersion: goalpost/v1\nkind: Settings\nsources:\n  exports: {}\n';
  const catalog = (source: string): string =>
    `apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  revenue: {name: 销售额, unit: CNY, direction: increase, aggregate: sum, source: ${source}}\n  csat: {name: 客户满意度得分, unit: score, direction: increase, aggregate: mean}\n`;
  const codes = (files: Record<string, string>): string[] => validateRepository(baseWith(files)).diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);

  it('takes a source without a type for DuckDB, and a query file relative to the file that names it', () => {
    expect(
      codes({
        'goalpost.yaml': settings,
        'catalog/kpis.yaml': catalog('{from: exports, file: ../queries/revenue.sql}'),
        'kpis.yaml': 'apiVersion: goalpost/v1\nkind: KpiCatalog\nkpis:\n  market_size: {name: 市场总规模, unit: CNY, aggregate: sum}\n  market_share: {name: 市场份额, unit: percent, direction: increase, formula: revenue / market_size}\n',
        'queries/revenue.sql': 'select team, sum(amount) as value from read_parquet($month)',
      }),
    ).toEqual([]);
    // The same path from a file one folder up leads outside the repository.
    expect(codes({ 'goalpost.yaml': settings, 'kpis.yaml': catalog('{from: exports, file: ../queries/revenue.sql}'), 'queries/revenue.sql': 'select 1' })).toEqual([
      'missing-query-file kpis.yaml:4:102',
    ]);
  });

  it('names no source as unknown while the settings cannot be read: they may define it', () => {
    expect(codes({ 'goalpost.yaml': `${settings}\tbroken: [\n`, 'kpis.yaml': catalog('{from: warehouse, query: "select 1"}') }).map((c) => c.split(' ')[0])).toEqual(['yaml-syntax']);
    expect(codes({ 'kpis.yaml': catalog('{from: warehouse, query: "select 1"}') })).toEqual(['unknown-source kpis.yaml:4:87']);
  });

  it('says so when the settings define no sources at all', () => {
    const [diagnostic] = validateRepository(baseWith({ 'kpis.yaml': catalog('{from: warehouse, query: "select 1"}') })).diagnostics;
    expect(diagnostic!.message).toBe('KPI "revenue" takes its numbers from "warehouse", but the settings define no sources. Add it under "sources" in the settings (goalpost.yaml).');
  });

  it.each([
    ['postgresql://analyst:s3cr3t@warehouse.internal/sales', true],
    ['host=warehouse.internal dbname=sales user=analyst password=s3cr3t', true],
    ['postgres://warehouse.internal/sales?sslmode=require&password=s3cr3t', true],
    ['postgres://warehouse.internal/sales', false],
    ['$GOALPOST_WAREHOUSE_URL', false],
    ['${env:GOALPOST WAREHOUSE}', false],
  ])('refuses the literal url %j (with a password: %s) without quoting it', (url, withPassword) => {
    const found = validateRepository(baseWith({ 'goalpost.yaml': `apiVersion: goalpost/v1\nkind: Settings\nsources:\n  warehouse: {type: postgres, url: ${JSON.stringify(url)}}\n` })).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['source-url']);
    expect(found[0]!.message.includes('holds a password')).toBe(withPassword);
    expect(found[0]!.message).not.toContain('s3cr3t');
  });

  it('accepts a postgres url that names an environment variable', () => {
    expect(codes({ 'goalpost.yaml': 'apiVersion: goalpost/v1\nkind: Settings\nsources:\n  warehouse: {type: postgres, url: "${env:GOALPOST_WAREHOUSE_URL}"}\n' })).toEqual([]);
  });
});
