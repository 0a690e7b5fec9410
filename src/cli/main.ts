import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_EXTRACT_OPTIONS } from '../extract/options.js';
import { VERSION } from '../model/version.js';
import { HELP_WORDS_ZH, detectLang, lang, say, setLang } from './lang.js';
import { CliError, EXIT_CODES_HELP } from './usage.js';
import { StoreBusyError } from '../nightly/store.js';

/** Value checks shared by every command: a bad value stops the run before it starts, with one clear line. */
function positive(option: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!(n > 0) || !Number.isFinite(n))
      throw new InvalidArgumentError(say(`${option} 需要一个正数`, `${option} takes a positive number`));
    return n;
  };
}

function count(option: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(say(`${option} 需要一个非负整数`, `${option} takes a whole number ≥ 0`));
    return n;
  };
}

const severityOption = () =>
  new Option(
    '--fail-on <severity>',
    say('有该级别或更严重的未分诊问题时退出码为 1', 'exit 1 when an open finding of that severity or worse exists'),
  ).choices(['error', 'warning']);

const dbOption = () =>
  new Option('--db <file>', say('运行记录库（缓存与历史）', 'the run store (cache and history)')).default(
    'nianbao-out/nianbao.db',
  );

/** The OCR child's resident memory: a 200 dpi scan rendered at 400 dpi peaks at about 1.0 GB there. */
const ocrMemoryOption = () =>
  new Option(
    '--ocr-memory <mb>',
    say('扫描件文字识别（OCR）子进程的内存上限', "resident memory cap of a scan's OCR child process"),
  )
    .argParser(positive('--ocr-memory'))
    .default(DEFAULT_EXTRACT_OPTIONS.ocrMemoryMb);

const FORMATS = ['csv', 'json', 'html', 'stylish'];

/** Options of audit and merge: where the findings go and what makes the exit code 1. */
function outputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '-o, --out <file>',
        say('问题清单输出文件，- 表示标准输出', 'the discrepancy list; - writes to stdout'),
      ).default('nianbao-out/discrepancies.csv'),
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        say(
          '--out 的格式（默认按扩展名；--out - 在终端上为 stylish，否则为 csv）',
          "--out's format (default: by extension; stylish for --out - on a terminal, else csv)",
        ),
      ).choices(FORMATS),
    )
    .option('--json <file>', say('另存一份 JSON', 'also write the findings as JSON'))
    .option('--html <file>', say('另存一份可离线浏览的 HTML 报告', 'also write a self-contained HTML dashboard'))
    .addOption(severityOption())
    .addOption(
      new Option(
        '--max-warnings <n>',
        say('未分诊的警告多于 N 条时退出码为 1', 'exit 1 when more than N open warnings remain'),
      ).argParser(count('--max-warnings')),
    )
    .option('-q, --quiet', say('只报告 error 级别的问题', 'report errors only'))
    .option('--silent', say('不在标准错误输出摘要', 'print no summary on stderr'))
    .option('--only-new', say('只列出新出现且未分诊的问题', 'list only new, untriaged findings'));
}

