// Horizontal bar charts as inline SVG: no script, no font and nothing loaded, readable by a screen
// reader (a title and description for the chart, a title per bar) and by a test.
import type { Severity } from '@nuance/core';
import { SEVERITIES } from './data.js';
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  /** Count per severity: one segment each, stacked in severity order. */
  counts: Partial<Record<Severity, number>>;
}

const WIDTH = 960;
const ROW = 26;
const BAR = 16;
const GAP = 12;
const COUNT_SPACE = 56;

// A generous estimate of the rendered width at font-size 12 (wide CJK characters take about twice
// the room): the label column must never clip a label, and there is no layout before the browser.
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch)) w += 12.5;
    else if (/[A-Z@%&mwMW_]/.test(ch)) w += 8.6;
    else w += 6.9;
  }
  return w;
}

// Keep the end of a long label: a file's name and a rule's name sit at the end.
function fitLabel(label: string, width: number): string {
  if (textWidth(label) <= width) return label;
  const chars = [...label];
  while (chars.length > 1 && textWidth(`…${chars.join('')}`) > width) chars.shift();
  return `…${chars.join('')}`;
}

function total(bar: Bar): number {
  return SEVERITIES.reduce((sum, s) => sum + (bar.counts[s] ?? 0), 0);
}

/** A chart of `bars` (already in display order) as an `<svg>` element. */
export function barChart(id: string, title: string, description: string, bars: readonly Bar[]): string {
  const labelWidth = Math.min(400, Math.max(120, ...bars.map((b) => textWidth(b.label))));
  const x0 = labelWidth + GAP;
  const span = WIDTH - x0 - COUNT_SPACE;
  const max = Math.max(1, ...bars.map(total));
  const height = Math.max(ROW, bars.length * ROW) + 8;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const n = total(bar);
    let x = x0;
    const segments: string[] = [];
    for (const severity of SEVERITIES) {
      const count = bar.counts[severity] ?? 0;
      if (count === 0) continue;
      const w = Math.max(1, (count / max) * span);
      segments.push(
        `<rect class="bar sev-${severity}" x="${x.toFixed(1)}" y="${y + (ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}" rx="2"></rect>`,
      );
      x += w;
    }
    const parts = SEVERITIES.filter((s) => (bar.counts[s] ?? 0) > 0).map((s) => `${bar.counts[s]} ${s}`);
    const detail = parts.length > 1 ? ` (${parts.join(', ')})` : '';
    return (
      `<g class="row"><title>${escapeHtml(`${bar.label}: ${n} finding${n === 1 ? '' : 's'}${detail}`)}</title>` +
      `<text class="label" x="${labelWidth}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(fitLabel(bar.label, labelWidth))}</text>` +
      segments.join('') +
      `<text class="count" x="${(x + 6).toFixed(1)}" y="${y + ROW / 2}" dominant-baseline="central">${n}</text></g>`
    );
  });
  return (
    `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    `<line class="axis" x1="${x0}" y1="0" x2="${x0}" y2="${height}"></line>` +
    rows.join('') +
    '</svg>'
  );
}
