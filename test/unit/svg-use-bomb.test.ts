// Item 6 of issue 23: an SVG's limits are counted after <use> is expanded. The 1.4 KB bomb (ten <use> per level,
// five levels: 100 000 drawn elements) passed the sanitiser and froze the organiser's event loop for 11 s; it is
// refused, fast, and so is a reference cycle; ordinary logos with reused parts still pass.
import { describe, expect, it } from 'vitest';
import { drawnSize, inspectSvg, SVG_LIMITS } from '../../electron/services/event/svg-logo.js';

function bomb(perLevel: number, levels: number): string {
  const uses = (id: string) => Array.from({ length: perLevel }, () => `<use href="#${id}"/>`).join('');
  let defs = '<path id="l0" d="M0 0h1v1z"/>';
  for (let l = 1; l < levels; l++) defs += `<g id="l${l}">${uses(`l${l - 1}`)}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>${defs}</defs>${uses(`l${levels - 1}`)}</svg>`;
}

const check = (svg: string) => inspectSvg('logo.svg', Buffer.from(svg));

describe('SVG limits after <use> expansion', () => {
  it('refuses the 1.4 KB nested-<use> bomb (10 per level, 5 levels) in well under a second', () => {
    const svg = bomb(10, 5);
    expect(svg.length).toBeLessThan(1500);
    const started = performance.now();
    const r = check(svg);
    const ms = performance.now() - started;
    expect(r).toMatchObject({ ok: false, code: 'svg_unsafe' });
    expect(!r.ok && String(r.values.what)).toMatch(/drawn elements after <use>/);
    expect(ms).toBeLessThan(200);
  });

  it('refuses deeper bombs just as fast (depth 7: ten million elements)', () => {
    const started = performance.now();
    expect(check(bomb(10, 7))).toMatchObject({ ok: false, code: 'svg_unsafe' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('counts xlink:href and url(#id) references too', () => {
    const svg = bomb(10, 5).replaceAll('<use href=', '<use xlink:href=').replace('<svg ', '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ');
    expect(check(svg)).toMatchObject({ ok: false, code: 'svg_unsafe' });
    let patterns = '<pattern id="p0" width="1" height="1"><rect width="1" height="1"/></pattern>';
    for (let l = 1; l < 6; l++) patterns += `<pattern id="p${l}" width="1" height="1">${Array.from({ length: 10 }, () => `<rect width="1" height="1" fill="url(#p${l - 1})"/>`).join('')}</pattern>`;
    expect(check(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>${patterns}</defs><rect width="10" height="10" fill="url(#p5)"/></svg>`)).toMatchObject({ ok: false, code: 'svg_unsafe' });
  });

  it('refuses a <use> cycle', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>';
    expect(check(svg)).toMatchObject({ ok: false, code: 'svg_unsafe' });
  });

  it('refuses nesting deeper than the limit after expansion', () => {
    let defs = '<path id="n0" d="M0 0h1"/>';
    for (let l = 1; l <= SVG_LIMITS.nesting + 5; l++) defs += `<g id="n${l}"><use href="#n${l - 1}"/></g>`;
    const r = check(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>${defs}</defs><use href="#n${SVG_LIMITS.nesting + 5}"/></svg>`);
    expect(r).toMatchObject({ ok: false, code: 'svg_unsafe' });
    expect(!r.ok && String(r.values.what)).toMatch(/nesting/);
  });

  it('passes an ordinary logo that reuses its parts (10 per level, 3 levels: 1 000 elements)', () => {
    expect(check(bomb(10, 3))).toEqual({ ok: true, width: 10, height: 10 });
  });

  it('drawnSize reports what it counted', () => {
    const r = drawnSize([{ svg: [{ rect: [] }, { rect: [] }], ':@': { viewBox: '0 0 1 1' } }]);
    expect(r).toEqual({ ok: true, elements: 3, nesting: 2 });
  });
});
