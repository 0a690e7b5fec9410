import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled JS of a script run in a thread or process of its own (a worker,
 * a converter child): `beside` the calling module when it runs from dist/,
 * else `built` (dist/'s copy, relative to the caller) when it runs from src/ (tests).
 */
export function compiledScript(moduleUrl: string, beside: string, built: string): string {
  const near = fileURLToPath(new URL(beside, moduleUrl));
  if (existsSync(near)) return near;
  const far = fileURLToPath(new URL(built, moduleUrl));
  if (!existsSync(far)) throw new Error(`${beside} not found: run \`npm run build\` (looked for ${far})`);
  return far;
}
