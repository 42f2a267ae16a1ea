// One word per verdict and per report kind in each language: the screens (renderer i18n) and the reports (PDF, CSV
// and XLSX labels from services/reports/strings.ts) say the same thing, read from electron/api/wording.ts. The Japanese
// follows shared/JAPANESE.md where the two had drifted (コードが見つかりません, 受付済み, 運用記録（監査）).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { REPORT_KINDS, VERDICTS } from '../../electron/api/vocabulary.js';
import { REPORT_KIND_WORDS, VERDICT_WORDS } from '../../electron/api/wording.js';
import { STRINGS } from '../../electron/services/reports/strings.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

const SCREENS = { en, ja };

describe('wording: one home per language for verdicts and report kinds', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: every verdict has one word, the same on the screens and in the reports`, () => {
      for (const v of VERDICTS) {
        const word = VERDICT_WORDS[lang][v];
        expect(word, v).toMatch(/\S/);
        expect(SCREENS[lang].verdict[v], `screen ${v}`).toBe(word);
        expect(STRINGS[lang].verdicts[v], `report ${v}`).toBe(word);
      }
    });

    it(`${lang}: every report kind has one name, the same on the Reports screen and on the report`, () => {
      for (const k of REPORT_KINDS) {
        const word = REPORT_KIND_WORDS[lang][k];
        expect(word, k).toMatch(/\S/);
        expect(SCREENS[lang].reports.kinds[k], `screen ${k}`).toBe(word);
        expect(STRINGS[lang].kinds[k], `report ${k}`).toBe(word);
      }
    });
  }

  it('the two languages name every verdict and kind differently (nothing left untranslated)', () => {
    for (const v of VERDICTS) expect(VERDICT_WORDS.ja[v], v).not.toBe(VERDICT_WORDS.en[v]);
    for (const k of REPORT_KINDS) expect(REPORT_KIND_WORDS.ja[k], k).not.toBe(REPORT_KIND_WORDS.en[k]);
  });

  it('Japanese uses the terms of shared/JAPANESE.md', () => {
    expect(VERDICT_WORDS.ja.already_checked_in).toBe('受付済み');
    expect(VERDICT_WORDS.ja.unknown).toBe('コードが見つかりません');
    expect(REPORT_KIND_WORDS.ja.audit).toBe('運用記録（監査）');
    const all = [...Object.values(VERDICT_WORDS.ja), ...Object.values(REPORT_KIND_WORDS.ja)].join(' ');
    expect(all).not.toMatch(/チェックイン|来場|出席/);
  });

  it('wording.ts is constants only: the renderer bundles it, so it imports nothing at runtime', () => {
    const src = fs.readFileSync('electron/api/wording.ts', 'utf8');
    const runtime = [...src.matchAll(/^\s*import\s+(?!type\b)[^;]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(runtime).toEqual([]);
  });
});
