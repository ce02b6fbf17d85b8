// The floor of the benchmark: read every YAML file of a folder and load it with js-yaml, the
// fastest YAML parser for Node, and nothing else. Every CSV file is read too (not parsed).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';

const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.ya?ml$/.test(entry.name)) loadAll(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA });
    else if (entry.name.endsWith('.csv')) readFileSync(file, 'utf8');
  }
};
walk(process.argv[2]);
