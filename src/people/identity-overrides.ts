import { z } from 'zod';
import type { CorpusProblem } from '../corpus/paper.js';

/** The corpus file where a lab admin joins or splits identities by hand. */
export const IDENTITY_OVERRIDES_FILE = 'people.json';

/**
 * What no spelling rule can know. `same`: groups of spellings of one person
 * (a changed surname, a transliteration); the first is the name shown.
 * `different`: groups of spellings that are different people even though the
 * rules would join them.
 *
 * @example
 * { "same": [["Jane Doe", "Jane Smith"]], "different": [["Robert Mullins", "Robert D. Mullins"]] }
 */
export const IdentityOverridesSchema = z
  .object({
    about: z.string().optional(),
    same: z.array(z.array(z.string().trim().min(1)).min(2)).default([]),
    different: z.array(z.array(z.string().trim().min(1)).min(2)).default([]),
  })
  .strict();

export type IdentityOverrides = Omit<z.infer<typeof IdentityOverridesSchema>, 'about'>;

export function parseIdentityOverrides(
  text: string,
  file: string,
): { overrides: IdentityOverrides; problems: CorpusProblem[] } {
  const none = { same: [], different: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { overrides: none, problems: [{ file, line: 1, message: `not valid JSON: ${reason}` }] };
  }
  const parsed = IdentityOverridesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'file';
    const message = `${where}: ${issue?.message ?? 'invalid'}; expected { "same": [[names…]], "different": [[names…]] }`;
    return { overrides: none, problems: [{ file, line: 1, message }] };
  }
  return { overrides: { same: parsed.data.same, different: parsed.data.different }, problems: [] };
}
