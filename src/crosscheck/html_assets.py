"""The style and script inlined into every HTML report (no network, no CDN).

Kept apart from the renderer so each reads as what it is. Everything is scoped under
`.cc-report`, and the script initialises every report root on the page once, so a report can be
embedded (a notebook cell) or shown twice on one page without clashing.
"""

from __future__ import annotations

CSS = """\
.cc-report { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1e293b; background: #f1f5f9; }
.cc-report * { box-sizing: border-box; }
.cc-report [hidden] { display: none !important; }
.cc-report .k-error { --c: #dc2626; --bg: #fecaca; --bg-on: #f87171; }
.cc-report .k-warning { --c: #ea580c; --bg: #fed7aa; --bg-on: #fb923c; }
.cc-report .k-info { --c: #a16207; --bg: #fef08a; --bg-on: #facc15; }
.cc-report .k-agreement { --c: #15803d; --bg: #bbf7d0; --bg-on: #4ade80; }
.cc-report .k-unique { --c: #0369a1; --bg: #e0f2fe; --bg-on: #7dd3fc; }
.cc-muted { color: #64748b; }
.cc-app { display: flex; flex-direction: column; height: 100vh; min-height: 560px; }
.cc-embedded .cc-app { height: 860px; }
.cc-top { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 32px; padding: 10px 18px;
  background: #fff; border-bottom: 1px solid #cbd5e1; }
.cc-title { flex: 1 1 320px; min-width: 0; }
.cc-title h1 { font-size: 19px; margin: 0 0 2px; }
.cc-sources { list-style: none; margin: 0; padding: 0; font-size: 13px; }
.cc-sources li { display: inline; }
.cc-sources li + li::before { content: "  vs  "; white-space: pre; color: #94a3b8; }
.cc-ref, .cc-nav { margin: 4px 0 0; font-size: 13px; }
.cc-stats { display: flex; gap: 10px; }
.cc-stat { border-left: 4px solid var(--c); padding: 2px 12px 2px 10px; background: #f8fafc; font-size: 13px; }
.cc-stat .cc-n { display: block; font-size: 24px; font-weight: 700; line-height: 1.15; }
.cc-stat small { display: block; color: #64748b; }
.cc-chart { display: block; }
.cc-chart text { font-size: 11px; fill: #334155; }
.cc-chart rect { fill: var(--c); }
.cc-work { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(300px, 420px) minmax(0, 1fr); }
.cc-panel { display: flex; flex-direction: column; min-height: 0; background: #f8fafc; border-right: 1px solid #cbd5e1; }
.cc-filters { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 12px; padding: 8px 12px; font-size: 12px;
  border-bottom: 1px solid #cbd5e1; background: #fff; }
.cc-filters label { display: flex; align-items: center; gap: 6px; color: #475569; }
.cc-filters select, .cc-filters input { font: inherit; flex: 1; min-width: 0; }
.cc-showing { grid-column: 1 / -1; margin: 0; color: #64748b; }
.cc-findings { list-style: none; margin: 0; padding: 8px; overflow-y: auto; flex: 1; }
.cc-f { background: #fff; border: 1px solid #e2e8f0; border-left: 4px solid var(--c); border-radius: 4px;
  padding: 6px 9px; margin-bottom: 6px; cursor: pointer; }
.cc-f:hover { border-color: #94a3b8; border-left-color: var(--c); }
.cc-f:focus-visible { outline: 2px solid #4338ca; }
.cc-f.cc-sel { background: #eef2ff; border-color: #4338ca; border-left-color: var(--c); box-shadow: 0 0 0 1px #4338ca; }
.cc-fh { display: flex; align-items: baseline; gap: 6px; font-size: 12px; }
.cc-badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: var(--c); color: #fff;
  font-size: 11px; font-weight: 600; }
.cc-cat { color: #475569; white-space: nowrap; }
.cc-where { margin-left: auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  color: #94a3b8; font-size: 11px; }
.cc-sum { margin-top: 2px; overflow-wrap: anywhere; }
.cc-values { list-style: none; margin: 3px 0 0; padding: 0; font-size: 12px; color: #334155; }
.cc-values b { font-weight: 600; color: #475569; margin-right: 4px; }
.cc-more { margin-top: 2px; font-size: 11px; color: #64748b; }
.cc-cols { display: flex; min-width: 0; min-height: 0; overflow-x: auto; }
.cc-src { flex: 1 0 380px; max-width: 760px; display: flex; flex-direction: column; min-height: 0;
  background: #fff; border-right: 1px solid #cbd5e1; }
.cc-cols[data-count="2"] .cc-src { max-width: none; }
.cc-sh { padding: 8px 16px; background: #f8fafc; border-bottom: 1px solid #cbd5e1; font-size: 12px; }
.cc-outlet { font-size: 15px; font-weight: 700; }
.cc-stitle { font-size: 13px; }
.cc-sh .cc-muted { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cc-text { flex: 1; overflow-y: auto; padding: 12px 18px 40vh; font: 15px/1.6 Georgia, "Times New Roman", serif; }
.cc-text p { margin: 0 0 0.6em; white-space: pre-wrap; overflow-wrap: break-word; }
.cc-text mark { color: inherit; background: var(--bg); border-radius: 2px; cursor: pointer; }
.cc-text mark.k-unique { background: #f0f9ff; box-shadow: inset 0 -2px #bae6fd; }
.cc-text mark.k-off { background: none; box-shadow: none; cursor: default; }
.cc-text mark.cc-on { background: var(--bg-on); box-shadow: inset 0 -2px #3730a3; }
.cc-text mark.cc-val { font-weight: 700; text-decoration: underline 2px; text-underline-offset: 3px; }
.cc-consensus { padding: 14px 18px 40px; background: #fff; border-top: 1px solid #cbd5e1; }
.cc-consensus h2 { font-size: 18px; margin: 0 0 4px; }
.cc-consensus h3 { font-size: 15px; margin: 22px 0 4px; }
.cc-consensus p { margin: 0 0 8px; }
.cc-scroll { overflow-x: auto; max-width: 100%; }
.cc-consensus table { border-collapse: collapse; font-size: 13px; }
.cc-consensus th, .cc-consensus td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
.cc-consensus thead th { background: #f8fafc; white-space: nowrap; }
.cc-facts tbody tr { cursor: pointer; }
.cc-facts tbody tr:hover th, .cc-facts tbody tr:focus-visible th { background: #eef2ff; }
.cc-facts th small { display: block; color: #64748b; font-weight: normal; }
.cc-facts tbody th { min-width: 200px; max-width: 320px; }
.cc-facts td { max-width: 260px; }
.cc-clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
.cc-facts .cc-name { white-space: nowrap; }
.cc-consensus label { font-size: 13px; }
.cc-facts td.cc-maj { background: #f0fdf4; }
.cc-facts td.cc-odd { background: #fee2e2; font-weight: 600; }
.cc-consensus td.cc-none { color: #94a3b8; text-align: center; }
.cc-matrix td { text-align: center; min-width: 70px; }
.cc-matrix td small { display: block; color: #475569; font-size: 11px; }
@media (max-width: 900px) {
  .cc-app { height: auto; }
  .cc-work { grid-template-columns: 1fr; }
  .cc-findings { max-height: 45vh; }
  .cc-cols { height: 80vh; }
}
"""

