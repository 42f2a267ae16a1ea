// The one home per language for the words of a verdict and of a report kind: the screens (renderer/src/i18n/en.ts
// and ja.ts spread these records in) and the reports (services/reports/strings.ts: PDF, CSV and XLSX labels) read
// them here, so a door screen and an audit PDF never name the same verdict two ways. Plain { en, ja } records and
// type imports only: the renderer bundles this file at runtime, like api/vocabulary.ts. A verdict's title doubles as
// a log and report label, so it is a neutral status word (shared/JAPANESE.md: 受付 for arriving at the venue, 入場
// for entering a session). Sentences around a verdict (the door's detail line, the kiosk's welcome) stay in i18n.
import type { ReportKind, VerdictCode } from './vocabulary.js';

/** The languages of the screens and the reports. */
export type WordingLang = 'en' | 'ja';

export const VERDICT_WORDS: Record<WordingLang, Record<VerdictCode, string>> = {
  en: {
    admitted: 'Admitted',
    readmitted: 'Re-admitted',
    already_checked_in: 'Already checked in',
    not_registered: 'Not registered here',
    full: 'Full',
    outside_time_window: 'Not open now',
    revoked: 'Badge no longer valid',
    unknown: 'Code not recognised',
    forged: 'Invalid code',
  },
  ja: {
    admitted: '入場OK',
    readmitted: '再入場OK',
    already_checked_in: '受付済み',
    not_registered: '登録なし',
    full: '満員',
    outside_time_window: '受付時間外',
    revoked: '無効なバッジ',
    unknown: 'コードが見つかりません',
    forged: '無効なコード',
  },
};

export const REPORT_KIND_WORDS: Record<WordingLang, Record<ReportKind, string>> = {
  en: {
    attendance: 'Attendance',
    'bus-manifest': 'Bus manifests',
    'no-shows': 'No-shows',
    meetings: 'Day 2 meetings',
    origin: 'Origin of delegates',
    audit: 'Audit',
    certificates: 'Certificates of attendance',
  },
  ja: {
    attendance: '入場状況',
    'bus-manifest': '乗車名簿',
    'no-shows': '未入場者',
    meetings: '2日目 個別商談会',
    origin: '参加者の国・地域別内訳',
    audit: '運用記録（監査）',
    certificates: '参加証明書',
  },
};
