import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { QueryResult } from './run';

/** The printed table and the JSON file in bench-results/ (git-ignored). */
export function printTable(profiles: number, results: QueryResult[]) {
  const rows = results.map((r) => ({
    query: r.name,
    'ours p50': r.ours.p50,
    'ours p95': r.ours.p95,
    'ours p99': r.ours.p99,
    'ours /s': r.ours.perSecond,
    'ours total': String(r.ours.total),
    'base p50': r.baseline?.p50 ?? '—',
    'base p95': r.baseline?.p95 ?? '—',
    'base total': r.baseline?.total ?? '—',
    'ours ÷ base': r.oursOverBaseline ?? '—',
  }));
  console.log(`\nOrganizer search at ${profiles.toLocaleString('en')} profiles (milliseconds per call)`);
  console.table(rows);
}

export async function writeResults(profiles: number, body: Record<string, unknown>) {
  const dir = 'bench-results';
  await mkdir(dir, { recursive: true });
  const at = new Date().toISOString();
  const file = path.join(dir, `${at.replace(/[:.]/g, '-')}-${profiles}.json`);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg(),
    node: process.version,
  };
  await writeFile(file, JSON.stringify({ at, profiles, machine, ...body }, null, 2) + '\n');
  return file;
}
