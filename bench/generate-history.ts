// A git repository with a long history of the worked example, for benchmarks and tests of
// `goalpost log` and the "target revised" notes of `goalpost render`. Commits are written with
// `git fast-import`, so a thousand of them take well under a second to make.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const goalSet = 'goals/2026-Q4/marketing.yaml';
const companyGoalSet = 'goals/2026-Q4/company.yaml';

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(dir: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv, input, maxBuffer: 1024 * 1024 * 1024 });
}

function filesUnder(dir: string, prefix: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const relative = `${prefix}/${name}`;
    if (statSync(path.join(dir, relative)).isDirectory()) for (const [p, text] of filesUnder(dir, relative)) files.set(p, text);
    else files.set(relative, readFileSync(path.join(dir, relative), 'utf8'));
  }
  return files;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the worked example no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

export interface GeneratedHistory {
  dir: string;
  /** The commits, oldest first. */
  commits: number;
}

/**
 * Writes `commits` commits into a new repository at `dir` (an empty folder):
 * the worked example first, then, in turn, a raised target of
 * q4-new-customers (with its owner breakdown), weights moved between q4-roi
 * and q4-attrition, a new owner of q4-roi, a change outside the goals folder
 * and a change of a note that is not tracked. Dates run from July to the end
 * of December 2026, so about half of the commits fall in the fourth quarter.
 * Every version is valid; the working tree is the last one.
 */
export function generateGoalsHistory(dir: string, commits: number): GeneratedHistory {
  git(dir, ['init', '-q', '-b', 'main']);
  const files = filesUnder(repoRoot, 'goals');
  files.set('README.md', '# Goals\n');
  const start = Date.parse('2026-07-01T09:00:00+08:00') / 1000;
  const end = Date.parse('2026-12-31T18:00:00+08:00') / 1000;
  const stream: string[] = [];
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let newCustomers = 300;
  for (let i = 0; i < commits; i++) {
    const changed = new Map<string, string>();
    let message: string;
    if (i === 0) {
      for (const [file, text] of files) changed.set(file, text);
      message = 'Q4 goals';
    } else {
      const marketing = files.get(goalSet)!;
      switch (i % 5) {
        case 1: {
          const raised = newCustomers + 10;
          let text = replaceOnce(marketing, `    target: ${newCustomers}\n`, `    target: ${raised}\n`);
          text = replaceOnce(text, `items: {zhang.min: ${newCustomers - 180}, wang.fang: 180}`, `items: {zhang.min: ${raised - 180}, wang.fang: 180}`);
          changed.set(goalSet, text);
          newCustomers = raised;
          message = `Raise the new-customer target to ${raised}`;
          break;
        }
        case 2: {
          const moved = marketing.includes('    target: 3.0\n    weight: 10\n');
          let text = replaceOnce(marketing, `    target: 3.0\n    weight: ${moved ? 10 : 5}\n`, `    target: 3.0\n    weight: ${moved ? 5 : 10}\n`);
          text = replaceOnce(text, `    target: 0.05\n    weight: ${moved ? 10 : 15}\n`, `    target: 0.05\n    weight: ${moved ? 15 : 10}\n`);
          changed.set(goalSet, text);
          message = moved ? 'Weight attrition over ROI' : 'Weigh ROI and attrition alike';
          break;
        }
        case 3: {
          const toLi = marketing.includes('    owner: chen.jie\n');
          changed.set(goalSet, replaceOnce(marketing, `    owner: ${toLi ? 'chen.jie' : 'li.wei'}\n  - id: q4-budget`, `    owner: ${toLi ? 'li.wei' : 'chen.jie'}\n  - id: q4-budget`));
          message = toLi ? 'Li Wei takes over ROI' : 'Chen Jie takes ROI back';
          break;
        }
        case 4:
          changed.set('README.md', `# Goals\n\nRevision ${i}.\n`);
          message = 'Notes outside the goals folder';
          break;
        default: {
          const company = files.get(companyGoalSet)!;
          changed.set(companyGoalSet, replaceOnce(company, company.match(/销售部 500 家。(（[0-9]+）)?/)![0], `销售部 500 家。（${i}）`));
          message = 'Reword a company note';
        }
      }
    }
    for (const [file, text] of changed) files.set(file, text);
    const when = Math.round(start + ((end - start) * i) / Math.max(1, commits - 1));
    const author = i % 3 === 1 ? 'Zhang Min <zhang.min@example.com>' : 'Li Wei <li.wei@example.com>';
    stream.push(`commit refs/heads/main\nmark :${i + 1}\n`);
    stream.push(`author ${author} ${when} +0800\ncommitter ${author} ${when} +0800\n`, data(message));
    if (i > 0) stream.push(`from :${i}\n`);
    for (const [file, text] of changed) stream.push(`M 100644 inline ${file}\n`, data(text));
  }
  git(dir, ['fast-import', '--quiet'], stream.join(''));
  git(dir, ['reset', '-q', '--hard', 'main']);
  return { dir, commits };
}
