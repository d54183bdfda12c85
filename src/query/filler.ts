import { STOPWORDS } from '../text/stopwords.js';

/**
 * Words that shape a question but are not its topic. What is left after
 * recognisers and filler is what the full-text search looks for.
 */
const QUESTION_WORDS = `paper papers publication publications article articles preprint preprints
  pub pubs show list find give get tell display see want wanna looking look need know
  please thanks thank hi hello hey pubbot bot lab group team published publish written authored
  released appeared came come anything something everything stuff things thing related regarding
  concerning topic topics area field let can could would should will been be ever any all some
  there which whose whom many much few exist exists available one ones year years
  sort order wrote write writes writing work works worked working done everything on author
  authors`;

const FILLER: ReadonlySet<string> = new Set([...STOPWORDS, ...QUESTION_WORDS.split(/\s+/u)]);

export function isFiller(word: string): boolean {
  return FILLER.has(word.toLowerCase().replace(/['’]s$/u, ''));
}
