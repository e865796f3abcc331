// The page's script, as text (plain ES2017, no framework). It reads the embedded JSON and builds
// every element with textContent, never innerHTML, so document text can never become markup.
// Findings render lazily: a file's findings are built when its group is opened, a page at a time.
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var PAGE = 100;
  var OPEN_ALL_UP_TO = 300;
  var CHIPS = 8;
  var data = JSON.parse(document.getElementById('nuance-data').textContent);
  var ruleSelect = document.getElementById('filter-rule');
  var sevBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name="severity"]'));
  var shownEl = document.getElementById('shown-count');
  var groupsEl = document.getElementById('file-groups');
  var state = { rule: -1, sev: { error: true, warning: true, info: true, hint: true } };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function langOf(s) {
    if (/[\uac00-\ud7a3]/.test(s)) return 'ko';
    if (/[\u3400-\u9fff]/.test(s)) return 'zh';
    return '';
  }
  // Backticks in a message mark terms: shown as code, still as text.
  function messageNode(message) {
    var p = el('p', 'message');
    message.split('\x60').forEach(function (part, i) {
      p.appendChild(i % 2 === 1 ? el('code', '', part) : document.createTextNode(part));
    });
    return p;
  }
  function linkOf(url) {
    return typeof url === 'string' && /^https?:\/\/[^\s<>"']+$/i.test(url) ? url : null;
  }
  function visible(x) { return (state.rule < 0 || x.r === state.rule) && state.sev[x.s]; }

  // The first finding of a rule in a list shows its note, readings and source; later ones fold
  // them away, so a file with 40 findings of one rule reads as 40 sentences, not 40 essays.
  function findingNode(x, full) {
    var rule = data.rules[x.r];
    var node = el('article', 'finding sev-' + x.s);
    node.setAttribute('data-rule', rule.id);
    node.setAttribute('data-severity', x.s);
    var head = el('div', 'f-head');
    head.appendChild(el('span', 'badge sev-' + x.s, x.s));
    head.appendChild(el('span', 'loc', 'line ' + x.l + ', col ' + x.c));
    var ruleButton = el('button', 'rule-link', rule.id);
    ruleButton.type = 'button';
    ruleButton.title = 'Show only ' + rule.id;
    ruleButton.addEventListener('click', function () { setRule(x.r); });
    head.appendChild(ruleButton);
    node.appendChild(head);
    node.appendChild(messageNode(x.m));
    var quote = el('blockquote', 'sentence');
    if (x.x !== undefined) {
      quote.appendChild(document.createTextNode(x.b));
      quote.appendChild(el('mark', '', x.x));
      quote.appendChild(document.createTextNode(x.t));
    } else {
      quote.appendChild(el('mark', '', x.a));
    }
    var lang = langOf(x.x !== undefined ? x.b + x.x + x.t : x.a);
    if (lang) quote.lang = lang;
    node.appendChild(quote);
    if (x.e && x.e.length) {
      var expected = el('div', 'expected');
      expected.appendChild(el('span', 'what', x.e.length === 1 ? 'Preferred: ' : 'Preferred (one of): '));
      var chips = x.e.map(function (e) {
        var chip = el('span', 'chip', e);
        var l = langOf(e);
        if (l) chip.lang = l;
        expected.appendChild(chip);
        return chip;
      });
      if (chips.length > CHIPS) {
        chips.slice(CHIPS).forEach(function (chip) { chip.hidden = true; });
        var all = el('button', 'chips-more', '+' + (chips.length - CHIPS) + ' more');
        all.type = 'button';
        all.addEventListener('click', function () {
          chips.forEach(function (chip) { chip.hidden = false; });
          expected.removeChild(all);
        });
        expected.appendChild(all);
      }
      node.appendChild(expected);
    }
    var why = node;
    if (!full) {
      why = el('details', 'why');
      why.appendChild(el('summary', '', 'Note, readings and source'));
      node.appendChild(why);
    }
    var note = x.n !== undefined ? x.n : rule.note;
    // A note keeps its paragraphs; the pack file's line wrapping is not the reader's.
    if (note) {
      note.split(/\n\s*\n/).forEach(function (para) {
        var text = para.replace(/\s+/g, ' ').trim();
        if (text) why.appendChild(el('p', 'note', text));
      });
    }
    var readings = x.u !== undefined ? x.u : rule.audiences;
    if (readings && Object.keys(readings).length) {
      var dl = el('dl', 'readings');
      dl.setAttribute('aria-label', 'Readings by audience');
      Object.keys(readings).forEach(function (tag) {
        dl.appendChild(el('dt', '', 'Read by ' + tag));
        var dd = el('dd', '', readings[tag]);
        dl.appendChild(dd);
      });
      why.appendChild(dl);
    }
    var link = linkOf(rule.url);
    if (rule.source || link) {
      var source = el('p', 'source');
      if (rule.source) source.appendChild(document.createTextNode('Source: ' + rule.source));
      if (link) {
        if (rule.source) source.appendChild(document.createTextNode(' · '));
        var a = el('a', '', 'About this rule');
        a.href = link;
        a.rel = 'noopener noreferrer';
        source.appendChild(a);
      }
      why.appendChild(source);
    }
    return node;
  }

  var byFile = data.files.map(function () { return []; });
  data.findings.forEach(function (x) { byFile[x.f].push(x); });
  var groups = [];
  byFile.forEach(function (list, f) {
    if (!list.length) return;
    var details = el('details', 'file-group');
    details.setAttribute('data-path', data.files[f]);
    var summary = el('summary');
    summary.appendChild(el('span', 'path', data.files[f]));
    var count = el('span', 'count');
    summary.appendChild(count);
    details.appendChild(summary);
    var body = el('div', 'group-body');
    details.appendChild(body);
    var group = { f: f, all: list, list: list, limit: PAGE, details: details, body: body, count: count, built: false };
    details.addEventListener('toggle', function () { if (details.open && !group.built) renderGroup(group); });
    groups.push(group);
    groupsEl.appendChild(details);
  });

  function renderGroup(group) {
    group.built = true;
    var body = group.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var shown = Math.min(group.limit, group.list.length);
    var fragment = document.createDocumentFragment();
    var seen = {};
    for (var i = 0; i < shown; i++) {
      var x = group.list[i];
      fragment.appendChild(findingNode(x, !seen[x.r]));
      seen[x.r] = true;
    }
    body.appendChild(fragment);
    var left = group.list.length - shown;
    if (left > 0) {
      var more = el('button', 'more', 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' not shown)');
      more.type = 'button';
      more.addEventListener('click', function () { group.limit += PAGE; renderGroup(group); });
      body.appendChild(more);
    }
  }

  function apply() {
    var shown = 0;
    var perSev = { error: 0, warning: 0, info: 0, hint: 0 };
    var perRule = data.rules.map(function () { return 0; });
    data.findings.forEach(function (x) {
      if (state.rule < 0 || x.r === state.rule) perSev[x.s]++;
      if (state.sev[x.s]) perRule[x.r]++;
    });
    groups.forEach(function (group) {
      group.list = group.all.filter(visible);
      group.limit = PAGE;
      shown += group.list.length;
      group.details.hidden = group.list.length === 0;
      group.count.textContent = group.list.length === group.all.length
        ? plural(group.all.length, 'finding')
        : group.list.length + ' of ' + plural(group.all.length, 'finding');
      group.built = false;
      if (group.details.open) renderGroup(group);
    });
    shownEl.textContent = String(shown);
    sevBoxes.forEach(function (box) {
      var label = document.querySelector('[data-sev-count="' + box.value + '"]');
      if (label) label.textContent = String(perSev[box.value]);
    });
    Array.prototype.forEach.call(ruleSelect.options, function (option) {
      var r = Number(option.value);
      if (r >= 0) option.textContent = data.rules[r].id + ' (' + perRule[r] + ')';
    });
  }

  function setRule(r) {
    state.rule = r;
    ruleSelect.value = String(r);
    apply();
  }

  ruleSelect.addEventListener('change', function () { state.rule = Number(ruleSelect.value); apply(); });
  sevBoxes.forEach(function (box) {
    box.addEventListener('change', function () { state.sev[box.value] = box.checked; apply(); });
  });
  document.getElementById('reset').addEventListener('click', function () {
    sevBoxes.forEach(function (box) { box.checked = true; state.sev[box.value] = true; });
    setRule(-1);
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.rule-filter'), function (button) {
    button.addEventListener('click', function () {
      setRule(Number(button.getAttribute('data-rule-index')));
      document.getElementById('findings').scrollIntoView();
    });
  });
  groups.forEach(function (group, i) {
    if (data.findings.length <= OPEN_ALL_UP_TO || i === 0) group.details.open = true;
  });
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