function program(run: (code: number) => void): Command {
  const zh = lang() === 'zh';
  const root = new Command('nianbao')
    .description(say('政府信息公开工作年度报告的读取与核查工具', 'reads and audits 政府信息公开工作年度报告'))
    .version(VERSION, '-v, --version', say('显示版本号', 'print the version'))
    .helpOption('-h, --help', say('显示帮助', 'show help'))
    .helpCommand('help [command]', say('显示某个命令的帮助', 'show help for a command'))
    .addOption(new Option('--lang <lang>', say('界面语言', 'language of help and summary')).choices(['zh', 'en']))
    .showSuggestionAfterError(true)
    .showHelpAfterError(say('（运行 nianbao --help 查看用法）', '(run nianbao --help for usage)'))
    .configureHelp({
      sortOptions: false,
      styleTitle: (title) => (zh ? (HELP_WORDS_ZH[title] ?? title) : title),
      optionDescription(option) {
        const text = Object.getPrototypeOf(this).optionDescription.call(this, option) as string;
        return zh ? text.replace(/\bchoices: /, '可选：').replace(/\bdefault: /, '默认：') : text;
      },
    })
    .configureOutput({ outputError: (text, write) => write(zh ? translateError(text) : text) })
    .exitOverride()
    .addHelpText('after', () => `\n${EXIT_CODES_HELP()}`);

  const audit = root
    .command('audit')
    .summary(say('核查目录或文件中的每一份报告', 'audit every report under the paths'))
    .description(
      say(
        '解析路径下的每一份报告（PDF、DOCX、DOC/WPS、HTML、TXT/MD），运行全部规则，写出问题清单并打印摘要。\n目录中的 manifest.csv 覆盖报告自述的机关、年度与发布日期；nianbao-triage.csv 记录分诊结论。',
        'parse every report under the paths (PDF, DOCX, DOC/WPS, HTML, TXT/MD), run every rule, write the discrepancy list and print a summary.\nA manifest.csv beside the reports overrides agency, year and publication date; nianbao-triage.csv holds triage decisions.',
      ),
    )
    .argument('<path...>', say('报告文件或目录', 'report files or folders'))
    .addHelpText('after', () => `\n${EXIT_CODES_HELP()}`);
  outputOptions(audit)
    .addOption(
      new Option(
        '-j, --jobs <n>',
        say('并行解析的进程数（默认：CPU 核数）', 'parallel workers (default: CPU cores)'),
      ).argParser(positive('--jobs')),
    )
    .addOption(dbOption())
    .option(
      '-c, --config <file>',
      say(
        '配置文件（默认从被核查路径向上查找 nianbao.config.json）',
        'config file (default: nianbao.config.json found upward from the audited path)',
      ),
    )
    .option('--no-config', say('不读取任何配置文件', 'read no config file'))
    .addOption(
      new Option(
        '--timeout <seconds>',
        say(
          '单个文件的解析时限（扫描件每页另加 60 秒文字识别时间）',
          'parse time limit per file (a scan gets 60 s more per page it recognises)',
        ),
      )
        .argParser(positive('--timeout'))
        .default(60),
    )
    .addOption(
      new Option('--max-memory <mb>', say('单个解析进程的内存上限', 'memory limit per parse worker'))
        .argParser(positive('--max-memory'))
        .default(1024),
    )
    .addOption(ocrMemoryOption())
    .option(
      '--shard <k/n>',
      say('只核查第 K 份（共 N 份），之后用 merge 合并', 'audit shard K of N; combine with merge'),
    )
    .option('--no-progress', say('不显示进度条', 'show no progress bar'))
    .option(
      '--no-ocr',
      say('不识别扫描件（扫描件记为 extract/unreadable）', 'do not OCR scans (they stay extract/unreadable)'),
    )
    .action(async (paths: string[], options) => run(await (await import('./audit.js')).auditCommand(paths, options)));

  const merge = root
    .command('merge')
    .summary(say('合并 audit --shard 的 JSON 输出', 'combine the JSON outputs of audit --shard K/N'))
    .description(
      say(
        '把 audit --shard K/N 的 JSON 输出合并为一份问题清单；缺少任何一份时退出码为 2。',
        'combine the JSON outputs of audit --shard K/N runs into one list; exits 2 when a shard is missing.',
      ),
    )
    .argument('<shard...>', say('各分片的 JSON 文件', "the shards' JSON files"));
  outputOptions(merge)
    .addOption(dbOption())
    .option('--triage <file>', say('分诊文件（fingerprint,decision,note）', 'triage file (fingerprint,decision,note)'))
    .action(async (shards: string[], options) => run(await (await import('./merge.js')).mergeCommand(shards, options)));

  root
    .command('extract')
    .summary(say('输出一份报告的结构化模型（JSON）', "print one report's structured model as JSON"))
    .argument('<file>', say('报告文件', 'a report file'))
    .option('-o, --out <file>', say('写入文件而非标准输出', 'write to a file instead of stdout'))
    .addOption(
      new Option('--timeout <seconds>', say('解析时限', 'parse time limit'))
        .argParser(positive('--timeout'))
        .default(60),
    )
    .addOption(
      new Option('--max-memory <mb>', say('解析进程的内存上限', 'memory limit of the parse worker'))
        .argParser(positive('--max-memory'))
        .default(1024),
    )
    .addOption(ocrMemoryOption())
    .option(
      '--no-ocr',
      say('不识别扫描件（扫描件记为 extract/unreadable）', 'do not OCR scans (they stay extract/unreadable)'),
    )
    .action(async (file: string, options) => run(await (await import('./extract.js')).extractCommand(file, options)));

  root
    .command('rules')
    .summary(say('列出全部规则，或解释一条规则', 'list every rule, or explain one'))
    .option('--json', say('以 JSON 输出', 'print as JSON'))
    .option(
      '--explain <id>',
      say('说明一条规则：检查什么、为什么、如何处理、示例', 'explain one rule: what, why, how to act, examples'),
    )
    .action(async (options) => run(await (await import('./rules.js')).rulesCommand(options)));

  root
    .command('runs')
    .summary(say('列出运行记录库中的历次核查', 'list past audit runs from the run store'))
    .addOption(dbOption())
    .option('--json', say('以 JSON 输出', 'print as JSON'))
    .action(async (options) => run(await (await import('./runs.js')).runsCommand(options)));

  root
    .command('export')
    .summary(
      say('把每份报告的表二、表三、表四导出为整洁的 CSV', 'write 表二, 表三 and 表四 of every report as tidy CSVs'),
    )
    .argument('<path...>', say('报告文件或目录', 'report files or folders'))
    .requiredOption('--tables <dir>', say('输出目录', 'output folder'))
    .addOption(dbOption())
    .addOption(new Option('-j, --jobs <n>', say('并行解析的进程数', 'parallel workers')).argParser(positive('--jobs')))
    .option('-q, --quiet', say('不打印摘要', 'print no summary'))
    .action(async (paths: string[], options) => run(await (await import('./export.js')).exportCommand(paths, options)));

  return root;
}

