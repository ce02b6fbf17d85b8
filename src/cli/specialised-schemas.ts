import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GoalsModel } from '../model/model.js';
import { specialisedSchemasDir } from '../model/schema/common.js';
import { schemaByKind } from '../model/schema/index.js';

/** A specialised schema is a few kilobytes; anything far larger (or a link to a device) is not one, and is not read. */
const maxSchemaBytes = 4 * 1024 * 1024;

/**
 * Where the specialised schemas of a goals folder are unless `--out` says
 * otherwise: `.goalpost/schemas` beside the goals folder, where `goalpost
 * init` puts them. Relative to `cwd` as the user typed the folder, so that
 * a message can quote it as a command to run.
 */
export function defaultSchemasDir(goalsDir: string, cwd: string): string {
  const absolute = path.join(path.dirname(path.resolve(cwd, goalsDir)), specialisedSchemasDir);
  return path.isAbsolute(goalsDir) ? absolute : path.relative(cwd, absolute);
}

/** The texts of the specialised schema files in `dir`, by file name; a missing or unreadable file is left out. */
export async function readSpecialisedSchemas(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const { fileName } of Object.values(schemaByKind)) {
    const file = path.join(dir, fileName);
    try {
      const info = await stat(file);
      if (info.isFile() && info.size <= maxSchemaBytes) texts.set(fileName, await readFile(file, 'utf8'));
    } catch {
      // Missing or unreadable: the file counts as stale.
    }
  }
  return texts;
}

/** The file names in `schemasDir` that no longer match the repository's ids. */
export async function staleSpecialisedSchemas(model: GoalsModel, schemasDir: string): Promise<string[]> {
  const { staleSchemaFiles } = await import('../model/schema/specialise.js');
  return staleSchemaFiles(model, await readSpecialisedSchemas(schemasDir));
}

export function refreshSchemasCommand(goalsDir: string, schemasDir: string): string {
  return `goalpost schema ${goalsDir} --out ${schemasDir}`;
}

/**
 * One line for `validate` when the repository keeps specialised schemas
 * (goalpost init writes them) and they no longer match its ids: the editor
 * would reject a new KPI or person that goalpost accepts. Nothing when the
 * repository has none.
 */
export async function staleSchemasNote(model: GoalsModel, goalsDir: string, cwd: string): Promise<string | undefined> {
  const schemasDir = defaultSchemasDir(goalsDir, cwd);
  if (!existsSync(path.resolve(cwd, schemasDir))) return undefined;
  const stale = await staleSpecialisedSchemas(model, path.resolve(cwd, schemasDir));
  if (stale.length === 0) return undefined;
  return `The editor schemas in ${schemasDir} do not list the current KPI, team, people or goal ids: refresh them with ${refreshSchemasCommand(goalsDir, schemasDir)}\n`;
}
