/**
 * Child of bench/pdf.ts: audits one PDF in a fresh process with the compiled
 * code (dist/, as the CLI and the corpus workers run it; a TypeScript loader
 * would itself add some 150 MB) and prints its peak RSS in kB after loading
 * the modules and after the audit, as JSON.
 */
const { auditFile } = await import('../dist/pipeline.js');
const loaded = process.resourceUsage().maxRSS;
const { findings } = await auditFile(process.argv[2]);
console.log(JSON.stringify({ loaded, peak: process.resourceUsage().maxRSS, findings: findings.length }));
