/* 站内搜索: a search box in the header of every page, and the search page (search.html), which queries the
   static Pagefind index in pagefind/ (written by hooks/zwgk/search.py). Everything is loaded from this site. */
(function () {
  "use strict";
  var HAN = "\u3400-\u9fff\uf900-\ufaff";
  var RUN = new RegExp("[" + HAN + "]+|[0-9A-Za-z]+", "g");
  var PAIR_END = new RegExp("[" + HAN + "]{2}$");
  var HAN_START = new RegExp("^[" + HAN + "]");
  var PAGE_SIZE = 10;

  function halfWidth(text) {
    return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    });
  }

  // The same rule as tokens() in hooks/zwgk/search.py: Chinese runs as overlapping two-character pieces,
  // ASCII words and numbers whole, punctuation and spaces only separate.
  function runs(text) { return halfWidth(text).match(RUN) || []; }
  function tokens(text) {
    var out = [];
    runs(text).forEach(function (run) {
      if (run.length < 3 || /^[0-9A-Za-z]+$/.test(run)) { out.push(run); return; }
      for (var i = 0; i + 1 < run.length; i++) { out.push(run.slice(i, i + 2)); }
    });
    return out;
  }

  // Indexed words back to text: 养老 老服 服务， → 养老服务，
  function readable(words) {
    var out = "", prev = "";
    words.forEach(function (word) {
      if (PAIR_END.test(prev) && HAN_START.test(word) && word.charAt(0) === prev.charAt(prev.length - 1)) {
        out += word.slice(1);
      } else if (/[0-9A-Za-z]$/.test(out) && /^[0-9A-Za-z]/.test(word)) {
        out += " " + word;
      } else {
        out += word;
      }
      prev = word;
    });
    return out;
  }

  // `text` into `parent` as text nodes, with every occurrence of a query run in <mark>.
  function marked(parent, text, query) {
    // a number or ASCII word only where it stands alone: the 5 of 〔2023〕5号, not of 536.8
    var needles = runs(query).map(function (r) {
      var escaped = r.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return /^[0-9A-Za-z]/.test(r) ? "(?<![0-9A-Za-z])" + escaped + "(?![0-9A-Za-z])" : escaped;
    });
    var pieces = needles.length ? halfWidth(text).split(new RegExp("(" + needles.join("|") + ")", "i")) : [text];
    var original = 0;
    pieces.forEach(function (piece, i) {
      var shown = text.substr(original, piece.length);  // half-width only changed characters, not lengths
      original += piece.length;
      if (!piece) { return; }
      if (i % 2) {
        var mark = document.createElement("mark");
        mark.textContent = shown;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(shown));
      }
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // ---------------------------------------------------------------- the header box, on every page
  var header = document.querySelector(".md-header__inner");
  var logo = document.querySelector("a.md-logo[href]");
  var page = document.querySelector("form.zw-search[data-bundle]");
  if (header && logo) {
    var box = element("form", "zw-header-search");
    box.setAttribute("role", "search");
    box.setAttribute("aria-label", "站内搜索");
    box.action = new URL("search.html", logo.href).href;
    var input = element("input", "zw-header-search__input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "搜索文件、文号";
    input.setAttribute("aria-label", "搜索政策文件、解读（标题、文号、正文）");
    var go = element("button", "zw-header-search__button");
    go.type = "submit";
    go.setAttribute("aria-label", "搜索");
    go.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 ' +
      '9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.516 6.516 0 0 1 9.5 16 6.5 6.5 0 ' +
      '0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"/></svg>';
    box.appendChild(input);
    box.appendChild(go);
    header.insertBefore(box, header.querySelector(".zw-elder-toggle"));
    if (page) { box.hidden = true; }  // the search page has its own, larger form
  }

  // ---------------------------------------------------------------- the search page
  if (!page) { return; }
  var status = document.querySelector(".zw-search__status");
  var list = document.querySelector(".zw-search__results");
  var more = document.querySelector(".zw-search__more");
  var field = page.elements.q;
  var params = new URLSearchParams(location.search);
  field.value = params.get("q") || "";

  function say(text) { status.textContent = text; }

  if (location.protocol === "file:") {
    say("从本地文件打开时浏览器不允许搜索，请通过网站服务器访问本站后再搜索。");
    return;
  }
  var bundle = new URL(page.getAttribute("data-bundle"), location.href);
  var root = new URL(".", new URL(page.getAttribute("data-root"), location.href));
  var engine = null;
  function pagefind() {
    if (!engine) {
      engine = import(bundle.href).then(function (pf) {
        return Promise.resolve(pf.options({ basePath: new URL(".", bundle).href, baseUrl: "/" })).then(function () {
          // Pagefind takes its language from <html lang> when it starts, and for zh it would cut the query
          // again with the browser's segmenter; the index is language "und" (see search.py). init() reads
          // the attribute synchronously, so it is "und" for that one call only.
          var html = document.documentElement, lang = html.getAttribute("lang");
          html.setAttribute("lang", "und");
          var started = pf.init();
          html.setAttribute("lang", lang);
          return started;
        }).then(function () {  // a large site's index comes in parts (hooks/zwgk/search.py): merge the others
          return fetch(new URL("parts.json", bundle).href).then(function (answer) { return answer.json(); });
        }).then(function (parts) {
          return Promise.all(parts.map(function (part) { return pf.mergeIndex(new URL(part, bundle).href); }));
        }).then(function () { return pf; });
      });
    }
    return engine;
  }

  var results = [], shown = 0, query = "", serial = 0;

  // Pages with the whole query as typed (its pieces next to each other: a phrase search), in the order of the
  // plain search for all the pieces, which ranks title and 文号 matches first (phrase results come unranked).
  // If no page has the phrase, every page with all the pieces anywhere.
  function find(words) {
    return pagefind().then(function (pf) {
      var phrase = words.length > 1 ? pf.search('"' + words.join(" ") + '"') : Promise.resolve(null);
      return phrase.then(function (exact) {
        return pf.search(words.join(" ")).then(function (all) {
          if (!exact) { return { found: all, phrase: true }; }
          if (!exact.results.length) { return { found: all, phrase: false }; }
          var ids = {};
          exact.results.forEach(function (r) { ids[r.id] = true; });
          var ranked = all.results.filter(function (r) { return ids[r.id]; });
          return numbersFirst(words, ranked).then(function (results) { return { found: { results: results }, phrase: true }; });
        });
      });
    });
  }

  // A query with a year and 号 is a 文号, or part of one: the documents bearing it come before those citing it.
  // (Ranking alone cannot tell, in particular across the parts of a large index.)
  function numbersFirst(words, results) {
    var typed = " " + words.join(" ") + " ";
    if (!/ \d{4} /.test(typed) || words[words.length - 1] !== "号" || results.length > 200) {
      return Promise.resolve(results);
    }
    return Promise.all(results.map(function (r) { return r.data(); })).then(function (all) {
      var bearing = [], citing = [];
      all.forEach(function (data, i) {
        var number = " " + tokens((data.meta && data.meta.number) || "").join(" ") + " ";
        (number.indexOf(typed) >= 0 ? bearing : citing).push(results[i]);
      });
      return bearing.concat(citing);
    });
  }

  function run() {
    var mine = ++serial;
    query = field.value.trim();
    var words = tokens(query);
    list.textContent = "";
    more.hidden = true;
    if (!words.length) {
      say(query ? "请输入要查找的汉字、文号或数字。" : "请输入要查找的词语或文号。");
      return;
    }
    say("正在搜索……");
    find(words).then(function (answer) {
      if (mine !== serial) { return; }
      results = answer.found.results;
      shown = 0;
      if (!results.length) {
        say("没有找到包含“" + query + "”的内容。可以换一个词，或只输入文号中的年份和序号，例如“2024 3号”。");
        return;
      }
      return showMore().then(function () {  // announced once the first results are on the page
        if (mine !== serial) { return; }
        say("找到 " + results.length + " 条结果" + (answer.phrase ? "。" : "（没有完整包含“" + query + "”的，以下结果分别包含其中的字词）。"));
      });
    }).catch(function () {
      if (mine === serial) { say("搜索暂时无法使用（搜索索引没有加载成功），请稍后再试，或从网站地图查找。"); }
    });
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (data) { list.appendChild(entry(data)); });
      more.hidden = shown >= results.length;
    });
  }

  function entry(data) {
    var meta = data.meta || {};
    var li = element("li", "zw-entry zw-search__entry");
    var link = element("a", "zw-entry__title");
    link.href = new URL(data.url.replace(/^\//, ""), root).href;
    marked(link, meta.title || data.url, query);
    li.appendChild(link);
    if (meta.kind && meta.kind !== "政策文件") { li.appendChild(element("span", "zw-badge", meta.kind === "其他" ? "公开页面" : meta.kind)); }
    var line = element("span", "zw-entry__meta");
    if (meta.number) { line.appendChild(element("span", "zw-entry__number", meta.number)); }
    var time = element("time", "", meta.date);
    time.setAttribute("datetime", meta.date || "");
    line.appendChild(time);
    li.appendChild(line);
    var excerpt = element("p", "zw-search__excerpt");
    marked(excerpt, snippet(data, meta), query);
    if (excerpt.textContent) { li.appendChild(excerpt); }
    return li;
  }

  // About 40 words of the body around the query, or the first match of one of its pieces, after the title and
  // 文号 (which the index holds first).
  function snippet(data, meta) {
    var words = data.content.split(/\s+/).filter(Boolean);
    var head = tokens((meta.title || "") + " " + (meta.number || "")).length;
    var wanted = tokens(query);
    var at = phraseAt(words, wanted, head);  // a query of several pieces: where they stand together, else the start
    if (wanted.length < 2) { at = (data.locations || []).filter(function (l) { return l >= head; })[0]; }
    if (at < 0) { at = undefined; }
    var start = at === undefined ? head : Math.max(head, at - 12);
    var text = readable(words.slice(start, start + 40)).replace(/^\.\s*/, "");
    return (start > head ? "……" : "") + text + (start + 40 < words.length ? "……" : "");
  }

  function phraseAt(words, wanted, from) {
    var bare = words.map(function (w) { return w.replace(/[^0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]/g, ""); });
    for (var i = from; wanted.length > 1 && i + wanted.length <= bare.length; i++) {
      for (var j = 0; j < wanted.length && bare[i + j] === wanted[j]; j++) { /* compare */ }
      if (j === wanted.length) { return i; }
    }
    return -1;
  }

  page.addEventListener("submit", function (event) {
    event.preventDefault();
    var next = new URLSearchParams();
    next.set("q", field.value.trim());
    history.replaceState(null, "", "?" + next.toString());
    run();
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) { link.focus(); }
    });
  });
  if (field.value.trim()) { run(); } else { field.focus(); }
  // for tests and bench/search_compare.py: the query as the page runs it
  window.zwgkSearch = { tokens: tokens, readable: readable, find: function (query) { return find(tokens(query)); } };
})();
