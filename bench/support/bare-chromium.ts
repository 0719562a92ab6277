import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { chromiumLaunchOptions } from '../../e2e/support/chromium';
import { waitFor } from '../../src-main/test-support/engine-fixtures';

/**
 * A Chromium of the bench's own, driven over the DevTools protocol without enabling any of
 * the protocol's domains on the page: what a user's browser or Electron window runs.
 *
 * Playwright enables the Runtime, Page, Network and Log domains on every page it drives, and
 * with them attached the page's own JavaScript runs slower: the app chunk's module
 * evaluation took 58–121 ms in a fresh context under Playwright and 3–14 ms in the same
 * Chromium with no DevTools client (bench/README.md, "1000 containers: list"): React DOM
 * creates a few Error objects as it initializes, and with the Runtime domain on V8 records
 * each one's full stack, re-parsing the largest functions for their positions. A static page
 * or `docker ps` pays nothing for it, so Playwright's timing overstates a script-heavy
 * page's open against them. Here the page is only navigated and, once its rows are on
 * screen, read: when they were painted comes from the page's own start-up marks
 * (`berth:rows-painted`), in the same wall clock as the bench's `Date.now()`.
 */
export interface BareChromium {
  /**
   * One open of `loginUrl` in a new browser context, from the navigation's request until the
   * page's `berth:rows-painted` mark, once the toolbar counts at least `containers`.
   * `marks` are the page's start-up marks in ms since its navigation started.
   */
  timeListOpen(loginUrl: string, containers: number): Promise<{ total: number; marks: Record<string, number> }>;
  /** Ends the browser and, once it has exited, removes its profile. */
  close(): Promise<void>;
}

/** Every protocol call's deadline: a wedged browser fails the bench instead of hanging it. */
const CALL_TIMEOUT_MS = 30_000;
/** How long an open may take before the bench gives up on it. */
const OPEN_TIMEOUT_MS = 120_000;
/** How often the page is asked whether its rows are painted (the time comes from the page's own mark, not from this). */
const POLL_MS = 100;

// The switches Playwright's launcher adds to every Chromium it starts (playwright-core 1.65,
// Linux, headless; its --disable-features list is in e2e/support/chromium.ts): the same browser as
// the Playwright-driven opens. With only a dozen of them (no --disable-field-trial-config,
// no --disable-stack-profiler among others) the page's entry ran ~120 ms later here.
const PLAYWRIGHT_LIKE_SWITCHES = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--allow-pre-commit-input',
  '--disable-field-trial-config',
  '--disable-stack-profiler',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-search-engine-choice-screen',
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--enable-gpu-rasterization',
  '--enable-unsafe-swiftshader',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
];

interface ProtocolReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

class ProtocolClient {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as ProtocolReply;
      const waiter = reply.id === undefined ? undefined : this.waiting.get(reply.id);
      if (!waiter || reply.id === undefined) return;
      this.waiting.delete(reply.id);
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result ?? {});
    });
    socket.on('close', () => {
      for (const w of this.waiting.values()) w.reject(new Error('the browser closed its DevTools socket'));
      this.waiting.clear();
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${method}: no answer from the browser within ${CALL_TIMEOUT_MS} ms`));
      }, CALL_TIMEOUT_MS);
      this.waiting.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }
}

/** Starts the bench's own Chromium (the same binary and switches as Playwright's, see above). */
export async function launchBareChromium(): Promise<BareChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'berth-bench-chromium-'));
  const browser: ChildProcess = spawn(
    chromiumLaunchOptions.executablePath ?? '/usr/bin/chromium',
    [...(chromiumLaunchOptions.args ?? []), ...PLAYWRIGHT_LIKE_SWITCHES, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => browser.once('exit', () => resolve()));
  // After the browser's exit: removed while Chromium was still writing into it, the profile
  // failed with ENOTEMPTY.
  const close = async () => {
    if (browser.exitCode === null && browser.signalCode === null) browser.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, CALL_TIMEOUT_MS))]);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let said = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port within ${CALL_TIMEOUT_MS} ms:\n${said}`)), CALL_TIMEOUT_MS);
      browser.stderr?.on('data', (d: Buffer) => {
        said += d.toString();
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(said)?.[1];
        if (!found) return;
        clearTimeout(timer);
        resolve(found);
      });
      browser.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited with ${code}:\n${said}`));
      });
    });
    const socket = new WebSocket(endpoint, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new ProtocolClient(socket);
    return {
      timeListOpen: (loginUrl, containers) => timeOpen(client, loginUrl, containers),
      close: () => {
        socket.close();
        return close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** What the page says once its rows are painted and counted: null before. */
const readPaintedList = (containers: number): string => `(() => {
  const painted = performance.getEntriesByName('berth:rows-painted')[0];
  const text = document.querySelector('.containers-page .count[aria-live]')?.textContent ?? '';
  const total = Number(/(\\d+) containers$/.exec(text)?.[1] ?? 0);
  if (!painted || total < ${containers} || !document.querySelector('[role="table"]')) return null;
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('berth:'));
  return { paintedAt: performance.timeOrigin + painted.startTime, marks: Object.fromEntries(marks.map((m) => [m.name, m.startTime])) };
})()`;

async function timeOpen(client: ProtocolClient, loginUrl: string, containers: number): Promise<{ total: number; marks: Record<string, number> }> {
  const { browserContextId } = (await client.send('Target.createBrowserContext')) as { browserContextId: string };
  try {
    const { targetId } = (await client.send('Target.createTarget', { url: 'about:blank', browserContextId })) as { targetId: string };
    // Attached only to send the navigation and read the page: no domain is enabled.
    const { sessionId } = (await client.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    // As Playwright's newPage() does, the blank page is running before the clock starts: its
    // renderer process is then up, not started inside the timed navigation (which put the
    // page's entry ~120 ms later here than under Playwright).
    await client.send('Runtime.evaluate', { expression: 'document.readyState', returnByValue: true }, sessionId);
    const t0 = Date.now();
    await client.send('Page.navigate', { url: loginUrl }, sessionId);
    const read = await waitFor(
      async () => {
        const reply = (await client.send('Runtime.evaluate', { expression: readPaintedList(containers), returnByValue: true }, sessionId)) as {
          result: { value?: { paintedAt: number; marks: Record<string, number> } | null };
        };
        return reply.result.value ?? undefined;
      },
      { timeoutMs: OPEN_TIMEOUT_MS, intervalMs: POLL_MS, description: `the list to show ${containers} containers` },
    );
    return { total: Math.round(read.paintedAt - t0), marks: read.marks };
  } finally {
    await client.send('Target.disposeBrowserContext', { browserContextId });
  }
}
