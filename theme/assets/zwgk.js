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
})();
