import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
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
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && /\.(hbs|css)$/.test(entry.name)) sources.set(entry.name, await readFile(path.join(dir, entry.name), 'utf8'));
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
