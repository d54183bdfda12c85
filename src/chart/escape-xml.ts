import { cleanLabel } from './clean-label.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text safe inside an SVG element or a quoted attribute. Labels come from
 * corpus data, so markup in them stays text, and characters XML forbids are
 * dropped (one would make the whole picture fail to parse).
 *
 * @example
 * ```ts
 * escapeXml('<script>"R&D"'); // '&lt;script&gt;&quot;R&amp;D&quot;'
 * ```
 */
export function escapeXml(text: string): string {
  return cleanLabel(text).replace(/[&<>"']/gu, (char) => ENTITIES[char] ?? char);
}
