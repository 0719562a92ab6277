import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuPercentBetween, ownMemoryLimit, readPreviousCpu, readStats, toSample } from './stats-math';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;

type Cpu = { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage: number; online_cpus?: number };

/** The docker CLI's calculateCPUPercentUnix, written out independently of the code under test. */
function cliCpuPercent(prev: Cpu, cur: Cpu): number {
  const cpuDelta = cur.cpu_usage.total_usage - prev.cpu_usage.total_usage;
  const systemDelta = cur.system_cpu_usage - prev.system_cpu_usage;
  const online = cur.online_cpus || cur.cpu_usage.percpu_usage?.length || 0;
  return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
}

const HOST = { cpus: 2, memoryBytes: 25_275_000_000 };
const NOW = 1_800_000_000_000;

describe('Docker Engine 20.10, cgroup v1 (recorded here)', () => {
  const raw = fixture('docker-v1-stream.json');
  const memory = raw.memory_stats as { usage: number; limit: number; stats: Record<string, number> };

  it('CPU % against the engine-provided precpu_stats is the CLI figure', () => {
    const prev = readPreviousCpu(raw);
    const cur = readStats(raw, NOW);
    expect(prev).not.toBeNull();
    const expected = cliCpuPercent(raw.precpu_stats as Cpu, raw.cpu_stats as Cpu);
    expect(expected).toBeGreaterThan(1); // the recorded container was busy
    expect(cpuPercentBetween(prev!, cur!)).toBeCloseTo(expected, 9);
  });

  it('memory is usage minus total_inactive_file, with the container own limit', () => {
    const sample = toSample(null, readStats(raw, NOW)!, NOW, HOST);
    expect(memory.stats.total_inactive_file).toBeGreaterThan(0); // the page cache of a 20 MiB file
    expect(sample.memoryBytes).toBe(memory.usage - (memory.stats.total_inactive_file ?? NaN));
    expect(sample.memoryLimitBytes).toBe(256 * 1024 * 1024);
    expect(sample.pids).toBe(4);
    expect(sample.cpuPercent).toBeNull(); // nothing to compare with: never a made-up zero
  });

  it('one-shot answers: CPU % from two readings, rates from the counters', () => {
    const a = fixture('docker-v1-oneshot-1.json');
    const b = fixture('docker-v1-oneshot-2.json');
    expect(readPreviousCpu(a)).toBeNull(); // one-shot: no precpu_stats
    const first = readStats(a, NOW)!;
    const second = readStats(b, NOW + 2000)!;
    const sample = toSample(first, second, NOW + 2000, HOST);
    expect(sample.cpuPercent).toBeCloseTo(cliCpuPercent(a.cpu_stats as Cpu, b.cpu_stats as Cpu), 9);
    expect(sample.cpuPercent).toBeGreaterThan(1);
    expect(sample.netRxRate).toBe(0);
    expect(sample.blockReadRate).toBe(0); // an empty io_service_bytes_recursive is zero bytes
    expect(second.at - first.at).toBeGreaterThan(1500); // the engine's read times, not ours
  });
});

describe('cgroup v2 (after the Engine API docs: no v2 engine here)', () => {
  const raw = fixture('docker-v2-docs.json');
  const host = { cpus: 4, memoryBytes: 8 * 1024 ** 3 };
  const sample = toSample(readPreviousCpu(raw), readStats(raw, NOW)!, NOW, host);

  it('memory is usage minus inactive_file', () => {
    expect(sample.memoryBytes).toBe(104_857_600 - 25_165_824);
    expect(sample.memoryLimitBytes).toBe(536_870_912);
  });

  it('CPU % with online_cpus and no percpu_usage', () => {
    expect(sample.cpuPercent).toBeCloseTo((0.5e9 / 4e9) * 4 * 100, 9);
  });

  it('block I/O from lower-case ops, network summed over interfaces', () => {
    const reading = readStats(raw, NOW)!;
    expect(reading.blockRead).toBe(7_340_032);
    expect(reading.blockWrite).toBe(1_048_576);
    expect(reading.netRx).toBe(5338 + 4641);
    expect(reading.netTx).toBe(648 + 690);
  });

  it('without online_cpus or percpu_usage (Podman on v2) the host CPU count stands in', () => {
    const stripped = structuredClone(raw) as { cpu_stats: Cpu; precpu_stats: Cpu };
    delete stripped.cpu_stats.online_cpus;
    delete stripped.precpu_stats.online_cpus;
    expect(cpuPercentBetween(readPreviousCpu(stripped)!, readStats(stripped, NOW)!, 4)).toBeCloseTo(50, 9);
  });
});

