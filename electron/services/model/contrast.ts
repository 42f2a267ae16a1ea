// WCAG 2 contrast between two sRGB colours (#rrggbb): 4.5:1 is what AA asks of text. One formula for the badge
// palette, the organiser's role colours and the screens' stylesheet (test/unit/contrast.test.ts).

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
export const AA_TEXT = 4.5;

export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
