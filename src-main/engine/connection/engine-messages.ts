const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** Every user-visible sentence of the engine layer, in one place for translation. */
export const engineMessages = {
  startEngineHint:
    'Start Docker Desktop or run `sudo systemctl start docker`; for Podman: `systemctl --user start podman.socket`.',
  permissionHint:
    'Berth may not use the engine socket. Add your user to the docker group (`sudo usermod -aG docker $USER`) and log in again.',
  endpointSettingHint:
    'Fix DOCKER_HOST or the docker context (`docker context ls`, `docker context use default`) and try again.',
  noAnswer: (ms: number) => `the engine did not answer within ${Math.round(ms / 1000)} s`,
  callTimedOut: (call: string, ms: number) => `The engine did not answer '${call}' within ${seconds(ms)}.`,
  callCancelled: (call: string) => `'${call}' was cancelled before the engine answered.`,
  notJson: (call: string, preview: string) => `The engine answered '${call}' with something that is not JSON: ${preview}`,
  cutShort: (call: string) => `The engine closed the connection in the middle of its answer to '${call}'.`,
  notReachable: (display: string, reason: string) => `The engine at ${display} is not reachable: ${reason}`,
  notReachableYet: 'The engine is not reachable yet.',
  engineFailing: (route: string, said: string) => `The engine is running but failing: ${route} answered ${said}`,
  engineRefuses: (route: string, said: string) => `The engine refuses ${route}: ${said}`,
  failingHint:
    'The engine answers, but with errors. Look at its log (`journalctl -u docker`, or Docker Desktop\'s Troubleshoot) and restart it if it stays like this.',
  refusingHint: (route: string) =>
    `Something between Berth and the engine refuses ${route} — often a socket proxy that allows only some requests. Berth needs /_ping, /version, /events, /containers and /images (for docker-socket-proxy: EVENTS=1, CONTAINERS=1, IMAGES=1).`,
  notAnsweringHint:
    'The engine accepts connections but does not answer: it may be starting, overloaded or stuck. Restarting it usually helps.',
  notAnEngineHint:
    'Whatever answers at this address does not speak the engine\'s API. Check DOCKER_HOST or the docker context (`docker context ls`).',
  dockerEngine: 'Docker Engine',
  podmanEngine: 'Podman Engine',
} as const;
