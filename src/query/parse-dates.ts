import { addMonths, type DateRange, endOfMonth, isoDay } from './date-range.js';
import type { TextSpans } from './text-spans.js';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:19|20)\d\d`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
/**
 * A day, a month or a year, however people write it: "2025-06-16",
 * "21 June 2024", "Dec 20, 2022", "March 2025", "june '25", "2025-03", "2019".
 * Non-capturing: `readPoint` takes a match apart.
 */
const POINT = String.raw`(?:(?<!\d)${YEAR}-\d\d-\d\d(?!\d)|${DAY}\s+(?:of\s+)?${MONTH},?\s+${YEAR}|${MONTH}\s+${DAY},?\s+${YEAR}|${MONTH},?\s+(?:of\s+)?(?:${YEAR}|['’]\d\d)|(?<!\d)${YEAR}(?:-(?:0[1-9]|1[0-2]))?)(?!\d)(?!-\d\d(?!\d))`;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const MONTH_KEYS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Period {
  start: string;
  end: string;
  label: string;
}

const DAY_FIRST = new RegExp(`^(\\d+)\\D*?\\s+(?:of\\s+)?(${MONTH}),?\\s+(\\d{4})$`, 'iu');
const MONTH_FIRST = new RegExp(`^(${MONTH})\\s+(\\d+)\\D*?,?\\s+(\\d{4})$`, 'iu');
const MONTH_YEAR = new RegExp(`^(${MONTH}),?\\s+(?:of\\s+)?(?:(\\d{4})|['’](\\d\\d))$`, 'iu');

const monthOf = (name: string) => MONTH_KEYS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * Reads one POINT. A day that does not exist ("31 June 2024") becomes an
 * empty period whose label says so, rather than a guess.
 */
function readPoint(text: string): Period {
  const iso = /^(\d{4})-(\d\d)-(\d\d)$/u.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = MONTH_FIRST.exec(text);
  if (iso) return dayPeriod(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (dayFirst)
    return dayPeriod(Number(dayFirst[3]), monthOf(dayFirst[2] as string), Number(dayFirst[1]));
  if (monthFirst)
    return dayPeriod(
      Number(monthFirst[3]),
      monthOf(monthFirst[1] as string),
      Number(monthFirst[2]),
    );
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) {
    const year = Number(monthYear[2] ?? `20${monthYear[3]}`);
    return monthPeriod(year, monthOf(monthYear[1] as string));
  }
  const [year, month] = text.split('-').map(Number) as [number, number | undefined];
  if (month) return monthPeriod(year, month);
  return { start: isoDay(year, 1, 1), end: isoDay(year, 12, 31), label: String(year) };
}

function dayPeriod(year: number, month: number, day: number): Period {
  const date = isoDay(year, month, day);
  const label = `${day} ${MONTH_NAMES[month - 1] ?? `month ${month}`} ${year}`;
  // isoDay rolls "June 31" over to "July 1": a day that does not exist matches nothing.
  if (month < 1 || month > 12 || date !== `${year}-${pad(month)}-${pad(day)}`)
    return { start: dayAfter(date), end: date, label: `${label} (no such day)` };
  return { start: date, end: date, label };
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthPeriod(year: number, month: number): Period {
  return {
    start: isoDay(year, month, 1),
    end: endOfMonth(year, month),
    label: `${MONTH_NAMES[month - 1]} ${year}`,
  };
}

function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDay(y, m, d + 1);
}

function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoDay(y, m, d - 1);
}

function countOf(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Months counted as "recent" when a question just says "recent". */
export const RECENT_MONTHS = 24;

/**
 * Relative expressions that must be read before ordering words, because
 * "last" and "this" also mean other things ("the last paper").
 */
export function claimRelativeDates(spans: TextSpans, today: string): DateRange[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const ranges: DateRange[] = [];
  const push = (range: DateRange) => {
    ranges.push(range);
    return true;
  };
  // "since last year", "before this year": open ranges from a year named relative to today.
  spans.claim(
    /\b(since|from|after|before|until|till|up\s+to)\s+(last|this|the\s+current)\s+year\b/iu,
    (m) => {
      const last = /^last$/iu.test(m[2] as string);
      const named = last ? year - 1 : year;
      const p = { start: isoDay(named, 1, 1), end: isoDay(named, 12, 31), label: String(named) };
      const preposition = (m[1] as string).toLowerCase().replace(/^from$/u, 'since');
      return push(rangeAround(preposition, p, `${named} (${last ? 'last year' : 'this year'})`));
    },
  );
  spans.claim(
    /\b(?:(?:in|from|during)\s+)?(?:(?:earlier|so\s+far)\s+)?(?:this|the\s+current|current)\s+year(?:\s+so\s+far)?\b/iu,
    () => push({ from: isoDay(year, 1, 1), to: today, label: `in ${year} (this year)` }),
  );
  spans.claim(
    /\b(?:in\s+|from\s+|during\s+)?(?:the\s+)?year\s+before\s+(?:last|last\s+year)\b/iu,
    () =>
      push({
        from: isoDay(year - 2, 1, 1),
        to: isoDay(year - 2, 12, 31),
        label: `in ${year - 2} (the year before last)`,
      }),
  );
  spans.claim(/\b(?:in\s+|from\s+|during\s+)?last\s+year\b/iu, () =>
    push({
      from: isoDay(year - 1, 1, 1),
      to: isoDay(year - 1, 12, 31),
      label: `in ${year - 1} (last year)`,
    }),
  );
  spans.claim(/\b(?:in\s+|from\s+|during\s+)?(?:this|the current)\s+month\b/iu, () =>
    push({ from: isoDay(year, month, 1), to: today, label: 'this month' }),
  );
  spans.claim(/\b(?:in\s+|from\s+|during\s+)?last\s+month\b/iu, () => {
    const from = addMonths(isoDay(year, month, 1), -1);
    return push({ from, to: dayBefore(isoDay(year, month, 1)), label: 'last month' });
  });
  // "this spring" is the current year's; "last summer" the latest one already over. The reading is stated.
  spans.claim(
    /\b(?:(?:in|during|from)\s+)?(last|this|past|previous)\s+(spring|summer|autumn|fall|winter)\b/iu,
    (m) => {
      const [, first, last, name, reading] = PARTS.find(([pattern]) =>
        pattern.test(m[2] as string),
      ) as (typeof PARTS)[number];
      // Winter is counted from its December, so it belongs to the year it ends in.
      const begins = (y: number) => (first === 0 ? isoDay(y - 1, 12, 1) : isoDay(y, first, 1));
      const over = endOfMonth(year, last) < today;
      const y = /^this$/iu.test(m[1] as string) || over ? year : year - 1;
      return push({
        from: begins(y),
        to: endOfMonth(y, last),
        label: `${name} ${y}${reading ? ` (${reading})` : ''}`,
      });
    },
  );
  spans.claim(
    /\b(?:(?:in|within|over|from|during)\s+)?(?:the\s+)?(?:past|last|previous)\s+year\s+and\s+a\s+half\b/iu,
    () => push({ from: addMonths(today, -18), to: today, label: 'in the past 18 months' }),
  );
  spans.claim(
    /\b(?:(?:in|within|over|from|during)\s+)?(?:the\s+)?(?:past|last|previous)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)?\s*(decades?|years?|months?)\b/iu,
    (m) => {
      const n = m[1] ? countOf(m[1]) : 1;
      const asked = (m[2] as string).toLowerCase();
      const months = asked.startsWith('decade') ? n * 120 : asked.startsWith('year') ? n * 12 : n;
      const unit =
        months % 12 === 0
          ? `${months / 12} year${months === 12 ? '' : 's'}`
          : `${months} month${months === 1 ? '' : 's'}`;
      return push({ from: addMonths(today, -months), to: today, label: `in the past ${unit}` });
    },
  );
  spans.claim(
    /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+ago\b/iu,
    (m) => {
      const y = year - countOf(m[1] as string);
      return push({ from: isoDay(y, 1, 1), to: isoDay(y, 12, 31), label: String(y) });
    },
  );
  return ranges;
}

/** "recent", "recently", "lately": a window of RECENT_MONTHS ending today. */
export function claimRecent(spans: TextSpans, today: string): DateRange | undefined {
  const found = spans.take(
    // "new" only as "new papers" or a question's last word ("what's new?"): "new defenses" is a topic.
    /\b(?:recent(?:ly)?|lately|new(?=\s+(?:papers?|publications?|work)|\W*$))\b/iu,
  );
  if (!found) return undefined;
  const from = addMonths(today, -RECENT_MONTHS);
  const since = `${MONTH_NAMES[Number(from.slice(5, 7)) - 1]} ${from.slice(0, 4)}`;
  return { from, to: today, label: `since ${since} (recent)` };
}

/**
 * Parts of a year people name: halves, thirds ("early", "mid", "late") and
 * seasons. Readings that are a choice, not a fact, are stated in the label.
 */
const PARTS: ReadonlyArray<readonly [RegExp, number, number, string, string?]> = [
  [/^(?:h1|1h|first\s+half(?:\s+of)?)$/iu, 1, 6, 'H1'],
  [/^(?:h2|2h|second\s+half(?:\s+of)?)$/iu, 7, 12, 'H2'],
  [/^(?:early|beginning\s+of|start\s+of)$/iu, 1, 4, 'early', 'read as January–April'],
  [/^(?:mid|middle\s+of)$/iu, 5, 8, 'mid', 'read as May–August'],
  [/^(?:late|end\s+of)$/iu, 9, 12, 'late', 'read as September–December'],
  [/^spring$/iu, 3, 5, 'spring', 'read as March–May'],
  [/^summer$/iu, 6, 8, 'summer', 'read as June–August'],
  [/^(?:autumn|fall)$/iu, 9, 11, 'autumn', 'read as September–November'],
  // Winter runs from the December before into February.
  [/^winter$/iu, 0, 2, 'winter', 'read as December of the year before to February'],
];
const PART = String.raw`h[12]|[12]h|first\s+half(?:\s+of)?|second\s+half(?:\s+of)?|early|beginning\s+of|start\s+of|mid-?|middle\s+of|late|end\s+of|spring|summer|autumn|fall|winter`;

/** "the 2010s", "early 2020s": a decade, or a part of one with the reading stated. */
const DECADE =
  /\b(?:(?:in|during|from)\s+)?(?:the\s+)?(?:(early|mid|late)[- ]?)?((?:19|20)\d0)['’]?s\b/iu;
/** "between March and June 2025", "jan-mar 2024": two months sharing the year written after them. */
const MONTH_SPAN = new RegExp(
  String.raw`\b(?:between\s+(${MONTH})\s*(?:and|&)|(?:(?:from|in|during)\s+)?(${MONTH})\s*(?:to|until|till|through|thru|[-–—]))\s*(${MONTH}),?\s+(${YEAR})\b`,
  'iu',
);
const BETWEEN = new RegExp(String.raw`\b(?:between\s+)(${POINT})\s+(?:and|&)\s+(${POINT})`, 'iu');
/** "2019 and 2020", "2019, 2021 or 2023", "March 2025 or May 2025": several dates, any of them. */
const LISTED_ITEM = String.raw`(?:${POINT}|${MONTH}(?![\p{L}\p{N}]))`;
const LISTED = new RegExp(
  String.raw`\b(?:(?:in|from|during|for)\s+)?${LISTED_ITEM}(?:\s*(?:,|and|or|&|\/)\s*(?:in\s+)?${LISTED_ITEM})*\s*(?:,|and|or|&|\/)\s*(?:in\s+)?${POINT}`,
  'iu',
);
const ONE_ITEM = new RegExp(LISTED_ITEM, 'giu');
const ONE_POINT = new RegExp(POINT, 'giu');
const WHOLE_POINT = new RegExp(`^${POINT}$`, 'iu');
const SPAN = new RegExp(
  String.raw`\b(?:(?:from|in|during)\s+)?(${POINT})\s*(?:to|until|till|through|thru|up\s+to(?:\s+and\s+including)?|[-–—]|\.\.)\s*(${POINT})`,
  'iu',
);
const PART_OF_YEAR = new RegExp(
  String.raw`\b(?:(?:in|during|from)\s+(?:the\s+)?)?(?:(${PART})\s*((?:19|20)\d\d)|((?:19|20)\d\d)\s+(h[12]))\b`,
  'iu',
);
const OPEN_ENDED = new RegExp(
  String.raw`\b(?:(?:from|since)\s+)?(${POINT})\s*(?:or|and)\s+(earlier|before|prior|older|sooner|later|after|newer|since|beyond)\b(?!\s+(?:than\s+|to\s+)?${POINT})`,
  'iu',
);
const ONWARDS = new RegExp(
  String.raw`\b(?:(?:from|since)\s+)?(${POINT})\s*(?:onwards?|forward|and\s+up|\+)(?!\w)|\bfrom\s+(${POINT})\s+on(?=\s*(?:[,.;!?]|$))`,
  'iu',
);
const AFTER = new RegExp(
  String.raw`\b(since|starting(?:\s+(?:in|from))?|(?:in\s+or\s+)?after|later\s+than|newer\s+than|post|(?:not|no)\s+(?:older|earlier)\s+than)\s+(${POINT})`,
  'iu',
);
const BEFORE = new RegExp(
  String.raw`\b(before|earlier\s+than|older\s+than|prior\s+to|pre)\s+(${POINT})`,
  'iu',
);
const UNTIL = new RegExp(
  String.raw`\b(?:until|till|through|up\s+to(?:\s+and\s+including)?|(?:no|not)\s+(?:later|newer)\s+than|by\s+the\s+end\s+of)\s+(${POINT})`,
  'iu',
);
const AT_POINT = new RegExp(
  String.raw`(?:\b(?:in|during|of|from|for|published|dated|on)\s+)?(${POINT})`,
  'iu',
);

const SET_ASIDE_DATE = new RegExp(
  String.raw`\b(?:except(?:\s+for)?|excluding|but\s+not|not)\s+(?:(?:in|from|during|for)\s+)?(?:the\s+)?(${POINT}(?:\s*(?:,|and|or|&)\s*${POINT})*)(?:\s+ones)?`,
  'iu',
);

/** "except 2024", "excluding March 2025", "not from 2023", "except the 2019 and 2025 ones": dates left out. */
export function claimSetAsideDates(spans: TextSpans): DateRange[] {
  return spans
    .claim(SET_ASIDE_DATE, (m) =>
      [...(m[1] as string).matchAll(ONE_POINT)].map((point) => {
        const p = readPoint(point[0]);
        return { from: p.start, to: p.end, label: p.label };
      }),
    )
    .flat();
}

/** Years, months, days and ranges between them, with their prepositions. */
export function claimAbsoluteDates(spans: TextSpans): DateRange[] {
  const ranges: DateRange[] = [];
  const push = (range: DateRange) => {
    ranges.push(range);
    return true;
  };
  spans.claim(DECADE, (m) => {
    const start = Number(m[2]);
    const part = (m[1] ?? '').toLowerCase();
    const [first, last, reading] =
      part === 'early'
        ? [0, 3, ' (read as its first four years)']
        : part === 'mid'
          ? [4, 6, ' (read as its middle three years)']
          : part === 'late'
            ? [7, 9, ' (read as its last three years)']
            : [0, 9, ''];
    return push({
      from: isoDay(start + first, 1, 1),
      to: isoDay(start + last, 12, 31),
      label: `in the ${part ? `${part} ` : ''}${start}s${reading}`,
    });
  });
  spans.claim(MONTH_SPAN, (m) => {
    const year = Number(m[4]);
    const first = monthOf((m[1] ?? m[2]) as string);
    const last = monthOf(m[3] as string);
    // "November to February 2025" starts in the year before.
    const start = monthPeriod(first <= last ? year : year - 1, first);
    const end = monthPeriod(year, last);
    return push({ from: start.start, to: end.end, label: `${start.label}–${end.label}` });
  });
  for (const pattern of [BETWEEN, SPAN]) {
    spans.claim(pattern, (m) => {
      const a = readPoint(m[1] as string);
      const b = readPoint(m[2] as string);
      const [first, last] = a.start <= b.start ? [a, b] : [b, a];
      return push({ from: first.start, to: last.end, label: `${first.label}–${last.label}` });
    });
  }
  spans.claim(LISTED, (m) => {
    const items = [...m[0].matchAll(ONE_ITEM)].map((item) => item[0]);
    // "March or June 2025": a month listed without a year takes the year of the date after it.
    const points = items.map((item, i) => {
      if (WHOLE_POINT.test(item)) return readPoint(item);
      const dated = items.slice(i + 1).find((next) => WHOLE_POINT.test(next)) as string;
      return monthPeriod(Number(readPoint(dated).end.slice(0, 4)), monthOf(item));
    });
    const starts = points.map((p) => p.start).sort();
    const ends = points.map((p) => p.end).sort();
    return push({
      from: starts[0] as string,
      to: ends.at(-1) as string,
      label: `in ${points.map((p) => p.label).join(' or ')}`,
      parts: points.map((p) => ({ from: p.start, to: p.end })),
    });
  });
  spans.claim(
    /\b(?:(?:in|during|from)\s+(?:the\s+)?)?(?:(?:Q([1-4])|(first|second|third|fourth|last)\s+quarter(?:\s+of)?)\s+((?:19|20)\d\d)|((?:19|20)\d\d)\s+Q([1-4]))\b/iu,
    (m) => {
      const ordinal =
        ['first', 'second', 'third', 'fourth'].indexOf((m[2] ?? '').toLowerCase()) + 1;
      const quarter = Number(m[1] ?? m[5] ?? (ordinal || 4));
      const year = Number(m[3] ?? m[4]);
      const first = (quarter - 1) * 3 + 1;
      return push({
        from: isoDay(year, first, 1),
        to: endOfMonth(year, first + 2),
        label: `Q${quarter} ${year}`,
      });
    },
  );
  spans.claim(PART_OF_YEAR, (m) => {
    const words = ((m[1] ?? m[4]) as string).replace(/\s+/gu, ' ').replace(/-$/u, '');
    const year = Number(m[2] ?? m[3]);
    const part = PARTS.find(([pattern]) => pattern.test(words));
    if (!part) return undefined;
    const [, first, last, name, reading] = part;
    const from = first === 0 ? isoDay(year - 1, 12, 1) : isoDay(year, first, 1);
    return push({
      from,
      to: endOfMonth(year, last),
      label: `${name} ${year}${reading ? ` (${reading})` : ''}`,
    });
  });
  // "2023 or earlier", "2022 onwards", "2021 and later": open ranges that include the year.
  spans.claim(OPEN_ENDED, (m) => {
    const p = readPoint(m[1] as string);
    return /^(?:earlier|before|prior|older|sooner)$/iu.test(m[2] as string)
      ? push({ to: p.end, label: `${p.label} or earlier` })
      : push({ from: p.start, label: `${p.label} or later` });
  });
  spans.claim(ONWARDS, (m) => {
    const p = readPoint((m[1] ?? m[2]) as string);
    return push({ from: p.start, label: `${p.label} onwards` });
  });
  spans.claim(AFTER, (m) => {
    const p = readPoint(m[2] as string);
    // "not older than 2024" keeps 2024 itself, as "since" does.
    const inclusive = /^(since|starting|not|no)/iu.test(m[1] as string);
    return push(
      inclusive
        ? { from: p.start, label: `since ${p.label}` }
        : { from: dayAfter(p.end), label: `after ${p.label}` },
    );
  });
  spans.claim(BEFORE, (m) => {
    const p = readPoint(m[2] as string);
    return push({ to: dayBefore(p.start), label: `before ${p.label}` });
  });
  spans.claim(UNTIL, (m) => {
    const p = readPoint(m[1] as string);
    return push({ to: p.end, label: `up to ${p.label}` });
  });
  spans.claim(AT_POINT, (m) => {
    const p = readPoint(m[1] as string);
    return push({ from: p.start, to: p.end, label: p.label });
  });
  return ranges;
}

const BARE_MONTH = new RegExp(
  String.raw`\b(in|during|from|since|before|after)\s+(?:the\s+month\s+of\s+)?(${MONTH})(?![\p{L}\p{N}])`,
  'iu',
);

/**
 * "in August", "since March", read after every dated phrase: a month without
 * a year is in the year another phrase names ("March last year"), else its
 * latest occurrence not after today, and the label says which.
 */
export function claimBareMonths(
  spans: TextSpans,
  today: string,
  stated: readonly DateRange[],
): DateRange[] {
  const years = stated
    .filter((range) => range.from && range.to && range.from.slice(0, 4) === range.to.slice(0, 4))
    .map((range) => Number(range.from?.slice(0, 4)));
  const ranges: DateRange[] = [];
  spans.claim(BARE_MONTH, (m) => {
    const wanted = monthOf(m[2] as string);
    const [named] = years;
    const latest =
      wanted <= Number(today.slice(5, 7))
        ? Number(today.slice(0, 4))
        : Number(today.slice(0, 4)) - 1;
    const p = monthPeriod(named ?? latest, wanted);
    const said = named ? p.label : `${p.label} (the latest ${MONTH_NAMES[wanted - 1]})`;
    ranges.push(rangeAround((m[1] as string).toLowerCase(), p, said));
    return true;
  });
  return ranges;
}

/** A period read with the word before it: "since" and "after" open it forward, "before" and "until" back, else within. */
function rangeAround(preposition: string, p: Period, said: string): DateRange {
  if (preposition === 'since') return { from: p.start, label: `since ${said}` };
  if (preposition === 'after') return { from: dayAfter(p.end), label: `after ${said}` };
  if (preposition === 'before') return { to: dayBefore(p.start), label: `before ${said}` };
  if (/^(?:until|till|up\s+to)$/u.test(preposition)) return { to: p.end, label: `up to ${said}` };
  return { from: p.start, to: p.end, label: `in ${said}` };
}

/** Several date phrases narrow each other ("since 2020 and before 2023"). */
export function intersectRanges(ranges: readonly DateRange[]): DateRange | undefined {
  if (ranges.length === 0) return undefined;
  if (ranges.length === 1) return ranges[0];
  let from: string | undefined;
  let to: string | undefined;
  for (const range of ranges) {
    if (range.from && (!from || range.from > from)) from = range.from;
    if (range.to && (!to || range.to < to)) to = range.to;
  }
  const parts = ranges.find((range) => range.parts)?.parts;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    label: ranges.map((range) => range.label).join(', '),
    ...(parts ? { parts } : {}),
  };
}
