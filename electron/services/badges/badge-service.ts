import type { Core } from '../core.js';
import { ServiceError } from '../core.js';
import type { EventStore } from '../event/event-store.js';
import type { BrandingStore } from '../event/branding.js';
import type { DelegateRow, Delegates } from '../people/delegates.js';
import { BadgeDataSource, type BadgeData } from './badge-data.js';
import type { RenderOptions } from './render.js';

// pdfkit and fontkit load only when a badge is drawn: a door scan or a search never pays for them.
const renderer = () => import('./render.js').then((m) => m.renderBadges);

export interface BadgeFilter {
  role?: string;
  country?: string;
  search?: string;
}

/** Badges as PDFs: one delegate's, or a batch for a filtered list (pre-printing on sheets). */
export class BadgeService {
  readonly data: BadgeDataSource;

  constructor(
    private readonly core: Core,
    event: EventStore,
    private readonly delegates: Delegates,
    branding: BrandingStore,
  ) {
    this.data = new BadgeDataSource(core, event, delegates, branding);
  }

  resolve(key: string): DelegateRow {
    const row = this.delegates.findByIdOrEmail(key);
    if (!row) throw new ServiceError('not_found', `No delegate with id or email ${key}.`, { key: 'no_delegate', values: { key } });
    if (row.status !== 'active') throw new ServiceError('conflict', 'This registration was cancelled: no badge.', { key: 'cancelled_no_badge', values: {} });
    return row;
  }

  /** Draws prepared badge data (the print queue renders the issue it queued, not the current one). */
  async render(data: BadgeData[], opts: RenderOptions): Promise<Buffer> {
    return (await renderer())(data, opts);
  }

  async pdf(key: string, opts: RenderOptions): Promise<Buffer> {
    return this.render([this.data.forDelegate(this.resolve(key), opts.back ?? false)], opts);
  }

  /** Active delegates matching the filter, in the desk's order (family name). */
  select(filter: BadgeFilter): DelegateRow[] {
    const where = ["status = 'active'"];
    const params: Record<string, string> = {};
    if (filter.role) {
      where.push('role = @role');
      params.role = filter.role;
    }
    if (filter.country) {
      where.push('country = @country COLLATE NOCASE');
      params.country = filter.country;
    }
    let rows = this.core.db.prepare(`SELECT id FROM delegate WHERE ${where.join(' AND ')} ORDER BY sort_key`).all(params) as { id: string }[];
    if (filter.search) {
      // A print run takes the people the words name, not the ones they might have meant.
      const hits = new Set(this.delegates.search(filter.search, 100_000, { forgiving: false }).map((h) => h.id));
      rows = rows.filter((r) => hits.has(r.id));
    }
    return rows.map((r) => this.delegates.get(r.id));
  }

  async batch(filter: BadgeFilter, opts: RenderOptions): Promise<{ pdf: Buffer; count: number }> {
    const rows = this.select(filter);
    if (rows.length === 0) throw new ServiceError('not_found', 'No delegate matches that filter.', { key: 'no_delegate_filter', values: {} });
    const data = rows.map((r) => this.data.forDelegate(r, opts.back ?? false));
    return { pdf: await this.render(data, opts), count: rows.length };
  }
}
