/* 政策文件库 (zcwj/wjk.html): filters the documents of zcwj/wjk/data.js (written by hooks/zwgk/site/facet_pages.py)
   by 发文机关, 主题分类, 文件类型, 年份, 有效性, 领域 and words of the 标题 or 文号, all in the browser. The data is
   loaded by a <script> element, which works from file:// and under any sub-path; nothing else is requested.
   The state is the page's query string (?jg=…&nf=2024&q=…&p=2), so a filtered list can be shared and bookmarked. */
(function () {
  "use strict";
  var form = document.querySelector("form.zw-library");
  if (!form) { return; }
  var PAGE_SIZE = 20;
  var FIRST = 7;  // docs rows: slug, 标题, 文号, 成文日期, 发布日期, 废止日期, 替代文件, then one column per facet
  var status = document.querySelector(".zw-library__status");
  var results = document.querySelector(".zw-library__results");
  var pager = document.querySelector(".zw-library__pager");
  var root = form.getAttribute("data-root").replace(/index\.html$/, "");
  var input = form.querySelector("input[name=q]");
  var data, facets, hay, bySlug = {};

  function halfWidth(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); });
  }
  // 文号 as editors and readers type them: [2024], (2024), 【2024】, ﹝2024﹞ all mean 〔2024〕; spaces do not count.
  function normal(text) {
    return halfWidth(text).replace(/[\[(【﹝〔]/g, "〔").replace(/[\])】﹞〕]/g, "〕").replace(/\s+/g, "").toLowerCase();
  }
  // Each word of the query must be in the title or 文号; a number only where it stands alone (3号 is not 13号,
  // X发 2022 8 is X发〔2022〕8号 and not 〔2022〕18号 or 〔2022〕80号).
  function matcher(query) {
    var words = halfWidth(query).split(/\s+/).map(normal).filter(Boolean);
    var tests = words.map(function (w) {
      var escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return new RegExp((/^[0-9]/.test(w) ? "(?:^|[^0-9])" : "") + escaped + (/[0-9]$/.test(w) ? "(?![0-9])" : ""));
    });
    return function (i) {
      for (var k = 0; k < tests.length; k++) { if (!tests[k].test(hay[i])) { return false; } }
      return true;
    };
  }

  function readState() {
    var params = new URLSearchParams(location.search), state = {q: params.get("q") || "", p: 1, f: {}};
    facets.forEach(function (f) {
      var n = f[2].indexOf(params.get(f[0]) || "");
      if (n >= 0 && params.get(f[0])) { state.f[f[0]] = n; }
    });
    state.p = Math.max(1, parseInt(params.get("p"), 10) || 1);
    return state;
  }
  function writeState(state, push) {
    var params = new URLSearchParams();
    if (state.q) { params.set("q", state.q); }
    facets.forEach(function (f) { if (state.f[f[0]] !== undefined) { params.set(f[0], f[2][state.f[f[0]]]); } });
    if (state.p > 1) { params.set("p", String(state.p)); }
    var query = params.toString(), url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }
  function fromForm() {
    var state = {q: input.value.trim(), p: 1, f: {}};
    facets.forEach(function (f) {
      var value = form.elements[f[0]].value, n = f[2].indexOf(value);
      if (value && n >= 0) { state.f[f[0]] = n; }
    });
    return state;
  }
  function toForm(state) {
    input.value = state.q;
    facets.forEach(function (f) {
      var n = state.f[f[0]];
      form.elements[f[0]].value = n === undefined ? "" : f[2][n];
    });
  }

  function has(row, column, n) {
    var v = row[FIRST + column];
    return typeof v === "number" ? v === n : v.indexOf(n) >= 0;
  }
  // Matches every chosen facet except `skip` (a facet's own counts ignore its own choice).
  function passes(row, state, skip) {
    for (var c = 0; c < facets.length; c++) {
      var n = state.f[facets[c][0]];
      if (c !== skip && n !== undefined && !has(row, c, n)) { return false; }
    }
    return true;
  }

  function update(state) {
    var text = state.q ? matcher(state.q) : null;
    var counts = facets.map(function (f) { return f[2].map(function () { return 0; }); });
    var found = [];
    data.docs.forEach(function (row, i) {
      if (text && !text(i)) { return; }
      var all = passes(row, state, -1);
      if (all) { found.push(row); }
      for (var c = 0; c < facets.length; c++) {
        if (!(all || passes(row, state, c))) { continue; }
        var v = row[FIRST + c];
        if (typeof v === "number") { counts[c][v]++; } else { v.forEach(function (n) { counts[c][n]++; }); }
      }
    });
    facets.forEach(function (f, c) {
      var select = form.elements[f[0]], total = 0;
      counts[c].forEach(function (n) { total += n; });
      for (var k = 1; k < select.options.length; k++) {
        var option = select.options[k], n = f[2].indexOf(option.value), count = n >= 0 ? counts[c][n] : 0;
        option.textContent = option.value + "（" + count + "）";
        option.disabled = count === 0 && state.f[f[0]] !== n;
      }
      select.options[0].textContent = "全部";
    });
    var pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    state.p = Math.min(state.p, pages);
    show(found.slice((state.p - 1) * PAGE_SIZE, state.p * PAGE_SIZE));
    var chosen = facets.filter(function (f) { return state.f[f[0]] !== undefined; })
      .map(function (f) { return f[1] + "：" + f[2][state.f[f[0]]]; });
    if (state.q) { chosen.unshift("标题或文号包含“" + state.q + "”"); }
    status.textContent = (chosen.length ? chosen.join("；") + "，" : "全部文件，") +
      "共 " + found.length + " 件" + (found.length ? "，按发布日期由新到旧排列。" : "。可以减少筛选条件再试。");
    pager.hidden = pages < 2;
    pager.querySelector(".zw-library__page").textContent = "第 " + state.p + " 页，共 " + pages + " 页";
    pager.querySelector(".zw-library__prev").disabled = state.p <= 1;
    pager.querySelector(".zw-library__next").disabled = state.p >= pages;
    current = state;
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }
  function link(slug, text) {
    var a = element("a", "", text);
    a.href = root + "wj/" + encodeURIComponent(slug) + ".html";
    return a;
  }
  function field(parent, name, value) {
    if (!value) { return; }
    var span = element("span", "zw-libentry__field");
    span.appendChild(element("span", "zw-libentry__name", name + "："));
    span.appendChild(typeof value === "string" ? document.createTextNode(value) : value);
    parent.appendChild(span);
  }
  function time(day) {
    var t = element("time", "", day);
    t.setAttribute("datetime", day);
    return t;
  }
  function show(rows) {
    results.textContent = "";
    rows.forEach(function (row) {
      var li = element("li", "zw-entry zw-libentry");
      var title = link(row[0], row[1]);
      title.className = "zw-entry__title";
      li.appendChild(title);
      var validity = facets[4][2][row[FIRST + 4]];
      var meta = element("span", "zw-entry__meta zw-libentry__meta");
      field(meta, "文号", row[2]);
      field(meta, "发文机关", facets[0][2][row[FIRST]]);
      field(meta, "成文日期", time(row[3]));
      field(meta, "发布日期", row[4] ? time(row[4]) : "");
      var state = element("span", validity === "现行有效" ? "zw-libentry__valid" :
        "zw-badge zw-badge--" + (row[5] || validity === "失效" || validity === "废止" ? "withdrawn" : "amended"), validity);
      field(meta, "有效性", state);
      li.appendChild(meta);
      if (row[5]) {
        var note = element("span", "zw-entry__withdrawn");
        note.appendChild(time(row[5]));
        note.appendChild(document.createTextNode(validity));
        var next = bySlug[row[6]];
        if (next) {
          note.appendChild(document.createTextNode("，替代文件："));
          note.appendChild(link(next[0], next[1]));
        }
        li.appendChild(note);
      }
      results.appendChild(li);
    });
  }

  var current = null;
  function apply(push) {
    var state = fromForm();
    update(state);
    writeState(state, push);
  }
  function start() {
    data = window.zwgkLibrary;
    if (!data) { status.textContent = "文件目录没有载入，请从下面的分类列表查找。"; return; }
    facets = data.facets;
    hay = data.docs.map(function (row) { return normal(row[1] + " " + row[2]); });
    data.docs.forEach(function (row) { bySlug[row[0]] = row; });
    var state = readState();
    toForm(state);
    update(state);
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("change", function (event) { if (event.target.tagName === "SELECT") { apply(true); } });
    var typing = null;
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { apply(false); }, 200);
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      toForm({q: "", p: 1, f: {}});
      apply(true);
      input.focus();
    });
    function turn(by) {
      var state = {q: current.q, f: current.f, p: current.p + by};
      update(state);
      writeState(state, true);
      results.setAttribute("tabindex", "-1");
      results.focus();
    }
    pager.querySelector(".zw-library__prev").addEventListener("click", function () { turn(-1); });
    pager.querySelector(".zw-library__next").addEventListener("click", function () { turn(1); });
    window.addEventListener("popstate", function () {
      var state = readState();
      toForm(state);
      update(state);
    });
  }

  status.textContent = "正在载入文件目录……";
  var script = document.createElement("script");
  script.src = form.getAttribute("data-index");
  script.onload = start;
  script.onerror = function () { status.textContent = "文件目录没有载入，请从下面的分类列表查找。"; };
  document.head.appendChild(script);
})();
