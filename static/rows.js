// "Add a row" for the tables of a form (results, indicators, activities, budget lines).
// Without JavaScript the page already offers blank rows, and saving offers more; with it,
// a button marked `data-add-row="<container id>"` copies the container's last row, blank,
// with the next number in every name and id. A container may say which name prefixes
// carry its rows' number (`data-prefixes`); otherwise it is the row id without its number.
(function () {
  "use strict";
  function renumber(node, prefixes, from, to) {
    var attrs = ["id", "name", "for", "aria-describedby", "aria-labelledby", "data-add-row"];
    var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll("*")));
    all.forEach(function (el) {
      attrs.forEach(function (a) {
        var v = el.getAttribute && el.getAttribute(a);
        if (!v) return;
        prefixes.forEach(function (p) {
          v = v.replace(new RegExp("(^|\\s)" + p + "-" + from + "(?![0-9])", "g"), "$1" + p + "-" + to);
        });
        el.setAttribute(a, v);
      });
    });
  }
  function blank(node) {
    node.querySelectorAll("input, textarea, select").forEach(function (el) {
      if (el.type === "checkbox") el.checked = false;
      else if (el.tagName === "SELECT") el.selectedIndex = 0;
      else el.value = "";
      el.removeAttribute("aria-invalid");
    });
    node.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
    node.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    node.classList.remove("has-error");
    node.querySelectorAll("[data-total]").forEach(function (el) { el.textContent = ""; });
  }
  function addRow(button) {
    var container = document.getElementById(button.getAttribute("data-add-row"));
    if (!container) return;
    var rows = Array.prototype.filter.call(container.children, function (c) { return /-\d+$/.test(c.id); });
    var last = rows[rows.length - 1];
    if (!last) return;
    var m = last.id.match(/^(.*)-(\d+)$/);
    var from = parseInt(m[2], 10), to = from + 1;
    var prefixes = (container.getAttribute("data-prefixes") || m[1]).split(",");
    var copy = last.cloneNode(true);
    renumber(copy, prefixes, from, to);
    blank(copy);
    var legend = copy.querySelector("legend");
    if (legend) legend.textContent = legend.textContent.replace(new RegExp("\\b" + from + "\\b"), String(to));
    last.parentNode.insertBefore(copy, last.nextSibling);
    var first = copy.querySelector("input:not([type=hidden]), textarea");
    if (first) first.focus();
    container.dispatchEvent(new Event("input", { bubbles: true }));
  }
  document.querySelectorAll("[data-add-row]").forEach(function (button) { button.hidden = false; });
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-add-row]");
    if (button) addRow(button);
  });
})();
