import { say } from './lang.js';

/** A failure the user can act on: printed as one line (no stack), exit code 2. */
export class CliError extends Error {}

export const EXIT_CODES_HELP = () =>
  say(
    `退出码：
  0  核查完成（发现问题属正常输出）
  1  --fail-on 或 --max-warnings 的条件成立（已分诊的问题不计）
  2  用法错误，或核查未能完成：路径不存在、路径下没有报告文件、输出无法写入、merge 缺少分片、
     运行记录库（--db）正被另一次运行使用`,
    `Exit codes:
  0  the run completed (findings are normal output)
  1  --fail-on or --max-warnings matched (triaged findings do not count)
  2  bad usage, or the run could not complete: a missing path, a path with no report file,
     an unwritable output, a merge with shards missing,
     a run store (--db) in use by another run`,
  );
