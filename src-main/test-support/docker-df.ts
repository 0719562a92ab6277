// `docker system df` read back as numbers, for comparing Berth's disk usage with the CLI's.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export type DfCategory = 'images' | 'containers' | 'volumes' | 'buildCache';
export interface DfRow {
  count: number;
  active: number;
  size: number;
  reclaimable: number;
}

const TYPES: Record<string, DfCategory> = { Images: 'images', Containers: 'containers', 'Local Volumes': 'volumes', 'Build Cache': 'buildCache' };

/** go-units' HumanSize read back: decimal units, 4 significant digits ("1.985MB", "0B (0%)"). */
export function parseHumanSize(text: string): number {
  const m = /^([\d.]+)\s*(B|kB|MB|GB|TB|PB)/.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  return Number(m[1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15 }[m[2] as 'B'];
}

/** The CLI's reading; Engine 20.10 measures one at a time, so a busy engine is asked again. */
async function readDf(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await exec('docker', ['system', 'df', '--format', '{{json .}}'])).stdout;
    } catch (err) {
      if (attempt >= 20 || !/already running/.test(String((err as { stderr?: string }).stderr ?? err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function dockerSystemDf(): Promise<Record<DfCategory, DfRow>> {
  const stdout = await readDf();
  const out = {} as Record<DfCategory, DfRow>;
  for (const line of stdout.trim().split('\n')) {
    const r = JSON.parse(line) as { Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string };
    const key = TYPES[r.Type];
    if (key) out[key] = { count: Number(r.TotalCount), active: Number(r.Active), size: parseHumanSize(r.Size), reclaimable: parseHumanSize(r.Reclaimable) };
  }
  return out;
}

/**
 * Where Berth's numbers disagree with two CLI readings taken around them: a count must lie
 * between the two, a size too within the CLI's 4-digit rounding. Others may be creating and
 * removing things on the same engine meanwhile; between two readings is all that can be asked.
 */
export function dfMismatches(ours: Record<DfCategory, DfRow>, before: Record<DfCategory, DfRow>, after: Record<DfCategory, DfRow>): string[] {
  const out: string[] = [];
  for (const category of Object.keys(TYPES).map((k) => TYPES[k]!)) {
    for (const field of ['count', 'active', 'size', 'reclaimable'] as const) {
      const rounding = field === 'count' || field === 'active' ? 0 : 0.0006;
      const [a, b] = [before[category][field], after[category][field]];
      const lo = Math.min(a, b) * (1 - rounding) - (rounding ? 1 : 0);
      const hi = Math.max(a, b) * (1 + rounding) + (rounding ? 1 : 0);
      const value = ours[category][field];
      if (value < lo || value > hi) out.push(`${category} ${field}: Berth ${value}, docker system df ${a} then ${b}`);
    }
  }
  return out;
}
