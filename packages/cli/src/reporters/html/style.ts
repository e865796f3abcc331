// The page's stylesheet, inlined: system fonts only (with CJK fallbacks), nothing loaded.
export const STYLE = `
:root {
  --bg: #f6f7f9; --panel: #fff; --text: #1d2430; --muted: #5b6575; --line: #dfe3ea; --accent: #2f5fb3;
  --error: #c62828; --warning: #b86e00; --info: #1f6fc5; --hint: #6b7a89;
  --error-bg: #fdecec; --warning-bg: #fff4e0; --info-bg: #e8f1fc; --hint-bg: #eef1f4; --mark: #ffe08a;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171c; --panel: #1c2027; --text: #e4e8ee; --muted: #9aa5b4; --line: #303743; --accent: #8ab4f8;
    --error: #ff7b72; --warning: #e3b341; --info: #79b8ff; --hint: #a0aab8;
    --error-bg: #3a1d1d; --warning-bg: #3a2e14; --info-bg: #16283d; --hint-bg: #262b33; --mark: #6b5310;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0; background: var(--bg); color: var(--text); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Apple SD Gothic Neo",
    "Malgun Gothic", "Noto Sans CJK KR", sans-serif;
}
:lang(ko) { font-family: "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", system-ui, sans-serif; }
:lang(zh) { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif; }
header { background: var(--panel); border-bottom: 1px solid var(--line); padding: 20px 32px 16px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 650; }
header .meta { margin: 0; color: var(--muted); font-size: 14px; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 32px 48px; }
h2 { font-size: 17px; margin: 0 0 12px; font-weight: 650; }
section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 18px; }
.cards { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 12px; margin-bottom: 18px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; border-top: 4px solid var(--accent); }
.card .num { display: block; font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .what { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }
.card.sev-error { border-top-color: var(--error); } .card.sev-warning { border-top-color: var(--warning); }
.card.sev-info { border-top-color: var(--info); } .card.sev-hint { border-top-color: var(--hint); }
.charts { display: grid; grid-template-columns: 1fr; gap: 18px; }
figure { margin: 0; }
figcaption { font-weight: 650; margin-bottom: 6px; }
figcaption .sub { font-weight: 400; color: var(--muted); font-size: 13px; margin-left: 6px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart .label { font-size: 12px; fill: var(--text); font-family: inherit; }
svg.chart .count { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart .axis { stroke: var(--line); }
svg.chart .row:hover .label { font-weight: 700; }
.bar.sev-error { fill: var(--error); } .bar.sev-warning { fill: var(--warning); }
.bar.sev-info { fill: var(--info); } .bar.sev-hint { fill: var(--hint); }
.legend { display: flex; gap: 14px; font-size: 13px; color: var(--muted); margin: 2px 0 10px; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; background: currentColor; }
.legend .sev-error { color: var(--error); } .legend .sev-warning { color: var(--warning); }
.legend .sev-info { color: var(--info); } .legend .sev-hint { color: var(--hint); }
.tables { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.path { overflow-wrap: anywhere; }
.table-scroll { max-height: 420px; overflow: auto; }
button { font: inherit; cursor: pointer; }
.rule-filter, .rule-link { background: none; border: 0; padding: 0; color: var(--accent); text-align: left; }
.rule-filter:hover, .rule-link:hover { text-decoration: underline; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; border-radius: 4px; padding: 1px 6px; }
.badge.sev-error { color: var(--error); background: var(--error-bg); } .badge.sev-warning { color: var(--warning); background: var(--warning-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); } .badge.sev-hint { color: var(--hint); background: var(--hint-bg); }
.filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px;
  background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; margin-bottom: 14px; box-shadow: 0 2px 6px rgba(0,0,0,.05); }
.filters label { font-size: 14px; }
.filters select { font: inherit; font-size: 14px; padding: 4px 6px; max-width: 420px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--text); }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; align-items: center; }
.filters legend { float: left; font-size: 14px; margin-right: 6px; }
.filters .status { margin-left: auto; font-size: 14px; color: var(--muted); }
.filters .status strong { color: var(--text); font-variant-numeric: tabular-nums; }
.filters #reset { font-size: 13px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--text); padding: 3px 10px; }
details.file-group { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; margin-bottom: 12px; }
details.file-group > summary { padding: 10px 16px; font-weight: 600; cursor: pointer; display: flex; gap: 10px; align-items: baseline; }
details.file-group > summary .path { word-break: break-all; }
details.file-group > summary .count { margin-left: auto; color: var(--muted); font-weight: 500; font-size: 13px; white-space: nowrap; }
.group-body { padding: 0 16px 8px; }
article.finding { border-top: 1px solid var(--line); padding: 12px 0 12px 12px; border-left: 3px solid transparent; }
article.finding.sev-error { border-left-color: var(--error); } article.finding.sev-warning { border-left-color: var(--warning); }
article.finding.sev-info { border-left-color: var(--info); } article.finding.sev-hint { border-left-color: var(--hint); }
.f-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; font-size: 13px; }
.f-head .loc { color: var(--muted); font-variant-numeric: tabular-nums; }
.message { margin: 4px 0 6px; font-weight: 550; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .92em; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.sentence { margin: 6px 0; padding: 8px 12px; background: var(--bg); border-radius: 6px; font-size: 15px; line-height: 1.7; overflow-wrap: anywhere; }
.sentence mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 2px; font-weight: 600; }
.expected { margin: 6px 0; font-size: 14px; }
.expected .chip { display: inline-block; margin: 0 4px 2px 0; padding: 1px 8px; border-radius: 12px; background: #e3f4e8; color: #17642f; font-weight: 600; }
@media (prefers-color-scheme: dark) { .expected .chip { background: #173923; color: #8fe0a8; } }
.license { margin: 4px 0; font-size: 13px; color: #555; }
.source { margin: 4px 0; font-size: 13px; color: #555; }
.source blockquote { margin: 2px 0 0; }
@media (prefers-color-scheme: dark) { .license { color: #aaa; } }
.note { margin: 6px 0; color: var(--muted); font-size: 14px; max-width: 80em; }
.chips-more { border: 0; background: none; color: var(--accent); font-size: 13px; padding: 0 4px; }
.readings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; font-size: 14px; }
.readings dt { font-weight: 700; color: var(--muted); }
.readings dd { margin: 0; }
details.why { margin: 6px 0 0; font-size: 13px; }
details.why > summary { color: var(--accent); cursor: pointer; }
.source { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); }
.source a { color: var(--accent); }
.more { margin: 8px 0 6px; font-size: 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--accent); padding: 5px 12px; }
.empty { color: var(--muted); }
@media (max-width: 820px) { .cards { grid-template-columns: repeat(2, 1fr); } .tables { grid-template-columns: 1fr; } main { padding: 12px; } }
`;
