// Badge stock the desk prints on. Points: 72 per inch, 2.834645669 per mm.
export const MM = 72 / 25.4;

import { BADGE_SIZE_NAMES } from '../../api/contract.js';

export const BADGE_SIZES = BADGE_SIZE_NAMES;
export type BadgeSize = (typeof BADGE_SIZES)[number];

export interface Stock {
  /** Page size in points. */
  page: [number, number];
  /** One badge's size in points (a sheet holds several). */
  badge: [number, number];
  /** CUPS media name for `lp -o media=…`. */
  media: string;
  perPage: number;
}

const A4: [number, number] = [210 * MM, 297 * MM];

export const STOCK: Record<BadgeSize, Stock> = {
  a6: { page: [105 * MM, 148 * MM], badge: [105 * MM, 148 * MM], media: 'A6', perPage: 1 },
  cr80: { page: [85.6 * MM, 54 * MM], badge: [85.6 * MM, 54 * MM], media: 'Custom.85.6x54mm', perPage: 1 },
  '4x6in': { page: [4 * 72, 6 * 72], badge: [4 * 72, 6 * 72], media: 'Custom.4x6in', perPage: 1 },
  '4x3in': { page: [4 * 72, 3 * 72], badge: [4 * 72, 3 * 72], media: 'Custom.4x3in', perPage: 1 },
  // Six 4×3 in holder inserts on A4, cut along crop marks.
  'a4-sheet': { page: A4, badge: [4 * 72, 3 * 72], media: 'A4', perPage: 6 },
};

/** Where each badge of a sheet sits: a 2 × 3 grid centred on the page. */
export function sheetSlots(size: BadgeSize): { x: number; y: number }[] {
  const s = STOCK[size];
  if (s.perPage === 1) return [{ x: 0, y: 0 }];
  const cols = 2;
  const rows = s.perPage / cols;
  const x0 = (s.page[0] - cols * s.badge[0]) / 2;
  const y0 = (s.page[1] - rows * s.badge[1]) / 2;
  const slots: { x: number; y: number }[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) slots.push({ x: x0 + c * s.badge[0], y: y0 + r * s.badge[1] });
  return slots;
}
