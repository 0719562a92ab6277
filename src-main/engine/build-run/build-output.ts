import type { BuildStep } from '../../../src-common/models/build-run';

/** What one message of the classic builder's JSON-lines output changed. */
export interface BuildProgress {
  lines: string[];
  /** Set when this message started a new step. */
  step: BuildStep | null;
}

export interface BuildOutput {
  push(message: unknown): BuildProgress;
  /** A last partial line, when the stream ended without a newline. */
  flush(): string[];
  readonly step: BuildStep | null;
  readonly imageId: string | null;
  /** errorDetail.message (or error) when the engine reported a failure. */
  readonly error: string | null;
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;

interface BuildMessage {
  stream?: unknown;
  status?: unknown;
  id?: unknown;
  progress?: unknown;
  error?: unknown;
  errorDetail?: { message?: unknown } | null;
  aux?: { ID?: unknown } | null;
}

/**
 * Follows `POST /build` output: text arrives in `stream` pieces that need not end at a
 * newline, "Step n/m : …" lines mark steps, `aux.ID` carries the image id and
 * `errorDetail` the failure.
 */
export function createBuildOutput(): BuildOutput {
  let partial = '';
  let step: BuildStep | null = null;
  let imageId: string | null = null;
  let error: string | null = null;

  const takeLines = (text: string): BuildProgress => {
    partial += text;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    let started: BuildStep | null = null;
    const lines = parts.map((line) => line.replace(/\r$/, ''));
    for (const line of lines) {
      const m = STEP.exec(line);
      if (m) step = started = { index: Number(m[1]), total: Number(m[2]), instruction: m[3]! };
      // Engines without aux messages only say it in words.
      const built = /^Successfully built ([0-9a-f]{12,64})$/.exec(line);
      if (built && imageId === null) imageId = built[1]!;
    }
    return { lines, step: started };
  };

  return {
    push(raw) {
      const message = (raw ?? {}) as BuildMessage;
      if (message.aux && typeof message.aux.ID === 'string') imageId = message.aux.ID;
      if (typeof message.stream === 'string') return takeLines(message.stream);
      if (message.errorDetail || typeof message.error === 'string') {
        const detail = message.errorDetail?.message;
        error = typeof detail === 'string' && detail !== '' ? detail : String(message.error ?? 'The build failed.');
        return { lines: [error], step: null };
      }
      if (typeof message.status === 'string') {
        // A FROM that pulls: one line per layer status, like the CLI without its redraws.
        const id = typeof message.id === 'string' ? `${message.id}: ` : '';
        const progress = typeof message.progress === 'string' ? ` ${message.progress}` : '';
        return { lines: [`${id}${message.status}${progress}`], step: null };
      }
      return { lines: [], step: null };
    },
    flush() {
      const rest = partial;
      partial = '';
      return rest === '' ? [] : [rest.replace(/\r$/, '')];
    },
    get step() {
      return step;
    },
    get imageId() {
      return imageId;
    },
    get error() {
      return error;
    },
  };
}