const ERRORS_ZH: [RegExp, string][] = [
  [/^error: unknown command '(.*)'/, '错误：未知命令 “$1”'],
  [/^error: unknown option '(.*)'/, '错误：未知选项 “$1”'],
  [/^error: missing required argument '(.*)'/, '错误：缺少参数 “$1”'],
  [/^error: required option '(.*)' not specified/, '错误：缺少必需的选项 “$1”'],
  [/^error: option '(.*)' argument missing/, '错误：选项 “$1” 缺少取值'],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./,
    '错误：选项 “$1” 的取值 “$2” 无效，可选：$3。',
  ],
  [/^error: option '(.*)' argument '(.*)' is invalid\. /, '错误：选项 “$1” 的取值 “$2” 无效：'],
  [/^error: too many arguments.*/, '错误：参数过多'],
  [/\(Did you mean one of (.*)\?\)/, '（您是不是要输入以下之一：$1？）'],
  [/\(Did you mean (.*)\?\)/, '（您是不是要输入 $1？）'],
];

function translateError(text: string): string {
  return text
    .split('\n')
    .map((line) => ERRORS_ZH.reduce((l, [re, zh]) => l.replace(re, zh), line))
    .join('\n');
}

/** Runs one command; returns the exit code (0 done, 1 --fail-on / --max-warnings matched, 2 usage or run failure). */
export async function main(argv: string[]): Promise<number> {
  setLang(detectLang(argv));
  let code = 0;
  const root = program((c) => {
    code = c;
  });
  if (!argv.length) {
    root.outputHelp({ error: true });
    return 2;
  }
  try {
    await root.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof StoreBusyError) {
      process.stderr.write(
        `nianbao: ${say(
          `运行记录库 ${error.file} 正被另一次 nianbao 运行使用；请待其结束后再运行，或用 --db 指定另一个库`,
          `the run store ${error.file} is in use by another nianbao run; run again when it has finished, or pass another --db`,
        )}\n`,
      );
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`nianbao: ${error.message}\n`);
      return 2;
    }
    const detail = process.env.NIANBAO_DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message;
    process.stderr.write(`nianbao: ${say('运行未能完成', 'the run could not complete')}: ${detail}\n`);
    return 2;
  }
}
