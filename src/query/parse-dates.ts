import { addMonths, type DateRange, endOfMonth, isoDay } from './date-range.js';
import type { TextSpans } from './text-spans.js';

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`((?:19|20)\d\d)`;
/** A year, or a month and year ("March 2025", "2025-03"). Four capture groups. */
const POINT = String.raw`(?:${MONTH}\s+${YEAR}|(?<!\d)${YEAR}(?:-(0[1-9]|1[0-2]))?)(?![\d])`;
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

/** Reads a POINT match whose four capture groups start at `at`: month name, year, year, month number. */
function period(match: RegExpExecArray, at: number): Period {
  const monthName = match[at];
  const yearA = match[at + 1];
  const yearB = match[at + 2];
  const monthNumber = match[at + 3];
  if (monthName && yearA) {
    const month = MONTH_KEYS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
    return monthPeriod(Number(yearA), month);
  }
  const year = Number(yearB);
  if (monthNumber) return monthPeriod(year, Number(monthNumber));
  return { start: isoDay(year, 1, 1), end: isoDay(year, 12, 31), label: String(year) };
}

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
  spans.claim(/\b(?:in\s+|from\s+|during\s+)?(?:this|the current|current)\s+year\b/iu, () =>
    push({ from: isoDay(year, 1, 1), to: today, label: `in ${year} (this year)` }),
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
  spans.claim(
    /\b(?:(?:in|within|over|from|during)\s+)?(?:the\s+)?(?:past|last|previous)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)?\s*(years?|months?)\b/iu,
    (m) => {
      const n = m[1] ? countOf(m[1]) : 1;
      const months = /^year/iu.test(m[2] as string) ? n * 12 : n;
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

/** Years, months and ranges between them, with their prepositions. */
export function claimAbsoluteDates(spans: TextSpans): DateRange[] {
  const ranges: DateRange[] = [];
  const push = (range: DateRange) => {
    ranges.push(range);
    return true;
  };
  const between = new RegExp(String.raw`\b(?:between\s+)${POINT}\s+(?:and|&)\s+${POINT}`, 'iu');
  const span = new RegExp(
    String.raw`\b(?:(?:from|in|during)\s+)?${POINT}\s*(?:to|until|till|through|thru|[-–—]|\.\.)\s*${POINT}`,
    'iu',
  );
  for (const pattern of [between, span]) {
    spans.claim(pattern, (m) => {
      const a = period(m, 1);
      const b = period(m, 5);
      const [first, last] = a.start <= b.start ? [a, b] : [b, a];
      return push({ from: first.start, to: last.end, label: `${first.label}–${last.label}` });
    });
  }
  spans.claim(
    /\b(?:(?:in|during|from)\s+)?(?:Q([1-4])\s+((?:19|20)\d\d)|((?:19|20)\d\d)\s+Q([1-4]))\b/iu,
    (m) => {
      const quarter = Number(m[1] ?? m[4]);
      const year = Number(m[2] ?? m[3]);
      const first = (quarter - 1) * 3 + 1;
      return push({
        from: isoDay(year, first, 1),
        to: endOfMonth(year, first + 2),
        label: `Q${quarter} ${year}`,
      });
    },
  );
  spans.claim(
    new RegExp(
      String.raw`\b(since|starting(?:\s+(?:in|from))?|(?:in\s+or\s+)?after|later\s+than|post)\s+${POINT}`,
      'iu',
    ),
    (m) => {
      const p = period(m, 2);
      const inclusive = /^(since|starting)/iu.test(m[1] as string);
      return push(
        inclusive
          ? { from: p.start, label: `since ${p.label}` }
          : { from: dayAfter(p.end), label: `after ${p.label}` },
      );
    },
  );
  spans.claim(
    new RegExp(String.raw`\b(before|earlier\s+than|prior\s+to|pre)\s+${POINT}`, 'iu'),
    (m) => {
      const p = period(m, 2);
      return push({ to: dayBefore(p.start), label: `before ${p.label}` });
    },
  );
  spans.claim(
    new RegExp(String.raw`\b(?:until|till|through|up\s+to|no\s+later\s+than)\s+${POINT}`, 'iu'),
    (m) => {
      const p = period(m, 1);
      return push({ to: p.end, label: `up to ${p.label}` });
    },
  );
  spans.claim(
    new RegExp(String.raw`(?:\b(?:in|during|of|from|for|published|dated)\s+)?${POINT}`, 'iu'),
    (m) => {
      const p = period(m, 1);
      return push({ from: p.start, to: p.end, label: p.label });
    },
  );
  return ranges;
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
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    label: ranges.map((range) => range.label).join(', '),
  };
}
