// The evaluation grids as tables: the textarea in each `data-grid-editor` block gets a table of
// its sections and sub-criteria above it, kept in step with the text (which is what the
// form sends, and what stays when JavaScript is off). The text format is the one the
// server reads: "1 Title | relevance, carried over" and "1.1 Title | x2".
(function () {
  "use strict";

  function parse(text) {
    var rows = [];
    text.split(/\r?\n/).forEach(function (raw) {
      var line = raw.trim();
      if (!line || line.charAt(0) === "#") return;
      var bar = line.indexOf("|");
      var head = (bar >= 0 ? line.slice(0, bar) : line).trim();
      var flags = bar >= 0 ? line.slice(bar + 1).toLowerCase().split(",").map(function (f) { return f.trim(); }) : [];
      var space = head.search(/\s/);
      var code = (space >= 0 ? head.slice(0, space) : head).replace(/\.$/, "");
      var title = space >= 0 ? head.slice(space + 1).trim() : "";
      if (code.indexOf(".") >= 0) {
        rows.push({ kind: "criterion", code: code, title: title, double: flags.indexOf("x2") >= 0 });
      } else {
        rows.push({
          kind: "section", code: code, title: title,
          role: flags.indexOf("relevance") >= 0 ? "relevance" : flags.indexOf("capacity") >= 0 ? "capacity" : "",
          carried: flags.indexOf("carried over") >= 0
        });
      }
    });
    return rows;
  }

  function serialise(rows) {
    return rows.map(function (r) {
      var flags = [];
      if (r.kind === "section") {
        if (r.role) flags.push(r.role);
        if (r.carried) flags.push("carried over");
      } else if (r.double) {
        flags.push("x2");
      }
      return r.code + " " + r.title + (flags.length ? " | " + flags.join(", ") : "");
    }).join("\n") + "\n";
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "checked") e.checked = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }

  function nextCode(rows, index) {
    // The next sub-criterion code of the section at `index` ("2" -> "2.4").
    var section = rows[index].code, n = 0;
    for (var i = index + 1; i < rows.length && rows[i].kind === "criterion"; i++) n++;
    return section + "." + (n + 1);
  }

  function setUp(block) {
    var l = block.dataset;
    var area = block.querySelector("textarea");
    var rows = parse(area.value);
    var wrap = el("div", { "class": "grid-editor" });
    var region = el("div", { "class": "table-wrap", tabindex: "0", role: "region", "aria-label": l.lTable });
    var table = el("table", { "class": "grid-edit-table" });
    var addSection = el("button", { type: "button", "class": "button button-secondary button-small", text: l.lAddSection });
    var toggle = el("button", { type: "button", "class": "link-button", text: l.lAsText });
    var field = area.closest(".field");
    region.appendChild(table);
    wrap.appendChild(region);
    wrap.appendChild(el("p", { "class": "actions" }, [addSection, toggle]));
    field.parentNode.insertBefore(wrap, field);
    // A grid the server refused opens as text, where its errors are shown by line.
    var asText = field.classList.contains("has-error");
    field.hidden = !asText;
    region.hidden = asText;
    addSection.hidden = asText;
    toggle.textContent = asText ? l.lAsTable : l.lAsText;

    function sync() { area.value = serialise(rows); }

    function render() {
      table.textContent = "";
      table.appendChild(el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: l.lCode }), el("th", { scope: "col", text: l.lTitle }),
        el("th", { scope: "col", text: l.lHow }), el("th", { scope: "col", text: l.lActions })
      ])]));
      var body = el("tbody");
      rows.forEach(function (r, i) {
        var name = (r.code || "?") + " " + (r.title || "");
        var code = el("input", { type: "text", value: r.code, size: "5", "aria-label": l.lCode + " — " + name });
        code.addEventListener("input", function () { r.code = code.value.trim(); sync(); });
        var title = el("input", { type: "text", value: r.title, "aria-label": l.lTitle + " — " + name });
        title.addEventListener("input", function () { r.title = title.value; sync(); });
        var how = el("td");
        if (r.kind === "section") {
          var role = el("select", { "aria-label": l.lRole + " — " + name }, [
            el("option", { value: "", text: l.lRoleOther }), el("option", { value: "relevance", text: l.lRoleRelevance }),
            el("option", { value: "capacity", text: l.lRoleCapacity })
          ]);
          role.value = r.role;
          role.addEventListener("change", function () { r.role = role.value; sync(); });
          var carried = el("input", { type: "checkbox", checked: r.carried });
          carried.addEventListener("change", function () { r.carried = carried.checked; sync(); });
          how.appendChild(role);
          how.appendChild(el("label", { "class": "choice" }, [carried, document.createTextNode(" " + l.lCarried)]));
        } else {
          var dbl = el("input", { type: "checkbox", checked: r.double });
          dbl.addEventListener("change", function () { r.double = dbl.checked; sync(); });
          how.appendChild(el("label", { "class": "choice" }, [dbl, document.createTextNode(" " + l.lDouble)]));
        }
        var remove = el("button", { type: "button", "class": "link-button", text: l.lRemove, "aria-label": l.lRemove + " — " + name });
        remove.addEventListener("click", function () {
          var end = i + 1;
          if (r.kind === "section") while (end < rows.length && rows[end].kind === "criterion") end++;
          rows.splice(i, end - i);
          sync(); render();
          addSection.focus();
        });
        var actions = el("td", {}, [remove]);
        if (r.kind === "section") {
          var add = el("button", { type: "button", "class": "link-button", text: l.lAddCriterion, "aria-label": l.lAddCriterion + " — " + name });
          add.addEventListener("click", function () {
            var at = i + 1;
            while (at < rows.length && rows[at].kind === "criterion") at++;
            rows.splice(at, 0, { kind: "criterion", code: nextCode(rows, i), title: "", double: false });
            sync(); render();
            table.querySelectorAll("tbody tr")[at].querySelector("input[type=text]:not([size])").focus();
          });
          actions.insertBefore(add, remove);
          actions.insertBefore(document.createTextNode(" · "), remove);
        }
        body.appendChild(el("tr", { "class": r.kind === "section" ? "section-row" : "" }, [
          el("td", {}, [code]), el("td", {}, [title]), how, actions
        ]));
      });
      table.appendChild(body);
    }

    addSection.addEventListener("click", function () {
      var n = rows.filter(function (r) { return r.kind === "section"; }).length + 1;
      rows.push({ kind: "section", code: String(n), title: "", role: "", carried: false });
      sync(); render();
      var inputs = table.querySelectorAll("tbody tr:last-child input[type=text]");
      inputs[inputs.length - 1].focus();
    });
    toggle.addEventListener("click", function () {
      var toText = !region.hidden;
      if (!toText) { rows = parse(area.value); render(); }
      region.hidden = toText;
      addSection.hidden = toText;
      field.hidden = !toText;
      toggle.textContent = toText ? l.lAsTable : l.lAsText;
      (toText ? area : toggle).focus();
    });
    render();
  }

  document.querySelectorAll("[data-grid-editor]").forEach(setUp);
})();
