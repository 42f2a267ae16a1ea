// WCAG AA contrast for the colour pairs the screens and badges use (4.5:1 for text). Read from the real
// stylesheet and badge palette, so a colour change that makes text hard to read fails here.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { ROLE_STYLE } from '../../electron/services/badges/draw.js';
import { contrast } from '../../electron/services/model/contrast.js';

const css = fs.readFileSync('renderer/src/styles.css', 'utf8');
const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]));

describe('contrast (WCAG AA)', () => {
  it.each([
    ['verdict admit: white on', 'admit'],
    ['verdict warn: white on', 'warn'],
    ['verdict deny: white on', 'deny'],
    ['header and primary buttons: white on', 'brand'],
    ['brand mark: white on', 'accent'],
  ])('%s --%s', (_label, v) => {
    expect(vars[v], `--${v} defined`).toBeDefined();
    expect(contrast('#ffffff', vars[v]!)).toBeGreaterThanOrEqual(4.5);
  });

  it('body and secondary text on the page and cards', () => {
    for (const bg of [vars.paper!, vars.card!]) {
      expect(contrast(vars.ink!, bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(vars['ink-soft']!, bg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('badge role bands: white words on every role colour', () => {
    for (const [role, style] of Object.entries(ROLE_STYLE)) expect(contrast('#ffffff', style.color), role).toBeGreaterThanOrEqual(4.5);
  });
});
