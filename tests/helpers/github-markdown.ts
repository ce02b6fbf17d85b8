import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/**
 * What a person sees of Markdown on GitHub (a comment, a job summary, a
 * scorecard in the repository), read by a CommonMark parser with GitHub's
 * extensions: tables, strikethrough, raw HTML, and URLs and e-mail addresses
 * that become links. On top of that, what GitHub finds in the rendered text
 * outside code and links: @mentions, which notify, issue references, and
 * `www.` addresses.
 */
export interface GithubView {
  headings: string[];
  /** Every link, written or autolinked: its text and where it goes. */
  links: { text: string; href: string }[];
  images: string[];
  /** Raw HTML, other than the <br>, <code> and <details><summary>…</summary> that goalpost writes itself. */
  html: string[];
  /** Text that GitHub would show as an emphasis, a strong emphasis or a strikethrough. */
  emphasis: string[];
  mentions: string[];
  references: string[];
  /** Each table as rows of cells, the header row first; a cell's text with <br> as a line break. */
  tables: string[][][];
  /** The text of each paragraph, heading and list item outside tables, as it reads. */
  paragraphs: string[];
}

const reader = new MarkdownIt('default', { html: true, linkify: true });
// GitHub links bare domains only after `www.` (found below), not `example.com` alone.
reader.linkify.set({ fuzzyLink: false });

const mention = /(?<![\w`/@.])@[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][\w-]*)?/gi;
const reference = /(?<![\w/#])(?:[\w.-]+\/[\w.-]+)?#\d+\b|\bGH-\d+\b/gi;
const wwwAddress = /(?:^|[\s*_~(])(www\.[\w-]+(?:\.[\w-]+)+)/gi;
const ownMarkup = /^<\/?(br|code)\s*\/?>$/i;
// A collapsed breakdown: <details> with a <summary> of text only (no tag), and its end.
const ownBlock = /^(?:<details><summary>[^<>]*<\/summary>|<\/details>)$/;
// GitHub autolinks an e-mail address of ASCII letters, digits and . - _ + only (GFM's extended email autolink);
// markdown-it's linkify takes any letter, and a zero-width joiner for one.
const githubEmail = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

/** GitHub's rendering of `markdown`, as far as a review can tell links, mentions and structure apart. */
export function readLikeGithub(markdown: string): GithubView {
  const view: GithubView = { headings: [], links: [], images: [], html: [], emphasis: [], mentions: [], references: [], tables: [], paragraphs: [] };
  const tokens = reader.parse(markdown, {});
  let row: string[] | undefined;
  let heading = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        heading = true;
        break;
      case 'table_open':
        view.tables.push([]);
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        view.tables.at(-1)!.push(row!);
        row = undefined;
        break;
      case 'html_block':
        if (!ownBlock.test(token.content.trim())) view.html.push(token.content.trim());
        break;
      case 'inline': {
        const text = readInline(token.children ?? [], view);
        if (row) row.push(text);
        else if (heading) view.headings.push(text);
        else view.paragraphs.push(text);
        heading = false;
        break;
      }
    }
  }
  return view;
}

/** The text of a run of inline tokens, noting on the way every link, image, tag, emphasis, mention and reference. */
function readInline(children: readonly Token[], view: GithubView): string {
  let text = '';
  let link: { text: string; href: string } | undefined;
  const emphases: { start: number }[] = [];
  let codeDepth = 0;
  for (const child of children) {
    switch (child.type) {
      case 'link_open':
        link = { text: '', href: child.attrGet('href') ?? '' };
        break;
      case 'link_close':
        if (!(child.markup === 'linkify' && link!.href.startsWith('mailto:') && !githubEmail.test(link!.text))) view.links.push(link!);
        link = undefined;
        break;
      case 'image':
        view.images.push(child.attrGet('src') ?? '');
        break;
      case 'em_open':
      case 'strong_open':
      case 's_open':
        emphases.push({ start: text.length });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
        view.emphasis.push(text.slice(emphases.pop()!.start));
        break;
      case 'html_inline':
        if (!ownMarkup.test(child.content)) view.html.push(child.content);
        else if (/^<br/i.test(child.content)) text += '\n';
        else codeDepth += child.content.startsWith('</') ? -1 : 1;
        break;
      case 'code_inline':
        text += child.content;
        if (link) link.text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'text':
        text += child.content;
        if (link) link.text += child.content;
        // GitHub finds mentions and references in text, but not in code or in a link's text.
        else if (codeDepth === 0) {
          view.mentions.push(...(child.content.match(mention) ?? []));
          view.references.push(...(child.content.match(reference) ?? []));
          for (const match of child.content.matchAll(wwwAddress)) view.links.push({ text: match[1]!, href: `http://${match[1]!}` });
        }
        break;
    }
  }
  return text;
}

/** Text as it reads on the page: the zero-width joiners that keep mentions and references apart do not show. */
export function asRead(text: string): string {
  return text.replace(/\u200d/g, '');
}

/**
 * The anchors GitHub gives the headings of a Markdown file, in order: the
 * heading's text lowercased, with punctuation and symbols removed (letters of
 * any script, marks, digits, `-` and `_` stay) and each space a `-`; a
 * repeated anchor gets `-1`, `-2`, ... (as github-slugger does).
 */
export function githubAnchors(headings: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headings.map((heading) => {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let anchor = slug;
    for (let count = seen.get(slug) ?? 0; seen.has(anchor); count++) {
      anchor = `${slug}-${count + 1}`;
      seen.set(slug, count + 1);
    }
    seen.set(anchor, seen.get(anchor) ?? 0);
    return anchor;
  });
}
