// The Podman service the compatibility tests run against: BERTH_PODMAN_HOST names its
// socket (.ci/run starts one). Tests skip, saying why, when it is not set or not answering.
import { createDockerClient, type DockerClient } from '../engine/connection/docker-client';
import { resolveEndpoint } from '../engine/connection/endpoint';
import { rawVersion } from './raw-version';

export const PODMAN_HOST = process.env.BERTH_PODMAN_HOST ?? '';

/** Why the Podman tests cannot run here, or null when a Podman service answers at BERTH_PODMAN_HOST. */
export async function podmanUnavailable(): Promise<string | null> {
  if (!PODMAN_HOST) return 'BERTH_PODMAN_HOST is not set (bash .ci/run starts a Podman service and sets it)';
  try {
    const names = await rawVersion(PODMAN_HOST);
    return names.some((n) => /podman/i.test(n)) ? null : `${PODMAN_HOST} answers, but is not Podman (${names.join(', ')})`;
  } catch (err) {
    return `no Podman service answers at ${PODMAN_HOST}: ${(err as Error).message}`;
  }
}

export const podmanEnv = (): NodeJS.ProcessEnv => ({ ...process.env, DOCKER_HOST: PODMAN_HOST, DOCKER_CONTEXT: '' });

let client: DockerClient | null = null;
export function podmanClient(): DockerClient {
  client ??= createDockerClient(resolveEndpoint({ env: podmanEnv() }));
  return client;
}

export function closePodmanClient(): void {
  client?.close();
  client = null;
}
