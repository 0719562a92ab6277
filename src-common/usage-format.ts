// Number formats of resource usage, shared by the renderer and the tray tooltip (main).
// No words here: the sentences around them live in each side's strings.ts.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Binary units, as `docker stats` shows memory: "512 B", "1.5 KiB", "64 MiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 10 ? 0 : 1)} ${BYTE_UNITS[unit]}`;
}

/** "0.4 %", "12 %", "197 %": one decimal below 10, where it still tells something. */
export function formatPercent(percent: number): string {
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent).toString()} %`;
}

/** A rate in bytes per second: "0 B/s", "1.2 MiB/s". */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}
