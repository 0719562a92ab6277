import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { TRAY_ICONS, trayIconFileName } from '../tray/tray-icon-files';
import { APP_ID } from './app-id';

// electron-builder.yml, checked the way electron-builder checks it (its own JSON schema),
// plus what the schema cannot know: the fuses Berth needs, and that every file it names exists.

const root = path.resolve(__dirname, '..', '..');
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string; maintainer?: string };
  mac: { target: string; icon: string; hardenedRuntime: boolean };
  win: { target: string; icon: string };
  files: string[];
  electronFuses: Record<string, boolean>;
};

interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Reads the 8-bit RGBA, unfiltered PNGs scripts/make-icons.mjs writes. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

const asset = (relative: string) => path.join(root, relative);
const png = (relative: string) => readPng(readFileSync(asset(relative)));

// The packaging tools live in packaging/ (Node 22.12+, see scripts/dist.mjs), installed by
// the first `npm run dist`; electron-builder checks its config against this schema itself
// when it packs, and this test does it earlier wherever they are installed.
const builderSchema = path.join(root, 'packaging', 'node_modules', 'app-builder-lib', 'scheme.json');

describe('electron-builder.yml', () => {
  it.skipIf(!existsSync(builderSchema))("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(builderSchema, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // Compiling the schema takes seconds on a busy machine.
  }, 60_000);

  it('sets the fuses that close Node-level back doors, encrypt cookies and drop file:// privileges in the packed app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // The UI comes from app:// (app-protocol.ts), so file:// needs nothing extra.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the app, packs an asar of the build output only, and targets every platform', () => {
    // The same id the app gives Windows for its notifications.
    expect(config).toMatchObject({ appId: APP_ID, productName: 'Berth', asar: true });
    expect(config.files).toEqual(['dist/**', 'assets/tray/**', 'package.json', '!**/*.map']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true });
    expect(config.win.target).toBe('nsis');
  });

  it('has a deb maintainer with an email, from package.json', () => {
    const pkg = JSON.parse(readFileSync(asset('package.json'), 'utf8')) as { author?: string };
    expect(config.linux.maintainer).toBeUndefined();
    expect(pkg.author).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+>$/);
  });
});

describe('icons', () => {
  it('has the app icon at 1024 px', () => {
    const icon = png('assets/icon.png');
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
  });

  it('has every Linux icon size the folder promises', () => {
    const files = readdirSync(asset(config.linux.icon)).sort();
    expect(files).toEqual(['1024x1024.png', '128x128.png', '16x16.png', '24x24.png', '256x256.png', '32x32.png', '48x48.png', '512x512.png', '64x64.png']);
    for (const file of files) {
      const size = Number(file.split('x')[0]);
      const image = png(path.join(config.linux.icon, file));
      expect([image.width, image.height]).toEqual([size, size]);
    }
  });

  it('has a macOS icns with a 1024 px (512@2x) image', () => {
    const icns = readFileSync(asset(config.mac.icon));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = new Map<string, Buffer>();
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      types.set(icns.toString('latin1', offset, offset + 4), icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4)));
    }
    expect([...types.keys()]).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
    expect(readPng(types.get('ic10')!).width).toBe(1024);
  });

  it('has a Windows ico with a 256 px image', () => {
    const ico = readFileSync(asset(config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
    const last = 6 + (count - 1) * 16;
    const entry = ico.subarray(ico.readUInt32LE(last + 12), ico.readUInt32LE(last + 12) + ico.readUInt32LE(last + 8));
    expect(readPng(entry).width).toBe(256);
  });

  it('has a tray icon, and its @2x, for every state on every platform', () => {
    const expectedSize = { linux: 32, win32: 16, darwin: 16 } as const;
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const state of TRAY_ICONS) {
        const name = trayIconFileName(state, platform);
        const image = png(path.join('assets', 'tray', name));
        expect(image.width).toBe(expectedSize[platform]);
        const hiDpi = png(path.join('assets', 'tray', name.replace('.png', '@2x.png')));
        expect(hiDpi.width).toBe(expectedSize[platform] * 2);
      }
    }
  });

  it('draws macOS template images in black and alpha only, and the states differently', () => {
    const seen = new Set<string>();
    for (const state of TRAY_ICONS) {
      const { rgba } = png(`assets/tray/${trayIconFileName(state, 'darwin')}`);
      for (let i = 0; i < rgba.length; i += 4) expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([0, 0, 0]);
      seen.add(rgba.toString('hex'));
    }
    expect(seen.size).toBe(3);
  });

  it('keeps the icons the script draws in the repository', () => {
    expect(existsSync(asset('scripts/make-icons.mjs'))).toBe(true);
    expect(readdirSync(asset('assets/tray'))).toHaveLength(18);
  });
});
