export class UsageError extends Error {}

export const USAGE = `nianbao — 政府信息公开工作年度报告 reader and auditor

Usage:
  nianbao audit PATH... [--out FILE] [--json FILE] [--html FILE] [--jobs N] [--fail-on error|warning] [--quiet]
                [--db FILE] [--timeout SECONDS] [--max-memory MB] [--shard K/N] [--only-new] [--no-progress]
                [--no-ocr]
  nianbao extract FILE [--out FILE]
  nianbao rules [--json]
  nianbao runs [--db FILE] [--json]
  nianbao merge SHARD.json... [--out FILE] [--json FILE] [--html FILE] [--db FILE] [--triage FILE] [--only-new] [--fail-on error|warning]
  nianbao export PATH... --tables DIR [--db FILE] [--jobs N]
  nianbao --help | --version

audit      parse every report under PATH (PDF, DOCX, DOC/WPS, HTML, TXT/MD), run every rule,
           write the discrepancy list (default nianbao-out/discrepancies.csv) and print a summary
extract    print one report's structured model as JSON
rules      list every rule: id, default severity, description (Chinese and English)
runs       list past audit runs from the run store (default nianbao-out/nianbao.db)
merge      combine the JSON outputs of audit --shard K/N runs into one discrepancy list
export     write 表二, 表三 and 表四 of every report as tidy CSVs into DIR

audit keeps a run store (--db, default nianbao-out/nianbao.db): unchanged files are not parsed
again, and each finding is marked new or persisting (CSV columns status, triage, fingerprint).
A file nianbao-triage.csv (fingerprint,decision,note) in the corpus marks findings as reviewed;
manifest.csv (file,agency,region,year,url,published) overrides what reports say about themselves.
Scans (PDFs of page images) are read by OCR (tesseract.js); --no-ocr leaves them extract/unreadable.

Exit codes: 0 run completed (findings are normal output); 1 with --fail-on and a finding at
that severity or worse; 2 bad usage or the run could not complete.`;
