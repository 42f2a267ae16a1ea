import type { Role } from '../../api/contract.js';

/** How each role looks on a badge until the organisers brand it (Event screen): white words on the colour. */
export const ROLE_STYLE: Record<Role, { color: string; en: string; ja: string }> = {
  delegate: { color: '#1f2a5c', en: 'DELEGATE', ja: '参加者' },
  speaker: { color: '#6d2fae', en: 'SPEAKER', ja: '登壇者' },
  panellist: { color: '#0c6470', en: 'PANELLIST', ja: 'パネリスト' },
  organiser: { color: '#b8312a', en: 'ORGANISER', ja: '主催者' },
  press: { color: '#5e4f00', en: 'PRESS', ja: '報道' },
  staff: { color: '#2b2b2b', en: 'STAFF', ja: 'スタッフ' },
};
