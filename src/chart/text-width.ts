/**
 * Advance widths of Roboto 3.015 (the font every chart is rendered with) for
 * printable ASCII, U+0020 to U+007E, in font units of 1/2048 em, read from
 * the font's hmtx table. Layout needs widths before rendering, and a table
 * is exact where a per-character average would let "WWW" overflow.
 */
const REGULAR = [
  508, 528, 656, 1261, 1151, 1500, 1274, 358, 701, 713, 882, 1162, 403, 566, 540, 845, 1151, 1151,
  1151, 1151, 1151, 1151, 1151, 1151, 1151, 1151, 496, 433, 1041, 1124, 1071, 968, 1839, 1336, 1276,
  1333, 1344, 1164, 1132, 1395, 1461, 557, 1130, 1285, 1103, 1788, 1461, 1409, 1292, 1409, 1262,
  1216, 1222, 1328, 1304, 1817, 1284, 1230, 1227, 543, 841, 543, 856, 924, 633, 1114, 1150, 1072,
  1155, 1086, 712, 1150, 1128, 498, 490, 1038, 498, 1796, 1131, 1168, 1150, 1164, 694, 1057, 670,
  1129, 992, 1539, 1016, 969, 1016, 693, 500, 693, 1393,
];
const BOLD = [
  509, 554, 652, 1213, 1175, 1514, 1347, 330, 716, 719, 930, 1116, 504, 807, 594, 760, 1175, 1175,
  1175, 1175, 1175, 1175, 1175, 1175, 1175, 1175, 577, 539, 1044, 1175, 1057, 1019, 1836, 1376,
  1307, 1340, 1331, 1152, 1124, 1396, 1446, 599, 1144, 1302, 1108, 1793, 1445, 1412, 1320, 1412,
  1312, 1261, 1269, 1350, 1338, 1792, 1300, 1268, 1243, 567, 863, 567, 897, 911, 676, 1096, 1152,
  1067, 1153, 1106, 733, 1170, 1147, 542, 533, 1094, 542, 1774, 1148, 1156, 1152, 1155, 750, 1052,
  693, 1147, 1037, 1504, 1042, 1031, 1042, 675, 516, 675, 1327,
];
const ASCII = { regular: REGULAR, bold: BOLD };
const ELLIPSIS = { regular: 1370, bold: 1517 };
const UNITS_PER_EM = 2048;
// Characters outside ASCII whose base letter is not ASCII either (Greek,
// Cyrillic, symbols): as wide as the widest capitals, so estimates err
// towards cutting a label early rather than letting it overflow.
const OTHER = 1850;

export type FontWeight = 'regular' | 'bold';

/** Size in px and weight of Roboto. */
export interface Font {
  size: number;
  weight: FontWeight;
}

function advance(char: string, weight: FontWeight): number {
  if (char === '…') return ELLIPSIS[weight];
  // "é" is measured as "e": NFD puts the base letter first and marks take no advance.
  const base = char.normalize('NFD').codePointAt(0) ?? 0;
  return ASCII[weight][base - 0x20] ?? OTHER;
}

/**
 * Width in px of `text` set in `font`.
 *
 * @example
 * ```ts
 * textWidth('2024', { size: 14, weight: 'regular' }); // ≈ 35.6
 * ```
 */
export function textWidth(text: string, font: Font): number {
  let units = 0;
  for (const char of text) units += advance(char, font.weight);
  return (units / UNITS_PER_EM) * font.size;
}

/**
 * `text` as it fits in `maxWidth` px set in `font`: whole when it fits, else
 * cut at a character and ended with "…".
 *
 * @example
 * ```ts
 * fitText('Proceedings of the International Conference on Machine Learning', 120, {
 *   size: 14,
 *   weight: 'regular',
 * }); // 'Proceedings of…'
 * ```
 */
export function fitText(text: string, maxWidth: number, font: Font): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', font);
  let kept = '';
  let width = 0;
  for (const char of text) {
    const next = textWidth(char, font);
    if (width + next > room) break;
    kept += char;
    width += next;
  }
  return `${kept.trimEnd()}…`;
}
