import { ApiError } from '../../../src-common/contract/errors';
import { parseImageRef } from '../../../src-common/image-ref';
import type { TransferSnapshot } from '../../../src-common/models/registries';
import type { RegistryAuthConfig } from './credentials-service';
import type { DockerClient } from '../connection/docker-client';
import { createJsonLinesParser } from '../connection/json-lines';
import { TransferProgress, type ProgressLine } from './pull-progress';
import { classifyRegistryFailure, reasonOf } from './registry-errors';

export type TransferKind = 'pull' | 'push';

export interface TransferDeps {
  requireClient: () => DockerClient;
  /** X-Registry-Auth for a registry; `{}` when anonymous (the engine needs the header on push). */
  authFor: (registry: string) => Promise<RegistryAuthConfig>;
  /** Why a stored login for the registry was not attached (an unencrypted engine), added to a failure. */
  credentialsWithheld?: (registry: string) => Promise<string | null>;
  /** Minimum time between two snapshots; the last one is always sent at once. */
  intervalMs?: number;
}

/**
 * Runs one pull or push and reports snapshots of its progress, at most one per
 * interval, ending with one whose `finished` is true. The returned function cancels:
 * the request is aborted, which makes the engine stop the transfer, and nothing more is
 * reported.
 */
export function startTransfer(kind: TransferKind, input: string, deps: TransferDeps, report: (s: TransferSnapshot) => void): () => void {
  const abort = new AbortController();
  const ref = parseImageRef(input);
  const shown = ref.familiar;
  const progress = new TransferProgress(shown);
  const interval = deps.intervalMs ?? 100;
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let done = false;

  const send = () => {
    timer = null;
    if (done) return;
    lastSent = Date.now();
    report(progress.snapshot());
  };
  const changed = () => {
    if (timer || done) return;
    const wait = interval - (Date.now() - lastSent);
    if (wait <= 0) send();
    else timer = setTimeout(send, wait);
  };
  let withheld: string | null = null;
  const finish = (failureReason: string | null) => {
    if (done) return;
    if (timer) clearTimeout(timer);
    done = true;
    const failure = failureReason === null ? null : classifyRegistryFailure(failureReason, ref.domain, shown, kind);
    report(progress.snapshot(true, failure && withheld ? { ...failure, message: `${failure.message} ${withheld}` } : failure));
  };

  void (async () => {
    const auth = await deps.authFor(ref.domain);
    withheld = (await deps.credentialsWithheld?.(ref.domain)) ?? null;
    if (abort.signal.aborted) return;
    const client = deps.requireClient();
    const common = {
      method: 'POST' as const,
      registryAuth: auth,
      response: 'stream' as const,
      signal: abort.signal,
      action: kind,
      object: `image ${shown}`,
    };
    let stream: NodeJS.ReadableStream;
    if (kind === 'pull') {
      stream = await client.request({ ...common, path: '/images/create', query: { fromImage: ref.name, tag: ref.digest ?? ref.tag ?? 'latest' } });
    } else {
      if (ref.digest) throw new ApiError('invalid-request', `Push needs a tag, not a digest: ${shown}`, `image ${shown}`);
      stream = await client.request({ ...common, path: `/images/${ref.name}/push`, query: { tag: ref.tag ?? 'latest' } });
    }
    const parser = createJsonLinesParser((value) => {
      if (progress.apply(value as ProgressLine)) changed();
    });
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => parser.push(chunk));
      stream.on('end', () => {
        parser.end();
        resolve();
      });
      stream.on('error', reject);
      // A close without an end is a connection lost halfway, not a success.
      stream.on('close', () => reject(new Error('the connection to the engine closed before the end')));
    });
    if (abort.signal.aborted) return;
    // Nothing moved, so the engine named no layers: the local image says how many it has.
    if (kind === 'pull' && progress.upToDate && progress.error === null) progress.presentLayers = await localLayerCount(client, ref.dockerRef);
    if (abort.signal.aborted) return;
    finish(progress.error);
  })().catch((err: unknown) => {
    if (abort.signal.aborted) return;
    if (err instanceof ApiError && (err.code === 'engine-unreachable' || err.code === 'invalid-request')) {
      finish(err.message);
      return;
    }
    finish(reasonOf(err));
  });

  return () => {
    if (done) return;
    done = true;
    if (timer) clearTimeout(timer);
    abort.abort();
  };
}

/** RootFS layers of a local image, or null when it cannot be read (the answer is only a nicety). */
async function localLayerCount(client: DockerClient, ref: string): Promise<number | null> {
  try {
    const image = await client.request<{ RootFS?: { Layers?: unknown[] } }>({
      method: 'GET',
      path: `/images/${encodeURIComponent(ref)}/json`,
      action: 'inspect',
      object: `image ${ref}`,
    });
    return Array.isArray(image.RootFS?.Layers) ? image.RootFS.Layers.length : null;
  } catch {
    return null;
  }
}
