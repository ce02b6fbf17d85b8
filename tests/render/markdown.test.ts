import { describe, expect, it } from 'vitest';
import { exampleFiles, renderFiles } from './render-helpers.js';

describe('Markdown scorecards of the example', () => {
  it.each(['zh-CN', 'en'] as const)('match the snapshots in %s', async (locale) => {
    const files = await renderFiles(await exampleFiles(), { locale, formats: ['md'], asOf: '2026-11' });
    expect([...files.keys()].sort()).toEqual([
      'index.md',
      'people/chen.jie.md',
      'people/li.wei.md',
      'people/wang.fang.md',
      'people/zhang.min.md',
      'people/zhao.gang.md',
      'people/zhou.hui.md',
      'teams/company-2026-Q4.md',
      'teams/marketing-2026-Q4.md',
    ]);
    for (const [path, content] of files) {
      await expect(content).toMatchFileSnapshot(`./__snapshots__/${locale}/${path}`);
      // They will be posted as pull-request comments and job summaries.
      expect(content.length).toBeLessThan(65_000);
    }
  });

  it('show the numbers of the score, formatted for the locale', async () => {
    const zh = (await renderFiles(await exampleFiles(), { locale: 'zh-CN', formats: ['md'] })).get('teams/marketing-2026-Q4.md')!;
    expect(zh).toContain('**团队得分: 81.4%**');
    expect(zh).toContain('| ✅ 正常 | **第四季度销售额达到 1200 万元**');
    expect(zh).toContain('| ¥1200万 | ¥765万 | 63.8% | ¥750万 | ¥1147.5万<br>未能达成目标 | 40 | 25.5 |');
    expect(zh).toContain('| ⚠️ 有风险 | ↳ 按负责人分解: 王芳 |');
    const en = (await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md'] })).get('teams/marketing-2026-Q4.md')!;
    expect(en).toContain('**Team score: 81.4%** · As of Nov 2026 · 2 of 3 months');
    expect(en).toContain('| CN¥12,000,000 | CN¥7,650,000 | 63.8% | CN¥7,500,000 |');
  });
});
