/* medlint HTML report: filters and renders the findings a chunk at a time.
   User content only ever becomes text nodes (textContent), never markup. */
(function () {
  "use strict";
  var list = document.getElementById("list");
  if (!list) { document.documentElement.setAttribute("data-ready", "1"); return; }
  var data = JSON.parse(document.getElementById("medlint-data").textContent);
  var rows = data.rows, files = data.files, rules = data.rules, sevs = data.severities;
  var CHUNK = 250, PRINT_LIMIT = 5000;
  var form = document.getElementById("filters"), more = document.getElementById("more");
  var status = document.getElementById("status");
  var ruleSelect = document.getElementById("f-rule"), pathInput = document.getElementById("f-path");
  var textInput = document.getElementById("f-text");
  var fileLower = files.map(function (f) { return f.toLowerCase(); });
  var hay = new Array(rows.length);
  var matching = [], perFile = {}, shown = 0, lastFile = -1, tbody = null;
  var group = -1, groupPattern = "";  /* a bulk group's "Show links" */

  function fmt(n) { return n.toLocaleString("en-US"); }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function haystack(i) {
    if (hay[i] === undefined) {
      var r = rows[i], parts = [r[5], rules[r[3]]];
      if (r[6]) parts.push(r[6].join(""));
      if (r[7]) parts.push(r[7][0] || "", r[7][1]);
      hay[i] = parts.join("\n").toLowerCase();
    }
    return hay[i];
  }
  function filters() {
    var wanted = {};
    form.querySelectorAll('input[name="severity"]').forEach(function (box) {
      wanted[sevs.indexOf(box.value)] = box.checked;
    });
    return {sev: wanted, rule: ruleSelect.value, path: pathInput.value.trim().toLowerCase(),
            text: textInput.value.trim().toLowerCase()};
  }
  function apply() {
    var f = filters(), rule = f.rule === "" ? -1 : rules.indexOf(f.rule);
    matching = []; perFile = {};
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (!f.sev[r[4]] || (rule !== -1 && r[3] !== rule)) continue;
      if (f.path && fileLower[r[0]].indexOf(f.path) < 0) continue;
      if (f.text && haystack(i).indexOf(f.text) < 0) continue;
      if (group !== -1 && r[8] !== group) continue;
      matching.push(i);
      perFile[r[0]] = (perFile[r[0]] || 0) + 1;
    }
    list.textContent = "";
    shown = 0; lastFile = -1; tbody = null;
    render(CHUNK);
  }
  function startPage(frag, file) {
    var section = el("section", "page");
    var h = el("h3", null, files[file]);
    h.appendChild(el("span", "count", " " + plural(perFile[file], "finding")));
    section.appendChild(h);
    var table = el("table", "findings");
    var caption = el("caption", "sr-only", "Findings in " + files[file]);
    table.appendChild(caption);
    var head = el("thead"), tr = el("tr");
    ["Line", "Severity", "Rule", "Problem"].forEach(function (label) {
      var th = el("th", null, label);
      th.scope = "col";
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    tbody = el("tbody");
    table.appendChild(tbody);
    section.appendChild(table);
    frag.appendChild(section);
  }
  function row(r) {
    var tr = el("tr", "sev-" + sevs[r[4]]);
    var line = el("th", "num", String(r[1]));
    line.scope = "row";
    line.title = "line " + r[1] + ", column " + r[2];
    tr.appendChild(line);
    var sevCell = el("td");
    sevCell.appendChild(el("span", "badge sev-" + sevs[r[4]], sevs[r[4]]));
    tr.appendChild(sevCell);
    var ruleCell = el("td"), link = el("a", null, rules[r[3]]);
    link.setAttribute("href", "#rule-" + rules[r[3]]);
    ruleCell.appendChild(link);
    tr.appendChild(ruleCell);
    var problem = el("td");
    problem.appendChild(el("p", "msg", r[5]));
    if (r[6]) {
      var pre = el("pre", "src"), code = el("code");
      code.appendChild(el("span", "ln", r[1] + " "));
      code.appendChild(document.createTextNode(r[6][0]));
      code.appendChild(el("mark", null, r[6][1] === "" ? " " : r[6][1]));
      code.appendChild(document.createTextNode(r[6][2]));
      pre.appendChild(code);
      problem.appendChild(pre);
    }
    if (r[7]) {
      var fix = el("p", "fix");
      fix.appendChild(el("span", "fix-label", "Fix: "));
      if (r[7][0]) fix.appendChild(el("del", null, r[7][0]));
      if (r[7][0] && r[7][1]) fix.appendChild(document.createTextNode(" → "));
      if (r[7][1]) fix.appendChild(el("ins", null, r[7][1]));
      if (!r[7][1]) fix.appendChild(document.createTextNode(" (delete)"));
      problem.appendChild(fix);
    }
    tr.appendChild(problem);
    return tr;
  }
  function render(count) {
    var end = Math.min(matching.length, shown + count), frag = document.createDocumentFragment();
    for (; shown < end; shown++) {
      var r = rows[matching[shown]];
      if (r[0] !== lastFile) { startPage(frag, r[0]); lastFile = r[0]; }
      tbody.appendChild(row(r));
    }
    list.appendChild(frag);
    var total = matching.length, all = rows.length;
    var showing = shown < total ? "showing the first " + fmt(shown) : "showing " + (total === 1 ? "it" : "all " + fmt(total));
    status.textContent = total === 0 ? "No finding matches the filters (" + plural(all, "finding") + " in all)."
      : total === all ? (shown < total ? "Showing the first " + fmt(shown) + " of " + plural(all, "finding") + "."
                                       : "Showing all " + plural(all, "finding") + ".")
      : fmt(total) + " of " + plural(all, "finding") + " match the filters; " + showing + ".";
    if (group !== -1) status.textContent = "Links to " + groupPattern + ": " + status.textContent +
      " Clear the filters to see every finding.";
    more.hidden = shown >= total;
    more.textContent = "Show " + fmt(Math.min(CHUNK, total - shown)) + " more";
  }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(apply, 150); }
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("change", apply);
  form.addEventListener("input", function (event) {
    if (event.target === pathInput || event.target === textInput) later();
  });
  form.addEventListener("reset", function () { group = -1; setTimeout(apply, 0); });
  more.addEventListener("click", function () { render(CHUNK); });
  document.querySelectorAll("button[data-rule]").forEach(function (button) {
    button.addEventListener("click", function () {
      form.reset();
      ruleSelect.value = button.getAttribute("data-rule");
      if (button.hasAttribute("data-group")) {
        group = Number(button.getAttribute("data-group"));
        groupPattern = button.getAttribute("data-pattern");
      }
      apply();
      var heading = document.getElementById("findings-h");
      heading.scrollIntoView();
      heading.focus();
    });
  });
  window.addEventListener("beforeprint", function () { render(PRINT_LIMIT - shown); });
  apply();
  /* Milliseconds from navigation to the first chunk on screen (read by bench/html_report.py). */
  document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.documentElement.setAttribute("data-ready", "1");
})();
