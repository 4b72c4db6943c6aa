type Bar = { label: string; value: number | null; text: string };

/**
 * Bars drawn as plain SVG on the server: no chart library, no client script,
 * and they print. The table above each chart holds the same numbers for
 * screen readers, so the drawing is hidden from them.
 */
export function BarChart({ title, rows, percent, vertical }: { title: string; rows: readonly Bar[]; percent: boolean; vertical: boolean }) {
  const max = percent ? 1 : Math.max(1, ...rows.map((r) => r.value ?? 0));
  if (vertical) {
    const barW = 36;
    const gap = 12;
    const h = 160;
    const width = rows.length * (barW + gap) + gap;
    return (
      <figure className="bar-chart" aria-hidden="true">
        <figcaption className="muted small">{title}</figcaption>
        <svg viewBox={`0 0 ${width} ${h + 40}`} width="100%" style={{ maxWidth: width * 1.5 }} role="presentation">
          <line x1={0} x2={width} y1={h} y2={h} className="axis" />
          {rows.map((r, i) => {
            const bh = r.value === null ? 0 : Math.max(r.value > 0 ? 2 : 0, (r.value / max) * (h - 16));
            const x = gap + i * (barW + gap);
            return (
              <g key={i}>
                <rect x={x} y={h - bh} width={barW} height={bh} className="bar" />
                <text x={x + barW / 2} y={h - bh - 4} textAnchor="middle" className="value">
                  {r.value === null ? '' : r.text}
                </text>
                <text x={x + barW / 2} y={h + 16} textAnchor="middle" className="label">
                  {r.label}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
    );
  }
  return (
    <figure className="bar-chart" aria-hidden="true">
      <figcaption className="muted small">{title}</figcaption>
      <div className="hbars">
        {rows.map((r, i) => (
          <div className="hbar" key={i}>
            <span className="hbar-label">{r.label}</span>
            <span className="hbar-track">
              <span className="hbar-fill" style={{ width: `${r.value === null ? 0 : Math.min(100, (r.value / max) * 100)}%` }} />
            </span>
            <span className="hbar-value">{r.value === null ? '—' : r.text}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
