// Synthetic delegates for the demo event and for benchmarks: the same kind of people at any size, deterministic
// for a given seed. A fixed cast of named delegates comes first so docs and tests can rely on them.
import type { Role } from '../api/contract.js';
import type { DelegateFields } from '../services/people/delegates.js';
import { passportRomaji } from '../services/model/normalize.js';
import { randomRegistrationCode } from '../services/model/registration-code.js';
import { AFRICA, ASEAN, EU_REGIONS, JP_FAMILY, JP_GIVEN, JP_NATIONAL_ORGS, JP_PREFECTURES, type GuestCountry } from './people-pools.js';
import { BUSES, SESSIONS } from './programme.js';

export interface GeneratedDelegate {
  fields: DelegateFields;
  origin: 'eu' | 'jp' | 'asean' | 'africa';
  registrations: string[];
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;


function asciiLocal(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ß/g, 'ss').replace(/œ/g, 'oe').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** The named cast: the people the issue, the README and the tests talk about. */
export const FEATURED: (DelegateFields & { origin: GeneratedDelegate['origin']; registrations: string[] })[] = [
  { origin: 'jp', familyName: 'Takahashi', givenName: 'Misaki', familyNameKanji: '髙橋', givenNameKanji: '美咲', familyNameKana: 'タカハシ', givenNameKana: 'ミサキ', organisation: '岩手県庁 商工労働観光部', country: 'Japan', region: '岩手県', email: 'misaki.takahashi@iwate.example.jp', role: 'speaker', externalCode: 'EJRC-3700-1365-9578', registrations: ['all-day1', 'd2-pitches', 'd2-meetings-am', 'bus-1'] },
  { origin: 'jp', familyName: 'Yamazaki', givenName: 'Kenta', familyNameKanji: '山﨑', givenNameKanji: '健太', familyNameKana: 'ヤマザキ', givenNameKana: 'ケンタ', organisation: '岐阜県庁 商工労働部', country: 'Japan', region: '岐阜県', email: 'kenta.yamazaki@gifu.example.jp', role: 'panellist', externalCode: 'EJRC-5335-6590-0325', registrations: ['all-day1', 'd2-pitches', 'd2-meetings-pm', 'bus-2'] },
  { origin: 'eu', familyName: 'Müller-Łukasiewicz', givenName: 'Zofia', organisation: 'Mazovia Cluster ICT', country: 'Poland', region: 'Mazowieckie', email: 'zofia.muller-lukasiewicz@mazovia.example.pl', role: 'panellist', externalCode: 'EJRC-3517-9874-8942', registrations: ['all-day1', 'd2-pitches', 'd2-meetings-am', 'bus-1'] },
  { origin: 'eu', familyName: 'Ó Briain', givenName: 'Siobhán', organisation: 'Enterprise Ireland Cork', country: 'Ireland', region: 'Southern Region', email: 'siobhan.obriain@southern.example.ie', role: 'delegate', externalCode: 'EJRC-9235-8630-7248', registrations: ['all-day1', 'd2-meetings-am', 'bus-2'] },
  { origin: 'eu', familyName: 'Lindqvist', givenName: 'Åsa', organisation: 'Medicon Village', country: 'Sweden', region: 'Skåne', email: 'asa.lindqvist@skane.example.se', role: 'speaker', externalCode: 'EJRC-0095-7019-1432', registrations: ['all-day1', 'd2-pitches'] },
  { origin: 'asean', familyName: 'Nguyễn', givenName: 'Thị Hương', organisation: 'Hanoi Department of Industry and Trade', country: 'Viet Nam', region: 'Hà Nội', email: 'huong.nguyen@vn.example.vn', role: 'panellist', externalCode: 'EJRC-9191-6854-2213', registrations: ['all-day1', 'd2-pitches', 'bus-1'] },
  { origin: 'africa', familyName: 'Mensah', givenName: 'Kwame', organisation: 'Ghana Investment Promotion Centre', country: 'Ghana', region: 'Greater Accra', email: 'kwame.mensah@gh.example.gh', role: 'panellist', externalCode: 'EJRC-2762-7197-0772', registrations: ['all-day1', 'd2-pitches', 'bus-2'] },
  { origin: 'eu', familyName: 'Lefèvre', givenName: 'Amélie', organisation: 'EU-Japan Centre for Industrial Cooperation', country: 'Belgium', region: 'Brussels-Capital', email: 'amelie.lefevre@eu-japan.example.eu', role: 'organiser', externalCode: 'EJRC-0801-0233-1160', registrations: ['all-day1', 'd2-pitches', 'd2-meetings-am', 'd2-meetings-pm'] },
  { origin: 'jp', familyName: 'Kondo', givenName: 'Yoko', familyNameKanji: '近藤', givenNameKanji: '陽子', familyNameKana: 'コンドウ', givenNameKana: 'ヨウコ', organisation: '日本貿易振興機構 (JETRO)', country: 'Japan', region: '東京都', email: 'yoko.kondo@jetro.example.jp', role: 'speaker', externalCode: 'EJRC-7070-8315-2563', registrations: ['all-day1'] },
  { origin: 'eu', familyName: 'Schœnberger-Wittelsbach von Hohenzollern-Sigmaringen', givenName: 'Maximiliane Charlotte Eleonore', organisation: 'Wirtschaftsförderung Region Stuttgart — Internationale Kooperation und Clusterentwicklung', country: 'Germany', region: 'Baden-Württemberg', email: 'maximiliane.schoenberger@bw-cluster.example.de', role: 'delegate', externalCode: 'EJRC-8327-7613-2620', registrations: ['all-day1', 'd2-pitches', 'd2-meetings-pm', 'bus-3'] },
];

const DAY1_DOORS = SESSIONS.filter((s) => s.day === 1 && s.door).map((s) => s.id);
const ROLE_WEIGHTS: [Role, number][] = [['delegate', 0.8], ['speaker', 0.06], ['panellist', 0.04], ['organiser', 0.03], ['press', 0.04], ['staff', 0.03]];

function pickRole(r: () => number): Role {
  let x = r();
  for (const [role, w] of ROLE_WEIGHTS) if ((x -= w) < 0) return role;
  return 'delegate';
}

function expand(regs: string[]): string[] {
  return regs.flatMap((t) => (t === 'all-day1' ? DAY1_DOORS : [t]));
}

/**
 * `count` delegates: the featured cast, then a mix of EU (45 %), Japanese (37 %), ASEAN (9 %) and African (9 %)
 * delegates. Registrations follow the programme; bus seats are filled up to capacity in demo-sized events.
 */
export function generateDelegates(count: number, seed = 2027): GeneratedDelegate[] {
  const r = rng(seed);
  const out: GeneratedDelegate[] = FEATURED.slice(0, count).map(({ origin, registrations, ...fields }) => ({ origin, fields, registrations: expand(registrations) }));
  const busSeats = new Map<string, number>(BUSES.map((b) => [b.id, b.capacity]));
  for (const f of out) for (const reg of f.registrations) if (busSeats.has(reg)) busSeats.set(reg, busSeats.get(reg)! - 1);
  const usedEmails = new Set(out.map((d) => d.fields.email));
  for (let i = out.length; i < count; i++) {
    const x = r();
    const origin: GeneratedDelegate['origin'] = x < 0.45 ? 'eu' : x < 0.82 ? 'jp' : x < 0.91 ? 'asean' : 'africa';
    let fields: DelegateFields;
    if (origin === 'eu') {
      const reg = pick(r, EU_REGIONS);
      const familyName = pick(r, reg.family);
      const givenName = pick(r, reg.given);
      fields = { familyName, givenName, organisation: pick(r, reg.clusters), country: reg.country, region: reg.region, email: `${asciiLocal(givenName)}.${asciiLocal(familyName)}@${reg.domain}` };
    } else if (origin === 'jp') {
      const fam = pick(r, JP_FAMILY);
      const giv = pick(r, JP_GIVEN);
      const pref = pick(r, JP_PREFECTURES);
      const national = r() < 0.15;
      fields = {
        familyName: passportRomaji(fam.kana), givenName: passportRomaji(giv.kana),
        familyNameKanji: fam.kanji, givenNameKanji: giv.kanji, familyNameKana: fam.kana, givenNameKana: giv.kana,
        organisation: national ? pick(r, JP_NATIONAL_ORGS) : pick(r, pref.organisations), country: 'Japan', region: pref.prefectureJa,
        email: `${asciiLocal(passportRomaji(giv.kana))}.${asciiLocal(passportRomaji(fam.kana))}@${pref.domain}`,
      };
    } else {
      const c: GuestCountry = pick(r, origin === 'asean' ? ASEAN : AFRICA);
      const [familyName, givenName] = pick(r, c.people);
      fields = { familyName, givenName, organisation: pick(r, c.organisations), country: c.country, region: c.region, email: `${asciiLocal(givenName)}.${asciiLocal(familyName)}@${c.domain}` };
    }
    // Pools repeat at scale: a number keeps every email unique, as a registration system would.
    let email = fields.email!;
    for (let n = 2; usedEmails.has(email); n++) email = fields.email!.replace('@', `${n}@`);
    usedEmails.add(email);
    fields.email = email;
    fields.role = pickRole(r);
    const registrations: string[] = [];
    for (const s of DAY1_DOORS) if (r() < (s === 'd1-reception' ? 0.7 : 0.88)) registrations.push(s);
    if (r() < 0.75) registrations.push('d2-pitches');
    if (origin === 'eu' || origin === 'jp') {
      if (r() < 0.55) registrations.push('d2-meetings-am');
      if (r() < 0.55) registrations.push('d2-meetings-pm');
    }
    if (r() < 0.15) registrations.push('d2-onsite');
    if (origin === 'eu' && r() < 0.3) registrations.push('d2-debrief');
    if (r() < 0.6) registrations.push('d2-dinner');
    if (r() < 0.4) {
      const bus = pick(r, BUSES).id;
      const left = busSeats.get(bus)!;
      if (left > 0 || count > 1000) {
        registrations.push(bus);
        busSeats.set(bus, left - 1);
      }
    }
    out.push({ origin, fields, registrations });
  }
  // Random, never sequential: a registration code admits at a door, so knowing one must not give the next. The
  // featured cast keeps the fixed codes above (the guide and the tests type them); everyone else gets a fresh one.
  const codes = new Set<string>(out.map((d) => d.fields.externalCode).filter((c): c is string => !!c));
  for (const d of out) {
    if (d.fields.externalCode) continue;
    let code = randomRegistrationCode();
    while (codes.has(code)) code = randomRegistrationCode();
    codes.add(code);
    d.fields = { ...d.fields, externalCode: code };
  }
  return out;
}

export interface GeneratedMeeting {
  sessionId: 'd2-meetings-am' | 'd2-meetings-pm';
  a: number; // index into the delegates array (EU)
  b: number; // index into the delegates array (Japan)
  slot: number;
  table: number;
}

/** Day 2 matchmaking: 30-minute slots pairing EU and Japanese delegates registered for the same block. */
export function generateMeetings(delegates: GeneratedDelegate[], seed = 2027): GeneratedMeeting[] {
  const r = rng(seed + 1);
  const meetings: GeneratedMeeting[] = [];
  for (const [sessionId, slots] of [['d2-meetings-am', 3], ['d2-meetings-pm', 5]] as const) {
    const eu = delegates.map((d, i) => ({ d, i })).filter(({ d }) => d.origin === 'eu' && d.registrations.includes(sessionId)).map(({ i }) => i);
    const jp = delegates.map((d, i) => ({ d, i })).filter(({ d }) => d.origin === 'jp' && d.registrations.includes(sessionId)).map(({ i }) => i);
    for (let slot = 0; slot < slots; slot++) {
      const shuffled = [...jp].sort(() => r() - 0.5);
      const tables = Math.min(eu.length, shuffled.length, 24);
      for (let t = 0; t < tables; t++) if (r() < 0.6) meetings.push({ sessionId, a: eu[(t + slot * 7) % eu.length]!, b: shuffled[t]!, slot, table: t + 1 });
    }
  }
  return meetings;
}
