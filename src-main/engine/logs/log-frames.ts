/** The stream a payload belongs to, as the engine's multiplexing header names it. */
export type LogStream = 'stdin' | 'stdout' | 'stderr';

export type PayloadHandler = (stream: LogStream, bytes: Uint8Array) => void;

export interface FrameDemuxer {
  /** Feed the next chunk; payloads are handed out before this returns. */
  push(chunk: Uint8Array): void;
  /**
   * The stream ended. A frame cut short is still delivered as far as it came;
   * `trailingBytes` counts the bytes (header included) of that unfinished frame.
   */
  end(): { trailingBytes: number };
  /** 'raw' once the input is read as plain stdout bytes (asked for, or after a malformed header). */
  mode(): 'framed' | 'raw';
}

export interface FrameDemuxerOptions {
  /** The container has a TTY: its log is plain bytes without frames. */
  raw?: boolean;
  /**
   * A frame split across chunks is joined into one payload up to this size; a bigger
   * one is handed out piece by piece as it arrives. The length comes from the wire, so
   * without a cap a garbled header could make us allocate gigabytes. Default 1 MiB.
   */
  maxJoinBytes?: number;
}

const HEADER_BYTES = 8;
const STREAM_BY_TYPE: readonly LogStream[] = ['stdin', 'stdout', 'stderr'];

/**
 * Reads Docker's multiplexed stream format (`/containers/{id}/logs` and attach for
 * containers without a TTY): frames of an 8-byte header [type 0|1|2, 0, 0, 0, uint32 BE
 * length] and a payload. Each chunk is walked with an offset and a frame lying inside one
 * chunk is handed out as a view of it, so the common case copies nothing; only the bytes
 * of a header or frame split across chunks are copied. Payload views are valid only
 * during the callback if the caller reuses its chunk buffers.
 *
 * Bytes that cannot be a header (type above 2, non-zero padding) mean the input is not
 * framed after all, typically a TTY container's raw log: from there on everything,
 * including the bad header bytes, is delivered as stdout and `mode()` says 'raw'.
 */
export function createFrameDemuxer(onPayload: PayloadHandler, options: FrameDemuxerOptions = {}): FrameDemuxer {
  const maxJoinBytes = options.maxJoinBytes ?? 1024 * 1024;
  let raw = options.raw ?? false;

  // A header split across chunks collects here.
  const header = new Uint8Array(HEADER_BYTES);
  let headerFilled = 0;

  // The frame whose payload is still arriving.
  let stream: LogStream = 'stdout';
  let frameLength = 0;
  let bodyLeft = 0;
  let joined: Uint8Array | null = null;

  const goRaw = (chunk: Uint8Array, from: number) => {
    raw = true;
    if (headerFilled > 0) onPayload('stdout', header.slice(0, headerFilled));
    headerFilled = 0;
    if (from < chunk.length) onPayload('stdout', chunk.subarray(from));
  };

  const startFrame = (type: number, length: number) => {
    stream = STREAM_BY_TYPE[type] ?? 'stdout';
    frameLength = length;
    bodyLeft = length;
    joined = length <= maxJoinBytes ? new Uint8Array(length) : null;
  };

  /** Takes what the chunk holds of the current payload; returns the new offset. */
  const continueBody = (chunk: Uint8Array, off: number): number => {
    const take = Math.min(bodyLeft, chunk.length - off);
    const piece = chunk.subarray(off, off + take);
    bodyLeft -= take;
    if (joined) {
      joined.set(piece, frameLength - bodyLeft - take);
      if (bodyLeft === 0) {
        const whole = joined;
        joined = null;
        onPayload(stream, whole);
      }
    } else {
      onPayload(stream, piece);
    }
    return off + take;
  };

  return {
    push(chunk) {
      if (raw) {
        if (chunk.length > 0) onPayload('stdout', chunk);
        return;
      }
      const n = chunk.length;
      let off = 0;
      while (off < n) {
        if (bodyLeft > 0) {
          off = continueBody(chunk, off);
          continue;
        }
        if (headerFilled === 0 && n - off >= HEADER_BYTES) {
          // The whole header is in this chunk: read it in place.
          const type = chunk[off]!;
          if (type > 2 || (chunk[off + 1]! | chunk[off + 2]! | chunk[off + 3]!) !== 0) {
            goRaw(chunk, off);
            return;
          }
          const length =
            ((chunk[off + 4]! << 24) | (chunk[off + 5]! << 16) | (chunk[off + 6]! << 8) | chunk[off + 7]!) >>> 0;
          off += HEADER_BYTES;
          if (length === 0) continue;
          if (n - off >= length) {
            onPayload(STREAM_BY_TYPE[type]!, chunk.subarray(off, off + length));
            off += length;
          } else {
            startFrame(type, length);
          }
          continue;
        }
        // A header split across chunks: collect it byte by byte, checking as we go so a
        // raw stream is recognised at its first byte.
        const b = chunk[off]!;
        if (headerFilled === 0 ? b > 2 : headerFilled < 4 && b !== 0) {
          goRaw(chunk, off);
          return;
        }
        header[headerFilled++] = b;
        off++;
        if (headerFilled === HEADER_BYTES) {
          headerFilled = 0;
          const length = ((header[4]! << 24) | (header[5]! << 16) | (header[6]! << 8) | header[7]!) >>> 0;
          if (length > 0) startFrame(header[0]!, length);
        }
      }
    },

    end() {
      let trailingBytes = headerFilled;
      if (bodyLeft > 0) {
        const received = frameLength - bodyLeft;
        trailingBytes = HEADER_BYTES + received;
        if (joined && received > 0) onPayload(stream, joined.subarray(0, received));
      }
      headerFilled = 0;
      bodyLeft = 0;
      joined = null;
      return { trailingBytes };
    },

    mode: () => (raw ? 'raw' : 'framed'),
  };
}

/** For TTY containers: the log is plain bytes, all of it stdout. */
export function createRawReader(onPayload: PayloadHandler): FrameDemuxer {
  return createFrameDemuxer(onPayload, { raw: true });
}
