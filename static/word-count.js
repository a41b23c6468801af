// Live word counts for texts with a word limit: the hint under each text area in a
// `data-word-limit` block says "N of at most L words" as the person types, counted as
// the server counts (runs of letters or digits; dashes and slashes separate words).
(function () {
  "use strict";
  function count(text) {
    return text.split(/[\s—–\/]+/).filter(function (w) { return /[\p{L}\p{N}]/u.test(w); }).length;
  }
  document.querySelectorAll("[data-word-limit]").forEach(function (block) {
    var area = block.querySelector("textarea");
    var hint = area && document.getElementById(area.id + "-hint");
    if (!hint) return;
    var limit = parseInt(block.dataset.wordLimit, 10);
    var template = block.dataset.wordTemplate; // "{words} of at most {limit} words"
    var over = block.dataset.wordOver;          // "{words} words: {limit} at most…"
    var timer = null;
    hint.setAttribute("aria-live", "polite");
    function update() {
      var n = count(area.value);
      var text = (n > limit ? over : template).replace("{words}", n).replace("{limit}", limit);
      hint.textContent = text;
      hint.classList.toggle("field-error", n > limit);
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
  });
})();
