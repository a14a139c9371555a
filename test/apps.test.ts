/** The reference services answer the health checks their fly.toml declares (via the local-stack tool). */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './support/run-action.js';

describe('local stack of the reference apps', () => {
  it('starts both services and they serve their health check paths', async () => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'scripts/deployment/local-stack.mjs'), '--seconds', '20'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const urls = await new Promise<string[]>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Running for'))
          resolve([...out.matchAll(/healthy at (\S+)/g)].map((m) => m[1] as string));
      });
      child.on('exit', (code) => reject(new Error(`local-stack exited ${code}: ${out}`)));
    });
    try {
      const [rag, mouth] = urls as [string, string];
      const health = await fetch(rag);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', service: 'nuzantara-rag' });
      const query = await fetch(rag.replace('/health', '/query?q=visa'));
      expect(((await query.json()) as { results: string[] }).results[0]).toContain('KITAS');
      const page = await fetch(mouth);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>Nuzantara</h1>');
      expect((await fetch(`${mouth}missing`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
