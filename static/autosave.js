// Saves a form in the background while the person types (forms marked `data-autosave`
// with the address to post to): 20 seconds after the last change, and when the page is
// hidden. The server refuses a save based on an older version, so nothing another
// member saved is ever overwritten; the status line says what happened.
(function () {
  "use strict";
  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    var url = form.dataset.autosave;
    var status = document.getElementById("autosave-status");
    var version = form.querySelector("input[name=version]");
    var dirty = false, timer = null, stopped = false;
    function save() {
      if (!dirty || stopped) return;
      dirty = false;
      fetch(url, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; }); })
        .then(function (res) {
          if (res.ok && res.body.version) version.value = res.body.version;
          if (res.status === 409) stopped = true; // the person saves by hand to compare
          if (status) status.textContent = res.body.message || "";
        })
        .catch(function () { dirty = true; });
    }
    form.addEventListener("input", function () {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, 20000);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save();
    });
  });
})();
