import { looksLikePersonName } from './person-name.js';

/**
 * The second line of a listing entry: the title glued to the author list,
 * e.g. "…for FPGAsYiren Zhao, Xitong Gao, Xuan Guo et al.".
 */
export interface Byline {
  title: string;
  authors: string[];
  authorsTruncated: boolean;
}

const ET_AL = /[\s,]*\bet\s+al\.?\s*$/iu;

interface Segment {
  text: string;
  start: number;
}

/**
 * Splits a byline into title and authors. Authors are the trailing
 * comma-separated segments that look like names; the first of them is glued
 * to the end of the title (no space), so the glue point is an upper-case letter
 * right after a non-space character. Titles may contain commas, and may end in
 * capitals or acronyms ("…CNNsYiren Zhao"), so every candidate split is checked
 * against the name rules, preferring a name the corpus lists elsewhere, then the
 * longest name.
 *
 * Returns undefined when no reading of the line fits.
 */
export function splitByline(line: string, knownNames?: ReadonlySet<string>): Byline | undefined {
  const authorsTruncated = ET_AL.test(line);
  const body = line.replace(ET_AL, '').trim();
  const segments = splitOnCommas(body);
  for (let glued = 0; glued < segments.length; glued++) {
    const rest = segments.slice(glued + 1).map((segment) => segment.text);
    if (!rest.every((name) => looksLikePersonName(name, { minWords: 1 }))) continue;
    const segment = segments[glued] as Segment;
    const gluePoint = findGluePoint(segment.text, knownNames);
    if (gluePoint === undefined) continue;
    const title = body.slice(0, segment.start + gluePoint).trim();
    if (title.length === 0) continue;
    return {
      title,
      authors: [segment.text.slice(gluePoint).trim(), ...rest],
      authorsTruncated,
    };
  }
  return undefined;
}

function splitOnCommas(body: string): Segment[] {
  const segments: Segment[] = [];
  const separator = /\s*,\s*/gu;
  let start = 0;
  for (const match of body.matchAll(separator)) {
    segments.push({ text: body.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  segments.push({ text: body.slice(start), start });
  return segments;
}

function findGluePoint(segment: string, knownNames?: ReadonlySet<string>): number | undefined {
  const candidates: number[] = [];
  for (const match of segment.matchAll(/(?<=[^\s\-'’])\p{Lu}/gu)) {
    const name = segment.slice(match.index);
    if (looksLikePersonName(name)) candidates.push(match.index);
  }
  const known = candidates.find((index) => knownNames?.has(segment.slice(index)));
  return known ?? candidates[0];
}
