// What goes on one badge, gathered from the event database: names in every script, role, organisation,
// the signed token, and (for the back) the delegate's own agenda.
import { passportRomaji } from '../model/normalize.js';
import type { Role } from '../../api/contract.js';
import type { Core } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import type { BrandingStore } from '../event/branding.js';
import type { DelegateRow, Delegates } from '../people/delegates.js';
import { Meetings } from '../people/meetings.js';

export interface AgendaItem {
  startsAt: string;
  endsAt: string | null;
  title: string;
  titleJa: string | null;
  where: string | null;
}

export interface BadgeData {
  delegateId: string;
  badgeNo: number;
  issue: number;
  token: string;
  role: Role;
  /** Japanese delegates: family then given in kanji. Null for others. */
  nameKanji: string | null;
  /** Under the kanji: the romanised name; for others the name itself ("Given" over "FAMILY"). */
  givenName: string;
  familyName: string;
  organisation: string | null;
  place: string | null;
  event: { name: string; nameJa: string | null; dates: string; venue: string; timezone: string };
  agenda: AgendaItem[];
  /** The organisers' branding (Event screen): the same on every size. */
  brand: BadgeBrand;
}

export interface BadgeBrand {
  /** The role band: colour and words. */
  colour: string;
  label: string;
  labelJa: string;
  sponsor: string | null;
  logo: { mime: 'image/png' | 'image/svg+xml'; base64: string; width: number; height: number } | null;
}

/** Romaji from the kana reading when no Latin name was given (e.g. ヤマザキ → Yamazaki, コンドウ → Kondo). */
export function romanised(latin: string, kana: string | null): string {
  if (latin.trim()) return latin;
  return kana ? passportRomaji(kana) : '';
}

export class BadgeDataSource {
  private readonly meetings: Meetings;

  constructor(
    private readonly core: Core,
    private readonly event: EventStore,
    private readonly delegates: Delegates,
    private readonly branding: BrandingStore,
  ) {
    this.meetings = new Meetings(core);
  }

  forDelegate(row: DelegateRow, withAgenda = true): BadgeData {
    const info = this.event.header();
    const brand = this.branding.get();
    const role = brand.roles[row.role];
    const token = this.delegates.tokenFor(row);
    if (!token) throw new Error(`No badge for a cancelled registration (${row.id}).`);
    const kanji = row.family_name_kanji || row.given_name_kanji ? `${row.family_name_kanji ?? ''} ${row.given_name_kanji ?? ''}`.trim() : null;
    return {
      delegateId: row.id,
      badgeNo: row.badge_no,
      issue: row.badge_issue,
      token,
      role: row.role,
      nameKanji: kanji,
      givenName: romanised(row.given_name, row.given_name_kana),
      familyName: romanised(row.family_name, row.family_name_kana),
      organisation: row.organisation,
      place: [row.region, row.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(', ') || null,
      event: { name: brand.title ?? info.name, nameJa: brand.titleJa ?? info.nameJa, dates: datesText(info.startsOn, info.endsOn), venue: info.venue, timezone: info.timezone },
      agenda: withAgenda ? this.agenda(row.id) : [],
      brand: { colour: role.colour, label: role.label, labelJa: role.labelJa, sponsor: brand.sponsor, logo: brand.logo && { mime: brand.logo.mime, base64: brand.logo.base64, width: brand.logo.width, height: brand.logo.height } },
    };
  }

  agenda(delegateId: string): AgendaItem[] {
    const { db } = this.core;
    const sessions = db
      .prepare(`SELECT s.starts_at AS startsAt, s.ends_at AS endsAt, s.title, s.title_ja AS titleJa, s.room AS "where"
        FROM registration r JOIN session s ON s.id = r.target_id WHERE r.delegate_id = ? AND s.kind <> 'meetings'`)
      .all(delegateId) as AgendaItem[];
    const buses = db
      .prepare(`SELECT b.departs_at AS startsAt, NULL AS endsAt, b.label || ' → ' || b.site AS title, NULL AS titleJa, b.boarding AS "where"
        FROM registration r JOIN bus b ON b.id = r.target_id WHERE r.delegate_id = ?`)
      .all(delegateId) as AgendaItem[];
    const meetings = this.meetings.forDelegate(delegateId).map((m) => ({
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      title: `Meeting: ${m.counterpartName}${m.counterpartOrganisation ? ` (${m.counterpartOrganisation})` : ''}`,
      titleJa: null,
      where: `Table ${m.tableNo.replace(/^T/, '')}`,
    }));
    return [...sessions, ...buses, ...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }
}

function datesText(from: string, to: string): string {
  const f = new Date(`${from}T12:00:00Z`);
  const t = new Date(`${to}T12:00:00Z`);
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
  if (f.getUTCMonth() === t.getUTCMonth()) return `${f.getUTCDate()}–${t.getUTCDate()} ${month.format(f)} ${f.getUTCFullYear()}`;
  return `${f.getUTCDate()} ${month.format(f)} – ${t.getUTCDate()} ${month.format(t)} ${t.getUTCFullYear()}`;
}
