import type { LayerProgress, LayerState, TransferSnapshot } from '../../../src-common/models/registries';

/** One JSON line of /images/create or /images/{name}/push. */
export interface ProgressLine {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Tag?: string; Digest?: string; Size?: number };
}

// Share of a pulled layer's bar spent downloading; extracting fills the rest.
const DOWNLOAD_SHARE = 0.7;

interface Row {
  id: string;
  state: LayerState;
  current: number | null;
  total: number | null;
  fraction: number;
}

const LAYER_ID = /^[0-9a-f]{12,64}$/;

/** Status words of the engine (pull and push) → the row's state. */
function stateOf(status: string): LayerState | null {
  if (status === 'Pulling fs layer' || status === 'Waiting' || status.startsWith('Retrying')) return 'waiting';
  if (status === 'Preparing') return 'preparing';
  if (status === 'Downloading') return 'downloading';
  if (status === 'Verifying Checksum' || status === 'Download complete') return 'verifying';
  if (status === 'Extracting') return 'extracting';
  if (status === 'Pushing') return 'pushing';
  if (status === 'Pull complete' || status === 'Pushed') return 'done';
  if (status === 'Already exists' || status === 'Layer already exists' || status.startsWith('Mounted from')) return 'exists';
  return null;
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

function fractionOf(state: LayerState, current: number | null, total: number | null): number {
  const part = current !== null && total ? clamp01(current / total) : 0;
  switch (state) {
    case 'waiting':
    case 'preparing':
      return 0;
    case 'downloading':
      return part * DOWNLOAD_SHARE;
    case 'verifying':
      return DOWNLOAD_SHARE;
    case 'extracting':
      return DOWNLOAD_SHARE + part * (1 - DOWNLOAD_SHARE);
    case 'pushing':
      return part;
    case 'done':
    case 'exists':
      return 1;
  }
}

/**
 * Folds the engine's progress lines into per-layer rows and an overall fraction. Pure:
 * the transfer service feeds it and decides when to send a snapshot.
 */
export class TransferProgress {
  private readonly rows = new Map<string, Row>();
  private status: string | null = null;
  private digest: string | null = null;
  /** The engine's own error text, when a line carried one. */
  error: string | null = null;
  /** The engine said the image is already up to date: nothing was transferred. */
  upToDate = false;
  /** Layers of the local image, for an up-to-date pull (set by the transfer once it knows). */
  presentLayers: number | null = null;

  constructor(readonly ref: string) {}

  /** Returns whether the line changed anything worth sending. */
  apply(line: ProgressLine): boolean {
    if (typeof line.error === 'string' || line.errorDetail?.message) {
      this.error = line.errorDetail?.message ?? line.error ?? 'unknown error';
      return true;
    }
    if (line.aux?.Digest) {
      this.digest = line.aux.Digest;
      return true;
    }
    const status = typeof line.status === 'string' ? line.status : null;
    if (status === null) return false;
    const state = stateOf(status);
    if (state !== null && typeof line.id === 'string' && LAYER_ID.test(line.id)) {
      const previous = this.rows.get(line.id);
      // Done is final: a late "Waiting" after "Already exists" must not move the bar back.
      if (previous && (previous.state === 'done' || previous.state === 'exists') && state !== 'done' && state !== 'exists') {
        return false;
      }
      const detail = line.progressDetail ?? {};
      const hasBytes = state === 'downloading' || state === 'extracting' || state === 'pushing';
      const total = hasBytes && typeof detail.total === 'number' && detail.total > 0 ? detail.total : null;
      const current = hasBytes && typeof detail.current === 'number' ? (total !== null ? Math.min(detail.current, total) : detail.current) : null;
      this.rows.set(line.id, { id: line.id, state, current, total, fraction: fractionOf(state, current, total) });
      return true;
    }
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(status) ?? /^Digest: (sha256:[0-9a-f]{64})/.exec(status);
    if (digest) this.digest = digest[1]!;
    if (/^Status: Image is up to date for /.test(status)) this.upToDate = true;
    this.status = status;
    return true;
  }

  snapshot(finished = false, failure: TransferSnapshot['failure'] = null): TransferSnapshot {
    const layers: LayerProgress[] = [...this.rows.values()].map((r) => ({ ...r }));
    const fraction = layers.length
      ? layers.reduce((sum, l) => sum + l.fraction, 0) / layers.length
      : finished && !failure
        ? 1
        : 0;
    return {
      ref: this.ref,
      layers,
      fraction: clamp01(fraction),
      status: this.status,
      digest: this.digest,
      finished,
      failure,
      upToDate: this.upToDate && failure === null,
      presentLayers: this.presentLayers,
    };
  }
}
