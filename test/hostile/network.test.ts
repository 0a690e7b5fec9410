import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkProbes } from '../../scripts/hostile/make.js';
import { findSoffice } from '../../src/extract/soffice.js';
import { BIN, tempDir } from '../nightly/helpers.js';

const soffice = findSoffice();
if (!soffice)
  console.warn('network.test: soffice not found (apt install libreoffice-writer): the ODT and RTF probes are skipped');

/** A TCP listener on 127.0.0.1 that counts every connection (any protocol: a probe is a probe). */
let server: Server;
const attempts: string[] = [];
let url = '';

beforeAll(async () => {
  server = createServer((socket) => {
    attempts.push(`${socket.remoteAddress}:${socket.remotePort}`);
    socket.on('data', (d) => attempts.push(d.toString('latin1').split('\r\n')[0] ?? ''));
    socket.on('error', () => {});
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function extract(cwd: string, file: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'extract', file],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

const NEEDS_SOFFICE = new Set(['linked-image.odt', 'linked-image.rtf']);

describe('no document makes nianbao connect anywhere', () => {
  for (const sandbox of ['auto', 'off'])
    it(`reading documents that link to a local server sends it nothing (sandbox ${sandbox})`, async () => {
      const dir = tempDir();
      const probes = Object.entries(networkProbes(url)).filter(([name]) => soffice || !NEEDS_SOFFICE.has(name));
      for (const [name, bytes] of probes) writeFileSync(join(dir, name), bytes);
      const results = await Promise.all(
        probes.map(async ([name]) => ({ name, ...(await extract(dir, name, { NIANBAO_SANDBOX: sandbox })) })),
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(attempts).toEqual([]);
      for (const r of results) expect(r.out, r.name).not.toMatch(/could not complete|at .*\.js:\d+/);
      if (soffice) {
        const converted = results.find((r) => r.name === 'linked-image.odt')!;
        expect(converted.code, converted.out).toBe(0);
        expect(converted.out).toMatch(
          sandbox === 'off' ? /no network namespace available \(profile settings only\)/ : /network and PID namespaces/,
        );
      }
    }, 120_000);
});
