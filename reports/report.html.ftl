<#ftl output_format="HTML">
<#-- report.html: one self-contained page (no network: the CSP below forbids any fetch). The summary and the
     failure groups are rendered here, HTML-escaped, and the pictures (charts.html.ftl) as inline SVG; the host
     table, host details and inventory tables are built by the script from the JSON in #report-data, only the rows on screen, so 5,000 hosts
     stay fast. Open it with #selftest appended to run the page's own checks (used by the browser test). -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ipmi-runner: ${run.playbook!'run'} (${summary.failed + summary.unreachable} failed of ${summary.hosts})</title>
<#noparse>
<style>
:root { --ok: #2e7d32; --changed: #b26a00; --failed: #c62828; --unreachable: #6a1b9a; --skipped: #607d8b;
  --not_run: #9e9e9e; --bg: #fafafa; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: var(--bg); color: #222; }
header { background: #263238; color: #fff; padding: 12px 20px; }
header h1 { margin: 0; font-size: 20px; }
header .verdict { font-weight: bold; }
main { padding: 12px 20px; max-width: 1600px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
h2 { font-size: 16px; margin: 4px 0 10px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border-radius: 6px; padding: 8px 14px; color: #fff; min-width: 110px; cursor: pointer; border: 0; text-align: left; font: inherit; }
.card b { display: block; font-size: 22px; }
.s-ok { background: var(--ok); } .s-changed { background: var(--changed); } .s-failed { background: var(--failed); }
.s-unreachable { background: var(--unreachable); } .s-skipped { background: var(--skipped); } .s-not_run { background: var(--not_run); }
.tag { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eceff1; cursor: pointer; user-select: none; white-space: nowrap; }
th.sorted-asc::after { content: " \25B2"; } th.sorted-desc::after { content: " \25BC"; }
tr.clickable:hover { background: #e3f2fd; cursor: pointer; }
tr.selected { background: #bbdefb; }
.meta td:first-child { font-weight: bold; width: 140px; }
.controls { display: flex; gap: 8px; align-items: center; margin-bottom: 6px; flex-wrap: wrap; }
.controls input { padding: 4px 6px; width: 260px; }
.pager button { margin: 0 2px; }
.muted { color: #666; }
pre { white-space: pre-wrap; word-break: break-all; margin: 0; font-size: 12px; }
details.group { border-left: 4px solid var(--failed); padding: 4px 8px; margin: 6px 0; background: #fff5f5; }
details.group.unreachable { border-color: var(--unreachable); background: #f8f0fb; }
details.group code { display: block; margin: 4px 0; white-space: pre-wrap; }
.tabs button { padding: 4px 12px; border: 1px solid var(--line); background: #eceff1; cursor: pointer; }
.tabs button.active { background: #fff; border-bottom-color: #fff; font-weight: bold; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr)); gap: 16px; align-items: start; }
.chart { margin: 0; min-width: 0; } .chart.wide { grid-column: 1 / -1; }
.chart figcaption { margin-bottom: 6px; } .chart .warn { color: var(--failed); font-weight: bold; }
.chart .scroll { overflow: auto; max-width: 100%; } .chart .scroll.tall { max-height: 560px; }
.chart text.label tspan.muted, .chart text tspan.muted { fill: #777; font-size: 11px; }
.chart svg { display: block; font-size: 12px; }
.chart text.axis, .chart text.host, .chart text.label { fill: #222; } .chart text.small { font-size: 11px; fill: #444; }
.chart text.muted { fill: #777; } .chart text.cellv { font-size: 10px; fill: #fff; font-weight: bold; }
.chart text.named { font-size: 11px; fill: var(--failed); }
rect.cell.nc, .key.nc { fill: #ef8f00; background: #ef8f00; } rect.cell.cr, .key.cr { fill: #c62828; background: #c62828; }
rect.cell.na, rect.cell.none, .key.na { fill: #e0e0e0; background: #e0e0e0; }
.key { display: inline-block; width: 12px; height: 12px; margin: 0 3px 0 10px; vertical-align: middle; }
.key.lo { background: hsl(205,60%,90%); } .key.hi { background: hsl(205,60%,45%); }
.legend { font-size: 12px; margin-bottom: 4px; }
line.axisline { stroke: #999; } circle.dot { fill: #90a4ae; } rect.box { fill: rgba(33,150,243,.25); stroke: #1e88e5; }
line.median { stroke: #0d47a1; stroke-width: 2; } circle.outlier { fill: var(--failed); stroke: #fff; }
circle.outlier.nc { fill: #ef8f00; } rect.bar.power { fill: #f9a825; } rect.bar.hist { fill: #5c6bc0; }
rect.track { fill: #f0f0f0; } rect.span.s-ok { fill: var(--ok); } rect.span.s-changed { fill: var(--changed); }
rect.span.s-failed { fill: var(--failed); } rect.span.s-unreachable { fill: var(--unreachable); } rect.span.s-skipped { fill: var(--skipped); }
@media (max-width: 600px) { main { padding: 8px; } section { padding: 8px 10px; } }
.slowest { font-size: 12px; margin-top: 4px; } .slowest .slow { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</#noparse>
</head>
<body>
<header>
  <h1>ipmi-runner report: ${run.playbook!'(playbook unknown)'}</h1>
  <div class="verdict" id="verdict"><#if summary.failed + summary.unreachable + summary.not_run == 0 && run.complete>all ${summary.hosts} hosts ok<#else>${summary.failed} failed, ${summary.unreachable} unreachable of ${summary.hosts} hosts<#if summary.not_run gt 0> &middot; ${summary.not_run} never ran (the rollout stopped, or the run was interrupted)</#if><#if !run.complete> &middot; run incomplete (killed, or still running)</#if></#if></div>
</header>
<main>
<section id="summary">
  <h2>Summary</h2>
  <div class="cards">
<#list ["ok", "changed", "failed", "unreachable", "skipped", "not_run"] as s>
<#if s == "ok" || s == "changed" || s == "failed" || s == "unreachable" || summary[s] gt 0>
    <button class="card s-${s}" data-status="${s}"><b>${summary[s]}</b>${s?replace("_", " ")}</button>
</#if>
</#list>
  </div>
  <table class="meta" style="margin-top:10px">
    <tr><td>playbook</td><td>${run.playbook!'-'}</td></tr>
    <tr><td>inventory</td><td><#if run.inventory??>${run.inventory?join(", ")}<#else>-</#if></td></tr>
<#if run.limit??>    <tr><td>limit</td><td>${run.limit}</td></tr>
</#if>
    <tr><td>plays</td><td>${run.plays?join(" \x2192 ")}</td></tr>
    <tr><td>run by</td><td>${run.user!'-'}<#if run.check!false> (check mode: nothing written)</#if></td></tr>
    <tr><td>started</td><td>${run.started!'-'}</td></tr>
    <tr><td>ended</td><td>${run.ended!'-'}<#if !run.complete> (incomplete)</#if><#if run.starts gt 1> &middot; resumed ${run.starts - 1} time(s)</#if></td></tr>
    <tr><td>duration</td><td>${(run.duration_ms / 1000)?string("0.0")} s &middot; ${summary.task_results} task results</td></tr>
  </table>
</section>

<section id="failures">
  <h2>Failures by cause (${failures?size} group<#if failures?size != 1>s</#if>)</h2>
<#if failures?has_content>
<#list failures as g>
  <details class="group ${g.status}"<#if g?index lt 5> open</#if>>
    <summary><b>${g.count} host<#if g.count != 1>s</#if></b> &middot; ${g.status} [${g.failure_class}] in task <i>${g.task}</i></summary>
    <code>${g.message}</code>
    <div class="muted">--limit <code class="ranges">${g.host_ranges}</code><#if g.host_ranges_cut??> &hellip; (all ${g.count} in report.json)</#if>
      &nbsp;<button class="show-group" data-task="${g.task}" data-class="${g.failure_class}">show in host table</button></div>
  </details>
</#list>
<#else>
  <p class="muted">No host failed.</p>
</#if>
</section>

<#include "charts.html.ftl">

<section id="hosts">
  <h2>Hosts</h2>
  <div id="host-table"></div>
</section>

<section id="detail">
  <h2 id="detail-title">Host details</h2>
  <div id="detail-body" class="muted">Click a host row to see its tasks.</div>
</section>

<section id="inventory">
  <h2>Inventory</h2>
  <div class="tabs" id="inventory-tabs"></div>
  <div id="inventory-table"></div>
</section>

<div id="selftest-out"></div>
</main>
<script id="report-data" type="application/json">${data_json?no_esc}</script>
<script id="report-details" type="application/json">${details_json?no_esc}</script>
<#noparse>
<script>
"use strict";
var errors = [];
window.addEventListener("error", function (e) { errors.push("error: " + e.message); });
document.addEventListener("securitypolicyviolation", function (e) { errors.push("blocked: " + e.blockedURI); });
var D = JSON.parse(document.getElementById("report-data").textContent);
var STATUS = ["ok", "changed", "failed", "unreachable", "skipped", "not_run"];

function el(tag, attrs, text) {
  var e = document.createElement(tag);
  if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
}
function tag(status) { return el("span", {"class": "tag s-" + status}, status.replace("_", " ")); }
function ms(v) { return v >= 1000 ? (v / 1000).toFixed(1) + " s" : v + " ms"; }

/* A table over rows (arrays): click a header to sort, type to filter, pages of 100 rows. */
function Table(root, cols, rows, opts) {
  opts = opts || {};
  var self = this, page = 0, size = opts.pageSize || 100, sortCol = -1, sortDir = 1, shown = rows;
  var controls = el("div", {"class": "controls"});
  var filter = el("input", {type: "search", placeholder: "filter (text; several words must all match)"});
  controls.appendChild(filter);
  var status = null;
  if (opts.statusCol !== undefined) {
    status = el("select");
    status.appendChild(el("option", {value: ""}, "any status"));
    STATUS.forEach(function (s) { status.appendChild(el("option", {value: s}, s.replace("_", " "))); });
    controls.appendChild(status);
  }
  var count = el("span", {"class": "muted"});
  controls.appendChild(count);
  var pager = el("span", {"class": "pager"});
  controls.appendChild(pager);
  var table = el("table"), head = el("tr"), body = el("tbody");
  cols.forEach(function (c, i) {
    var th = el("th", c.num ? {"class": "num"} : null, c.name);
    th.addEventListener("click", function () { self.sort(i); });
    head.appendChild(th);
  });
  var thead = el("thead"); thead.appendChild(head); table.appendChild(thead); table.appendChild(body);
  root.appendChild(controls); root.appendChild(table);
  this.filterInput = filter; this.statusSelect = status; this.body = body; this.head = head;
  this.sort = function (i) {
    sortDir = sortCol === i ? -sortDir : 1; sortCol = i;
    Array.prototype.forEach.call(head.children, function (th, j) {
      th.className = (cols[j].num ? "num " : "") + (j === i ? (sortDir > 0 ? "sorted-asc" : "sorted-desc") : "");
    });
    self.apply();
  };
  this.apply = function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var st = status ? status.value : "";
    shown = rows.filter(function (r) {
      if (st && r[opts.statusCol] !== st) { return false; }
      if (!words.length) { return true; }
      var text = r.join(" \u0001 ").toLowerCase();
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    if (sortCol >= 0) {
      var num = cols[sortCol].num;
      shown = shown.slice().sort(function (a, b) {
        var x = a[sortCol], y = b[sortCol];
        if (x === null || x === undefined) { x = num ? -Infinity : ""; }
        if (y === null || y === undefined) { y = num ? -Infinity : ""; }
        var c = num ? (x - y) : String(x).localeCompare(String(y), undefined, {numeric: true});
        return c * sortDir;
      });
    }
    page = 0; self.render();
  };
  this.render = function () {
    body.textContent = "";
    var pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(page, pages - 1);
    shown.slice(page * size, page * size + size).forEach(function (r) {
      var tr = el("tr", opts.onClick ? {"class": "clickable"} : null);
      cols.forEach(function (c, i) {
        var td = el("td", c.num ? {"class": "num"} : null);
        if (c.render) { td.appendChild(c.render(r[i], r)); } else { td.textContent = r[i] === null || r[i] === undefined ? "" : String(r[i]); }
        tr.appendChild(td);
      });
      if (opts.onClick) { tr.addEventListener("click", function () { opts.onClick(r, tr); }); }
      body.appendChild(tr);
    });
    count.textContent = shown.length + " of " + rows.length + " rows";
    pager.textContent = "";
    if (pages > 1) {
      var prev = el("button", null, "\u2039 prev"), next = el("button", null, "next \u203a");
      prev.disabled = page === 0; next.disabled = page >= pages - 1;
      prev.addEventListener("click", function () { page--; self.render(); });
      next.addEventListener("click", function () { page++; self.render(); });
      pager.appendChild(prev); pager.appendChild(el("span", null, " page " + (page + 1) + " / " + pages + " "));
      pager.appendChild(next);
    }
  };
  this.shown = function () { return shown; };
  filter.addEventListener("input", this.apply);
  if (status) { status.addEventListener("change", this.apply); }
  this.apply();
}

/* Hosts: [name, status, failure class, failed task, error, tasks, changed, duration ms] */
var hostTable = new Table(document.getElementById("host-table"), [
  {name: "host"}, {name: "status", render: function (v) { return tag(v); }}, {name: "failure class"},
  {name: "failed task"}, {name: "error"}, {name: "tasks", num: true}, {name: "changed", num: true},
  {name: "duration", num: true, render: function (v) { return el("span", null, ms(v)); }}
], D.hosts, {statusCol: 1, onClick: function (r, tr) { showHost(r, tr); }});

/* A host's task results, unpacked on first use from the gzip'd chunk of 256 hosts that holds them: at load the
   page neither parses nor holds 10,000 hosts' results. A promise of the host's rows. */
var PACKED = JSON.parse(document.getElementById("report-details").textContent), UNPACKED = {};
function details(idx) {
  var c = Math.floor(idx / 256);
  if (!UNPACKED[c]) {
    var bin = atob(PACKED[c]), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    UNPACKED[c] = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
      .then(JSON.parse);
  }
  return UNPACKED[c].then(function (rows) { return rows[idx % 256]; });
}

var detailShown = Promise.resolve();
function showHost(r, tr) {
  Array.prototype.forEach.call(document.querySelectorAll("tr.selected"), function (x) { x.classList.remove("selected"); });
  if (tr) { tr.classList.add("selected"); }
  var idx = D.hosts.indexOf(r), body = document.getElementById("detail-body");
  document.getElementById("detail-title").textContent = "Host details: " + r[0];
  body.textContent = "unpacking…"; body.className = "muted";
  detailShown = details(idx).then(function (rows) { body.textContent = ""; body.className = ""; hostDetails(rows, body); })
    .catch(function (e) { errors.push("details: " + e); });
}
function hostDetails(rows, body) {
  var t = el("table"), h = el("tr");
  ["play", "task", "module", "status", "attempts", "duration", "error", "result"].forEach(function (n) { h.appendChild(el("th", null, n)); });
  t.appendChild(h);
  rows.forEach(function (d) {
    var task = D.tasks[d[0]], row = el("tr");
    row.appendChild(el("td", null, task[0])); row.appendChild(el("td", null, task[1])); row.appendChild(el("td", null, task[2]));
    var st = el("td"); st.appendChild(tag(d[1])); if (d[4]) { st.appendChild(el("span", {"class": "muted"}, " ignored")); } row.appendChild(st);
    row.appendChild(el("td", {"class": "num"}, d[2])); row.appendChild(el("td", {"class": "num"}, ms(d[3])));
    row.appendChild(el("td", null, d[5] ? d[5] + (d[6] ? " [" + d[6] + "]" : "") : ""));
    var res = el("td"), det = el("details"); det.appendChild(el("summary", null, d[7].length + " chars"));
    det.appendChild(el("pre", null, d[7])); res.appendChild(det); row.appendChild(res);
    /* A console task's raw log (escape sequences and all) lies in the run directory beside this page. */
    var log = task[2] === "console" ? consoleLog(d[7]) : null;
    if (log) { res.appendChild(el("a", {"href": log, "class": "console-log"}, "raw console log")); }
    t.appendChild(row);
  });
  body.appendChild(t);
}

/* The console module writes "log" first, so it is there even when the page shortened a long result. */
function consoleLog(result) {
  var m = /^\{"log":"(console\/[A-Za-z0-9._-]+\.log)"/.exec(result);
  return m ? m[1] : null;
}

function filterHosts(text, status) {
  hostTable.filterInput.value = text || ""; hostTable.statusSelect.value = status || "";
  hostTable.apply();
  document.getElementById("hosts").scrollIntoView();
}
Array.prototype.forEach.call(document.querySelectorAll(".card"), function (b) {
  b.addEventListener("click", function () { filterHosts("", b.getAttribute("data-status")); });
});
Array.prototype.forEach.call(document.querySelectorAll(".show-group"), function (b) {
  b.addEventListener("click", function () { filterHosts(b.getAttribute("data-class") + " " + b.getAttribute("data-task"), ""); });
});

/* Inventory tabs: FRU serials, firmware (mc_info), sensor readings, power and boot flags; the first with data opens. */
var INV = [
  {name: "FRU", rows: D.fru, cols: ["host", "product serial", "board serial", "chassis serial", "manufacturer", "product", "part number", "asset tag"]},
  {name: "Firmware", rows: D.firmware, cols: ["host", "firmware", "aux firmware", "manufacturer", "product id", "IPMI"]},
  {name: "Sensors", rows: D.sensors, cols: ["host", "sensor", "value", "unit", "status"], num: 2},
  {name: "Power and boot flags", rows: D.boot, cols: ["host", "power", "boot device", "persistent", "EFI", "valid"]}
];
var tabs = document.getElementById("inventory-tabs"), invRoot = document.getElementById("inventory-table");
function showTab(i) {
  Array.prototype.forEach.call(tabs.children, function (b, j) { b.className = j === i ? "active" : ""; });
  invRoot.textContent = "";
  var inv = INV[i];
  if (!inv.rows.length) { invRoot.appendChild(el("p", {"class": "muted"}, "No " + inv.name + " data: no task ran that module, or it failed.")); return; }
  new Table(invRoot, inv.cols.map(function (c, j) { return {name: c, num: j === inv.num}; }), inv.rows);
}
INV.forEach(function (inv, i) {
  var b = el("button", null, inv.name + " (" + inv.rows.length + ")");
  b.addEventListener("click", function () { showTab(i); });
  tabs.appendChild(b);
});
showTab(Math.max(0, INV.findIndex(function (inv) { return inv.rows.length > 0; })));

/* #selftest: the page checks its own sort and filter through the same controls a user clicks, and writes
   the verdict into the page, where a headless browser's --dump-dom reads it. */
if (location.hash === "#selftest") {
  /* How long the page took to become usable (navigation start to the end of its script, before the checks
     below click anything) and the JavaScript heap it holds: docs/reports.md quotes these at 10,000 hosts. */
  var ready = performance.now(), heap = performance.memory ? performance.memory.usedJSHeapSize : -1;
  var out = ["ready " + Math.round(ready) + " ms, js heap " + (heap / 1048576).toFixed(1) + " MB"], pass = true;
  function check(name, ok, detail) { out.push((ok ? "PASS " : "FAIL ") + name + (detail ? ": " + detail : "")); pass = pass && ok; }
  hostTable.head.children[0].click(); hostTable.head.children[0].click();
  var names = hostTable.shown().map(function (r) { return r[0]; });
  var expected = D.hosts.map(function (r) { return r[0]; }).sort(function (a, b) { return b.localeCompare(a, undefined, {numeric: true}); });
  check("sort by host descending", names.join("\n") === expected.join("\n") && hostTable.body.children.length === Math.min(100, names.length),
    "first row " + (hostTable.body.children[0] ? hostTable.body.children[0].children[0].textContent : "none"));
  var wanted = D.hosts.length ? D.hosts[D.hosts.length - 1][1] : "ok";
  hostTable.statusSelect.value = wanted; hostTable.statusSelect.dispatchEvent(new Event("change"));
  var n = D.hosts.filter(function (r) { return r[1] === wanted; }).length;
  check("status filter " + wanted, hostTable.shown().length === n, hostTable.shown().length + " rows, expected " + n);
  hostTable.statusSelect.value = ""; hostTable.filterInput.value = D.hosts.length ? D.hosts[0][0] : "";
  hostTable.filterInput.dispatchEvent(new Event("input"));
  check("text filter", D.hosts.length === 0 || hostTable.shown().some(function (r) { return r[0] === D.hosts[0][0]; }));
  var first = hostTable.body.children.length ? D.hosts.indexOf(hostTable.shown()[0]) : -1;
  if (first >= 0) { hostTable.body.children[0].click(); }
  Promise.all([detailShown, first >= 0 ? details(first) : Promise.resolve([])]).then(function (done) {
    check("host details", D.hosts.length === 0 || document.querySelectorAll("#detail-body tr").length === done[1].length + 1);
    check("no network", performance.getEntriesByType("resource").length === 0, performance.getEntriesByType("resource").length + " requests");
    check("no errors", errors.length === 0, errors.join("; "));
    var pre = el("pre", {id: "selftest"}, "SELFTEST " + (pass ? "PASS" : "FAIL") + "\n" + out.join("\n"));
    document.getElementById("selftest-out").appendChild(pre);
  });
}
</script>
</#noparse>
</body>
</html>
