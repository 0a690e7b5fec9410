import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';
import { RULES } from '../audit/rules/index.js';
import type { Severity } from '../model/finding.js';
import type { RunFinding } from '../nightly/history.js';
import { say } from './lang.js';
import { CliError } from './usage.js';

export const CONFIG_NAME = 'nianbao.config.json';

const RuleSetting = z.enum(['off', 'error', 'warning', 'info']);

const ConfigSchema = z
  .object({
    /** rule id → off, or the severity it is graded with */
    rules: z.record(z.string(), RuleSetting).default({}),
    /** globs relative to the config file's folder; matching files are not audited */
    ignore: z.array(z.string()).default([]),
    /** extensions audited besides the built-in ones, e.g. .jsp .aspx .mhtml */
    extensions: z.array(z.string().regex(/^\.[\w-]+$/, '.jsp 这样的扩展名')).default([]),
  })
  .strict();

export interface Config {
  /** where it was read from; null when no config applies */
  file: string | null;
  rules: Record<string, z.infer<typeof RuleSetting>>;
  ignore: string[];
  extensions: string[];
}

const EMPTY: Config = { file: null, rules: {}, ignore: [], extensions: [] };

function parse(file: string, data: unknown): Config {
  const result = ConfigSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new CliError(
      say(
        `配置文件 ${file} 有误：${issue.path.join('.')} ${issue.message}`,
        `config ${file}: ${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }
  const known = new Set(RULES.map((r) => r.id));
  const unknown = Object.keys(result.data.rules).filter((id) => !known.has(id));
  if (unknown.length)
    throw new CliError(
      say(
        `配置文件 ${file} 中有未知的规则：${unknown.join(', ')}（nianbao rules 列出全部规则）`,
        `config ${file}: unknown rule ${unknown.join(', ')} (nianbao rules lists them)`,
      ),
    );
  return { file, ...result.data };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    throw new CliError(
      say(
        `无法读取配置文件 ${file}：${(error as Error).message}`,
        `cannot read config ${file}: ${(error as Error).message}`,
      ),
    );
  }
}

/** nianbao.config.json, or package.json's `nianbao` key, in the folder of the first path or the nearest above it. */
export function findConfig(start: string): Config {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const own = join(dir, CONFIG_NAME);
    if (existsSync(own)) return parse(own, readJson(own));
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const data = readJson(pkg) as { nianbao?: unknown };
      if (data && typeof data === 'object' && 'nianbao' in data) return parse(`${pkg}#nianbao`, data.nianbao);
    }
    const up = dirname(dir);
    if (up === dir) return EMPTY;
    dir = up;
  }
}

export function loadConfig(option: string | false | undefined, paths: string[]): Config {
  if (option === false) return EMPTY;
  if (typeof option === 'string') {
    if (!existsSync(option)) throw new CliError(say(`配置文件不存在：${option}`, `no such config file: ${option}`));
    return parse(option, readJson(option));
  }
  return findConfig(paths[0] ?? '.');
}

/** Why a file is skipped: the first ignore glob it matches, relative to the config's folder. */
export function skipper(config: Config): ((file: string) => string | null) | undefined {
  if (!config.file || !config.ignore.length) return undefined;
  const base = dirname(config.file.replace(/#nianbao$/, ''));
  const globs = config.ignore.map((g) => ({ glob: g, test: picomatch(g, { dot: true }) }));
  return (file) => {
    const rel = relative(base, resolve(file)).split(sep).join('/');
    const hit = globs.find((g) => g.test(rel));
    return hit ? say(`匹配 ignore 规则 ${hit.glob}`, `matches ignore ${hit.glob}`) : null;
  };
}

/** A finding as the config grades it: dropped for a rule that is off, re-graded for one given a severity. */
export function configurer(config: Config): ((f: RunFinding) => RunFinding | null) | undefined {
  if (!Object.keys(config.rules).length) return undefined;
  return (f) => {
    const setting = config.rules[f.rule];
    if (setting === undefined) return f;
    if (setting === 'off') return null;
    f.severity = setting as Severity;
    return f;
  };
}
