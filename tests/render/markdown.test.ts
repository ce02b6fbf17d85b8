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
    expect(zh).toContain('# 市场营销部 · 2026年第四季度\n');
    expect(zh).toContain('**团队得分：93.6%** · 截至 2026年11月 · 已过 2 个月（共 3 个月）');
    expect(zh).toContain('| ✅ 正常 | **第四季度销售额达到 1200 万元**');
    // 7.65M of the 12M target, 102% of the 7.5M planned by November, 12.24M forecast from December's plan
    expect(zh).toContain('| 销售额（¥） | ¥1200万 | ¥765万<br>已完成目标的 63.8% | 102% | ¥750万 | ¥1224万<br>预计可达成 | 40 | 40.8 |');
    expect(zh).toContain('| ⚠️ 有风险 | ↳ 按负责人分解：王芳 |');
    expect(zh).toContain('| 营销费用（¥） | ¥270万 | ¥185万<br>已用额度的 68.5% | 难以达成 | ¥180万 | ¥277.5万<br>预计超出上限 ¥75,000 | 10 | 0 |');
    expect(zh).toContain('**客户留存率不低于 85%**（不低于 85%）');
    const en = (await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md'] })).get('teams/marketing-2026-Q4.md')!;
    expect(en).toContain('**Team score: 93.6%** · As of Nov 2026 · 2 of 3 months');
    expect(en).toContain('| CN¥12,000,000 | CN¥7,650,000<br>63.8% of target | 102% | CN¥7,500,000 | CN¥12,240,000<br>on course to reach the target |');
    expect(en).toContain('| CN¥2,775,000<br>on course to exceed the cap by CN¥75,000 |');
  });
});
