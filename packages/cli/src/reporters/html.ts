// `--format html`: one self-contained page an analyst opens to look at an audit. Totals, charts
// and tables are static HTML (readable without the script); the findings, each in its sentence,
// are built by an inline script from embedded JSON, lazily, so 10,000+ findings stay usable.
// Nothing is loaded from anywhere: the Content-Security-Policy allows only the page's own inline
// style and script (by hash), so even a markup mistake could not fetch or run anything else.

import { nodeCrypto } from '@nuance/config';
import type { RuleSet, Severity } from '@nuance/core';
import type { FileResult } from '../results.js';
import { type Bar, barChart } from './html/charts.js';
import { CLIENT_SCRIPT } from './html/client-script.js';
import { buildReportData, jsonForScript, type ReportTotals, SEVERITIES, totalsOf } from './html/data.js';
import { escapeHtml, safeLink } from './html/escape.js';
import type { ReportData } from './html/report-data.js';
import { STYLE } from './html/style.js';

export interface HtmlOptions {
  ruleSet: RuleSet;
  /** The page title; default `nuance report`. */
  title?: string;
  /** Shown as given; without it the page has no date, so the same input gives the same bytes. */
  generatedAt?: string;
}

/**
 * Bars of a chart at most: the files and the rules with the most findings. A termbase's report has
 * thousands of rules with findings (3,747 over the bench corpus with 10,000 terms), every one in
 * the rules table below; a chart of them all was a picture 90,000 pixels tall.
 */
