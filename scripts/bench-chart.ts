/**
 * The benchmark's chart: work ÷ floor per corpus page. Also runnable on its own to redraw
 * out/bench/ratio.svg from out/bench/results.json: npx tsx scripts/bench-chart.ts
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ChartRow {
  page: string;
  tier: number;
  chars: number;
  ratio: number;
  ratioCold: number;
  /** Absent in results written before the isolated-world floor. */
  ratioIsolated?: number;
  cpu?: number;
  run?: number;
}

/** The rows the chart draws: the first run at the lowest CPU throttling rate (one line per tier and floor). */
export function chartRows<R extends ChartRow>(rows: R[]): R[] {
  const cpu = Math.min(...rows.map((r) => r.cpu ?? 1));
  return rows.filter((r) => (r.cpu ?? 1) === cpu && (r.run ?? 1) === 1);
}

const FLOOR_NAMES = { ratioIsolated: 'isolated-world cold floor', ratioCold: 'F cold (main world)', ratio: 'F warm (main world)' } as const;

/** Ratio per page (log scale), pages sorted by text size, one line per tier and floor. */
export function svgChart(rows: ChartRow[]): string {
  const tiers = [...new Set(rows.map((r) => r.tier))];
  const sizes = new Map(rows.map((r) => [r.page, r.chars]));
  const names = [...sizes.keys()].filter((n) => (sizes.get(n) ?? 0) > 0).sort((a, b) => sizes.get(a)! - sizes.get(b)!);
  const W = 1200;
  const H = 460;
  const pad = 56;
  const lo = Math.log10(0.5);
  const hi = Math.log10(2000);
  const colors = ['#1b7837', '#b35806', '#542788', '#2166ac'];
  const x = (i: number) => pad + (i / Math.max(1, names.length - 1)) * (W - 2 * pad);
  const y = (v: number) => H - pad - ((Math.log10(Math.min(Math.max(v, 0.5), 2000)) - lo) / (hi - lo)) * (H - 2 * pad);
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>`;
  svg += `<text x="${pad}" y="22" font-size="14">Content-script work ÷ floor (solid: isolated-world cold walk; dotted, dashed: the main-world F cold, warm), per corpus page (x: pages sorted by text size; y: log scale)</text>`;
  for (const g of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
    svg += `<line x1="${pad}" x2="${W - pad}" y1="${y(g)}" y2="${y(g)}" stroke="${g === 1 ? '#999' : '#ddd'}" stroke-dasharray="4 3"/><text x="10" y="${y(g) + 4}">${g}×</text>`;
  let legend = 0;
  tiers.forEach((t, ti) => {
    for (const [floor, dash] of [
      ['ratioIsolated', ''],
      ['ratioCold', '1 3'],
      ['ratio', '5 3'],
    ] as const) {
      const pts = names
        .map((n, i) => {
          const v = rows.find((q) => q.page === n && q.tier === t)?.[floor];
          return v !== undefined ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null;
        })
        .filter(Boolean);
      if (!pts.length) continue;
      const color = colors[ti % colors.length];
      svg += `<polyline fill="none" stroke="${color}" stroke-width="1.4" stroke-dasharray="${dash}" points="${pts.join(' ')}"/>`;
      svg += `<line x1="${W - pad - 330}" x2="${W - pad - 305}" y1="${44 + legend * 16}" y2="${44 + legend * 16}" stroke="${color}" stroke-dasharray="${dash}"/><text x="${W - pad - 298}" y="${48 + legend * 16}" fill="${color}">${t.toLocaleString('en')} aliases, ÷ ${FLOOR_NAMES[floor]}</text>`;
      legend++;
    }
  });
  return svg + '</svg>\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'bench-chart.ts')) {
  const out = path.resolve(import.meta.dirname, '../out/bench');
  const r = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as { perPage: ChartRow[] };
  fs.writeFileSync(path.join(out, 'ratio.svg'), svgChart(chartRows(r.perPage)));
  console.log('wrote out/bench/ratio.svg');
}
