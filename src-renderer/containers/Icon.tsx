const paths = {
  start: 'M5 3.5v9l8-4.5z',
  stop: 'M4 4h8v8H4z',
  restart: 'M8 3a5 5 0 1 0 4.9 6h-1.6A3.5 3.5 0 1 1 8 4.5c1 0 1.8.4 2.5 1L8.5 7.5H13V3l-1.5 1.5A5 5 0 0 0 8 3z',
  pause: 'M4.5 3.5h2.5v9H4.5zM9 3.5h2.5v9H9z',
  kill: 'M9 1.5 3.5 9H7.5l-1 5.5L12.5 7H8.5z',
  remove: 'M6 2h4l.5 1H13v1.5H3V3h2.5zM4 5.5h8l-.7 8.5H4.7z',
  chevron: 'M4 6l4 4 4-4z',
} as const;

export type IconName = keyof typeof paths;

/** A 16px icon; always decorative, the button carries the name. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
