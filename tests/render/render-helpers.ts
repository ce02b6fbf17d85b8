import type { RepositoryFile } from '../../src/load/load-file.js';
import { readGoalsDirectory } from '../../src/load/read-directory.js';
import type { Locale } from '../../src/model/kinds.js';
import { renderScorecards, type OutputFile, type OutputFormat } from '../../src/render/render.js';
import { loadTemplates } from '../../src/render/templates.js';
import { scoreRepository } from '../../src/score/score.js';
import { validateRepository } from '../../src/validate.js';
import { repoRoot } from '../helpers/fixtures.js';

export async function renderFiles(
  files: readonly RepositoryFile[],
  options: { locale?: Locale; formats?: OutputFormat[]; templateDir?: string; asOf?: string; includeIncentives?: boolean; provisional?: boolean } = {},
): Promise<Map<string, string>> {
  const { model, diagnostics } = validateRepository(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture has errors: ${JSON.stringify(errors)}`);
  const report = scoreRepository(model, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), provisional: options.provisional ?? false });
  const rendered: OutputFile[] = renderScorecards(report, model, {
    locale: options.locale ?? model.settings.locale,
    formats: options.formats ?? ['md', 'html'],
    templates: await loadTemplates(options.templateDir),
    includeIncentives: options.includeIncentives ?? false,
  });
  return new Map(rendered.map((f) => [f.path, f.content]));
}

export async function exampleFiles(): Promise<RepositoryFile[]> {
  return readGoalsDirectory(`${repoRoot}goals`);
}
