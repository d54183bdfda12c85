import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** Inclusive bounds; either may be open. */
export const DateRangeSchema = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** How the question put it, for "what I understood" ("since 2022", "March 2025"). */
  label: z.string(),
  /** "2019 or 2021": the question listed dates; a date must also fall in one of them. */
  parts: z.array(z.object({ from: IsoDate, to: IsoDate })).optional(),
});

export type DateRange = z.infer<typeof DateRangeSchema>;

export function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function endOfMonth(year: number, month: number): string {
  return isoDay(year, month + 1, 0);
}

export function inRange(date: string, range: DateRange | undefined): boolean {
  if (!range) return true;
  return (
    (range.from === undefined || date >= range.from) &&
    (range.to === undefined || date <= range.to) &&
    (range.parts === undefined || range.parts.some((part) => date >= part.from && date <= part.to))
  );
}

/** Shifts an ISO date by whole months (negative goes back), clamping the day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return isoDay(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, last));
}