const CHART_ROWS = 30;
const SEVERITY_NAME: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  hint: ['hint', 'hints'],
};

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function hash(text: string): string {
  return `'sha256-${nodeCrypto().createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The whole report page for `results` (in input order). */
export function formatHtml(results: readonly FileResult[], options: HtmlOptions): string {
  const data = buildReportData(results, options.ruleSet);
  const totals = totalsOf(data);
  const title = options.title ?? 'nuance report';
  const withFindings = totals.perFile.filter((c) => SEVERITIES.some((s) => c[s] > 0)).length;
  const meta = [
    plural(data.files.length, 'file'),
    `${withFindings} with findings`,
    plural(totals.findings, 'finding'),
  ];
  if (options.generatedAt !== undefined) meta.push(`generated ${options.generatedAt}`);
  const csp = [
    "default-src 'none'",
    `style-src ${hash(STYLE)}`,
    `script-src ${hash(CLIENT_SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="nuance">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(meta.join(' · '))}</p></header>`,
    '<main>',
    cards(totals),
    totals.findings > 0 ? charts(data, totals, withFindings) : '',
    tables(data, totals, withFindings),
    findingsSection(data, totals),
    '</main>',
    `<script type="application/json" id="nuance-data">${jsonForScript(data)}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function cards(totals: ReportTotals): string {
  const card = (cls: string, attrs: string, n: number, what: string) =>
    `<div class="card ${cls}"><span class="num" ${attrs}>${n}</span><span class="what">${what}</span></div>`;
  return [
    '<section class="cards" aria-label="Totals">',
    card('all', 'data-total="findings"', totals.findings, totals.findings === 1 ? 'finding' : 'findings'),
    ...SEVERITIES.map((s) =>
      card(
        `sev-${s}`,
        `data-total-severity="${s}"`,
        totals.perSeverity[s],
        SEVERITY_NAME[s][totals.perSeverity[s] === 1 ? 0 : 1],
      ),
    ),
    '</section>',
  ].join('\n');
}

/** Rule indexes with findings, most findings first, then by id. */
function rulesByCount(data: ReportData, totals: ReportTotals): number[] {
  return [...totals.perRule.keys()].sort((a, b) => {
    const diff = (totals.perRule.get(b) ?? 0) - (totals.perRule.get(a) ?? 0);
    return diff !== 0 ? diff : (data.rules[a]?.id ?? '').localeCompare(data.rules[b]?.id ?? '');
  });
}

function charts(data: ReportData, totals: ReportTotals, withFindings: number): string {
  // Each rule's counts by severity, in one pass over the findings (not one per rule).
  const byRule = new Map<number, Partial<Record<Severity, number>>>();
  for (const finding of data.findings) {
    let counts = byRule.get(finding.r);
    if (!counts) {
      counts = {};
      byRule.set(finding.r, counts);
    }
    counts[finding.s] = (counts[finding.s] ?? 0) + 1;
  }
  const rules = rulesByCount(data, totals);
  const ruleBars: Bar[] = rules
    .slice(0, CHART_ROWS)
    .map((r) => ({ label: data.rules[r]?.id ?? '', counts: byRule.get(r) ?? {} }));
  const ruleCaption =
    rules.length > CHART_ROWS
      ? `the ${CHART_ROWS} of ${rules.length} rules with findings, most first`
      : `${plural(rules.length, 'rule')} with findings`;
  const fileOrder = totals.perFile
    .map((counts, f) => ({ f, counts, n: SEVERITIES.reduce((sum, s) => sum + counts[s], 0) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.f - b.f)
    .slice(0, CHART_ROWS);
  const fileBars: Bar[] = fileOrder.map((x) => ({ label: data.files[x.f] ?? '', counts: x.counts }));
  const top = withFindings > CHART_ROWS ? `the ${CHART_ROWS} of ${withFindings}` : `all ${withFindings}`;
  const legend = `<div class="legend" aria-hidden="true">${SEVERITIES.map((s) => `<span class="sev-${s}">${s}</span>`).join('')}</div>`;
  return [
    '<section class="panel charts" aria-label="Charts">',
    '<figure>',
    `<figcaption>Findings per rule<span class="sub">${ruleCaption}</span></figcaption>`,
    legend,
    barChart(
      'chart-rules',
      'Findings per rule',
      ruleBars.map((b) => `${b.label}: ${SEVERITIES.reduce((n, s) => n + (b.counts[s] ?? 0), 0)}`).join('; '),
      ruleBars,
    ),
    '</figure>',
    '<figure>',
    `<figcaption>Findings per file<span class="sub">${top} files with findings, most first</span></figcaption>`,
    barChart(
      'chart-files',
      'Findings per file',
      `Findings in ${top} files with findings, stacked by severity`,
      fileBars,
    ),
    '</figure>',
    '</section>',
  ].join('\n');
}

function tables(data: ReportData, totals: ReportTotals, withFindings: number): string {
  const ruleRows = rulesByCount(data, totals).map((r) => {
    const rule = data.rules[r];
    if (!rule) return '';
    const link = safeLink(rule.url);
    const id = escapeHtml(rule.id);
    const about = link
      ? ` <a href="${escapeHtml(link)}" rel="noopener noreferrer" title="About this rule">↗</a>`
      : '';
    return (
      `<tr><td><button type="button" class="rule-filter" data-rule="${id}" data-rule-index="${r}" title="Show only this rule's findings">${id}</button>${about}</td>` +
      `<td><span class="badge sev-${rule.severity}">${rule.severity}</span></td>` +
      `<td class="n" data-rule-total="${id}">${totals.perRule.get(r) ?? 0}</td></tr>`
    );
  });
  const fileRows = totals.perFile.flatMap((counts, f) => {
    const n = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
    if (n === 0) return [];
    const path = escapeHtml(data.files[f] ?? '');
    const cells = SEVERITIES.map((s) => `<td class="n">${counts[s] || ''}</td>`).join('');
    return [
      `<tr><td class="path">${path}</td>${cells}<td class="n" data-file-total="${path}">${n}</td></tr>`,
    ];
  });
  const without = data.files.length - withFindings;
  return [
    '<section class="tables">',
    '<div class="panel-wrap"><section class="panel" aria-labelledby="rules-heading">',
    '<h2 id="rules-heading">Totals per rule</h2>',
    ruleRows.length === 0
      ? '<p class="empty">No findings.</p>'
      : `<div class="table-scroll"><table><thead><tr><th>Rule</th><th>Severity</th><th class="n">Findings</th></tr></thead><tbody>${ruleRows.join('')}</tbody></table></div>`,
    '</section></div>',
    '<div class="panel-wrap"><section class="panel" aria-labelledby="files-heading">',
    '<h2 id="files-heading">Totals per file</h2>',
    fileRows.length === 0
      ? '<p class="empty">No file has findings.</p>'
      : `<div class="table-scroll"><table><thead><tr><th>File</th>${SEVERITIES.map((s) => `<th class="n">${SEVERITY_NAME[s][1]}</th>`).join('')}<th class="n">Total</th></tr></thead><tbody>${fileRows.join('')}</tbody></table></div>`,
    without > 0 ? `<p class="empty">${plural(without, 'file')} without findings not listed.</p>` : '',
    '</section></div>',
    '</section>',
  ].join('\n');
}

function findingsSection(data: ReportData, totals: ReportTotals): string {
  const options = data.rules
    .map((rule, r) => ({ rule, r }))
    .sort((a, b) => a.rule.id.localeCompare(b.rule.id))
    .map(
      ({ rule, r }) => `<option value="${r}">${escapeHtml(rule.id)} (${totals.perRule.get(r) ?? 0})</option>`,
    );
  const boxes = SEVERITIES.map(
    (s) =>
      `<label><input type="checkbox" name="severity" value="${s}" checked> <span class="badge sev-${s}">${s}</span> <span data-sev-count="${s}">${totals.perSeverity[s]}</span></label>`,
  );
  return [
    '<section id="findings" aria-labelledby="findings-heading">',
    '<h2 id="findings-heading">Findings</h2>',
    '<div class="filters" role="search" aria-label="Filter findings">',
    `<label>Rule <select id="filter-rule"><option value="-1">All rules</option>${options.join('')}</select></label>`,
    `<fieldset><legend>Severity</legend>${boxes.join('')}</fieldset>`,
    `<span class="status" role="status" aria-live="polite">Showing <strong id="shown-count">${totals.findings}</strong> of <span id="total-count">${totals.findings}</span> findings</span>`,
    '<button type="button" id="reset">Show all</button>',
    '</div>',
    '<noscript><p class="empty">The findings list needs JavaScript; the totals above do not.</p></noscript>',
    '<div id="file-groups"></div>',
    '</section>',
  ].join('\n');
}
