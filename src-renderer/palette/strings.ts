/** User-visible strings of the command palette. */
export const paletteStrings = {
  title: 'Command palette',
  input: 'Search commands, containers and images',
  placeholder: 'Type a container, an image or a command…',
  results: 'Results',
  empty: 'Nothing matches.',
  more: (n: number) => `${n} more — keep typing to narrow down`,
  kinds: { page: 'Page', container: 'Container', action: 'Action', image: 'Image', network: 'Network' },
  openContainer: (name: string) => name,
  inspect: (name: string) => `Inspect ${name}`,
  logs: (name: string) => `Open logs of ${name}`,
  terminal: (name: string) => `Open terminal of ${name}`,
  imageDetail: (shortId: string, usedBy: number) =>
    `${shortId} · ${usedBy === 0 ? 'unused' : usedBy === 1 ? 'used by 1 container' : `used by ${usedBy} containers`}`,
  count: (n: number) => (n === 1 ? '1 result' : `${n} results`),
} as const;
