// The budget page's live figures: line totals, headings 1–11, EU share, co-financing,
// and each rule (APP-01…APP-04, the lot's limits) met or not, as the person types. The
// server computes the same on every save (domain::budget); this only saves a round trip.
// Amounts are whole cents (BigInt would be exact beyond 2^53 cents, far above any budget).
(function () {
  "use strict";
  var root = document.querySelector("[data-budget]");
  if (!root) return;
  var limits = JSON.parse(root.getAttribute("data-budget"));
  var lang = root.getAttribute("data-locale");
  var NBSP = "\u00a0";

  function group(euros, sep) {
    return String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }
  function money(cents) {
    var neg = cents < 0, abs = Math.abs(cents);
    var euros = Math.floor(abs / 100), rest = abs % 100;
    var en = lang === "en";
    var s = group(euros, en ? "," : NBSP) + (rest ? (en ? "." : ",") + String(rest).padStart(2, "0") : "");
    s = (neg ? "-" : "") + s;
    return en ? "EUR" + NBSP + s : s + NBSP + "EUR";
  }
  // In the rules' sentences a value and its limit are compared: both with their cents.
  function exact(cents) {
    if (cents % 100 !== 0) return money(cents);
    var s = money(cents);
    return lang === "en" ? s + ".00" : s.replace(NBSP + "EUR", ",00" + NBSP + "EUR");
  }
  function percent(bp) {
    var s = (bp / 100).toFixed(2).replace(/\.?0+$/, "");
    return (lang === "en" ? s : s.replace(".", ",")) + " %";
  }
  // As the server reads amounts: grouping by space, comma, dot or apostrophe; at most two
  // decimals after the last "." or ",". NaN when unreadable.
  function cents(text) {
    var s = (text || "").replace(/EUR|€/g, "").replace(/[\s\u00a0\u202f']/g, "");
    if (!s) return 0;
    var m = s.match(/^(.*)[.,](\d{1,2})$/);
    var int = m ? m[1] : s, frac = m ? m[2] : "";
    int = int.replace(/[.,]/g, "");
    if (!/^\d+$/.test(int)) return NaN;
    return parseInt(int, 10) * 100 + (frac ? parseInt(frac.padEnd(2, "0"), 10) : 0);
  }
  function hundredths(text) {
    var s = (text || "").replace(/[\s\u00a0]/g, "");
    if (!s) return 0;
    var m = s.match(/^(\d+)(?:[.,](\d{1,2}))?$/);
    if (!m) return NaN;
    return parseInt(m[1], 10) * 100 + (m[2] ? parseInt(m[2].padEnd(2, "0"), 10) : 0);
  }
  function value(name) {
    var el = root.querySelector("[name=" + name + "]");
    return el ? cents(el.value) : 0;
  }
  function within(part, whole, pct) { return part * 100 <= whole * pct; }
  function pct(amount, p) { return Math.floor(amount * p / 100); }

  function update() {
    var headings = [0, 0, 0, 0, 0, 0];
    root.querySelectorAll("[data-line]").forEach(function (row) {
      var q = hundredths(row.querySelector("[data-quantity]").value);
      var c = cents(row.querySelector("[data-unit-cost]").value);
      var cell = row.querySelector("[data-total]");
      if (isNaN(q) || isNaN(c) || (!q && !c)) { cell.textContent = ""; return; }
      var total = Math.round(q * c / 100);
      cell.textContent = money(total);
      var h = parseInt(row.querySelector("select[name$=-heading]").value, 10) || 1;
      headings[h - 1] += total;
    });
    var direct = headings.reduce(function (a, b) { return a + b; }, 0);
    var contingency = value("contingency"), indirect = value("indirect");
    var totalDirect = direct + contingency, total = totalDirect + indirect;
    var eu = value("eu_contribution");
    var sources = eu + value("own_contribution") + value("other_donors") + value("income");
    var share = total > 0 ? Math.floor(eu * 10000 / total) : null;
    var sums = {
      direct: money(direct), contingency: money(contingency), total_direct: money(totalDirect),
      indirect: money(indirect), total_eligible: money(total),
      eu_share: share === null ? "–" : percent(share), co_financing: money(Math.max(total - eu, 0))
    };
    headings.forEach(function (v, i) { sums["h" + (i + 1)] = money(v); });
    Object.keys(sums).forEach(function (k) {
      var cell = document.querySelector("[data-sum=" + k + "]");
      if (!cell) return;
      var strong = cell.querySelector("strong");
      (strong || cell).textContent = sums[k];
    });
    var L = limits;
    var months = L.months;
    var rules = {
      "budget-rule-contingency": [within(contingency, direct, L.contingency_pct), { amount: exact(contingency), limit: exact(pct(direct, L.contingency_pct)) }],
      "budget-rule-indirect": [within(indirect, totalDirect, L.indirect_pct), { amount: exact(indirect), limit: exact(pct(totalDirect, L.indirect_pct)) }],
      "budget-rule-grant-range": [eu >= L.min_grant && eu <= L.max_grant, { amount: exact(eu), min: exact(L.min_grant), max: exact(L.max_grant) }],
      "budget-rule-eu-share": [total > 0 && eu * 10000 >= L.min_share * total && eu * 10000 <= L.max_share * total, { share: percent(share || 0), min: percent(L.min_share), max: percent(L.max_share), amount: exact(eu), total: exact(total), low: exact(Math.ceil(L.min_share * total / 10000)), high: exact(Math.floor(L.max_share * total / 10000)) }],
      "budget-rule-sources": [total > 0 && sources === total, { sources: exact(sources), total: exact(total) }],
      "budget-rule-duration": [months >= L.min_months && months <= L.max_months, { months: String(months), min: String(L.min_months), max: String(L.max_months) }]
    };
    if (L.estimate !== undefined) {
      var allowed = pct(L.estimate, L.tolerance_pct);
      rules["budget-rule-concept-estimate"] = [within(Math.abs(eu - L.estimate), L.estimate, L.tolerance_pct),
        { amount: exact(eu), estimate: exact(L.estimate), min: exact(Math.max(L.estimate - allowed, 0)), max: exact(L.estimate + allowed) }];
    }
    document.querySelectorAll("[data-rule]").forEach(function (li) {
      var r = rules[li.getAttribute("data-rule")];
      if (!r) return;
      var template = li.getAttribute(r[0] ? "data-template" : "data-template-unmet") || li.getAttribute("data-template");
      var text = template.replace(/\{(\w+)\}/g, function (_, k) { return r[1][k] !== undefined ? r[1][k] : ""; });
      li.querySelector("[data-text]").textContent = text;
      var badge = li.querySelector(".badge");
      badge.textContent = r[0] ? badge.getAttribute("data-met") : badge.getAttribute("data-unmet");
      badge.className = "badge " + (r[0] ? "badge-ok" : "badge-danger");
    });
  }
  root.addEventListener("input", update);
  root.addEventListener("change", update);
})();
