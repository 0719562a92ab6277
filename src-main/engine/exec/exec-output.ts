import type { HijackedSocket } from './exec-types';
import { createFrameDemuxer, createRawReader, type FrameDemuxer } from '../logs/log-frames';

/**
 * Reads a hijacked terminal socket: raw bytes for a TTY, Docker's 8-byte frames otherwise
 * (attach to a container without a TTY). Small reads are joined per event-loop turn up to
 * 64 KB, so `yes` makes a few large messages instead of thousands of tiny ones, while a
 * single keystroke's echo still goes out in the same turn.
 */
export function readTerminalOutput(
  socket: HijackedSocket,
  tty: boolean,
  onBatch: (bytes: Uint8Array) => void,
): { flush(): void } {
  const MAX_BATCH = 64 * 1024;
  let parts: Uint8Array[] = [];
  let size = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (size === 0) return;
    const batch = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    onBatch(batch);
  };

  const collect = (_stream: unknown, bytes: Uint8Array) => {
    // Payloads may be views into the socket's chunk: copy only when joining.
    parts.push(bytes);
    size += bytes.byteLength;
    if (size >= MAX_BATCH) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  const reader: FrameDemuxer = tty ? createRawReader(collect) : createFrameDemuxer(collect);
  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('end', () => {
    reader.end();
    flush();
  });
  return { flush };
}
