/* Quick exit: the button, its skip link, and Shift pressed three times leave at once for a neutral site.
   location.replace() keeps this page out of the history, so Back does not return to it. */
(function () {
  "use strict";
  var exit = document.querySelector("[data-sso-exit]");
  if (!exit) { return; }
  var url = exit.getAttribute("data-sso-exit-url");
  var status = exit.querySelector(".sso-exit__status");
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add("sso-exiting");
    document.title = "";
    window.location.replace(url);
  }

  function say(text) { if (status) { status.textContent = text; } }

  function reset(announce) {
    presses = 0;
    if (timer) { window.clearTimeout(timer); timer = null; }
    if (announce) { say("Hitungan tombol Shift diulang dari awal."); }
  }

  exit.querySelectorAll("a").forEach(function (link) { link.addEventListener("click", leave); });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      if (presses > 0) { reset(true); }
      return;
    }
    if (event.repeat) { return; }
    presses += 1;
    if (presses >= 3) { reset(false); say("Keluar dari halaman ini."); leave(); return; }
    say("Shift ditekan " + presses + " kali. Tekan " + (3 - presses) + " kali lagi untuk keluar cepat.");
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(function () { reset(true); }, WINDOW_MS);
  });

  /* A page restored from the back-forward cache after an exit stays hidden. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("sso-exiting")) { window.location.replace(url); }
  });
})();
