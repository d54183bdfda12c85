/** What a layout drew below the title, and how tall the card must be for it. */
export interface Layout {
  body: string;
  height: number;
}

/** Text is placed by its baseline; dropping it by this many font sizes centres it on a line. */
export const MIDLINE = 0.35;
