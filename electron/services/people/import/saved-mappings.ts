// A column mapping an organiser changed by hand, saved for that source so its next file maps the same way (issue 24).
// A source is known by its header signature: the headers as columns.ts compares them, in order. Saved as a replicated
// setting (import_mapping:<signature>), so every desk of the event reuses it.
import { createHash } from 'node:crypto';
import type { Core } from '../../core.js';
import { IMPORT_FIELD_NAMES } from '../../../api/vocabulary.js';
import { normHeader, type ImportField } from './columns.js';

const FIELDS: ReadonlySet<string> = new Set(IMPORT_FIELD_NAMES);

export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normHeader).join('\u0001')).digest('hex').slice(0, 16);
}

export class SavedMappings {
  constructor(private readonly core: Core) {}

  /** The mapping saved for files with these headers, or null. */
  get(headers: readonly string[]): (ImportField | null)[] | null {
    const raw = this.core.db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(`import_mapping:${headerSignature(headers)}`) as string | undefined;
    if (!raw) return null;
    try {
      const m = JSON.parse(raw) as unknown;
      if (!Array.isArray(m) || m.length !== headers.length) return null;
      return m.map((f) => (typeof f === 'string' && FIELDS.has(f) ? (f as ImportField) : null));
    } catch {
      return null;
    }
  }

  /** Saves a mapping for this source when it differs from what is stored (or recognised); call outside a transaction. */
  save(headers: readonly string[], mapping: readonly (ImportField | null)[], by: string): void {
    const value = JSON.stringify(mapping);
    if (value.length > 4000) return;
    const key = `import_mapping:${headerSignature(headers)}`;
    const held = this.core.db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined;
    if (held === value) return;
    this.core.tx(() => this.core.commit('setting.changed', { key, value, at: this.core.nowIso(), by: by.slice(0, 100) }));
  }
}
