/**
 * arXiv subject classes a listing may name by their short code. The profile
 * listing drops the archive prefix ("LG" for cs.LG, "SP" for eess.SP), so the
 * table maps each short code to its full identifier and human name.
 */
const CATEGORIES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['cs.AI', 'Artificial Intelligence'],
  ['cs.AR', 'Hardware Architecture'],
  ['cs.CC', 'Computational Complexity'],
  ['cs.CE', 'Computational Engineering, Finance, and Science'],
  ['cs.CG', 'Computational Geometry'],
  ['cs.CL', 'Computation and Language'],
  ['cs.CR', 'Cryptography and Security'],
  ['cs.CV', 'Computer Vision'],
  ['cs.CY', 'Computers and Society'],
  ['cs.DB', 'Databases'],
  ['cs.DC', 'Distributed, Parallel, and Cluster Computing'],
  ['cs.DL', 'Digital Libraries'],
  ['cs.DM', 'Discrete Mathematics'],
  ['cs.DS', 'Data Structures and Algorithms'],
  ['cs.ET', 'Emerging Technologies'],
  ['cs.FL', 'Formal Languages and Automata Theory'],
  ['cs.GL', 'General Literature'],
  ['cs.GR', 'Graphics'],
  ['cs.GT', 'Computer Science and Game Theory'],
  ['cs.HC', 'Human-Computer Interaction'],
  ['cs.IR', 'Information Retrieval'],
  ['cs.IT', 'Information Theory'],
  ['cs.LG', 'Machine Learning'],
  ['cs.LO', 'Logic in Computer Science'],
  ['cs.MA', 'Multiagent Systems'],
  ['cs.MM', 'Multimedia'],
  ['cs.MS', 'Mathematical Software'],
  ['cs.NA', 'Numerical Analysis'],
  ['cs.NE', 'Neural and Evolutionary Computing'],
  ['cs.NI', 'Networking and Internet Architecture'],
  ['cs.OH', 'Other Computer Science'],
  ['cs.OS', 'Operating Systems'],
  ['cs.PF', 'Performance'],
  ['cs.PL', 'Programming Languages'],
  ['cs.RO', 'Robotics'],
  ['cs.SC', 'Symbolic Computation'],
  ['cs.SD', 'Sound'],
  ['cs.SE', 'Software Engineering'],
  ['cs.SI', 'Social and Information Networks'],
  ['cs.SY', 'Systems and Control'],
  ['eess.AS', 'Audio and Speech Processing'],
  ['eess.IV', 'Image and Video Processing'],
  ['eess.SP', 'Signal Processing'],
  ['stat.ML', 'Machine Learning (Statistics)'],
];

export interface Category {
  /** Full arXiv identifier, e.g. `cs.LG`. */
  code: string;
  name: string;
}

const BY_CODE = new Map(CATEGORIES.map(([code, name]) => [code.toLowerCase(), { code, name }]));
const BY_SHORT_CODE = new Map<string, Category>();
for (const [code, name] of CATEGORIES) {
  const short = code.slice(code.indexOf('.') + 1).toLowerCase();
  // The table lists cs.* first, so a short code shared across archives means the cs one.
  if (!BY_SHORT_CODE.has(short)) BY_SHORT_CODE.set(short, { code, name });
}

/** Resolves `LG`, `cs.LG` or `cs.lg` to a known category; unknown codes return undefined. */
export function categoryFromCode(code: string): Category | undefined {
  const key = code.trim().toLowerCase();
  return BY_CODE.get(key) ?? (key.includes('.') ? undefined : BY_SHORT_CODE.get(key));
}

export function allCategories(): readonly Category[] {
  return [...BY_CODE.values()];
}
