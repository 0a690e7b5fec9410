export type Lang = 'zh' | 'en';

/** Chinese unless asked otherwise: `--lang en` wins, then LC_ALL, LC_MESSAGES, LANG starting with `en`. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at >= 0) {
    const value = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
    if (value === 'en' || value === 'zh') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}

let current: Lang = 'zh';
export const setLang = (lang: Lang) => {
  current = lang;
};
export const lang = () => current;

/** One message in both languages; the current language picks. */
export const say = (zh: string, en: string) => (current === 'en' ? en : zh);

/** commander's own section titles and annotations, in Chinese. */
export const HELP_WORDS_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};
