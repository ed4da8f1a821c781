/* Site search: the header's button (or the / and s keys) opens a dialog that searches with Pagefind.

   Nothing of the search is downloaded before the dialog opens; then Pagefind's script, its WebAssembly (with the
   Indonesian stemmer) and, per query, only the index chunks and result fragments that query needs. Search words
   stay on this page: no address, no history entry and no storage ever holds them, and closing the dialog forgets
   them. Result links are the pages' plain addresses. The build writes the index (hooks/search_index.py). */
(function () {
  "use strict";
  var dialog = document.getElementById("sso-search");
  var opener = document.querySelector("[data-sso-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function") { return; }
  var input = dialog.querySelector("#sso-search-input");
  var status = dialog.querySelector("[data-sso-search-status]");
  var list = dialog.querySelector("#sso-search-results");
  var more = dialog.querySelector("[data-sso-search-more]");
  var filters = Array.prototype.slice.call(dialog.querySelectorAll("[data-sso-filter]"));
  /* On the pages that carry the quick exit, the modal dialog would make its button unreachable: while the dialog
     is open the exit (the same element, so quick-exit.js still handles it) moves into it, first in focus order. */
  var exit = document.querySelector("[data-sso-exit]");
  var exitHome = exit ? { parent: exit.parentNode, next: exit.nextSibling } : null;
  var bundle = new URL(dialog.getAttribute("data-sso-bundle"), document.baseURI).href;
  var root = new URL(dialog.getAttribute("data-sso-root") || "./", document.baseURI).pathname;
  var PAGE = 8;          /* results shown at once: each one shown downloads its own small fragment */
  var WAIT_MS = 200;     /* typing pause before a search runs */
  var pagefind = null;   /* the loaded module (a promise until it has loaded) */
  var current = 0;       /* number of the latest search: an older one that finishes later shows nothing */
  var found = [];        /* the latest search's results, not yet shown ones included */
  var shown = 0;
  var timer = null;

  function say(text) { status.textContent = text; }

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        /* No web worker: one file (12 KB) less per search, and searching a few thousand pages takes the main
           thread only milliseconds. */
        return module.options({ baseUrl: root, excerptLength: 24, noWorker: true }).then(function () {
          module.init();
          return module;
        });
      });
      pagefind.catch(function () { pagefind = null; });  /* offline: the next search tries again */
    }
    return pagefind;
  }

  function chosenFilters() {
    var chosen = {};
    filters.forEach(function (select) {
      if (select.value) { chosen[select.getAttribute("data-sso-filter")] = select.value; }
    });
    return chosen;
  }

  /* Pagefind's excerpt is text with its HTML characters escaped and the matched words in <mark>: it is read in an
     inert document, and only its text and <mark> elements are copied. */
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var out = document.createElement("p");
    out.className = "sso-search__excerpt";
    Array.prototype.forEach.call(parsed ? parsed.childNodes : [], function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  /* The page's plain address: no query and no fragment, whatever Pagefind returns. */
  function plain(url) {
    var address = new URL(url, window.location.origin);
    address.search = "";
    address.hash = "";
    return address.pathname;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "sso-search__result";
    var link = document.createElement("a");
    link.className = "sso-search__link";
    link.href = plain(data.url);
    link.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(link);
    var kinds = (data.filters && data.filters.jenis) || [];
    var readers = (data.filters && data.filters.pembaca) || [];
    if (kinds.length || readers.length) {
      var about = document.createElement("p");
      about.className = "sso-search__about";
      var whom = readers.length ? ["untuk " + readers.join(", ").toLowerCase()] : [];
      about.textContent = kinds.concat(whom).join(" · ");
      li.appendChild(about);
    }
    if (data.excerpt) { li.appendChild(excerpt(data.excerpt)); }
    return li;
  }

  function showMore(search) {
    var next = found.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (search !== current) { return; }
      pages.forEach(function (data) { list.appendChild(item(data)); });
      shown += next.length;
      more.hidden = shown >= found.length;
    });
  }

  function run() {
    timer = null;
    var query = input.value.trim();
    var search = ++current;
    list.textContent = "";
    more.hidden = true;
    found = [];
    shown = 0;
    if (!query) { say(""); return; }
    say("Mencari…");
    load().then(function (module) {
      return module.search(query, { filters: chosenFilters() });
    }).then(function (result) {
      if (search !== current || !result) { return; }
      found = result.results;
      if (!found.length) {
        var filtered = Object.keys(chosenFilters()).length > 0;
        say("Tidak ada halaman yang cocok. Coba kata lain" +
            (filtered ? ", atau pilih Semua pembaca dan Semua jenis." : "."));
        return;
      }
      return showMore(search).then(function () {
        if (search === current) { say("Ditemukan " + found.length + " halaman."); }
      });
    }).catch(function () {
      if (search === current) { say("Pencarian tidak dapat dimuat. Periksa sambungan internet, lalu coba lagi."); }
    });
  }

  function schedule() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(run, WAIT_MS);
  }

  function open() {
    if (dialog.open) { return; }
    if (exit) { dialog.insertBefore(exit, dialog.firstChild); }
    dialog.showModal();
    input.focus();
    load().catch(function () { /* said when a search runs */ });
  }

  /* Closing forgets the search: on a shared phone the next person finds an empty box. */
  function forget() {
    if (timer) { window.clearTimeout(timer); timer = null; }
    current += 1;
    input.value = "";
    filters.forEach(function (select) { select.value = ""; });
    list.textContent = "";
    more.hidden = true;
    found = [];
    shown = 0;
    say("");
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  /* True while the reader types in a field (the theme's and the quick exit's shortcuts wait then too). */
  function typing(element) {
    if (!element) { return false; }
    if (element.tagName === "INPUT") { return element.type !== "radio" && element.type !== "checkbox"; }
    return element.tagName === "SELECT" || element.tagName === "TEXTAREA" || element.isContentEditable;
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  dialog.querySelector("[data-sso-search-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () {
    if (exit) { exitHome.parent.insertBefore(exit, exitHome.next); }
    forget();
    opener.focus();
  });
  /* A click on the dimmed page around the dialog closes it. */
  dialog.addEventListener("click", function (event) {
    if (event.target !== dialog) { return; }
    var box = dialog.getBoundingClientRect();
    var x = event.clientX, y = event.clientY;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) {
      dialog.close();
    }
  });
  input.addEventListener("input", function () {
    var query = input.value.trim();
    say(query ? "Mencari…" : "");
    if (query) {
      load().then(function (module) { module.preload(query, { filters: chosenFilters() }); }, function () {});
    }
    schedule();
  });
  filters.forEach(function (select) { select.addEventListener("change", run); });
  more.addEventListener("click", function () {
    var first = shown;
    showMore(current).then(function () { var all = links(); if (all[first]) { all[first].focus(); } });
  });

  /* In the dialog: Enter in the box or the down arrow goes to the first result, up and down move between
     results (and back to the box); Escape closes the dialog at once. */
  dialog.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();  /* in the search box, the browser would first only empty it */
      dialog.close();
    } else if (event.target === input && (event.key === "ArrowDown" || (event.key === "Enter" && !event.isComposing))) {
      if (timer) { window.clearTimeout(timer); run(); }
      if (all.length) { event.preventDefault(); all[0].focus(); }
    } else if (at >= 0 && event.key === "ArrowDown") {
      event.preventDefault();
      (all[at + 1] || all[at]).focus();
    } else if (at >= 0 && event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    }
  });

  /* The theme's shortcuts (/, s and f open its search): they open this dialog. */
  window.addEventListener("keydown", function (event) {
    if (dialog.open || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.isComposing || typing(document.activeElement)) { return; }
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });

  /* While the dialog is open, the theme's n/p keys (and the quick exit's copy of them) must not leave the page
     from under it. Registered before quick-exit.js, so it runs first; Shift for the quick exit is untouched. */
  var PAGE_KEYS = { n: 1, p: 1, ",": 1, ".": 1 };
  window.addEventListener("keydown", function (event) {
    if (dialog.open && PAGE_KEYS.hasOwnProperty(event.key) && !typing(document.activeElement)) {
      event.stopImmediatePropagation();
    }
  }, true);
})();
