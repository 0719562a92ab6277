/** Every user-visible sentence of the networks engine module. */
export const networkMessages = {
  predefined: (name: string) => `${name} is built into the engine and cannot be removed.`,
  inUse: (name: string, containers: readonly string[]) =>
    `Cannot remove network ${name}: ${listOf(containers)} ${containers.length === 1 ? 'is' : 'are'} connected to it. Disconnect or stop ${
      containers.length === 1 ? 'it' : 'them'
    } first.`,
  alreadyConnected: (container: string, network: string) => `${container} is already connected to ${network}.`,
  noSuchContainer: (container: string) => `There is no container ${container}.`,
  ipNotSupported: (network: string) =>
    `The engine assigns addresses on ${network} itself: a fixed IP works only on networks created with a subnet. Leave it empty.`,
  ipInUse: (ip: string) => `${ip} is already in use on this network.`,
  nameTaken: (name: string) => `A network named "${name}" already exists.`,
} as const;

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
