// Where delegates come from, in the split EU and METI funders ask for: EU member states, Japan by prefecture, and
// third countries (ASEAN, Africa, other). Countries are typed by people in any language and spelling ("Viet Nam",
// "Vietnam", "ベトナム", "Czech Republic"), so they are matched to ISO codes through the names ICU knows.

export type OriginGroup = 'eu' | 'jp' | 'asean' | 'africa' | 'other' | 'unknown';
export const ORIGIN_GROUPS: readonly OriginGroup[] = ['eu', 'jp', 'asean', 'africa', 'other', 'unknown'];

const EU = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);
// Timor-Leste joined as the eleventh member in October 2025.
const ASEAN = new Set(['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL']);
const AFRICA = new Set([
  'DZ', 'AO', 'BJ', 'BW', 'BF', 'BI', 'CV', 'CM', 'CF', 'TD', 'KM', 'CG', 'CD', 'CI', 'DJ', 'EG', 'GQ', 'ER', 'SZ', 'ET', 'GA', 'GM', 'GH', 'GN', 'GW', 'KE', 'LS', 'LR',
  'LY', 'MG', 'MW', 'ML', 'MR', 'MU', 'MA', 'MZ', 'NA', 'NE', 'NG', 'RW', 'ST', 'SN', 'SC', 'SL', 'SO', 'ZA', 'SS', 'SD', 'TZ', 'TG', 'TN', 'UG', 'ZM', 'ZW', 'EH',
]);

/** Names ICU does not give but registration forms do. */
const ALIASES: Record<string, string> = {
  'viet nam': 'VN', 'czech republic': 'CZ', 'holland': 'NL', 'the netherlands': 'NL', 'lao pdr': 'LA', 'laos': 'LA', 'burma': 'MM',
  'ivory coast': 'CI', "cote d'ivoire": 'CI', 'republic of korea': 'KR', 'south korea': 'KR', 'korea': 'KR', 'uk': 'GB', 'great britain': 'GB',
  'england': 'GB', 'scotland': 'GB', 'wales': 'GB', 'usa': 'US', 'united states of america': 'US', 'turkey': 'TR', 'swaziland': 'SZ',
  'east timor': 'TL', 'brunei darussalam': 'BN', 'nippon': 'JP', 'nihon': 'JP', 'drc': 'CD', 'dr congo': 'CD', 'republic of the congo': 'CG',
  'cabo verde': 'CV', 'the gambia': 'GM',
};

// Codes ICU names that are not countries, or no longer are (FX "Metropolitan France" would take "France").
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'FX', 'TP', 'YU', 'CS', 'SU', 'DD', 'ZR', 'BU', 'AN', 'NT', 'VD', 'YD', 'DY', 'HV', 'NH', 'RH', 'PZ', 'CT', 'JT', 'MI', 'PC', 'PU', 'WK', 'NQ']);

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’`]/g, "'").replace(/[.()]/g, '').replace(/\s+/g, ' ').trim();
}

let byName: Map<string, string> | null = null;

function nameIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string>();
  const languages = ['en', 'fr', 'de', 'es', 'it', 'ja'];
  const namers = languages.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      if (NOT_COUNTRIES.has(code)) continue;
      for (const n of namers) {
        const name = n.of(code);
        if (name && name !== code && !index.has(fold(name))) index.set(fold(name), code);
      }
      index.set(code.toLowerCase(), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) index.set(alias, code);
  byName = index;
  return index;
}

/** The ISO 3166 code of a country as typed, or null when it names none. */
export function countryCode(country: string | null): string | null {
  if (!country?.trim()) return null;
  const f = fold(country);
  return nameIndex().get(f) ?? nameIndex().get(f.replace(/^the /, '')) ?? null;
}

/** A country typed that names none we know is still a third country; only a blank one is unknown. */
export function originGroup(code: string | null, typed: string | null = code): OriginGroup {
  if (!code) return typed?.trim() ? 'other' : 'unknown';
  if (code === 'JP') return 'jp';
  if (EU.has(code)) return 'eu';
  if (ASEAN.has(code)) return 'asean';
  if (AFRICA.has(code)) return 'africa';
  return 'other';
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the report's language; what was typed when it matches no country. */
export function countryName(code: string | null, typed: string | null, lang: 'en' | 'ja'): string {
  if (!code) return typed?.trim() ?? '';
  let d = displayNames.get(lang);
  if (!d) displayNames.set(lang, (d = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })));
  return d.of(code) ?? code;
}

/** The 47 prefectures, in the official order (north to south), as registration forms write them in either script. */
export const PREFECTURES: readonly { ja: string; en: string }[] = [
  ['北海道', 'Hokkaido'], ['青森県', 'Aomori'], ['岩手県', 'Iwate'], ['宮城県', 'Miyagi'], ['秋田県', 'Akita'], ['山形県', 'Yamagata'], ['福島県', 'Fukushima'],
  ['茨城県', 'Ibaraki'], ['栃木県', 'Tochigi'], ['群馬県', 'Gunma'], ['埼玉県', 'Saitama'], ['千葉県', 'Chiba'], ['東京都', 'Tokyo'], ['神奈川県', 'Kanagawa'],
  ['新潟県', 'Niigata'], ['富山県', 'Toyama'], ['石川県', 'Ishikawa'], ['福井県', 'Fukui'], ['山梨県', 'Yamanashi'], ['長野県', 'Nagano'], ['岐阜県', 'Gifu'],
  ['静岡県', 'Shizuoka'], ['愛知県', 'Aichi'], ['三重県', 'Mie'], ['滋賀県', 'Shiga'], ['京都府', 'Kyoto'], ['大阪府', 'Osaka'], ['兵庫県', 'Hyogo'],
  ['奈良県', 'Nara'], ['和歌山県', 'Wakayama'], ['鳥取県', 'Tottori'], ['島根県', 'Shimane'], ['岡山県', 'Okayama'], ['広島県', 'Hiroshima'], ['山口県', 'Yamaguchi'],
  ['徳島県', 'Tokushima'], ['香川県', 'Kagawa'], ['愛媛県', 'Ehime'], ['高知県', 'Kochi'], ['福岡県', 'Fukuoka'], ['佐賀県', 'Saga'], ['長崎県', 'Nagasaki'],
  ['熊本県', 'Kumamoto'], ['大分県', 'Oita'], ['宮崎県', 'Miyazaki'], ['鹿児島県', 'Kagoshima'], ['沖縄県', 'Okinawa'],
].map(([ja, en]) => ({ ja: ja!, en: en! }));

function prefectureKey(s: string): string {
  return fold(s).replace(/[\s-]+(ken|fu|to)$|\s*(prefecture|metropolis)$/, '').replace(/ou|oh/g, 'o').replace(/uu/g, 'u');
}

/** The prefecture's index in PREFECTURES ("岩手県", "岩手", "Iwate", "Iwate-ken", "IWATE PREFECTURE"), or -1. */
export function prefectureIndex(region: string | null): number {
  if (!region?.trim()) return -1;
  const r = region.normalize('NFKC').trim();
  const key = prefectureKey(r);
  return PREFECTURES.findIndex((p) => p.ja === r || p.ja.replace(/[都府県]$/, '') === r || prefectureKey(p.en) === key);
}
