const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "LGMar 27, 2023Code": a category code glued to a date, then an optional
 * "Code" marker. The code is matched lazily so the month's capital is not
 * swallowed ("MLMar" is ML + Mar).
 */
const HEADER =
  /^([A-Za-z][A-Za-z.-]*?)\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\s*(Code)?\s*$/u;

export interface ListingHeader {
  categoryCode: string;
  /** ISO date. */
  published: string;
  hasCode: boolean;
}

export type HeaderResult = { ok: true; header: ListingHeader } | { ok: false; reason: string };

export function looksLikeHeader(line: string): boolean {
  return HEADER.test(line.trim());
}

export function parseHeader(line: string): HeaderResult {
  const match = HEADER.exec(line.trim());
  if (!match) {
    return { ok: false, reason: 'expected a header like "LGMar 27, 2023Code"' };
  }
  const [, categoryCode, monthName, dayText, yearText, code] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const day = Number(dayText);
  const year = Number(yearText);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: `"${monthName} ${day}, ${year}" is not a calendar date` };
  }
  return {
    ok: true,
    header: { categoryCode, published: date.toISOString().slice(0, 10), hasCode: code === 'Code' },
  };
}
