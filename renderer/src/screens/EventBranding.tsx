import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput, Branding, BrandingView, EventInfo, Role } from '../../../electron/api/contract';
import { ROLES } from '../../../electron/api/vocabulary';
import i18next from 'i18next';
import { api } from '../api';
import { coreText } from '../core-message';
import { readAsBase64 } from '../download';

// Refusals from the core read in the screen's language (their key and values), else as the error says.
const errorText = (e: unknown) => coreText(e, i18next.t);

type Draft = NonNullable<ApiInput<'setBranding'>>;

/**
 * Badge branding with a live preview. Every edit is checked by the core as a dry run (the same check that saves:
 * logo kind and size, colours, contrast), so the preview shows what the badge will carry and the warnings come in the
 * organiser's language; "Save branding" writes it as one replicated entry.
 */
export function BrandingCard({ event }: { event: EventInfo }) {
  const { t, i18n } = useTranslation();
  const ja = i18n.language === 'ja';
  const [view, setView] = useState<BrandingView | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [preview, setPreview] = useState<BrandingView | null>(null);
  const [previewRole, setPreviewRole] = useState<Role>('delegate');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    api.branding({}).then((v) => (setView(v), setPreview(v)), (e: unknown) => setStatus({ ok: false, text: errorText(e) }));
  }, []);

  // The preview follows the draft: a dry run per change, the latest answer wins.
  useEffect(() => {
    if (!view || Object.keys(draft).length === 0) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api.setBranding({ ...draft, dryRun: true }).then(
        (v) => mine === seq.current && setPreview(v),
        (e: unknown) => mine === seq.current && setStatus({ ok: false, text: errorText(e) }),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [draft, view]);

  if (!view || !preview) return null;
  const shown: Branding = preview.branding;
  const edit = (patch: Draft) => {
    setStatus(null);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const editRole = (role: Role, patch: { colour?: string; label?: string; labelJa?: string }) =>
    edit({ roles: { ...draft.roles, [role]: { ...draft.roles?.[role], ...patch } } });
  const refusedText = (r: BrandingView['refused']) => (r ? t(`branding.refused.${r.code}`, r.values) : '');

  const save = async () => {
    try {
      const v = await api.setBranding({ ...draft, dryRun: false });
      if (v.refused) return setStatus({ ok: false, text: refusedText(v.refused) });
      setView(v);
      setPreview(v);
      setDraft({});
      setStatus({ ok: true, text: t('branding.saved') });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e) });
    }
  };

  const title = shown.title ?? event.name;
  const titleJa = shown.titleJa ?? event.nameJa;
  const role = shown.roles[previewRole];
  // An SVG shows as an <img> from a data: URL (CSP img-src allows data:); an image context runs no script and loads
  // nothing, and the core refused anything unsafe before this preview got it.
  const logoUrl = shown.logo ? `data:${shown.logo.mime};base64,${shown.logo.base64}` : null;
  const warningFor = (r: Role) => preview.warnings.find((w) => w.role === r);
  const current = (k: 'title' | 'titleJa' | 'sponsor') => (draft[k] !== undefined ? (draft[k] ?? '') : (view.branding[k] ?? ''));

  return (
    <section className="card" aria-labelledby="event-branding" data-testid="branding">
      <h2 id="event-branding">{t('branding.title')}</h2>
      <p className="hint">{t('branding.hint')}</p>
      <div className="branding-layout">
        <div className="branding-form">
          <div className="event-form">
            <label className="field">{t('branding.badgeTitle')}<input name="brandTitle" maxLength={200} placeholder={event.name} value={current('title')} onChange={(e) => edit({ title: e.target.value })} /></label>
            <label className="field">{t('branding.badgeTitleJa')}<input name="brandTitleJa" lang="ja" maxLength={200} placeholder={event.nameJa ?? ''} value={current('titleJa')} onChange={(e) => edit({ titleJa: e.target.value })} /></label>
            <label className="field branding-wide">{t('branding.sponsor')}<input name="sponsor" maxLength={200} value={current('sponsor')} onChange={(e) => edit({ sponsor: e.target.value })} /></label>
          </div>
          <div className="branding-logo">
            <label className="file-pick">
              <span className="btn">{t('branding.chooseLogo')}</span>
              <input type="file" accept="image/png,.png,.svg,image/svg+xml" data-testid="logo-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) void readAsBase64(f).then((base64) => edit({ logo: { fileName: f.name, base64 } }));
                }} />
            </label>
            {shown.logo && <button type="button" className="btn btn-small" onClick={() => edit({ logo: null })}>{t('branding.removeLogo')}</button>}
            <span className="hint">{t('branding.logoRules', { kb: Math.round(view.limits.logoBytes / 1024), side: view.limits.logoSide, svgKb: Math.round(view.limits.svgBytes / 1024) })}</span>
          </div>
          {preview.refused && <p className="notice notice-error" role="alert" data-testid="branding-refused">{refusedText(preview.refused)}</p>}
          <table className="table branding-roles">
            <thead>
              <tr>
                <th scope="col">{t('branding.role')}</th>
                <th scope="col">{t('branding.colour')}</th>
                <th scope="col">{t('branding.label')}</th>
                <th scope="col">{t('branding.labelJa')}</th>
              </tr>
            </thead>
            <tbody>
              {ROLES.map((r) => {
                const w = warningFor(r);
                return (
                  <Fragment key={r}>
                  <tr onFocus={() => setPreviewRole(r)} className={w ? 'has-warning' : undefined}>
                    <th scope="row">{t(`roles.${r}`)}</th>
                    <td>
                      <input type="color" aria-label={t('branding.colourOf', { role: t(`roles.${r}`) })} value={shown.roles[r].colour} onChange={(e) => editRole(r, { colour: e.target.value })} />
                    </td>
                    <td><input aria-label={t('branding.labelOf', { role: t(`roles.${r}`) })} maxLength={40} value={draft.roles?.[r]?.label ?? view.branding.roles[r].label} onChange={(e) => editRole(r, { label: e.target.value })} /></td>
                    <td><input lang="ja" aria-label={t('branding.labelJaOf', { role: t(`roles.${r}`) })} maxLength={40} value={draft.roles?.[r]?.labelJa ?? view.branding.roles[r].labelJa} onChange={(e) => editRole(r, { labelJa: e.target.value })} /></td>
                  </tr>
                  {w && <tr className="contrast-row"><td colSpan={4}><span className="contrast-warning" role="status" data-testid={`contrast-${r}`}>⚠ {t('branding.warnFor', { role: t(`roles.${r}`), message: t('branding.lowContrast', { ratio: w.ratio.toFixed(1) }) })}</span></td></tr>}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          <div className="card-actions">
            <button type="button" className="btn btn-primary" data-testid="branding-save" disabled={Object.keys(draft).length === 0 || preview.refused !== null} onClick={() => void save()}>{t('branding.save')}</button>
            {status && <p className={`notice ${status.ok ? 'notice-ok' : 'notice-error'}`} role={status.ok ? 'status' : 'alert'} data-testid="branding-status">{status.text}</p>}
          </div>
        </div>
        <figure className="badge-preview-wrap">
          <label className="field-inline">{t('branding.previewAs')}
            <select value={previewRole} onChange={(e) => setPreviewRole(e.target.value as Role)}>
              {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </label>
          {/* The A6 badge's layout (services/badges/draw.ts): header 15 %, role band 8.5 %, QR 42 % of the width. */}
          <div className="badge-preview" data-testid="badge-preview" aria-label={t('branding.preview')} role="img">
            <div className="bp-head">
              {logoUrl && shown.logo && <span className="bp-logo"><img src={logoUrl} alt="" width={shown.logo.width} height={shown.logo.height} /></span>}
              <span className="bp-titles">
                <strong>{title}</strong>
                {titleJa && <span lang="ja">{titleJa}</span>}
                <small>{event.startsOn} – {event.endsOn} · {event.venue}</small>
              </span>
            </div>
            <div className="bp-name">
              {ja ? <><b lang="ja">髙橋 美咲</b><span>TAKAHASHI Misaki</span></> : <><b>Misaki</b><b>TAKAHASHI</b></>}
              <span className="bp-org">{ja ? '岩手県庁' : 'Iwate Prefectural Government'}</span>
            </div>
            <div className="bp-qr" aria-hidden="true" />
            {shown.sponsor && <div className="bp-sponsor" data-testid="preview-sponsor">{shown.sponsor}</div>}
            <div className="bp-band" style={{ background: role.colour }} data-testid="preview-band">
              <span className="bp-en">{role.label}</span>
              {role.labelJa !== role.label && <span lang="ja">{role.labelJa}</span>}
            </div>
          </div>
          <figcaption className="hint">{t('branding.previewHint')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
