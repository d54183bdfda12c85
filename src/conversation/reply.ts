import type { PaperDetail } from '../answer/paper-detail.js';
import type { PaperLine } from '../answer/paper-line.js';
import type { ChartSpec } from '../chart/chart-spec.js';

/**
 * What pubbot says, laid out once and rendered by each platform within its
 * own limits and markup: embeds, Block Kit, terminal text. Every piece is
 * optional except `notes`, `visibility` and `attachments`; a renderer shows
 * the pieces present, in this order.
 *
 * @example
 * ```ts
 * const reply: Reply = {
 *   title: '4 papers by Yiren Zhao in 2019, newest first',
 *   papers: [paperLine(paper, 1)],
 *   notes: [],
 *   footer: 'papers by Yiren Zhao · in 2019 · newest first · 4 results',
 *   visibility: 'public',
 *   attachments: [],
 * };
 * ```
 */
export interface Reply {
  /** One line summing the reply up; a header or an embed title. */
  title?: string;
  /** A paper shown in full; with `title` the title reads as a kicker ("New paper"). */
  detail?: PaperDetail;
  /** Papers, one line each. */
  papers?: PaperLine[];
  /** People, one line each ("1. Xitong Gao — 5 papers"), under a heading when beside papers. */
  people?: { heading?: string; lines: string[] };
  /**
   * Papers counted per group, as a chart spec: text platforms show its
   * `barLines`, and a rendered PNG (in `attachments`) can stand beside it.
   */
  chart?: ChartSpec;
  /** Preformatted text (BibTeX). */
  code?: { language: string; text: string };
  /** A short message: a notice, a greeting, help. */
  text?: string;
  /** Caveats, suggestions and ignored words, shown small. */
  notes: string[];
  /** What was understood, how many, which page. */
  footer?: string;
  pager?: Pager;
  /** The conversation a Refine control continues; set on answers a follow-up can refine. */
  followUp?: string;
  /** Private replies are shown only to the asker where the platform can. */
  visibility: 'public' | 'private';
  /** Files sent with the reply (a chart); none yet. */
  attachments: Attachment[];
}

/** Page controls: tokens for the neighbouring pages, and where the reader is. */
export interface Pager {
  previous?: string;
  next?: string;
  page: number;
  pages: number;
  /** Matches after this page. */
  remaining: number;
}

/** A file to send with a reply. */
export interface Attachment {
  /** File name, e.g. `chart.png`. */
  name: string;
  contentType: string;
  data: Uint8Array;
  /** What the file shows, for people who cannot see it. */
  alt: string;
}
