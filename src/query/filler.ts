import { STOPWORDS } from '../text/stopwords.js';
import { isSmallTalk } from './chat-words.js';

/** What people call what is listed ("papers", "stuff", "ones"), as a pattern's alternatives. */
export const PAPER_NOUNS =
  'papers?|publications?|pubs?|preprints?|articles?|stuff|work|works|ones|things|entries';

/**
 * Words that frame a question rather than name its subject: what to do
 * ("show", "list", "find"), what is wanted ("papers", "work", "anything"),
 * how people refer to the group ("we", "our lab") and to publishing ("put
 * out", "came out", "co-authored"). What recognisers leave, minus these and
 * small talk, is the topic.
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  `paper papers publication publications article articles preprint preprints pub pubs research
  work works worked working stuff things thing anything something everything ones one entries
  show list find give get tell display see want wanna need know looking look fetch pull
  bring return lookup category categories filed listed tagged classified
  lab group team published publish publishes publishing written wrote write writes writing
  authored co-authored coauthored co-author coauthor released release appeared came come put out
  related regarding concerning topic topics area field let can could would should will been be
  ever every any all some there which whose whom many much few exist exists available
  year years sort order done on total overall altogether together both them their our we us
  most frequent frequently often common commonly counts numbers tally
  compare compared comparing comparison versus vs make made makes cannot cant wont whether anywhere somewhere yet whole entire among amongst called named
  got have has had having does do did is are was were am
  professor prof dr doctor mr ms mrs mister miss madam sir student`.split(/\s+/u),
);

/** True for words that never narrow an answer: stop words, question framing, small talk. */
export function isFiller(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  return STOPWORDS.has(lower) || FRAME_WORDS.has(lower) || isSmallTalk(lower);
}
