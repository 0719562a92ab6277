/** Every user-visible sentence of the files feature in main, in one place for translation. */
export const fileMessages = {
  noSuchPath: (path: string, object: string) => `${path} does not exist in ${object}.`,
  noStat: (path: string, object: string) => `The engine did not describe ${path} in ${object}.`,
  notAFile: (path: string) => `${path} is a folder: open it, or download it as a .tar.`,
  notAFolder: (path: string) => `${path} is not a folder.`,
  emptyArchive: (path: string) => `The engine sent nothing for ${path}.`,
  stalled: (seconds: number) => `The engine sent nothing for ${seconds} s.`,
  unsafeEntry: (name: string, why: string) => `Refused the archive: its entry "${name}" ${why}. Nothing was written.`,
  entryAbsolute: 'is an absolute path',
  entryParent: 'climbs out of the folder with ".."',
  entryLinkOut: (target: string) => `links outside the folder (to "${target}")`,
  entryDevice: 'is a device file',
  notATar: (reason: string) => `The file is not a readable .tar archive: ${reason}`,
  uploadSizeMismatch: (expected: number, got: number) => `The upload was cut short: ${got} of ${expected} bytes arrived.`,
  unknownSession: 'This volume view has closed; open the volume again.',
  uploadsBrowserOnly: 'Uploading through a URL is for browser mode; the desktop app picks files itself.',
  pickBrowserOnly: 'Picking files in main is for the desktop app; browser mode uploads from the page.',
} as const;
