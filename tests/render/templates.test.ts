import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTemplatesDir } from '../../src/render/templates.js';
import { exampleFiles, renderFiles } from './render-helpers.js';

describe('templates', () => {
  it('are overridden by file name from --template, the others staying the default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-templates-'));
    writeFileSync(path.join(dir, 'team.md.hbs'), '# {{md page.teamName}}: {{page.score}}\n{{#each page.goals}}- {{md title}} {{status.icon}}\n{{/each}}');
    const files = await renderFiles(await exampleFiles(), { formats: ['md'], templateDir: dir, locale: 'en' });
    expect(files.get('teams/marketing-2026-Q4.md')).toBe(
      '# 市场营销部: 93.6%\n- 第四季度销售额达到 1200 万元 ✅\n- 新增客户 300 家 ✅\n- 客户留存率不低于 85% ✅\n- 营销投资回报率达到 3.0 ✅\n- 第四季度营销费用控制在 270 万元以内 ⚠️\n- 人才流失率控制在 5% 以内 ✅\n',
    );
    expect(files.get('index.md')).toContain('# Scorecards');
  });

  it('can put the site’s stylesheet in each page, allowed by its hash, with a head of one’s own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-templates-'));
    writeFileSync(
      path.join(dir, '_html-head.hbs'),
      `<!doctype html>\n<html lang="{{lang}}">\n<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{{styleHash}}'">\n<title>{{title}}</title>\n<style>{{{styles}}}</style>\n</head>\n`,
    );
    const files = await renderFiles(await exampleFiles(), { formats: ['html'], templateDir: dir, locale: 'en' });
    const page = files.get('teams/marketing-2026-Q4.html')!;
    const styles = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(styles).toBe(files.get('styles.css'));
    // In an attribute, as Handlebars escapes it: the browser reads &#x3D; as =.
    const hash = createHash('sha256').update(styles, 'utf8').digest('base64').replaceAll('=', '&#x3D;');
    expect(page).toContain(`style-src 'sha256-${hash}'`);
  });

  it('fail loudly on a misspelt field instead of rendering an empty cell', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-templates-'));
    writeFileSync(path.join(dir, 'index.md.hbs'), '{{page.teamz}}');
    await expect(renderFiles(await exampleFiles(), { formats: ['md'], templateDir: dir })).rejects.toThrow(/"teamz" not defined/);
  });

  it('output user data only through escaping expressions: {{{ }}} is kept for markup built from numbers', () => {
    const allowed = new Set(['bar', 'scoreBar', 'page.scoreBar', 'confidenceSvg', 'chartSvg', 'styles']);
    for (const name of readdirSync(defaultTemplatesDir)) {
      const text = readFileSync(path.join(defaultTemplatesDir, name), 'utf8');
      for (const match of text.matchAll(/\{\{\{\s*([^}\s]+)\s*\}\}\}/g)) expect(allowed, `${name}: {{{${match[1]}}}}`).toContain(match[1]);
    }
  });
});
