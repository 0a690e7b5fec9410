import { dirname, relative, resolve, sep } from 'node:path';
import { nameBytes } from '../model/file-name.js';
import type { Finding } from '../model/finding.js';
import { writeAtomic } from './atomic.js';
import { sinkText, type Sink } from './sink.js';
import type { RunSummary } from './summary.js';
import { summaryLine } from './summary.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A finding with whatever a run adds (status, triage, fingerprint, source_url…); all optional here. */
export type Row = Finding &
  Partial<Record<'status' | 'triage' | 'fingerprint' | 'source_url' | 'report' | 'previous_file', string>>;

/** The columns the page shows, in order: key, Chinese header, how it sorts. */
const COLUMNS = [
  ['severity', '级别', 'severity'],
  ['file', '文件', 'text'],
  ['agency', '机关', 'text'],
  ['year', '年度', 'number'],
  ['rule', '规则', 'text'],
  ['location', '位置', 'text'],
  ['expected', '应为', 'number'],
  ['actual', '实为', 'number'],
  ['message', '说明', 'text'],
  ['status', '状态', 'text'],
  ['triage', '分诊', 'text'],
  ['page', '页码', 'number'],
] as const;

/** Only a web address becomes a link: a manifest's `javascript:` or `data:` URL would run when clicked. */
const webAddress = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : '');

