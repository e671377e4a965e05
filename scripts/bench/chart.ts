import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The chart of acceptance 2: p95 against data size, one line per query, drawn from every
 * bench-results/*.json found (the median p95 of the runs at each size, since the machine is
 * noisy). Hand-written SVG, no dependency: logarithmic axes, so 10k / 100k / 500k and 5 ms … 20 s
 * fit one picture, and a line that stays flat is a query that scales.
 *
 * `npx tsx scripts/bench/chart.ts [--out docs/performance-chart.svg]` redraws it by hand.
 */
export type ChartSeries = { name: string; points: { profiles: number; p95: number; runs: number }[] };

type ResultFile = {
  profiles?: number;
  sql?: { queries?: { name: string; ours?: { p95?: number } }[] };
  http?: { p95?: number };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Reads every result file of the folder into series: query → size → median p95. */
export async function readSeries(dir = 'bench-results'): Promise<ChartSeries[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /-\d+\.json$/.test(f)).sort();
  const byQuery = new Map<string, Map<number, number[]>>();
  const add = (name: string, profiles: number, p95: number | undefined) => {
    if (typeof p95 !== 'number' || !Number.isFinite(p95) || p95 <= 0) return;
    const sizes = byQuery.get(name) ?? new Map<number, number[]>();
    sizes.set(profiles, [...(sizes.get(profiles) ?? []), p95]);
    byQuery.set(name, sizes);
  };
  for (const file of files) {
    let data: ResultFile;
    try {
      data = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as ResultFile;
    } catch {
      continue;
    }
    if (typeof data.profiles !== 'number') continue;
    for (const q of data.sql?.queries ?? []) add(q.name, data.profiles, q.ours?.p95);
    add('SSR page over HTTP, 16 connections', data.profiles, data.http?.p95);
  }
  return [...byQuery].map(([name, sizes]) => ({
    name,
    points: [...sizes].sort(([a], [b]) => a - b).map(([profiles, values]) => ({ profiles, p95: Math.round(median(values) * 10) / 10, runs: values.length })),
  }));
}

const COLORS = ['#1f6f8b', '#c0392b', '#27ae60', '#8e44ad', '#d35400', '#2c3e50', '#16a085', '#b7950b', '#7f8c8d', '#e84393', '#0652dd', '#6d214f'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sizeLabel = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));

/** The SVG document (log x: profiles, log y: p95 in ms), with a legend and a title per point. */
export function drawChart(series: ChartSeries[], title = 'Organizer search: p95 by data size'): string {
  const width = 980;
  const plot = { left: 70, top: 50, width: 480, height: 380 };
  const points = series.flatMap((s) => s.points);
  const sizes = [...new Set(points.map((p) => p.profiles))].sort((a, b) => a - b);
  const lines: string[] = [];
  const height = Math.max(plot.top + plot.height + 60, 70 + series.length * 22);
  lines.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title">`);
  lines.push(`<title id="chart-title">${escape(title)}</title>`);
  lines.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  lines.push(`<text x="${plot.left}" y="28" font-family="sans-serif" font-size="16" font-weight="bold">${escape(title)}</text>`);
  if (points.length === 0) {
    lines.push(`<text x="${plot.left}" y="${plot.top + 40}" font-family="sans-serif" font-size="14">No results in bench-results/ yet: run npm run bench.</text>`);
    return lines.concat('</svg>').join('\n') + '\n';
  }
  const xMin = Math.log10(Math.min(...sizes) / 1.5);
  const xMax = Math.log10(Math.max(...sizes) * 1.5);
  const yMin = Math.floor(Math.log10(Math.min(...points.map((p) => p.p95))));
  const yMax = Math.ceil(Math.log10(Math.max(...points.map((p) => p.p95))) + 1e-9);
  const x = (profiles: number) => plot.left + ((Math.log10(profiles) - xMin) / (xMax - xMin || 1)) * plot.width;
  const y = (ms: number) => plot.top + plot.height - ((Math.log10(ms) - yMin) / (yMax - yMin || 1)) * plot.height;
  const f = (n: number) => n.toFixed(1);

  // Axes and grid: a line per power of ten (ms), a tick per measured size.
  lines.push(`<g font-family="sans-serif" font-size="12" fill="#333">`);
  for (let power = yMin; power <= yMax; power++) {
    const ms = 10 ** power;
    lines.push(`<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${f(y(ms))}" y2="${f(y(ms))}" stroke="#ddd"/>`);
    lines.push(`<text x="${plot.left - 8}" y="${f(y(ms) + 4)}" text-anchor="end">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`);
  }
  for (const size of sizes) {
    lines.push(`<line x1="${f(x(size))}" x2="${f(x(size))}" y1="${plot.top}" y2="${plot.top + plot.height}" stroke="#eee"/>`);
    lines.push(`<text x="${f(x(size))}" y="${plot.top + plot.height + 18}" text-anchor="middle">${sizeLabel(size)}</text>`);
  }
  lines.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#666"/>`);
  lines.push(`<text x="${plot.left + plot.width / 2}" y="${plot.top + plot.height + 40}" text-anchor="middle">profiles (log scale)</text>`);
  lines.push(`<text transform="translate(18 ${plot.top + plot.height / 2}) rotate(-90)" text-anchor="middle">p95 (log scale)</text>`);
  lines.push(`</g>`);

  series.forEach((s, index) => {
    const color = COLORS[index % COLORS.length]!;
    const dash = index >= COLORS.length ? ' stroke-dasharray="5 3"' : '';
    const coords = s.points.map((p) => `${f(x(p.profiles))},${f(y(p.p95))}`).join(' ');
    lines.push(`<g stroke="${color}" fill="${color}">`);
    if (s.points.length > 1) lines.push(`<polyline points="${coords}" fill="none" stroke-width="2"${dash}/>`);
    for (const p of s.points) {
      lines.push(`<circle cx="${f(x(p.profiles))}" cy="${f(y(p.p95))}" r="3.5"><title>${escape(`${s.name}: ${sizeLabel(p.profiles)} profiles, p95 ${p.p95} ms (median of ${p.runs} runs)`)}</title></circle>`);
    }
    const ly = plot.top + 6 + index * 22;
    const lx = plot.left + plot.width + 24;
    lines.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke-width="3"${dash}/>`);
    lines.push(`<text x="${lx + 30}" y="${ly + 4}" stroke="none" fill="#222" font-family="sans-serif" font-size="12">${escape(s.name)}</text>`);
    lines.push(`</g>`);
  });
  lines.push('</svg>');
  return lines.join('\n') + '\n';
}

/** Reads bench-results/ and writes the chart; returns the file written and the series drawn. */
export async function writeChart(options: { dir?: string; out?: string } = {}) {
  const dir = options.dir ?? 'bench-results';
  const out = options.out ?? path.join(dir, 'p95-by-size.svg');
  const series = await readSeries(dir);
  await writeFile(out, drawChart(series));
  return { file: out, series };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out');
  writeChart({ out: at > 0 ? process.argv[at + 1] : undefined })
    .then(({ file, series }) => console.log(`Wrote ${file} (${series.length} series).`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
