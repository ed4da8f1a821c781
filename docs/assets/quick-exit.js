/* Quick exit: the button, its skip link, and Shift pressed three times leave at once for a neutral site.
   location.replace() keeps this page out of the history, so Back does not return to it. Every move from this
   page to another page of the site (a link, Material's search results, its n/p shortcuts) replaces this page's
   history entry too, so after the exit Back skips every page of the section (the bantuan/aman-membaca page tells
   readers what this does and does not do). */
(function () {
  "use strict";
  var exit = document.querySelector("[data-sso-exit]");
  if (!exit) { return; }
  var url = exit.getAttribute("data-sso-exit-url");
  var status = exit.querySelector(".sso-exit__status");
  var WINDOW_MS = 5000;
  /* Material's keyboard shortcuts to the previous and next page (its bundle sets location.href for them). */
  var SHORTCUTS = { p: "prev", ",": "prev", n: "next", ".": "next" };
  var presses = 0;
  var timer = null;

  /* The site's own keys in the browser's storage: Material's (prefixed with the site's path, `__md_scope`) and the
     participant-view choice of lesson-tools.js. Other sites that share the origin (GitHub Pages) keep theirs. */
  function forget() {
    var prefix = window.__md_scope ? window.__md_scope.pathname + "." : null;
    ["localStorage", "sessionStorage"].forEach(function (name) {
      try {
        var store = window[name];
        Object.keys(store).forEach(function (key) {
          if (key === "sso-participant-view" || (prefix && key.indexOf(prefix) === 0)) { store.removeItem(key); }
        });
      } catch (e) { /* storage blocked */ }
    });
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    forget();
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

  /* The link a plain primary click on `event` follows to a page of this site, or null when the browser should
     handle the click itself (new tab or window, download, another site, the exit's own links). */
  function siteLink(event) {
    if (event.defaultPrevented || event.button !== 0) { return null; }
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return null; }
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(link instanceof HTMLAnchorElement) || exit.contains(link) || link.hasAttribute("download")) { return null; }
    var target = link.getAttribute("target");
    if (target && target.toLowerCase() !== "_self") { return null; }
    if (link.protocol !== "http:" && link.protocol !== "https:") { return null; }
    return link.origin === window.location.origin ? link : null;
  }

  /* True while the reader types: Material ignores its shortcuts then (and while its search is open). */
  function typing(element) {
    if (!element) { return false; }
    if (element.tagName === "INPUT") { return element.type !== "radio"; }
    return element.tagName === "SELECT" || element.tagName === "TEXTAREA" || element.isContentEditable;
  }

  /* The `<link rel=prev|next>` Material's shortcut would follow for `event`, or null. */
  function shortcutLink(event) {
    var rel = SHORTCUTS.hasOwnProperty(event.key) ? SHORTCUTS[event.key] : null;
    if (!rel || event.ctrlKey || event.metaKey || event.isComposing || typing(document.activeElement)) { return null; }
    var search = document.querySelector("[data-md-toggle=search]");
    if (search && search.checked) { return null; }
    return document.querySelector("link[rel=" + rel + "][href]");
  }

  exit.querySelectorAll("a").forEach(function (link) { link.addEventListener("click", leave); });

  /* One listener for every link of the page, also those Material adds later (search results). The link keeps
     its href: without JavaScript, or with a modifier key, the browser follows it as usual. */
  document.addEventListener("click", function (event) {
    var link = siteLink(event);
    if (!link) { return; }
    event.preventDefault();
    window.location.replace(link.href);
  }, true);

  /* Runs before Material's own shortcut listener on window, which it stops. */
  window.addEventListener("keydown", function (event) {
    var link = shortcutLink(event);
    if (!link) { return; }
    event.preventDefault();
    event.stopPropagation();
    window.location.replace(link.href);
  }, true);

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
