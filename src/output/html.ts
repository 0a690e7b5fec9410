import type { Finding } from '../model/finding.js';
import { writeAtomic } from './atomic.js';
import type { RunSummary } from './summary.js';
import { summaryLine } from './summary.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function row(f: Finding): string {
  const cells = [
    f.file,
    f.agency ?? '',
    f.year?.toString() ?? '',
    f.rule,
    f.severity,
    f.location,
    f.expected,
    f.actual,
    f.message,
  ];
  return `<tr class="${f.severity}">${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
}

/** One self-contained page (no network, no external script) to browse and filter the findings. */
export function findingsHtml(findings: Finding[], summary: RunSummary): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao 核查结果</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;font-size:14px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3;position:sticky;top:0;cursor:pointer}tr.error td:nth-child(5){color:#b00020;font-weight:bold}
tr.warning td:nth-child(5){color:#a15c00}tr.info td:nth-child(5){color:#555}input{width:30em;padding:4px;margin-bottom:1em}
</style></head><body>
<h1>政府信息公开工作年度报告核查结果</h1>
<p>${escapeHtml(summaryLine(summary))}</p>
<input id="q" type="search" placeholder="筛选：文件、机关、规则、位置……" aria-label="filter">
<table id="t"><thead><tr><th>file</th><th>agency</th><th>year</th><th>rule</th><th>severity</th><th>location</th><th>expected</th><th>actual</th><th>message</th></tr></thead>
<tbody>${findings.map(row).join('\n')}</tbody></table>
<script>
const q=document.getElementById('q'),rows=[...document.querySelectorAll('#t tbody tr')];
q.addEventListener('input',()=>{const v=q.value.trim().toLowerCase();for(const r of rows)r.hidden=v&&!r.textContent.toLowerCase().includes(v);});
document.querySelectorAll('#t th').forEach((th,i)=>th.addEventListener('click',()=>{const b=th.parentElement.parentElement.nextElementSibling;
[...b.rows].sort((a,c)=>a.cells[i].textContent.localeCompare(c.cells[i].textContent,'zh')).forEach(r=>b.appendChild(r));}));
</script></body></html>
`;
}

export async function writeFindingsHtml(path: string, findings: Finding[], summary: RunSummary): Promise<void> {
  await writeAtomic(path, findingsHtml(findings, summary));
}
