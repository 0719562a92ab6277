import { z } from 'zod';

/**
 * How a file the engine streams (a log, an image tar) reaches the user: in browser mode a
 * one-time URL the page downloads from; in Electron a save dialog, after which main has
 * written the file.
 */
export const DownloadOffer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: z.string(), filename: z.string() }),
  z.object({ kind: z.literal('saved'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type DownloadOffer = z.infer<typeof DownloadOffer>;
