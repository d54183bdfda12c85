/**
 * What people type around a question in chat: greetings, thanks, praise,
 * politeness, acknowledgements, the bot's name and chat shorthand. None of it
 * is ever a topic; a message made only of it is small talk.
 */
const SMALL_TALK = {
  greeting: `hi hii hiii hiya hey heya heyy hello hallo helo yo sup howdy greetings morning evening
    afternoon gm`,
  thanks: `thanks thank thx thnx thanx tnx ty tysm tyvm cheers ta appreciate appreciated grateful`,
  praise: `good great nice awesome cool perfect amazing brilliant excellent love neat sweet wow
    lol lmao rofl haha hahaha hehe xd`,
  ack: `ok okay k kk alright sure yes yeah yep yup hmm hm um uh oh ah well btw also anyway actually
    just really basically quick quickly`,
  polite: `please pls plz plez pleaseee kindly`,
  address: `bot pubbot buddy mate folks guys everyone dude friend`,
};

/** Chat shorthand and the everyday word it stands for. */
export const SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  abt: 'about',
  w: 'with',
  wo: 'without',
  bc: 'because',
  cuz: 'because',
  smth: 'something',
  sth: 'something',
  gimme: 'give me',
  lemme: 'let me',
  wanna: 'want to',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  tho: 'though',
  rn: 'right now',
};

/**
 * Contractions typed without their apostrophe, read as meant before anything
 * else ("whats", "dont"); only those that are no other word ("cant", "wont",
 * "lets", "IM" are).
 */
export const CONTRACTIONS: Readonly<Record<string, string>> = {
  whats: 'what is',
  whos: 'who is',
  hows: 'how is',
  wheres: 'where is',
  thats: 'that is',
  theres: 'there is',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  youre: 'you are',
};

const words = (text: string) => text.split(/\s+/u).filter(Boolean);

const SMALL_TALK_WORDS: ReadonlySet<string> = new Set(Object.values(SMALL_TALK).flatMap(words));

const THANKS_OR_PRAISE: ReadonlySet<string> = new Set(
  [SMALL_TALK.thanks, SMALL_TALK.praise].flatMap(words),
);

/** Thanks or praise ("thx", "great"): "great papers!" is said to the bot, not asked of it. */
export function isThanksOrPraise(word: string): boolean {
  return THANKS_OR_PRAISE.has(word.toLowerCase());
}

/** A greeting, thanks, praise or other small-talk word ("hey", "thx", "good", "bot"). */
export function isSmallTalk(word: string): boolean {
  return SMALL_TALK_WORDS.has(word.toLowerCase());
}