function dataRow(f: Row, href: (file: string) => string): string {
  const row = {
    severity: f.severity,
    file: f.file,
    href: href(f.file),
    url: webAddress(f.source_url),
    agency: f.agency ?? '',
    year: f.year,
    rule: f.rule,
    location: f.location,
    expected: f.expected,
    actual: f.actual,
    message: f.message,
    status: f.status ?? '',
    triage: f.triage ?? '',
    page: f.page,
    fingerprint: f.fingerprint ?? '',
  };
  // inside <script>: a finding's text must never close the element
  return JSON.stringify(row).replace(/</g, '\\u003c');
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:1.2em;font-size:14px;color:#222}
h1{font-size:20px;margin:0 0 .3em}.sum{color:#555;margin:0 0 1em}
.cards{display:flex;gap:.8em;flex-wrap:wrap;margin-bottom:1em}.card{border:1px solid #ddd;border-radius:6px;padding:.5em .9em;min-width:6em}
.card b{display:block;font-size:22px}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em;margin-bottom:1em}
.chart{border:1px solid #ddd;border-radius:6px;padding:.5em}.chart h2{font-size:14px;margin:0 0 .3em}.chart svg{width:100%;display:block}
.chart rect{cursor:pointer}.chart rect:hover{opacity:.75}.filters{display:flex;gap:.6em;flex-wrap:wrap;align-items:center;margin-bottom:.6em}
select,input{padding:3px;font-size:13px}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:3px 5px;vertical-align:top;text-align:left}th{background:#f3f3f3;position:sticky;top:0;cursor:pointer;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.sev-error{color:#b00020;font-weight:bold}td.sev-warning{color:#a15c00}td.sev-info{color:#555}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.triaged td{color:#888}code{font-size:12px}
`;

const SCRIPT = `
const ROWS=JSON.parse(document.getElementById('data').textContent);
const COLS=${JSON.stringify(COLUMNS)};
const SEV={error:3,warning:2,info:1},SEVZH={error:'错误',warning:'警告',info:'提示'},STZH={new:'新增',persisting:'持续'};
const FACETS=[['severity','级别'],['rule','规则'],['agency','机关'],['year','年度'],['status','状态'],['triaged','分诊']];
const facet=(r,k)=>k==='triaged'?(r.triage?'已分诊':'未分诊'):k==='severity'?SEVZH[r.severity]:k==='status'?(STZH[r.status]||r.status||'—'):(r[k]===null||r[k]===''?'（未知）':String(r[k]));
const state={q:'',sort:null,dir:1};for(const [k] of FACETS)state[k]='';
const esc=s=>String(s??'').replace(/[&<>"']/g,c=>'&#'+c.charCodeAt(0)+';');
function shown(except){const q=state.q.toLowerCase();return ROWS.filter(r=>FACETS.every(([k])=>k===except||!state[k]||facet(r,k)===state[k])&&(!q||[r.file,r.agency,r.rule,r.location,r.message,r.fingerprint].join(' ').toLowerCase().includes(q)));}
function num(v){const n=Number(String(v).replace(/[,，%]/g,''));return v===''||v===null||Number.isNaN(n)?null:n;}
function cmp(a,b,k,how){if(how==='severity')return SEV[a.severity]-SEV[b.severity];if(how==='number'){const x=num(a[k]),y=num(b[k]);if(x!==null&&y!==null)return x-y;if(x!==null)return -1;if(y!==null)return 1;}return String(a[k]??'').localeCompare(String(b[k]??''),'zh');}
function counts(rows,k){const m=new Map();for(const r of rows){const v=facet(r,k);m.set(v,(m.get(v)||0)+1);}return [...m].sort((a,b)=>b[1]-a[1]||String(a[0]).localeCompare(String(b[0]),'zh'));}
const clip=s=>{let w=0,o='';for(const c of s){w+=c.codePointAt(0)>=0x2e80?2:1;if(w>25)return o+'…';o+=c;}return o;};
const COLOR={'错误':'#c62828','警告':'#ef8f00','提示':'#78909c'};
function chart(k,title){const all=counts(shown(k),k).slice(0,12),max=Math.max(1,...all.map(x=>x[1])),h=20,W=420,L=170;
let s='<svg viewBox="0 0 '+W+' '+(all.length*h+4)+'" role="img" aria-label="'+title+'">';
all.forEach(([v,n],i)=>{const w=Math.max(2,(W-L-40)*n/max),on=state[k]===v;s+='<g data-facet="'+k+'" data-value="'+esc(v)+'"><text x="'+(L-6)+'" y="'+(i*h+14)+'" text-anchor="end" font-size="12">'+esc(clip(String(v)))+'</text><rect x="'+L+'" y="'+(i*h+3)+'" width="'+w+'" height="'+(h-6)+'" fill="'+(COLOR[v]||(on?'#1565c0':'#5c8fd6'))+'" stroke="'+(on?'#000':'none')+'"><title>'+esc(v)+'：'+n+'</title></rect><text x="'+(L+w+4)+'" y="'+(i*h+14)+'" font-size="12" class="n">'+n+'</text></g>';});
return '<div class="chart" data-chart="'+k+'"><h2>按'+title+'</h2>'+s+'</svg></div>';}
function render(){const rows=shown();if(state.sort){const c=COLS.find(c=>c[0]===state.sort);rows.sort((a,b)=>state.dir*cmp(a,b,c[0],c[2]));}
document.getElementById('count').textContent='显示 '+rows.length+' / '+ROWS.length+' 条';
document.getElementById('charts').innerHTML=[['severity','级别'],['rule','规则'],['agency','机关'],['year','年度']].map(([k,t])=>chart(k,t)).join('');
for(const [k] of FACETS){const sel=document.getElementById('f-'+k),keep=state[k];sel.innerHTML='<option value="">全部</option>'+counts(shown(k),k).map(([v,n])=>'<option value="'+esc(v)+'"'+(v===keep?' selected':'')+'>'+esc(v)+'（'+n+'）</option>').join('');}
document.querySelectorAll('#t th').forEach(th=>th.setAttribute('aria-sort',th.dataset.key===state.sort?(state.dir>0?'ascending':'descending'):'none'));
document.querySelector('#t tbody').innerHTML=rows.map(r=>{const link=r.href?'<a href="'+esc(r.href+(r.page?'#page='+r.page:''))+'">'+esc(r.file)+'</a>':esc(r.file);
const src=r.url?' <a href="'+esc(r.url)+'" title="原网页">↗</a>':'';
return '<tr class="'+(r.triage?'triaged':'')+'" data-severity="'+r.severity+'"><td class="sev-'+r.severity+'">'+SEVZH[r.severity]+'</td><td>'+link+src+'</td><td>'+esc(r.agency)+'</td><td class="num">'+esc(r.year)+'</td><td><code>'+esc(r.rule)+'</code></td><td>'+esc(r.location)+'</td><td class="num">'+esc(r.expected)+'</td><td class="num">'+esc(r.actual)+'</td><td>'+esc(r.message)+'</td><td>'+esc(STZH[r.status]||r.status)+'</td><td>'+esc(r.triage)+'</td><td class="num">'+esc(r.page)+'</td></tr>';}).join('');}
document.getElementById('q').addEventListener('input',e=>{state.q=e.target.value.trim();render();});
for(const [k] of FACETS)document.getElementById('f-'+k).addEventListener('change',e=>{state[k]=e.target.value;render();});
document.getElementById('charts').addEventListener('click',e=>{const g=e.target.closest('g[data-facet]');if(!g)return;const k=g.dataset.facet,v=g.dataset.value;state[k]=state[k]===v?'':v;render();});
document.querySelectorAll('#t th').forEach(th=>th.addEventListener('click',()=>{const k=th.dataset.key;state.dir=state.sort===k?-state.dir:(COLS.find(c=>c[0]===k)[2]==='severity'?-1:1);state.sort=k;render();}));
document.getElementById('reset').addEventListener('click',()=>{for(const [k] of FACETS)state[k]='';state.q='';document.getElementById('q').value='';render();});
render();
`;

/** The page around the findings' data: counts as cards, the filters and the empty table. */
function pageHead(summary: RunSummary): string {
  const h = summary.history;
  const cards: [string, number | string][] = [
    ['文件', summary.filesRead],
    ['无法读取', summary.unreadable],
    ['问题', summary.findings],
    ['错误', summary.bySeverity.error],
    ['警告', summary.bySeverity.warning],
    ['提示', summary.bySeverity.info],
    ...(h
      ? ([
          ['新增', h.new],
          ['已解决', h.resolved],
          ['已分诊', h.triaged],
        ] as [string, number][])
      : []),
  ];
  const facets = [
    ['severity', '级别'],
    ['rule', '规则'],
    ['agency', '机关'],
    ['year', '年度'],
    ['status', '状态'],
    ['triaged', '分诊'],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>nianbao 核查结果</title><style>${STYLE}</style></head><body>
<h1>政府信息公开工作年度报告核查结果</h1>
<p class="sum">${escapeHtml(summaryLine(summary, 'zh').split('\n')[0]!)}</p>
<div class="cards">${cards.map(([k, v]) => `<div class="card">${k}<b>${v}</b></div>`).join('')}</div>
<div class="charts" id="charts"></div>
<div class="filters"><input id="q" type="search" placeholder="搜索：文件、机关、规则、位置、说明……" aria-label="搜索">
${facets.map(([k, t]) => `<label>${t} <select id="f-${k}" aria-label="${t}"></select></label>`).join('\n')}
<button id="reset" type="button">清除筛选</button> <span id="count"></span></div>
<table id="t"><thead><tr>${COLUMNS.map(([k, t]) => `<th data-key="${k}" aria-sort="none">${t}</th>`).join('')}</tr></thead><tbody></tbody></table>
<script type="application/json" id="data">`;
}

const PAGE_TAIL = `</script>
<script>${SCRIPT}</script></body></html>
`;

/** The page as a sink: its findings embedded one by one in the data element, as one JSON array. */
export function htmlSink(summaryOf: () => RunSummary, href: (file: string) => string = () => ''): Sink<Row> {
  let first = true;
  return {
    head: () => `${pageHead(summaryOf())}[`,
    row: (f) => {
      const piece = first ? dataRow(f, href) : `,${dataRow(f, href)}`;
      first = false;
      return piece;
    },
    tail: () => `]${PAGE_TAIL}`,
  };
}

/** One self-contained page (no network, no external script): counts as charts, facet filters, sortable table. */
export function findingsHtml(findings: Row[], summary: RunSummary, href: (file: string) => string = () => ''): string {
  return sinkText(
    htmlSink(() => summary, href),
    findings,
  );
}

/** A path as a URI path; a lossless name's escaped bytes (model/file-name.ts) as the bytes they stand for. */
function uriPath(path: string): string {
  const bytes = nameBytes(path);
  if (typeof bytes === 'string') return encodeURI(bytes);
  let out = '';
  for (const b of bytes) out += b < 0x80 ? encodeURI(String.fromCharCode(b)) : `%${b.toString(16).toUpperCase()}`;
  return out;
}

/** Links from the page to each source file, relative to where the page is written (file paths are relative to the cwd). */
export function pageHref(path: string): (file: string) => string {
  const from = dirname(resolve(path));
  return (file: string) => uriPath(relative(from, resolve(file)).split(sep).join('/')).replace(/#/g, '%23');
}

export async function writeFindingsHtml(path: string, findings: Row[], summary: RunSummary): Promise<void> {
  await writeAtomic(path, findingsHtml(findings, summary, pageHref(path)));
}