SCRIPT = """\
(function () {
  "use strict";
  var RANKS = ["k-error", "k-warning", "k-info", "k-agreement", "k-unique"];

  function init(root) {
    root.setAttribute("data-ready", "");
    var list = root.querySelector(".cc-findings");
    var cols = root.querySelector(".cc-cols");
    var articles = Array.prototype.slice.call(root.querySelectorAll(".cc-src"));
    var items = Array.prototype.slice.call(root.querySelectorAll(".cc-f"));
    var marks = Array.prototype.slice.call(root.querySelectorAll(".cc-text mark[data-f]"));
    var filters = Array.prototype.slice.call(root.querySelectorAll("[data-filter]"));
    var showing = root.querySelector(".cc-showing");
    var byId = new Map(), marksOf = new Map(), valuesOf = new Map(), visible = new Set();
    var current = null, turn = 0;
    items.forEach(function (li) { byId.set(li.dataset.id, li); visible.add(li.dataset.id); });
    function index(map, m, ids) {
      ids.split(" ").forEach(function (id) {
        if (!map.has(id)) map.set(id, []);
        map.get(id).push(m);
      });
    }
    marks.forEach(function (m) {
      index(marksOf, m, m.dataset.f);
      if (m.dataset.v) index(valuesOf, m, m.dataset.v);
    });

    function scrollWithin(box, el, at) {
      var delta = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
      box.scrollTop += delta - box.clientHeight * at;
    }

    // The first mark of each separate evidence span of a finding within one article.
    function spanStarts(ms) {
      var starts = [], end = -1;
      ms.forEach(function (m) {
        var o = Number(m.dataset.o);
        if (o !== end) starts.push(m);
        end = o + m.textContent.length;
      });
      return starts;
    }

    function select(id, opts) {
      opts = opts || {};
      turn = id === current && !opts.anchor ? turn + 1 : 0;
      if (current !== null) {
        byId.get(current).classList.remove("cc-sel");
        (marksOf.get(current) || []).forEach(function (m) { m.classList.remove("cc-on", "cc-val"); });
      }
      current = id;
      var li = byId.get(id);
      li.classList.add("cc-sel");
      var ms = marksOf.get(id) || [];
      ms.forEach(function (m) { m.classList.add("cc-on"); });
      (valuesOf.get(id) || []).forEach(function (m) { m.classList.add("cc-val"); });
      var first = null;
      articles.forEach(function (art) {
        var starts = spanStarts(ms.filter(function (m) { return art.contains(m); }));
        if (!starts.length) return;
        first = first || art;
        if (opts.anchor && art.contains(opts.anchor)) return;  // the reader's own place stays put
        scrollWithin(art.querySelector(".cc-text"), starts[turn % starts.length], 0.2);
      });
      if (first && !opts.anchor) {
        var c = cols.getBoundingClientRect(), a = first.getBoundingClientRect();
        if (a.left < c.left || a.right > c.right) cols.scrollLeft += a.left - c.left;
      }
      if (opts.reveal) {
        var l = list.getBoundingClientRect(), r = li.getBoundingClientRect();
        if (r.top < l.top || r.bottom > l.bottom) scrollWithin(list, li, 0.3);
      }
      if (opts.page) root.querySelector(".cc-app").scrollIntoView();
    }

    function apply() {
      var f = {};
      filters.forEach(function (el) { f[el.dataset.filter] = el.value.trim().toLowerCase(); });
      visible.clear();
      items.forEach(function (li) {
        var d = li.dataset;
        var ok = (!f.kind || d.kind === f.kind) && (!f.category || d.category === f.category) &&
          (!f.severity || d.severity === f.severity) && (!f.text || li.textContent.toLowerCase().indexOf(f.text) >= 0);
        li.hidden = !ok;
        if (ok) visible.add(d.id);
      });
      marks.forEach(function (m) {
        var best = RANKS.length;
        m.dataset.f.split(" ").forEach(function (id) {
          if (visible.has(id)) best = Math.min(best, Number(byId.get(id).dataset.rank));
        });
        var keep = ["cc-on", "cc-val"].filter(function (c) { return m.classList.contains(c); });
        m.className = best < RANKS.length ? RANKS[best] : "k-off";
        keep.forEach(function (c) { m.classList.add(c); });
      });
      showing.textContent = visible.size + " of " + items.length + " findings";
    }

    function activate(target) {
      var m = target.closest("mark[data-f]");
      if (m && root.contains(m)) {
        var ids = m.dataset.f.split(" ").filter(function (id) { return visible.has(id); });
        if (ids.length) select(ids[(ids.indexOf(current) + 1) % ids.length], { anchor: m, reveal: true });
        return true;
      }
      var li = target.closest(".cc-f");
      if (li && root.contains(li)) { select(li.dataset.id); return true; }
      var row = target.closest("tr[data-goto]");
      if (row && root.contains(row) && byId.has(row.dataset.goto)) {
        select(row.dataset.goto, { reveal: true, page: true });
        return true;
      }
      return false;
    }

    root.addEventListener("click", function (e) { activate(e.target); });
    root.addEventListener("keydown", function (e) {
      if ((e.key === "Enter" || e.key === " ") && e.target.matches(".cc-f, tr[data-goto]") && activate(e.target)) {
        e.preventDefault();
      }
    });
    filters.forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
    var disputed = root.querySelector("[data-disputed]");
    if (disputed) {
      disputed.addEventListener("change", function () {
        root.querySelectorAll(".cc-facts tbody tr").forEach(function (tr) {
          tr.hidden = disputed.checked && tr.dataset.disputed !== "1";
        });
      });
    }
  }

  var roots = document.querySelectorAll(".cc-report:not([data-ready])");
  for (var i = 0; i < roots.length; i++) init(roots[i]);
})();
"""
