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
}

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
  svg += `<text x="${pad}" y="22" font-size="14">Content-script work ÷ text-walk floor F, per corpus page (x: pages sorted by text size; y: log scale)</text>`;
  for (const g of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
    svg += `<line x1="${pad}" x2="${W - pad}" y1="${y(g)}" y2="${y(g)}" stroke="${g === 1 ? '#999' : '#ddd'}" stroke-dasharray="4 3"/><text x="10" y="${y(g) + 4}">${g}×</text>`;
  let legend = 0;
  tiers.forEach((t, ti) => {
    for (const [floor, dash] of [
      ['ratioCold', ''],
      ['ratio', '5 3'],
    ] as const) {
      const pts = names
        .map((n, i) => {
          const r = rows.find((q) => q.page === n && q.tier === t);
          return r ? `${x(i).toFixed(1)},${y(r[floor]).toFixed(1)}` : null;
        })
        .filter(Boolean);
      const color = colors[ti % colors.length];
      svg += `<polyline fill="none" stroke="${color}" stroke-width="1.4" stroke-dasharray="${dash}" points="${pts.join(' ')}"/>`;
      svg += `<line x1="${W - pad - 250}" x2="${W - pad - 225}" y1="${44 + legend * 16}" y2="${44 + legend * 16}" stroke="${color}" stroke-dasharray="${dash}"/><text x="${W - pad - 218}" y="${48 + legend * 16}" fill="${color}">${t.toLocaleString('en')} aliases, ÷ F ${floor === 'ratio' ? 'warm' : 'cold'}</text>`;
      legend++;
    }
  });
  return svg + '</svg>\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'bench-chart.ts')) {
  const out = path.resolve(import.meta.dirname, '../out/bench');
  const r = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as { perPage: ChartRow[] };
  fs.writeFileSync(path.join(out, 'ratio.svg'), svgChart(r.perPage));
  console.log('wrote out/bench/ratio.svg');
}
