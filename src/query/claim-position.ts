import type { AuthorFilter } from './query.js';
import type { TextSpans } from './text-spans.js';

type Position = NonNullable<AuthorFilter['position']>;

const CUES: ReadonlyArray<readonly [Position, RegExp]> = [
  [
    'first',
    /\b(?:as\s+(?:the\s+)?(?:first|lead|leading|main)\s+author|(?:first|lead|main)[- ]?author(?:ed|ship|s)?|first[- ]named|name\s+(?:is|comes)\s+(?:the\s+)?first|listed\s+first|led|(?<=\b(?:did|does|do|has|have|had)\s+(?:[\p{L}.'’-]+\s+){1,3})lead)\b/iu,
  ],
  [
    'last',
    /\b(?:as\s+(?:the\s+)?(?:last|senior|final)\s+author|(?:last|senior|final)[- ]?author(?:ed|ship|s)?|name\s+(?:is|comes)\s+(?:the\s+)?last|listed\s+last)\b/iu,
  ],
];

export interface PositionCue {
  position: Position;
  /** Where the cue stood, to tie it to the nearest name. */
  at: number;
}

/** "first-author papers", "papers led by", "as last author": where in the author list; claims the words. */
export function claimPositionCues(spans: TextSpans): PositionCue[] {
  const cues: PositionCue[] = [];
  for (const [position, pattern] of CUES) {
    spans.claim(pattern, (m) => {
      cues.push({ position, at: m.index });
      return true;
    });
  }
  return cues;
}

/**
 * Ties each cue to the person named nearest to it in the question, so "Yiren
 * Zhao first-author papers with Xitong Gao" asks for Zhao first.
 */
export function applyPositions(
  authors: AuthorFilter[],
  cues: readonly PositionCue[],
  question: string,
): AuthorFilter[] {
  if (cues.length === 0 || authors.length === 0) return authors;
  const lower = question.toLowerCase();
  const at = authors.map((author) => lower.indexOf(author.asked.toLowerCase()));
  const result = [...authors];
  for (const cue of cues) {
    let nearest = 0;
    for (let i = 1; i < authors.length; i++) {
      if (Math.abs((at[i] ?? 0) - cue.at) < Math.abs((at[nearest] ?? 0) - cue.at)) nearest = i;
    }
    result[nearest] = { ...(result[nearest] as AuthorFilter), position: cue.position };
  }
  return result;
}
