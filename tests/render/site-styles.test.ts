import { describe, expect, it } from 'vitest';
import { labelsByLocale } from '../../src/render/labels.js';
import { cssString, siteStylesheet } from '../../src/render/site-styles.js';

describe('the site stylesheet', () => {
  it('writes text as a CSS string that nothing in it can end', () => {
    expect(cssString('负责人')).toBe('"负责人"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    // A line break would end the declaration, and a } the rule: controls become escapes, the rest stays inside the quotes.
    expect(cssString('x\n} body { display: none')).toBe('"x\\a } body { display: none"');
    expect(cssString('\u0000\u007f\u0085')).toBe('"\\0 \\7f \\85 "');
  });

  it('starts with its encoding, keeps the template’s styles and adds the icons and the card labels of the language', () => {
    const css = siteStylesheet('body { color: red; }\n', labelsByLocale['zh-CN']);
    expect(css.startsWith('@charset "utf-8";\nbody { color: red; }\n')).toBe(true);
    expect(css).toContain('.status.at-risk::before { content: "⚠️ "; content: "⚠️ " / ""; }');
    expect(css).toContain('  td.owner::before { content: "负责人"; }');
    expect(css).toContain('  td.count.off-track::before { content: "❌ 落后"; }');
    expect(siteStylesheet('', labelsByLocale.en)).toContain('  td.forecast::before { content: "Forecast"; }');
  });
});
