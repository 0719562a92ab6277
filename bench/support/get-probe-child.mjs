// GET <url> one request after another until anything arrives on stdin, then print
// [[startedAtEpochMs, latencyMs], …] as JSON and exit. A line "probing" comes first, once
// the first GET is answered. Spawned by get-probe.ts.
import { get } from 'node:http';

const url = process.argv[2];
let stop = false;
process.stdin.once('data', () => (stop = true));

const once = () =>
  new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const t0 = performance.now();
    get(url, (res) => {
      res.resume();
      res.on('end', () => resolve([startedAt, performance.now() - t0]));
    }).on('error', reject);
  });

const samples = [await once()];
process.stdout.write('probing\n');
while (!stop) samples.push(await once());
process.stdout.write(JSON.stringify(samples), () => process.exit(0));
