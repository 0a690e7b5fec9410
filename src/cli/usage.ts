export class UsageError extends Error {}

export const USAGE = `nianbao — 政府信息公开工作年度报告 reader and auditor

Usage:
  nianbao audit PATH... [--out FILE] [--json FILE] [--html FILE] [--jobs N] [--fail-on error|warning] [--quiet]
  nianbao extract FILE [--out FILE]
  nianbao rules [--json]
  nianbao --help | --version

audit      parse every report under PATH (PDF, DOCX, DOC/WPS, HTML, TXT/MD), run every rule,
           write the discrepancy list (default nianbao-out/discrepancies.csv) and print a summary
extract    print one report's structured model as JSON
rules      list every rule: id, default severity, description (Chinese and English)

Exit codes: 0 run completed (findings are normal output); 1 with --fail-on and a finding at
that severity or worse; 2 bad usage or the run could not complete.`;
