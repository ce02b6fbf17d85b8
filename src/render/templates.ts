import { existsSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Template file contents by file name: pages (`team.md.hbs`, ...), partials (`_name.hbs`) and `styles.css`. */
export type TemplateSources = ReadonlyMap<string, string>;

/**
 * The templates/ folder of the goalpost package: two levels up from this
 * module in src/ and lib/, one level up from the bundled Action in dist/.
 */
export const defaultTemplatesDir = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 4; level++) {
    if (existsSync(path.join(dir, 'templates', 'index.md.hbs'))) return path.join(dir, 'templates');
    dir = path.dirname(dir);
  }
  throw new Error('The templates/ folder of goalpost is missing.');
})();

async function readTemplateDir(dir: string): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  const root = await realpath(dir);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!/\.(hbs|css)$/.test(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
    const file = path.join(dir, entry.name);
    // A template that is a link to a file elsewhere would copy that file into the scorecards.
    const relative = path.relative(root, await realpath(file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${entry.name} is a link to a file outside the template folder`);
    sources.set(entry.name, await readFile(file, 'utf8'));
  }
  return sources;
}

/**
 * The default templates, with any file of the same name in `overrideDir`
 * taking its place, so a team can restyle one page without copying the rest.
 */
/** The root of the goalpost package (where templates/ and .github/ are). */
export const packageRoot = path.dirname(defaultTemplatesDir);

export async function loadTemplates(overrideDir?: string): Promise<TemplateSources> {
  const sources = await readTemplateDir(defaultTemplatesDir);
  if (overrideDir !== undefined) for (const [name, text] of await readTemplateDir(overrideDir)) sources.set(name, text);
  return sources;
}
