import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { Locale } from '../model/kinds.js';
import type { TargetRevision } from '../history/goal-history.js';
import type { GoalsModel } from '../model/model.js';
import type { ScoreReport } from '../score/score.js';
import { escapeHtmlInMarkdown, escapeMarkdown } from './escape.js';
import type { TemplateSources } from './templates.js';
import { indexFilterScript, indexScript } from './index-filter.js';
import { siteStylesheet } from './site-styles.js';
import { buildSiteView, type SiteView } from './view.js';

export type OutputFormat = 'md' | 'html';

export interface RenderOptions {
  locale: Locale;
  formats: readonly OutputFormat[];
  templates: TemplateSources;
  /** Target changes during each goal's period, by `team/period/id` (from `goalpost log`'s history). */
  revisions?: ReadonlyMap<string, readonly TargetRevision[]>;
  /**
   * Show payout factors on person pages. Off by default: scorecards are often
   * published where the whole company (or the internet) can read them.
   */
  includeIncentives?: boolean;
}

export interface OutputFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  content: string;
}

function compileAll(templates: TemplateSources): { page: (name: string) => Handlebars.TemplateDelegate } {
  const hb = Handlebars.create();
  hb.registerHelper('md', (text: unknown) => new hb.SafeString(escapeMarkdown(text === null || text === undefined ? '' : String(text))));
  // Goalpost's own HTML in Markdown (a <summary>), where GitHub reads no Markdown.
  hb.registerHelper('htmlInMd', (text: unknown) => new hb.SafeString(escapeHtmlInMarkdown(text === null || text === undefined ? '' : String(text))));
  // Markdown pages have no anchors for goals (they exist only in HTML), so a link to a goal goes to its page.
  hb.registerHelper('page', (href: unknown) => String(href).replace(/#.*$/, ''));
  // No-break spaces: a table cell keeps them, and raw Markdown reads them as spaces (no `&nbsp;`).
  hb.registerHelper('indent', (depth: unknown) => new hb.SafeString('\u00a0\u00a0'.repeat(Math.max(0, Number(depth) - 1))));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  for (const [name, text] of templates) {
    if (name.startsWith('_') && name.endsWith('.hbs')) hb.registerPartial(name.slice(1, -'.hbs'.length), text);
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    page(name) {
      let template = compiled.get(name);
      if (!template) {
        const source = templates.get(name);
        if (source === undefined) throw new Error(`The template ${name} is missing.`);
        // strict: a misspelt field in a template is an error, not an empty cell.
        compiled.set(name, (template = hb.compile(source, { strict: true })));
      }
      return template;
    },
  };
}

/**
 * Renders every scorecard: an index, a page per team and goal set, and a
 * page per person, in each format asked for. Pure: it returns the files, and
 * the caller writes them. Pages are made one at a time as they are asked
 * for, so a large company's scorecards never all sit in memory at once.
 */
export function* renderScorecardFiles(report: ScoreReport, model: GoalsModel, options: RenderOptions): Generator<OutputFile> {
  const { page } = compileAll(options.templates);
  for (const format of options.formats) {
    const site: SiteView = buildSiteView(report, model, options.locale, format, options.revisions, options.includeIncentives ?? false);
    const styles = format === 'html' ? siteStylesheet(options.templates.get('styles.css') ?? '', site.labels) : '';
    if (format === 'html') {
      // One stylesheet and one script for the whole site, which every page links to (its
      // Content-Security-Policy allows them and nothing else), rather than a copy in each page.
      yield { path: 'styles.css', content: styles };
      yield { path: indexScript, content: indexFilterScript };
    }
    // `styles` and its hash stay available to a template of one's own that puts the stylesheet in the page.
    const styleHash = `sha256-${createHash('sha256').update(styles, 'utf8').digest('base64')}`;
    const context = { lang: site.lang, labels: site.labels, asOf: site.asOf, styles, styleHash };
    const render = (template: string, pageView: { path: string }, script = ''): OutputFile => ({
      path: pageView.path,
      content: page(template)({ ...context, root: '../'.repeat(pageView.path.split('/').length - 1), script, page: pageView }),
    });
    yield render(`index.${format}.hbs`, site.index, format === 'html' ? indexScript : '');
    for (const team of site.teams) yield render(`team.${format}.hbs`, team);
    for (const person of site.people) yield render(`person.${format}.hbs`, person);
  }
}

/** All the scorecards at once (see renderScorecardFiles). */
export function renderScorecards(report: ScoreReport, model: GoalsModel, options: RenderOptions): OutputFile[] {
  return [...renderScorecardFiles(report, model, options)];
}
