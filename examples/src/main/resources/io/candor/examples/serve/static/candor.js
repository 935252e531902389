// Progressive enhancement: submit Candor's forms without reloading the page and move the focus
// to the result (or the error). Without this script the forms post and reload as usual.
"use strict";
(function () {
  function attach(form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData || !window.DOMParser) {
        return; // an old browser posts the form the ordinary way
      }
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      var started = performance.now();
      if (button) { button.setAttribute("aria-busy", "true"); button.disabled = true; }
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById("main");
          if (!fresh) { throw new Error("no page in the answer"); }
          var main = document.getElementById("main");
          main.innerHTML = fresh.innerHTML;
          document.title = page.title;
          main.querySelectorAll("form.candor-form").forEach(attach);
          var target = document.getElementById("error") || document.getElementById("results-heading");
          if (target) { target.focus(); }
          var body = document.body;
          body.setAttribute("data-round-trip-ms", String(Math.round(performance.now() - started)));
          body.setAttribute("data-submissions", String(Number(body.getAttribute("data-submissions") || "0") + 1));
        })
        .catch(function () { form.submit(); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.candor-form").forEach(attach);
  });
})();
