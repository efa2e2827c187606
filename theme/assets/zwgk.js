/* 长者模式（大字、高对比）: a header button, remembered in this browser only (no outside request). */
(function () {
  var KEY = "zwgk-elder";
  var root = document.documentElement;
  function stored() { try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; } }
  function apply(on) {
    root.classList.toggle("zw-elder", on);
    var button = document.querySelector(".zw-elder-toggle");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "标准模式" : "长者模式";
    }
  }
  var header = document.querySelector(".md-header__inner");
  if (header) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "zw-elder-toggle";
    button.title = "放大字号、提高对比度";
    button.addEventListener("click", function () {
      var on = !root.classList.contains("zw-elder");
      try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
      apply(on);
    });
    var search = header.querySelector(".md-search");
    header.insertBefore(button, search || null);
  }
  apply(stored());

  // The menu button on phones and at 200 % zoom is a <label> Material leaves out of the tab order: make it a
  // keyboard button that opens the drawer, moves into it, and closes it again with Esc.
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector('.md-header label[for="__drawer"]');
  if (drawer && menu) {
    menu.setAttribute("role", "button");
    menu.setAttribute("tabindex", "0");
    menu.setAttribute("aria-label", "栏目导航");
    var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    drawer.addEventListener("change", sync);
    sync();
    menu.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      event.preventDefault();
      event.stopPropagation();  // Material would click a focused label on Enter too, closing it again
      menu.click();             // the label toggles the checkbox, as a tap does
      var first = drawer.checked && document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (first) { setTimeout(function () { first.focus(); }, 0); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) { drawer.click(); menu.focus(); }
    });
  }

  // 字号 大/中/小 and 打印 on a document page: the template leaves them hidden, so that a browser without
  // scripts shows no buttons that do nothing. The size is remembered in this browser, as 长者模式 is.
  var tools = document.querySelector(".zw-doc-tools");
  // set on the article: its headings, page title included, scale with the text and keep their order
  var text = tools && tools.closest("article");
  if (tools && text) {
    var SIZE_KEY = "zwgk-size", SCALES = {large: "1.25", medium: "1", small: "0.9"};
    var sizes = tools.querySelectorAll("[data-zw-size]");
    var setSize = function (size) {
      if (!SCALES[size]) { size = "medium"; }
      text.style.setProperty("--zw-scale", SCALES[size]);
      for (var k = 0; k < sizes.length; k++) {
        sizes[k].setAttribute("aria-pressed", sizes[k].getAttribute("data-zw-size") === size ? "true" : "false");
      }
    };
    for (var j = 0; j < sizes.length; j++) {
      sizes[j].addEventListener("click", function (event) {
        var size = event.currentTarget.getAttribute("data-zw-size");
        try { localStorage.setItem(SIZE_KEY, size); } catch (e) { /* private mode: this page only */ }
        setSize(size);
      });
    }
    var print = tools.querySelector(".zw-doc-tools__print");
    if (print) { print.addEventListener("click", function () { window.print(); }); }
    var saved = null;
    try { saved = localStorage.getItem(SIZE_KEY); } catch (e) { /* no storage: the usual size */ }
    setSize(saved);
    tools.hidden = false;
  }

  // "左右滑动查看" over a wide table: only where it does not fit (CSS shows it on narrow screens without scripts).
  var hints = document.querySelectorAll(".zw-scroll-hint");
  var fitHints = function () {
    for (var h = 0; h < hints.length; h++) {
      var wrap = hints[h].nextElementSibling;
      var fits = wrap && wrap.scrollWidth <= wrap.clientWidth + 1;
      hints[h].classList.toggle("zw-scroll-hint--off", !!fits);
    }
  };
  if (hints.length) { fitHints(); window.addEventListener("resize", fitHints); }

  // Material's search panel is a dialog without a name (axe: aria-dialog-name).
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "站内搜索"); }

  // Tables written in Markdown bodies scroll inside Material's wrapper on phones: let keyboard users reach
  // and scroll it, and tell screen-reader users what it holds (axe: scrollable-region-focusable).
  function labelScrollers() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.hasAttribute("tabindex")) { continue; }
      // its caption, else a heading (or a paragraph that is all bold) just before it, else its column headers
      var caption = wrap.querySelector("caption");
      var before = wrap.previousElementSibling;
      var titled = before && (/^H[2-6]$/.test(before.tagName) || (before.tagName === "P" && before.children.length === 1 &&
        before.firstElementChild.tagName === "STRONG" && before.textContent.trim() === before.firstElementChild.textContent.trim()));
      var headers = [].map.call(wrap.querySelectorAll("tr:first-child > th"), function (th) { return th.textContent.trim(); });
      var name = caption ? caption.textContent : titled ? before.textContent : headers.join("、");
      name = name.replace(/\s+/g, " ").trim();
      if (name.length > 40) { name = name.slice(0, 40) + "…"; }
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", name ? "表格：" + name : "表格");
    }
  }
  // Material wraps the tables when its document$ fires; subscribing after it runs this once they are wrapped.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(labelScrollers);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", labelScrollers);
  } else {
    labelScrollers();
  }
})();
