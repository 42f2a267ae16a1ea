// Schema pieces the wings' input schemas share: ids, bounded text, files as base64, a delegate's fields, a report.
// The schemas themselves sit with their methods (checkin.ts, people.ts, …).
import { z } from 'zod';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LANGS, ROLES } from '../../api/vocabulary.js';

export const id = z.string().min(1).max(100);
// Files travel base64-encoded; 60 MB of base64 is a 45 MB file, far above a 50k-row registration export.
export const fileInput = { fileName: z.string().min(1).max(255), base64: z.string().max(60_000_000) };
export const text = (max: number) => z.string().trim().max(max);
export const optionalText = (max: number) => text(max).optional().nullable();
export const none = z.object({});

export const walkInSchema = z.object({
  // Latin names, or empty when the kana are given: the core derives them as a passport writes them (コンドウ → Kondo).
  familyName: text(200),
  givenName: text(200),
  familyNameKanji: optionalText(200),
  givenNameKanji: optionalText(200),
  familyNameKana: optionalText(200),
  givenNameKana: optionalText(200),
  organisation: optionalText(200),
  country: optionalText(100),
  region: optionalText(100),
  email: z.string().trim().max(254).email().optional().nullable().or(z.literal('')),
  role: z.enum(ROLES).default('delegate'),
  registrations: z.array(id).max(100).default([]),
});
export type WalkInInput = z.input<typeof walkInSchema>;

/** Editable delegate fields (names in every script, organisation, place, email, role). */
export const delegateEditSchema = walkInSchema.omit({ registrations: true });

/** A report: what, as which file, in which language; certificates optionally for some delegates only. */
export const reportInput = z.object({
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(REPORT_LANGS).default('en'),
  delegateIds: z.array(id).max(100_000).optional(),
});