describe("Podman 4.3's compatible API (recorded here)", () => {
  it('has no precpu_stats even without one-shot, so two readings are needed', () => {
    expect(readPreviousCpu(fixture('podman-v1-stream0.json'))).toBeNull();
  });

  it('CPU % from two one-shot readings, memory without a stats map', () => {
    const a = fixture('podman-v1-oneshot-1.json');
    const b = fixture('podman-v1-oneshot-2.json');
    const sample = toSample(readStats(a, NOW), readStats(b, NOW + 2000)!, NOW + 2000, HOST);
    expect(sample.cpuPercent).toBeCloseTo(cliCpuPercent(a.cpu_stats as Cpu, b.cpu_stats as Cpu), 9);
    expect(sample.cpuPercent).toBeGreaterThan(50); // a busy loop on a shared machine
    expect(sample.memoryBytes).toBe((b.memory_stats as { usage: number }).usage);
    expect(sample.memoryLimitBytes).toBe(256 * 1024 * 1024);
    expect(sample.netRxRate).toBe(0);
  });
});

describe('Windows engines (their documented shape)', () => {
  const raw = fixture('windows-docs-shape.json');
  const sample = toSample(readPreviousCpu(raw), readStats(raw, NOW)!, NOW, { cpus: 4, memoryBytes: null });

  it('CPU % over elapsed 100 ns intervals × processors', () => {
    // 15,625,000 units used over 2 s × 4 processors = 8e7 units
    expect(sample.cpuPercent).toBeCloseTo((15_625_000 / 8e7) * 100, 9);
  });

  it('memory is the private working set, block I/O from storage_stats', () => {
    expect(sample.memoryBytes).toBe(58_068_992);
    expect(sample.memoryLimitBytes).toBeNull();
    expect(readStats(raw, NOW)!.blockRead).toBe(4_096_000);
    expect(sample.pids).toBeNull();
  });
});

describe('answers that are not what they should be', () => {
  it.each([null, 'text', 42, [], undefined])('%j is no reading', (raw) => {
    expect(readStats(raw, NOW)).toBeNull();
  });

  it('an empty or mistyped object gives unknowns, not zeros or a crash', () => {
    const odd = { cpu_stats: { cpu_usage: { total_usage: 'x' } }, memory_stats: { usage: -5 }, networks: { eth0: null }, blkio_stats: {} };
    const sample = toSample(readStats({}, NOW), readStats(odd, NOW + 2000)!, NOW + 2000, HOST);
    expect(sample).toEqual({
      t: NOW + 2000,
      cpuPercent: null,
      memoryBytes: null,
      memoryLimitBytes: null,
      netRxRate: null,
      netTxRate: null,
      blockReadRate: null,
      blockWriteRate: null,
      pids: null,
    });
  });

  it('counters that went backwards (a restart) give no CPU % or rate', () => {
    const a = readStats(fixture('docker-v1-oneshot-2.json'), NOW)!;
    const b = readStats(fixture('docker-v1-oneshot-1.json'), NOW + 2000)!; // older counters later
    const sample = toSample(a, { ...b, at: a.at + 2000 }, NOW + 2000, HOST);
    expect(sample.cpuPercent).toBeNull();
  });

  it('the host memory, or a huge number, is no limit of its own', () => {
    expect(ownMemoryLimit(HOST.memoryBytes, HOST.memoryBytes)).toBeNull();
    expect(ownMemoryLimit(2 ** 63, null)).toBeNull();
    expect(ownMemoryLimit(0, null)).toBeNull();
    expect(ownMemoryLimit(64 * 1024 * 1024, HOST.memoryBytes)).toBe(64 * 1024 * 1024);
  });
});
