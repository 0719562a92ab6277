/** Every user-visible sentence of the engine layer, in one place for translation. */
export const engineMessages = {
  startEngineHint:
    'Start Docker Desktop or run `sudo systemctl start docker`; for Podman: `systemctl --user start podman.socket`.',
  permissionHint:
    'Berth may not use the engine socket. Add your user to the docker group (`sudo usermod -aG docker $USER`) and log in again.',
  endpointSettingHint:
    'Fix DOCKER_HOST or the docker context (`docker context ls`, `docker context use default`) and try again.',
  noAnswer: (ms: number) => `the engine did not answer within ${Math.round(ms / 1000)} s`,
  notReachable: (display: string, reason: string) => `The engine at ${display} is not reachable: ${reason}`,
  notReachableYet: 'The engine is not reachable yet.',
  dockerEngine: 'Docker Engine',
  podmanEngine: 'Podman Engine',
} as const;
