// The error browser of vnplan's score report: filters, grouping, one card per error.
// Data comes from the JSON block #errors-data; everything is built with DOM calls (no HTML
// from the data is ever parsed), so any text in a document is shown as text.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("errors-data").textContent);
  const entries = data.entries;
  const names = data.names;  // {gold: "gold", pred: "predicted"} or the two annotators
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };
  const fmt = (v) => (v === null || v === undefined || v === "" ? "–" : String(v));
  const kindClass = (k) => (k === "FN" || k === "FP" ? k : k === "near miss" ? "near" : "wrong");
  const GROUPS = {
    none: () => "all errors",
    doc_id: (e) => e.doc_id,
    table: (e) => e.table,
    error: (e) => e.error,
    method: (e) => "method: " + fmt(e.cause.method),
    label: (e) => "section label: " + fmt(e.cause.label),
    page: (e) => "page: " + fmt(e.cause.page),
    section: (e) => e.doc_id + " · " + fmt(e.section),
  };

  function fillSelect(id, values) {
    const select = $(id);
    values.forEach((v) => select.appendChild(Object.assign(el("option", null, v), {value: v})));
    select.addEventListener("change", render);
  }
  const distinct = (f) => [...new Set(entries.flatMap(f))].sort();
  fillSelect("f-doc", distinct((e) => [e.doc_id]));
  fillSelect("f-table", distinct((e) => [e.table]));
  fillSelect("f-kind", distinct((e) => [e.error]));
  fillSelect("f-field", distinct((e) => e.fields));
  $("f-group").addEventListener("change", render);
  $("f-text").addEventListener("input", render);

  function matches(e) {
    const want = (id, value) => !$(id).value || $(id).value === value;
    const text = $("f-text").value.trim().toLowerCase();
    return want("f-doc", e.doc_id) && want("f-table", e.table) && want("f-kind", e.error) &&
      (!$("f-field").value || e.fields.includes($("f-field").value)) &&
      (!text || (e.text + " " + e.detail + " " + e.section).toLowerCase().includes(text));
  }

  function context(e) {
    const box = el("div", "ctx");
    if (!e.context) {
      box.appendChild(el("span", "empty", "no context: the string was not found in the text"));
      return box;
    }
    if (e.context.cut_before) box.appendChild(document.createTextNode("… "));
    e.context.segments.forEach(([text, marks]) => {
      box.appendChild(marks ? el("mark", marks, text) : document.createTextNode(text));
    });
    if (e.context.cut_after) box.appendChild(document.createTextNode(" …"));
    box.title = "context from the " + fmt(e.context_source);
    return box;
  }

  // A near miss or a wrong field: the two records side by side, field by field, differing
  // fields marked. A miss: its record(s) as rows of one table, fields as columns.
  function records(e) {
    const columns = [...e.gold.map((r, i) => [names.gold + (e.gold.length > 1 ? " " + (i + 1) : ""), r]),
                     ...e.pred.map((r, i) => [names.pred + (e.pred.length > 1 ? " " + (i + 1) : ""), r])];
    const fields = [...new Set(columns.flatMap(([, r]) => Object.keys(r)))]
      .filter((f) => !["start", "end", "evidence", "method", "page", "source_start", "source_end"].includes(f));
    const table = el("table", "rec");
    const head = el("tr");
    if (e.gold.length && e.pred.length) {
      head.appendChild(el("th", null, "field"));
      columns.forEach(([name]) => head.appendChild(el("th", null, name)));
      table.appendChild(head);
      fields.forEach((f) => {
        const row = el("tr", e.fields.includes(f) ? "diff" : "");
        row.appendChild(el("td", "f", f));
        columns.forEach(([, r]) => row.appendChild(el("td", e.fields.includes(f) ? "diff" : "", fmt(r[f]))));
        table.appendChild(row);
      });
      return table;
    }
    head.appendChild(el("th", null, ""));
    fields.forEach((f) => head.appendChild(el("th", null, f)));
    table.appendChild(head);
    columns.forEach(([name, r]) => {
      const row = el("tr");
      row.appendChild(el("td", "f", name));
      fields.forEach((f) => row.appendChild(el("td", null, fmt(r[f]))));
      table.appendChild(row);
    });
    return table;
  }

  function card(e) {
    const box = el("div", "entry " + kindClass(e.error));
    box.id = "error-" + e.id;
    const head = el("div", "head");
    head.appendChild(el("span", "kind", e.error + (e.fields.length ? ": " + e.fields.join(", ") : "")));
    head.appendChild(el("span", "meta", e.table + " · " + e.doc_id + (e.section ? " · " + e.section : "")));
    head.appendChild(el("span", "cause", "method " + fmt(e.cause.method) + " · label " +
      fmt(e.cause.label) + " · page " + fmt(e.cause.page)));
    box.appendChild(head);
    if (e.detail) box.appendChild(el("div", "detail", e.detail));
    box.appendChild(context(e));
    box.appendChild(records(e));
    return box;
  }

  function render() {
    const list = $("error-list");
    list.replaceChildren();
    const shown = entries.filter(matches);
    const key = GROUPS[$("f-group").value] || GROUPS.none;
    const groups = new Map();
    shown.forEach((e) => {
      const k = key(e);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(e);
    });
    [...groups.keys()].sort((a, b) => groups.get(b).length - groups.get(a).length || (a < b ? -1 : 1))
      .forEach((k) => {
        const group = el("section", "group");
        group.appendChild(el("h3", null, k + " (" + groups.get(k).length + ")"));
        groups.get(k).forEach((e) => group.appendChild(card(e)));
        list.appendChild(group);
      });
    if (!shown.length) list.appendChild(el("p", "empty", "No error matches these filters."));
    list.querySelectorAll(".ctx").forEach((box) => {  // the highlight in view, not the lines before
      const mark = box.querySelector("mark");
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 40);
    });
    $("shown").textContent = shown.length + " of " + entries.length + " errors shown";
    list.dataset.shown = String(shown.length);
  }
  // "#errors-<table>" (the contents' links) shows that table's errors
  function fromHash() {
    const match = /^#errors-(\w+)$/.exec(location.hash);
    if (match && [...$("f-table").options].some((o) => o.value === match[1])) {
      $("f-table").value = match[1];
      render();
      $("errors").scrollIntoView();
    }
  }
  window.addEventListener("hashchange", fromHash);
  render();
  fromHash();
})();
