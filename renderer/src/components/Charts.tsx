// The report charts on screen, as SVG scaled to their box: the same three kinds the PDFs draw (columns over time,
// bars per session, one split bar), each with a label a screen reader can read instead of the picture.

const BRAND = '#1f2a5c';
const LIGHT = '#b9c1e0';
export const PALETTE = [BRAND, '#c8372d', '#0c6470', '#8a6d00', '#6d2fae', '#7a7f95'];

/** Round steps (1, 2, 5 × 10ⁿ) from 0 to at least max. */
function niceMax(max: number): { top: number; step: number } {
  const raw = Math.max(max, 1) / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(Math.max(max, 1) / step) * step, step };
}

export function ColumnsChart({ labels, values, label, labelEvery = 4 }: { labels: string[]; values: number[]; label: string; labelEvery?: number }) {
  // Wide enough that the chart fills a laptop's width at a readable height, and scales down on a tablet.
  const w = 1000;
  const h = 185;
  const left = 34;
  const bottom = 22;
  const { top, step } = niceMax(Math.max(0, ...values));
  const plotH = h - bottom - 8;
  const slot = (w - left) / Math.max(values.length, 1);
  const y = (v: number) => 8 + plotH - (v / top) * plotH;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return (
    <svg className="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={w} y1={y(v)} y2={y(v)} stroke="#e3e1da" />
          <text x={left - 5} y={y(v) + 4} textAnchor="end" className="chart-axis">{v}</text>
        </g>
      ))}
      {values.map((v, i) => (
        <g key={i}>
          <rect x={left + i * slot + slot * 0.14} y={y(v)} width={slot * 0.72} height={Math.max(0, 8 + plotH - y(v))} fill={BRAND}>
            <title>{`${labels[i]}: ${v}`}</title>
          </rect>
          {i % labelEvery === 0 && <text x={left + i * slot} y={h - 6} className="chart-axis">{labels[i]}</text>}
        </g>
      ))}
    </svg>
  );
}

export function BarsChart({ rows, series, label }: { rows: { label: string; values: number[] }[]; series: string[]; label: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  return (
    <div className="bars" role="img" aria-label={label}>
      <div className="legend" aria-hidden="true">
        {series.map((s, i) => (
          <span key={s}><i style={{ background: i === 0 ? LIGHT : BRAND }} />{s}</span>
        ))}
      </div>
      {rows.map((r) => (
        <div className="bars-row" key={r.label} aria-hidden="true">
          <span className="bars-label" title={r.label}>{r.label}</span>
          <span className="bars-track">
            {r.values.map((v, i) => (
              <span key={i} className="bars-bar">
                <span style={{ width: `${(v / max) * 100}%`, background: i === 0 ? LIGHT : BRAND }} />
                <b>{v}</b>
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}

export function SplitBar({ parts, label }: { parts: { label: string; value: number }[]; label: string }) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  return (
    <div className="split" role="img" aria-label={label}>
      <div className="split-bar" aria-hidden="true">
        {parts.map((p, i) => (p.value > 0 ? <span key={p.label} style={{ width: `${(p.value / total) * 100}%`, background: PALETTE[i % PALETTE.length] }} /> : null))}
      </div>
      <ul className="legend legend-list" aria-hidden="true">
        {parts.map((p, i) => (
          <li key={p.label}>
            <i style={{ background: PALETTE[i % PALETTE.length] }} />
            {p.label} <b>{p.value}</b> <small>{total ? `${((p.value / total) * 100).toFixed(1)}%` : '—'}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
