import { EventEmitter } from 'node:events';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { installProcessGuard } from './process-guard';

function guarded() {
  const target = new EventEmitter();
  const lines: string[] = [];
  const exits: number[] = [];
  const uninstall = installProcessGuard({ log: (l) => lines.push(l), exit: (c) => exits.push(c), target });
  return { target, lines, exits, uninstall };
}

describe('installProcessGuard', () => {
  it('logs an unhandled rejection and carries on', () => {
    const g = guarded();
    g.target.emit('unhandledRejection', new TypeError('Iterator value 0 is not an entry object'), Promise.resolve());
    expect(g.exits).toEqual([]);
    expect(g.lines[0]).toContain('nothing handled the failure; carrying on. TypeError: Iterator value 0 is not an entry object');
  });

  it('survives a socket error nobody listened to, and stops on any other uncaught exception', () => {
    const g = guarded();
    g.target.emit('uncaughtException', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    expect(g.exits).toEqual([]);
    expect(g.lines[0]).toContain('a connection failed (ECONNRESET)');
    g.target.emit('uncaughtException', new RangeError('bad state'));
    expect(g.exits).toEqual([1]);
    expect(g.lines[1]).toContain('stopping. RangeError: bad state');
  });

  it('logs the error, never what it carries (a request with a secret, say)', () => {
    const g = guarded();
    g.target.emit('unhandledRejection', Object.assign(new Error('failed'), { config: { password: 'hunter2' } }));
    expect(g.lines.join('\n')).not.toContain('hunter2');
  });

  it('keeps a real process alive after an unhandled rejection', () => {
    // The guard compiled as is, installed in a fresh Node: without it Node ends with code 1.
    const dir = mkdtempSync(path.join(tmpdir(), 'berth-guard-'));
    const guard = path.join(dir, 'guard.cjs');
    const source = readFileSync(path.join(__dirname, 'process-guard.ts'), 'utf8');
    writeFileSync(guard, transformSync(source, { loader: 'ts', format: 'cjs' }).code);
    const body = "Promise.reject(new Error('boom')); setTimeout(() => console.log('still alive'), 20);";
    const install = `require(${JSON.stringify(guard)}).installProcessGuard({ log: (l) => console.log(l), exit: process.exit });`;
    try {
      expect(spawnSync(process.execPath, ['-e', body], { encoding: 'utf8' }).status).toBe(1);
      const run = spawnSync(process.execPath, ['-e', install + body], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('nothing handled the failure; carrying on. Error: boom');
      expect(run.stdout).toContain('still alive');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
