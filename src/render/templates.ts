import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Template file contents by file name: pages (`team.md.hbs`, ...), partials (`_name.hbs`) and `styles.css`. */
export type TemplateSources = ReadonlyMap<string, string>;

export const defaultTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

async function readTemplateDir(dir: string): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && /\.(hbs|css)$/.test(entry.name)) sources.set(entry.name, await readFile(`${dir}/${entry.name}`, 'utf8'));
  }
  return sources;
}

/**
 * The default templates, with any file of the same name in `overrideDir`
 * taking its place, so a team can restyle one page without copying the rest.
 */
export async function loadTemplates(overrideDir?: string): Promise<TemplateSources> {
  const sources = await readTemplateDir(defaultTemplatesDir);
  if (overrideDir !== undefined) for (const [name, text] of await readTemplateDir(overrideDir)) sources.set(name, text);
  return sources;
}
