// A synthetic company for benchmarks and scale tests: teams of five people, each with about twenty
// goals for the year (weights adding up to 100, breakdowns by owner that add up, some by month),
// Chinese titles, a shared KPI catalog, and a year of monthly actuals per team.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small deterministic random source, so every run generates the same company. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const measured = Array.from({ length: 30 }, (_, i) => `k${String(i + 1).padStart(2, '0')}`);
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const titles = ['销售额达到', '新增客户', '客户满意度提升至', '市场份额达到', '营销费用控制在', '培训时长达到', '品牌曝光量达到', '线索转化数达到'];

function kpiCatalog(): string {
  const lines = ['apiVersion: goalpost/v1', 'kind: KpiCatalog', 'kpis:'];
  for (const id of measured) lines.push(`  ${id}: {name: 指标${id}, unit: count, direction: increase, aggregate: sum}`);
  lines.push('  ratio1: {name: 比率一, unit: ratio, direction: increase, formula: k01 / k02}');
  lines.push('  ratio2: {name: 比率二, unit: percent, direction: increase, formula: (k03 - k04) / k03}');
  return `${lines.join('\n')}\n`;
}

export interface GeneratedCompany {
  dir: string;
  teams: number;
  files: number;
  yamlBytes: number;
  csvBytes: number;
}

/** Variations of the company's shape, for measuring more CSV than YAML, more YAML than CSV, deep breakdowns and many small files. */
export interface CompanyShape {
  /** Goals per team (20), their weights adding up to 100. */
  goals?: number;
  /** One goal in this many has monthly actuals (1: every goal). */
  actualsEvery?: number;
  /** One goal in this many also has its owners' rows of actuals (4; 1: every goal; 0: none). */
  ownerRowsEvery?: number;
  /** Each owner's part broken down again by month, nested in the item. */
  deep?: boolean;
  /** The actuals in a file per team and month (actuals/2026-MM/<team>.csv) instead of one per team. */
  actualsByMonth?: boolean;
}

/** Writes a company of `teams` teams into `dir` (which should be empty). */
export function generateCompany(dir: string, teams: number, seed = 1, shape: CompanyShape = {}): GeneratedCompany {
  const { goals: goalCount = 20, actualsEvery = 1, ownerRowsEvery = 4, deep = false, actualsByMonth = false } = shape;
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let yamlBytes = 0;
  let csvBytes = 0;
  let files = 0;
  const write = (file: string, text: string): void => {
    files++;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    if (file.endsWith('.csv')) csvBytes += Buffer.byteLength(text);
    else yamlBytes += Buffer.byteLength(text);
  };
  write('kpis.yaml', kpiCatalog());
  write('goalpost.yaml', 'apiVersion: goalpost/v1\nkind: Settings\nlocale: zh-CN\n');
  for (let t = 1; t <= teams; t++) {
    const team = `t${String(t).padStart(5, '0')}`;
    const people = Array.from({ length: 5 }, (_, i) => `${team}.p${i + 1}`);
    write(
      `teams/${team}.yaml`,
      `apiVersion: goalpost/v1\nkind: Team\nid: ${team}\nname: 团队${t}\nlead: ${people[0]}\nmembers:\n${people.map((p, i) => `  ${p}: {name: 成员${t}-${i + 1}, role: 经理}`).join('\n')}\n`,
    );
    const lines = ['apiVersion: goalpost/v1', 'kind: GoalSet', `team: ${team}`, 'period: 2026', 'goals:'];
    const header = 'period,team,kpi,owner,value';
    const csv: string[] = [];
    const shuffled = [...measured].sort(() => next() - 0.5);
    const kpis = Array.from({ length: goalCount }, (_, g) => shuffled[g % shuffled.length]!);
    kpis.forEach((kpi, g) => {
      const items = 3 + Math.floor(next() * 3);
      const owners = people.slice(0, items);
      const shares = owners.map(() => 1000 + Math.floor(next() * 9000));
      const target = shares.reduce((a, b) => a + b, 0) * 12;
      lines.push(
        `  - id: g${g + 1}`,
        `    title: ${pick(titles)} ${target}`,
        `    kpi: ${kpi}`,
        `    target: ${target}`,
        `    weight: ${(100 / goalCount).toFixed(4).replace(/\.?0+$/, '')}`,
        `    owner: ${pick(owners)}`,
        '    breakdown:',
        '      - by: owner',
        deep
          ? `        items: {${owners.map((o, i) => `${o}: {target: ${shares[i]! * 12}, breakdown: [{by: month, items: {${months.map((m) => `${m}: ${shares[i]!}`).join(', ')}}}]}`).join(', ')}}`
          : `        items: {${owners.map((o, i) => `${o}: ${shares[i]! * 12}`).join(', ')}}`,
      );
      if (g % 4 === 0) {
        lines.push('      - by: month', `        items: {${months.map((m) => `${m}: ${target / 12}`).join(', ')}}`);
      }
      // Every goal has a monthly team total; one in four also has its owners' rows.
      if (g % actualsEvery !== 0) return;
      for (const month of months) {
        const values = owners.map((_, i) => Math.round(shares[i]! * (0.7 + next() * 0.6)));
        if (ownerRowsEvery > 0 && g % ownerRowsEvery === 1 % ownerRowsEvery) owners.forEach((owner, i) => csv.push(`${month},${team},${kpi},${owner},${values[i]}`));
        csv.push(`${month},${team},${kpi},,${values.reduce((a, b) => a + b, 0)}`);
      }
    });
    write(`2026/${team}.yaml`, `${lines.join('\n')}\n`);
    if (actualsByMonth) {
      for (const month of months) write(`actuals/${month}/${team}.csv`, `${[header, ...csv.filter((row) => row.startsWith(month))].join('\n')}\n`);
    } else {
      write(`actuals/${team}.csv`, `${[header, ...csv].join('\n')}\n`);
    }
  }
  return { dir, teams, files, yamlBytes, csvBytes };
}
