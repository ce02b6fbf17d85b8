import { describe, expect, it } from 'vitest';
import { standaloneFixtureFiles } from '../helpers/fixtures.js';
import { readLikeGithub } from '../helpers/github-markdown.js';
import { exampleFiles, renderFiles } from './render-helpers.js';

describe('Markdown scorecards of the example', () => {
  it.each(['zh-CN', 'en'] as const)('match the snapshots in %s', async (locale) => {
    const files = await renderFiles(await exampleFiles(), { locale, formats: ['md'], asOf: '2026-11' });
    expect([...files.keys()].sort()).toEqual([
      'index.md',
      'people/chen.jie.md',
      'people/he.jing.md',
      'people/li.wei.md',
      'people/liu.yang.md',
      'people/sun.tao.md',
      'people/wang.fang.md',
      'people/zhang.min.md',
      'people/zhao.gang.md',
      'people/zhou.hui.md',
      'teams/company-2026-Q4.md',
      'teams/company-FY2026.md',
      'teams/marketing-2026-Q3.md',
      'teams/marketing-2026-Q4.md',
      'teams/sales-2026-Q3.md',
      'teams/sales-2026-Q4.md',
    ]);
    for (const [path, content] of files) {
      await expect(content).toMatchFileSnapshot(`./__snapshots__/${locale}/${path}`);
      // They will be posted as pull-request comments and job summaries: small, with tables of at most 7 columns,
      // and raw text that reads as written (Markdown's backslash escapes, no HTML character references).
      expect(content.length).toBeLessThan(65_000);
      for (const table of readLikeGithub(content).tables) expect(table[0]!.length, path).toBeLessThanOrEqual(7);
      expect(content, path).not.toMatch(/&#?\w+;/);
    }
  });

  it('show the numbers of the score, formatted for the locale', async () => {
    const zh = (await renderFiles(await exampleFiles(), { locale: 'zh-CN', formats: ['md'] })).get('teams/marketing-2026-Q4.md')!;
    expect(zh).toContain('# 市场营销部 · 2026年第四季度\n');
    expect(zh).toContain('**团队得分：93.6%** · 截至 2026年11月 · 已过 2 个月（共 3 个月）');
    expect(zh).toContain('| ✅ 正常 | **第四季度销售额达到 1200 万元**');
    // 7.65M of the 12M target, 102% of the 7.5M planned by November, 12.24M forecast from December's plan
    // …and against the third quarter's 10.9M: the forecast of 12.24M is 12.3% more.
    expect(zh).toContain('<br>KPI：销售额（¥） · 应达进度：¥750万 · 权重：40 · 加权得分：40.8 · 趋势：▁█ · 信心指数 6 → 7<br>');
    expect(zh).toContain('| [李伟](../people/li.wei.md) | ¥1200万 | ¥765万<br>已完成目标的 63.8%<br>2026年第三季度：¥1090万（+12.3%） | 102% | ¥1224万<br>预计可达成 |');
    // The breakdown, collapsed under the goal's title.
    expect(zh).toContain('\n<details><summary>✅ 第四季度销售额达到 1200 万元</summary>\n\n| 状态 |');
    expect(zh).toContain('| ⚠️ 有风险 | ↳ 按负责人分解：王芳 | [王芳](../people/wang.fang.md) | ¥700万 | ¥430万<br>已完成目标的 61.4% | 98.3%<br>应达进度：¥437.5万 | ¥688万 |');
    // 2.775M forecast against the third quarter's 2.6M of spending: +6.7%.
    expect(zh).toContain('KPI：营销费用（¥） · 应达进度：¥180万 · 权重：10 · 加权得分：0 ·');
    expect(zh).toContain('| ¥270万 | ¥185万<br>已用额度的 68.5%<br>2026年第三季度：¥260万（+6.7%） | 难以达成 | ¥277.5万<br>预计超出上限 ¥75,000 |');
    // Work plans: the blocked CRM migration under its goal, the overdue webinars (due 15 November) under theirs.
    expect(zh).toContain('**第四季度营销费用控制在 270 万元以内**（不超过 ¥270万）<br>');
    expect(zh).toContain('<br>⛔ 受阻：营销数据迁移到新 CRM（陈杰）<br>');
    expect(zh).toContain('<br>⏰ 已逾期：行业线上研讨会系列（陈杰，截止 2026-11-15）<br>');
    expect(zh).toContain('工作计划：5 项 · 已完成 1 · 逾期 1 · 受阻 1');
    const sales = (await renderFiles(await exampleFiles(), { locale: 'zh-CN', formats: ['md'] })).get('teams/sales-2026-Q4.md')!;
    expect(sales).toContain('## 协同目标');
    expect(sales).toContain('**客户留存率不低于 85%**（不低于 85%）<br>KPI：客户留存率（%） · 应达进度：85% · 权重：10 · 加权得分：10 · 趋势：▁█ · 信心指数 6<br>对齐 company/retention：客户留存率提升至 85%<br>[市场营销部](../teams/marketing-2026-Q4.md)<br>协同团队：销售部<br>💬 2026-11-16 进度汇报（王芳）· 信心指数 6/10：重点客户回访完成一半 |');
    const year = (await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md'] })).get('teams/company-FY2026.md')!;
    expect(year).toContain('# 公司 · FY2026 (Jan–Dec 2026)');
    // Marketing's share of the year, judged over July to December: 42M × 57/105 = 22.8M, 18.8M of it by November.
    expect(year).toContain('| ↳ by team: 市场营销部 |  | CN¥22,800,000<br>Jul–Dec 2026 share of CN¥42,000,000 | CN¥18,550,000<br>81.4% of target | 98.7%<br>Expected to date: CN¥18,800,000 |');
    expect(zh).toContain('**客户留存率不低于 85%**（不低于 85%）');
    const en = (await renderFiles(await exampleFiles(), { locale: 'en', formats: ['md'] })).get('teams/marketing-2026-Q4.md')!;
    expect(en).toContain('**Team score: 93.6%** · As of Nov 2026 · 2 of 3 months');
    expect(en).toContain('<br>KPI: 销售额 (CN¥) · Expected to date: CN¥7,500,000 · Weight: 40 · Weighted score: 40.8 · Trend: ▁█ · Confidence 6 → 7<br>');
    expect(en).toContain('| CN¥12,000,000 | CN¥7,650,000<br>63.8% of target<br>Q3 2026: CN¥10,900,000 (+12.3%) | 102% | CN¥12,240,000<br>on course to reach the target |');
    expect(en).toContain('| CN¥2,775,000<br>on course to exceed the cap by CN¥75,000 |');
  });
});

describe('Markdown scorecards in the middle of a period', () => {
  const row = (page: string, title: string): string => page.split('\n').find((line) => line.includes(`**${title}**`))!;

  it('say in the direction’s own words what the forecast means, in English and Chinese', async () => {
    const files = standaloneFixtureFiles('score/mid-period');
    const en = (await renderFiles(files, { locale: 'en', formats: ['md'], asOf: '2026-11' })).get('teams/growth-2026-Q4.md')!;
    const zh = (await renderFiles(files, { locale: 'zh-CN', formats: ['md'], asOf: '2026-11' })).get('teams/growth-2026-Q4.md')!;
    // 15 churned of an allowance of 22, heading to 22.5
    expect(row(en, '流失客户不超过 22 家')).toContain('| 22 | 15<br>68.2% of the allowance used | 97.8% | 22.5<br>on course to exceed the target by 0.5 |');
    expect(row(zh, '流失客户不超过 22 家')).toContain('| 22 | 15<br>已用额度的 68.2% | 97.8% | 22.5<br>预计超出目标 0.5 |');
    expect(row(en, 'Fewer than 10 complaints')).toContain('| ≥ 120% |');
    expect(row(en, '营销费用控制在 30 万美元以内')).toContain('(at most $300,000)');
    expect(row(en, '营销费用控制在 30 万美元以内')).toContain('| off course | $307,500<br>on course to exceed the cap by $7,500 |');
    expect(row(zh, '营销费用控制在 30 万美元以内')).toContain('| 难以达成 | US$30.75万<br>预计超出上限 US$7,500 |');
    expect(row(en, 'Events within $50,000')).toContain('| not met | $82,500<br>already over the cap by $5,000 |');
    expect(row(en, 'NPS from 30 to 40')).toContain('<br>KPI: NPS (points) · Expected to date: 40 ·');
    expect(row(en, 'NPS from 30 to 40')).toContain('| 40<br>baseline 30 | 36 | 60% | — |');
    expect(en).toContain('| ⚠️ At risk | ↳ by region: west |  | $7,000,000 | $4,300,000<br>61.4% of target | 98.3%<br>Expected to date: $4,375,000 | $6,880,000 |');
  });

  it('say what happened once the period is over', async () => {
    const files = standaloneFixtureFiles('score/mid-period');
    const en = (await renderFiles(files, { locale: 'en', formats: ['md'], asOf: '2026-12' })).get('teams/growth-2026-Q4.md')!;
    const zh = (await renderFiles(files, { locale: 'zh-CN', formats: ['md'], asOf: '2026-12' })).get('teams/growth-2026-Q4.md')!;
    expect(en).toContain('**Team score: 94.6%** · As of Dec 2026 · 3 of 3 months');
    expect(row(en, '营销费用控制在 30 万美元以内')).toContain('| met | $295,000<br>stayed within the cap |');
    expect(row(en, 'Events within $50,000')).toContain('| not met | $55,000<br>exceeded the cap by $5,000 |');
    expect(row(en, '流失客户不超过 22 家')).toContain('| 104.8% | 21<br>stayed within the target |');
    expect(row(zh, '第四季度销售额达到 1200 万')).toContain('| 101.3% | US$1215万<br>已达成目标 |');
    expect(row(zh, 'Events within $50,000')).toContain('| 未达成 | US$55,000<br>超出上限 US$5,000 |');
  });
});
