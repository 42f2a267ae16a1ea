// Certificates of attendance for employers and funders: one page per delegate who came, in the delegate's
// language (Japanese for Japanese delegates), listing the days and the sessions they were admitted to.
import type { Certificate, Lang, ReportContent, Sheet } from '../doc.js';
import { loadContext, type ReportContext } from '../context.js';
import { Facts, type Person } from '../facts.js';
import { countryCode } from '../places.js';
import { personName } from '../../people/names.js';
import { personColumns } from '../cells.js';

export function languageOf(p: Person): Lang {
  return p.family_name_kanji || p.given_name_kanji || countryCode(p.country) === 'JP' ? 'ja' : 'en';
}

export function certificatesReport(ctx: ReportContext, only?: string[]): ReportContent {
  const facts = new Facts(ctx.db);
  const contexts: Record<Lang, ReportContext> = { en: ctx.lang === 'en' ? ctx : loadContext(ctx.db, 'en', ctx.now), ja: ctx.lang === 'ja' ? ctx : loadContext(ctx.db, 'ja', ctx.now) };
  // Per person: the days they came (the entrance or any session that day) and what they were admitted to.
  const days = new Map<string, Set<string>>();
  const attended = new Map<string, { key: string; at: string }[]>();
  const dayOf = (who: string) => {
    let s = days.get(who);
    if (!s) days.set(who, (s = new Set()));
    return s;
  };
  for (const t of ctx.targets) {
    for (const a of facts.admitted(t.key)) {
      if (t.kind === 'venue') dayOf(a.who).add(a.day || ctx.fmt.dateOf(a.firstAt));
      else {
        if (t.date) dayOf(a.who).add(t.date);
        let list = attended.get(a.who);
        if (!list) attended.set(a.who, (list = []));
        list.push({ key: t.key, at: t.startsAt ?? a.firstAt });
      }
    }
  }
  const targets = new Map(ctx.targets.map((t) => [t.key, t]));
  const wanted = only?.length ? new Set(only) : null;
  const people = [...facts.people().values()].filter((p) => days.has(p.id) && (!wanted || wanted.has(p.id)));
  const certificates: Certificate[] = people.map((p) => {
    const lang = languageOf(p);
    const c = contexts[lang];
    const mine = (attended.get(p.id) ?? []).sort((a, b) => a.at.localeCompare(b.at));
    return {
      lang,
      name: personName(p),
      organisation: p.organisation,
      badgeNo: p.badge_no,
      days: [...days.get(p.id)!].sort().map((date) => ({
        date: c.fmt.day(date),
        sessions: mine.filter((m) => targets.get(m.key)!.date === date).map((m) => ({ time: c.fmt.time(m.at), title: c.targetName(targets.get(m.key)!) })),
      })),
    };
  });
  const { t } = ctx;
  const sheet: Sheet = {
    name: t.certificates.sheet,
    columns: [{ label: t.col.badgeNo, kind: 'int' }, { label: t.col.familyName }, { label: t.col.givenName }, { label: t.col.nameKanji }, { label: t.col.organisation }, { label: t.col.email }, { label: 'Lang' }, { label: t.col.days }, { label: t.col.sessions, kind: 'int' }],
    rows: people.map((p) => [p.badge_no, ...personColumns(p), p.organisation, p.email, languageOf(p), [...days.get(p.id)!].sort().join(' '), attended.get(p.id)?.length ?? 0]),
  };
  return {
    pdf: { title: t.kinds.certificates, blocks: [{ type: 'text', text: t.certificates.none }] },
    sheets: [sheet],
    certificates,
  };
}
