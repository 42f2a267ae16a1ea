// The demo event: the EU-Japan Clusters & Regions/Prefectures Cooperation conference in Strasbourg, from its
// draft programme (shared/seed). The 2020 edition was cancelled; the demo holds it on 27–29 April of a chosen year.
import type { EventSpec } from '../services/event/event-store.js';

export const DEMO_EVENT_ID = 'eu-japan-regions-strasbourg';
export const DEMO_TIMEZONE = 'Europe/Paris';
export const DEMO_DEFAULT_START = '2027-04-27';

/** Local wall time in Strasbourg → ISO instant. */
export function strasbourgTime(date: string, hhmm: string): string {
  // Find the zone's offset at that wall time (CEST in April; computed, not assumed, so other dates work too).
  const guess = new Date(`${date}T${hhmm}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: DEMO_TIMEZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(guess)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const asLocal = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess.getTime() - (asLocal - guess.getTime())).toISOString();
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

interface SessionDef {
  id: string;
  day: 1 | 2 | 3;
  kind: 'plenary' | 'panel' | 'break' | 'meal' | 'pitch' | 'meetings' | 'visit' | 'reception';
  from: string;
  to: string;
  title: string;
  titleJa: string;
  room: string;
  capacity: number | null;
  door: boolean;
}

export const SESSIONS: SessionDef[] = [
  { id: 'd1-opening', day: 1, kind: 'plenary', from: '11:00', to: '12:30', title: 'Opening session', titleJa: '開会セッション', room: 'Hemicycle', capacity: 400, door: true },
  { id: 'd1-lunch', day: 1, kind: 'meal', from: '12:30', to: '14:00', title: 'Buffet lunch', titleJa: 'ビュッフェランチ', room: 'Salon des Personnalités', capacity: null, door: false },
  { id: 'd1-policies', day: 1, kind: 'panel', from: '14:00', to: '15:30', title: 'Cooperation policies, instruments and experience', titleJa: '協力政策・制度・経験', room: 'Hemicycle', capacity: 400, door: true },
  { id: 'd1-coffee', day: 1, kind: 'break', from: '15:30', to: '16:00', title: 'Coffee break', titleJa: 'コーヒーブレイク', room: 'Foyer', capacity: null, door: false },
  { id: 'd1-third', day: 1, kind: 'panel', from: '16:00', to: '17:30', title: 'EU-Japan collaboration in third countries (Africa and South East Asia)', titleJa: '第三国（アフリカ・東南アジア）における日EU協力', room: 'Hemicycle', capacity: 400, door: true },
  { id: 'd1-closing', day: 1, kind: 'plenary', from: '17:30', to: '18:00', title: 'Closing session', titleJa: '閉会セッション', room: 'Hemicycle', capacity: 400, door: true },
  { id: 'd1-reception', day: 1, kind: 'reception', from: '18:00', to: '20:00', title: 'Reception and informal networking', titleJa: 'レセプション・交流会', room: 'Salon des Personnalités', capacity: 300, door: true },
  { id: 'd2-pitches', day: 2, kind: 'pitch', from: '09:00', to: '10:30', title: 'Pitch session of European and Japanese clusters and regions', titleJa: '欧州・日本のクラスター及び地域によるピッチセッション', room: 'Room LOW N1.1', capacity: 250, door: true },
  { id: 'd2-meetings-am', day: 2, kind: 'meetings', from: '11:00', to: '12:30', title: 'Face-to-face meetings (morning)', titleJa: '個別商談会（午前）', room: 'Matchmaking area', capacity: null, door: true },
  { id: 'd2-lunch', day: 2, kind: 'meal', from: '12:30', to: '14:00', title: 'Networking lunch', titleJa: 'ネットワーキングランチ', room: 'Salon des Personnalités', capacity: null, door: false },
  { id: 'd2-meetings-pm', day: 2, kind: 'meetings', from: '14:00', to: '16:30', title: 'Face-to-face meetings (afternoon)', titleJa: '個別商談会（午後）', room: 'Matchmaking area', capacity: null, door: true },
  { id: 'd2-onsite', day: 2, kind: 'visit', from: '16:45', to: '17:45', title: 'On-site visit', titleJa: '現地視察', room: 'Meeting point: main entrance', capacity: 60, door: true },
  { id: 'd2-debrief', day: 2, kind: 'plenary', from: '18:00', to: '18:30', title: 'Debriefing with European cluster delegates and regional representatives', titleJa: '欧州クラスター代表・地域代表との報告会', room: 'Room LOW N1.1', capacity: 120, door: true },
  { id: 'd2-dinner', day: 2, kind: 'reception', from: '19:00', to: '21:00', title: 'Walking dinner', titleJa: '立食ディナー', room: 'Salon des Personnalités', capacity: 250, door: true },
  { id: 'd3-visits', day: 3, kind: 'visit', from: '09:00', to: '15:00', title: 'Cluster tour: site visits', titleJa: 'クラスター視察ツアー', room: 'Departure: Allée du Printemps coach park', capacity: null, door: false },
];

export const BUSES = [
  { id: 'bus-1', label: 'Bus 1', site: 'Biovalley cluster', siteJa: 'バイオバレー・クラスター', departs: '08:30', returns: '15:00', capacity: 49 },
  { id: 'bus-2', label: 'Bus 2', site: 'Pôle Fibres-Energivie', siteJa: 'ファイバー・エネルジヴィ拠点', departs: '08:30', returns: '15:00', capacity: 49 },
  { id: 'bus-3', label: 'Bus 3', site: 'Biovalley cluster', siteJa: 'バイオバレー・クラスター', departs: '08:45', returns: '15:15', capacity: 29 },
] as const;

export const VENUE_CHECKPOINT_ID = 'cp-registration';

export function demoEventSpec(start: string = DEMO_DEFAULT_START, rehearsal = true): EventSpec {
  const dates: [string, string, string] = [start, addDays(start, 1), addDays(start, 2)];
  const at = (day: 1 | 2 | 3, hhmm: string) => strasbourgTime(dates[day - 1]!, hhmm);
  const minus = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString();
  const checkpoints: EventSpec['checkpoints'] = [
    {
      id: VENUE_CHECKPOINT_ID, kind: 'venue', name: 'Registration desk — venue entry', nameJa: '受付（会場入場）',
      entryRule: 'once_per_day', listRule: 'anyone', opensAt: at(1, '08:00'), closesAt: at(3, '16:00'),
    },
  ];
  for (const s of SESSIONS.filter((x) => x.door)) {
    checkpoints.push({
      id: `cp-${s.id}`,
      kind: s.kind === 'meetings' ? 'meeting' : 'session',
      name: `${s.title} — ${s.room}`,
      nameJa: `${s.titleJa}（${s.room}）`,
      targetId: s.id,
      capacity: s.capacity,
      opensAt: minus(at(s.day, s.from), 30),
      closesAt: at(s.day, s.to),
      // People step out of a session and come back; a bus is boarded once.
      entryRule: 'reentry',
      listRule: 'registered',
    });
  }
  for (const b of BUSES) {
    const departs = at(3, b.departs);
    checkpoints.push({
      id: `cp-${b.id}`, kind: 'bus', name: `${b.label} — ${b.site}`, nameJa: `${b.label.replace(/^Bus (\d+)$/, '$1号車')}（${b.siteJa}）`,
      targetId: b.id, capacity: b.capacity, opensAt: minus(departs, 45), closesAt: minus(departs, -15), entryRule: 'once', listRule: 'registered',
    });
  }
  return {
    id: DEMO_EVENT_ID,
    name: 'EU-Japan Clusters & Regions/Prefectures Cooperation Conference',
    nameJa: '日EUクラスター・地域／都道府県協力会議',
    venue: 'European Parliament, Strasbourg (France)',
    venueJa: '欧州議会（フランス・ストラスブール）',
    timezone: DEMO_TIMEZONE,
    rehearsal,
    days: [
      { dayNo: 1, date: dates[0], title: 'Policy learning', titleJa: '政策学習' },
      { dayNo: 2, date: dates[1], title: 'Pitches and matchmaking', titleJa: 'ピッチと商談会' },
      { dayNo: 3, date: dates[2], title: 'Cluster tour: site visits', titleJa: 'クラスター視察' },
    ],
    sessions: SESSIONS.map((s) => ({
      id: s.id, dayNo: s.day, kind: s.kind, title: s.title, titleJa: s.titleJa, room: s.room,
      startsAt: at(s.day, s.from), endsAt: at(s.day, s.to), capacity: s.capacity,
    })),
    buses: BUSES.map((b) => ({
      id: b.id, label: b.label, site: b.site, departsAt: at(3, b.departs), returnsAt: at(3, b.returns),
      boarding: 'Allée du Printemps coach park', capacity: b.capacity,
    })),
    checkpoints,
  };
}
