import { spawn } from 'node:child_process';
import path from 'node:path';

export interface GetProbe {
  /** Stops probing; the latencies of the GETs that overlapped [from, until] (epoch ms). */
  stop(from: number, until: number): Promise<number[]>;
}

/**
 * GETs `url` one after another from a process of its own, as another client would:
 * its latencies are the server's alone, without the stalls of the process that also
 * reads the bench's large answers (see concurrency.bench.ts).
 */
export async function startGetProbe(url: string): Promise<GetProbe> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'get-probe-child.mjs'), url], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', function probing() {
      if (!out.includes('\n')) return;
      child.stdout.off('data', probing);
      resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the GET probe exited with ${code}`)));
  });
  return {
    stop: async (from, until) => {
      child.stdin.end('stop');
      await exited;
      const samples = JSON.parse(out.slice(out.indexOf('\n') + 1)) as [number, number][];
      return samples.filter(([startedAt, ms]) => startedAt + ms >= from && startedAt <= until).map(([, ms]) => ms);
    },
  };
}
