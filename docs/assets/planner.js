/* Workshop planner (/guru/perencana/) and the parent letter it fills (/guru/surat-orang-tua/).
 *
 * Static: reads the site's own /data/modules.json, sends nothing anywhere, keeps the choice only in the address's
 * fragment (#…), updated with history.replaceState so a copied link restores it. The clock arithmetic is a
 * faithful port of smartschool/clock.py (`hhmm`, `parse_hhmm`, `slots`), laid out as the `day_plan` macro does
 * (smartschool/curriculum_pages.py, templates/day_plan.html). Loaded only by overrides/planner.html. */
(function () {
  "use strict";

  var DAY = 24 * 60;
  var BREAK_TITLES = { i: "Istirahat", m: "Istirahat, salat, dan makan siang" };
  var BREAK_CHOICES = ["", "i10", "i15", "i20", "i30", "m45", "m60", "m90"];
  var READERS = [
    ["", "Semua peserta"], ["orang-tua", "Orang tua"], ["guru", "Guru"], ["komunitas", "Komunitas"],
    ["smp", "Pelajar SMP"], ["sma", "Pelajar SMA"]
  ];
  var SHORT_LABEL = "versi 40 menit";

  /* ---- clock.py, ported ---------------------------------------------------------------------------------- */

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** `75` as `01:15`; wraps past midnight (Python's % is never negative; JavaScript's can be). */
  function hhmm(total) {
    total = ((total % DAY) + DAY) % DAY;
    return pad(Math.floor(total / 60)) + ":" + pad(total % 60);
  }

  function parseHhmm(text) {
    var parts = text.split(":");
    return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
  }

  /** Lay {title, minutes, moduleId} blocks end to end from `start` (`HH:MM`). */
  function slots(blocks, start) {
    var clock = parseHhmm(start);
    return blocks.map(function (block) {
      var slot = { start: hhmm(clock), end: hhmm(clock + block.minutes), minutes: block.minutes,
        title: block.title, moduleId: block.moduleId || null, short: !!block.short };
      clock += block.minutes;
      return slot;
    });
  }

  /* ---- data ------------------------------------------------------------------------------------------------ */

  /** Minutes of a module's 40-minute plan (its core agenda steps, at `core_minutes` where given), or null when
   * the module marks no core steps. */
  function shortMinutes(module) {
    var core = (module.agenda || []).filter(function (step) { return step.core === true; });
    if (!core.length) return null;
    return core.reduce(function (sum, step) {
      return sum + (typeof step.core_minutes === "number" ? step.core_minutes : step.minutes);
    }, 0);
  }

  function siteRoot() {
    var base = "..";
    var config = document.getElementById("__config");
    if (config) {
      try { base = JSON.parse(config.textContent).base || base; } catch (e) { /* keep the default */ }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function loadModules(root) {
    return fetch(new URL("data/modules.json", root).href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("modules.json: " + response.status);
        return response.json();
      })
      .then(function (data) {
        var byId = Object.create(null);  // no inherited keys: a shared link may name "__proto__" or "constructor"
        (data.items || []).forEach(function (module) {
          module.shortMinutes = shortMinutes(module);
          byId[module.id] = module;
        });
        return { list: data.items || [], byId: byId };
      });
  }

  /* ---- state in the fragment --------------------------------------------------------------------------- */

  var TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
  var DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  var BREAK = /^_([im])(\d{1,3})$/;

  /** {start, date, reader, plan: [{id, short, after: "" | "i15" | "m60" …}]} from `#s=…&d=…&r=…&p=…`;
   * anything unknown or malformed is dropped. */
  function readState(hash, modules) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var start = params.get("s") || "";
    var date = params.get("d") || "";
    var reader = params.get("r") || "";
    var state = {
      start: TIME.test(start) ? start : "08:00",
      date: DATE.test(date) ? date : "",
      reader: READERS.some(function (r) { return r[0] === reader; }) ? reader : "",
      plan: []
    };
    var seen = Object.create(null);
    (params.get("p") || "").split(",").forEach(function (token) {
      var brk = BREAK.exec(token);
      if (brk) {
        var minutes = parseInt(brk[2], 10);
        if (state.plan.length && minutes > 0 && minutes <= 240) state.plan[state.plan.length - 1].after = brk[1] + minutes;
        return;
      }
      var short = /~40$/.test(token);
      var id = token.replace(/~40$/, "");
      if (!modules.byId[id] || seen[id]) return;
      seen[id] = true;
      state.plan.push({ id: id, short: short && modules.byId[id].shortMinutes !== null, after: "" });
    });
    return state;
  }

  function writeState(state) {
    var tokens = [];
    state.plan.forEach(function (item) {
      tokens.push(item.id + (item.short ? "~40" : ""));
      if (item.after) tokens.push("_" + item.after);
    });
    var params = new URLSearchParams();
    params.set("s", state.start);
    if (state.date) params.set("d", state.date);
    if (state.reader) params.set("r", state.reader);
    if (tokens.length) params.set("p", tokens.join(","));
    return "#" + params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%7E/g, "~");
  }

  /** The plan as blocks for `slots`: each module at its full or 40-minute length, then its break. */
  function blocks(state, modules) {
    var out = [];
    state.plan.forEach(function (item) {
      var module = modules.byId[item.id];
      out.push({ title: module.title, minutes: item.short ? module.shortMinutes : module.duration_minutes,
        moduleId: module.id, short: item.short });
      if (item.after) {
        out.push({ title: BREAK_TITLES[item.after.charAt(0)], minutes: parseInt(item.after.slice(1), 10) });
      }
    });
    return out;
  }

  function isYouth(module) { return module.track === "remaja"; }

  /** Start and end of the youth modules of a laid-out day, or null when it has none. */
  function youthWindow(laid, modules) {
    var youth = laid.filter(function (slot) { return slot.moduleId && isYouth(modules.byId[slot.moduleId]); });
    return youth.length ? { start: youth[0].start, end: youth[youth.length - 1].end, slots: youth } : null;
  }

  function longDate(iso) {
    if (!DATE.test(iso)) return "";
    var parts = iso.split("-").map(function (p) { return parseInt(p, 10); });
    var day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    if (day.getUTCMonth() !== parts[1] - 1) return "";
    return day.toLocaleDateString("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  /* ---- DOM helpers --------------------------------------------------------------------------------------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (attrs[name] === true) node.setAttribute(name, "");
      else if (attrs[name] !== false && attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function moduleUrl(root, module) {
    return new URL("kurikulum/" + module.track + "/" + module.id + "/", root).href;
  }

  /** The rundown table, the same rows and caption as templates/day_plan.html. */
  function rundownTable(laid, modules, root) {
    var moduleMinutes = laid.reduce(function (s, slot) { return s + (slot.moduleId ? slot.minutes : 0); }, 0);
    var all = laid.reduce(function (s, slot) { return s + slot.minutes; }, 0);
    var body = el("tbody");
    laid.forEach(function (slot) {
      var what = el("td", { "data-label": "Kegiatan" });
      if (slot.moduleId) {
        what.appendChild(document.createTextNode("Modul: "));
        what.appendChild(el("a", { href: moduleUrl(root, modules.byId[slot.moduleId]), text: slot.title }));
        if (slot.short) what.appendChild(document.createTextNode(" (" + SHORT_LABEL + ")"));
      } else {
        what.textContent = slot.title;
      }
      body.appendChild(el("tr", {}, [
        el("td", { "data-label": "Waktu", text: slot.start + "–" + slot.end }), what,
        el("td", { "data-label": "Menit", text: String(slot.minutes) })
      ]));
    });
    return el("table", { "class": "sso-table sso-schedule" }, [
      el("caption", { text: "Jadwal " + laid[0].start + "–" + laid[laid.length - 1].end + ": " + moduleMinutes +
        " menit modul dan " + (all - moduleMinutes) + " menit kegiatan lain" }),
      el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: "Waktu" }), el("th", { scope: "col", text: "Kegiatan" }),
        el("th", { scope: "col", text: "Menit" })
      ])]),
      body
    ]);
  }

  function breakLabel(value) {
    if (!value) return "Tanpa istirahat";
    return BREAK_TITLES[value.charAt(0)] + " " + value.slice(1) + " menit";
  }

  /* ---- the planner ------------------------------------------------------------------------------------- */

  function planner(host, modules, root) {
    var state = readState(window.location.hash, modules);
    var idPrefix = "sso-planner-";

    var readerSet = el("fieldset", { "class": "sso-planner__readers" }, [el("legend", { text: "Untuk siapa?" })]);
    READERS.forEach(function (reader) {
      var input = el("input", { type: "radio", name: "sso-reader", value: reader[0], id: idPrefix + "r-" + (reader[0] || "semua") });
      input.checked = state.reader === reader[0];
      readerSet.appendChild(el("span", { "class": "sso-planner__choice" }, [
        input, el("label", { "for": input.id, text: reader[1] })
      ]));
    });

    var moduleList = el("ul", { "class": "sso-planner__modules" });
    var moduleSet = el("fieldset", {}, [
      el("legend", { text: "Pilih modul" }),
      el("p", { "class": "sso-planner__hint", id: idPrefix + "modules-hint",
        text: "Centang modul yang ingin Anda jalankan. Urutannya bisa diubah di bawah." }),
      moduleList
    ]);
    modules.list.forEach(function (module) {
      var input = el("input", { type: "checkbox", value: module.id, id: idPrefix + "m-" + module.id,
        "aria-describedby": idPrefix + "modules-hint" });
      var track = isYouth(module) ? "remaja" : "dewasa";
      moduleList.appendChild(el("li", { "data-module": module.id, "data-audiences": module.audiences.join(" ") }, [
        input,
        el("label", { "for": input.id }, [
          document.createTextNode(module.title + " "),
          el("span", { "class": "sso-planner__meta", text: "(modul " + track + ", " + module.duration_minutes + " menit" +
            (module.shortMinutes !== null ? "; ada " + SHORT_LABEL : "") + ")" })
        ])
      ]));
    });

    var startInput = el("input", { type: "time", id: idPrefix + "start", required: true, step: "300" });
    var dateInput = el("input", { type: "date", id: idPrefix + "date" });
    var timeSet = el("fieldset", { "class": "sso-planner__time" }, [
      el("legend", { text: "Tanggal dan jam mulai" }),
      el("p", {}, [el("label", { "for": dateInput.id, text: "Tanggal (boleh dikosongkan)" }), dateInput]),
      el("p", {}, [el("label", { "for": startInput.id, text: "Jam mulai" }), startInput])
    ]);

    var orderList = el("ol", { "class": "sso-planner__order" });
    var orderSet = el("fieldset", {}, [el("legend", { text: "Urutan, versi, dan istirahat" }), orderList]);

    var form = el("form", { "class": "sso-planner__form", "aria-label": "Pilihan perencana workshop" },
      [readerSet, moduleSet, timeSet, orderSet]);

    var status = el("p", { "class": "sso-planner__status", role: "status", "aria-live": "polite" });
    var heading = el("h2", { id: idPrefix + "rundown-title", text: "Susunan acara", tabindex: "-1" });
    var dateLine = el("p", { "class": "sso-rundown__date" });
    var tableHost = el("div", { "class": "sso-rundown__table" });
    var printButton = el("button", { type: "button", "class": "md-button md-button--primary", text: "Cetak susunan acara" });
    var copyButton = el("button", { type: "button", "class": "md-button", text: "Salin tautan" });
    var letterLink = el("a", { "class": "md-button sso-planner__letter", text: "Surat untuk orang tua" });
    var letterNote = el("p", { "class": "sso-planner__hint sso-planner__letter-note",
      text: "Ada modul remaja dalam susunan ini: buka surat untuk orang tua murid, sudah terisi modul, tanggal, dan jam." });
    var actions = el("div", { "class": "sso-rundown__actions" }, [printButton, copyButton, letterLink, letterNote]);
    var rundown = el("section", { "class": "sso-rundown", "aria-labelledby": heading.id },
      [heading, dateLine, tableHost, status, actions]);

    host.textContent = "";
    host.appendChild(form);
    host.appendChild(rundown);
    host.classList.add("sso-planner--ready");

    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function applyFilter() {
      moduleList.querySelectorAll("li").forEach(function (item) {
        var shown = !state.reader || item.getAttribute("data-audiences").split(" ").indexOf(state.reader) >= 0;
        item.classList.toggle("sso-planner__hidden", !shown);
      });
    }

    function renderOrder(focusId, focusAction) {
      orderList.textContent = "";
      if (!state.plan.length) {
        orderList.appendChild(el("li", { "class": "sso-planner__empty", text: "Belum ada modul yang dipilih." }));
      }
      state.plan.forEach(function (item, index) {
        var module = modules.byId[item.id];
        var up = el("button", { type: "button", "class": "sso-planner__move", "data-action": "up", "data-id": item.id,
          "aria-label": "Naikkan " + module.title, text: "↑ Naik", disabled: index === 0 });
        var down = el("button", { type: "button", "class": "sso-planner__move", "data-action": "down", "data-id": item.id,
          "aria-label": "Turunkan " + module.title, text: "↓ Turun", disabled: index === state.plan.length - 1 });
        var after = el("select", { id: idPrefix + "after-" + item.id, "data-id": item.id });
        var choices = BREAK_CHOICES.indexOf(item.after) >= 0 ? BREAK_CHOICES : BREAK_CHOICES.concat([item.after]);
        choices.forEach(function (value) {
          var option = el("option", { value: value, text: breakLabel(value) });
          option.selected = value === item.after;
          after.appendChild(option);
        });
        var row = el("li", { "data-id": item.id }, [
          el("span", { "class": "sso-planner__title", text: module.title }),
          el("span", { "class": "sso-planner__controls" }, [up, down])
        ]);
        if (module.shortMinutes !== null) {
          var short = el("input", { type: "checkbox", id: idPrefix + "short-" + item.id, "data-id": item.id });
          short.checked = item.short;
          row.appendChild(el("span", { "class": "sso-planner__choice" }, [
            short, el("label", { "for": short.id, text: "Pakai " + SHORT_LABEL + " (" + module.shortMinutes + " menit)" })
          ]));
        }
        row.appendChild(el("span", { "class": "sso-planner__after" }, [
          el("label", { "for": after.id, text: "Sesudah modul ini" }), after
        ]));
        orderList.appendChild(row);
      });
      if (focusId) {
        var target = orderList.querySelector('button[data-id="' + focusId + '"][data-action="' + focusAction + '"]');
        if (target && target.disabled) {
          target = orderList.querySelector('button[data-id="' + focusId + '"]:not([disabled])');
        }
        if (target) target.focus();
      }
    }

    function renderRundown() {
      tableHost.textContent = "";
      var laid = slots(blocks(state, modules), state.start);
      var when = longDate(state.date);
      dateLine.textContent = when ? when + ", mulai pukul " + state.start : "Mulai pukul " + state.start;
      if (!laid.length) {
        tableHost.appendChild(el("p", { text: "Pilih satu modul atau lebih untuk melihat susunan acara." }));
        status.textContent = "Belum ada modul yang dipilih.";
      } else {
        tableHost.appendChild(rundownTable(laid, modules, root));
        status.textContent = "Susunan acara diperbarui: " + laid[0].start + "–" + laid[laid.length - 1].end + ".";
      }
      printButton.disabled = !laid.length;
      var youth = youthWindow(laid, modules);
      letterLink.hidden = letterNote.hidden = !youth;
      if (youth) letterLink.href = new URL("guru/surat-orang-tua/", root).href + writeState(state);
    }

    function update(focusId, focusAction) {
      window.history.replaceState(window.history.state, "", writeState(state));
      renderOrder(focusId, focusAction);
      renderRundown();
    }

    readerSet.addEventListener("change", function (event) {
      state.reader = event.target.value;
      applyFilter();
      window.history.replaceState(window.history.state, "", writeState(state));
    });

    moduleList.addEventListener("change", function (event) {
      var id = event.target.value;
      if (event.target.checked) state.plan.push({ id: id, short: false, after: "" });
      else state.plan = state.plan.filter(function (item) { return item.id !== id; });
      update();
    });

    startInput.addEventListener("change", function () {
      if (TIME.test(startInput.value)) { state.start = startInput.value; update(); }
    });
    dateInput.addEventListener("change", function () {
      state.date = DATE.test(dateInput.value) ? dateInput.value : "";
      update();
    });

    orderList.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var id = button.getAttribute("data-id");
      var index = state.plan.findIndex(function (item) { return item.id === id; });
      var to = button.getAttribute("data-action") === "up" ? index - 1 : index + 1;
      if (index < 0 || to < 0 || to >= state.plan.length) return;
      var moved = state.plan.splice(index, 1)[0];
      state.plan.splice(to, 0, moved);
      update(id, button.getAttribute("data-action"));
    });

    orderList.addEventListener("change", function (event) {
      var id = event.target.getAttribute("data-id");
      var item = state.plan.find(function (entry) { return entry.id === id; });
      if (!item) return;
      if (event.target.tagName === "SELECT") item.after = event.target.value;
      else item.short = event.target.checked;
      window.history.replaceState(window.history.state, "", writeState(state));
      renderRundown();
    });

    printButton.addEventListener("click", function () { window.print(); });

    copyButton.addEventListener("click", function () {
      var link = window.location.href;
      var done = function () { status.textContent = "Tautan disalin. Tempel di pesan untuk membagikan susunan acara ini."; };
      var manual = function () { status.textContent = "Salin alamat di bilah alamat browser: alamat itu memuat pilihan Anda."; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).then(done, manual);
      else manual();
    });

    /* The ready-made day plans (no-JS content of the page) can be loaded into the planner. */
    document.querySelectorAll(".sso-ready-plan").forEach(function (plan) {
      var table = plan.querySelector("table");
      if (!table) return;
      var button = el("button", { type: "button", "class": "md-button", text: "Pakai jadwal ini di perencana" });
      button.addEventListener("click", function () {
        var tokens = [];
        table.querySelectorAll("tbody tr").forEach(function (row) {
          var link = row.querySelector("a[href]");
          var cells = row.querySelectorAll("td");
          if (link) {
            var id = new URL(link.href).pathname.replace(/\/$/, "").split("/").pop();
            if (modules.byId[id]) tokens.push(id);
          } else if (cells.length === 3) {
            var kind = /makan/i.test(cells[1].textContent) ? "m" : "i";
            tokens.push("_" + kind + parseInt(cells[2].textContent, 10));
          }
        });
        var first = table.querySelector("tbody td");
        var start = first ? first.textContent.slice(0, 5) : "08:00";
        var loaded = readState("#p=" + tokens.join(",") + "&s=" + start, modules);
        state.plan = loaded.plan;
        state.start = loaded.start;
        syncInputs();
        update();
        heading.focus();
      });
      plan.appendChild(el("p", {}, [button]));
    });

    function syncInputs() {
      startInput.value = state.start;
      dateInput.value = state.date;
      moduleList.querySelectorAll("input").forEach(function (input) {
        input.checked = state.plan.some(function (item) { return item.id === input.value; });
      });
    }

    /* A link to another choice opened on this same page (only the fragment differs) does not reload it. */
    window.addEventListener("hashchange", function () {
      var next = readState(window.location.hash, modules);
      state.start = next.start;
      state.date = next.date;
      state.reader = next.reader;
      state.plan = next.plan;
      readerSet.querySelectorAll("input").forEach(function (input) { input.checked = input.value === state.reader; });
      syncInputs();
      applyFilter();
      update();
    });

    syncInputs();
    applyFilter();
    update();
  }

  /* ---- the parent letter --------------------------------------------------------------------------------- */

  function letter(host, modules) {
    /* Filling removes the general letter's other modules: another choice needs the page afresh. */
    window.addEventListener("hashchange", function () { window.location.reload(); });
    var state = readState(window.location.hash, modules);
    var laid = slots(blocks(state, modules), state.start);
    var youth = youthWindow(laid, modules);
    if (!youth) return; // no youth modules chosen: the general letter with blanks stays as it is
    var chosen = {};
    youth.slots.forEach(function (slot) { chosen[slot.moduleId] = true; });
    host.querySelectorAll(".sso-letter-modules li[data-module]").forEach(function (item) {
      if (!chosen[item.getAttribute("data-module")]) item.remove();
    });
    var when = longDate(state.date);
    var fills = { date: when, time: youth.start + "–" + youth.end };
    host.querySelectorAll("[data-fill]").forEach(function (blank) {
      var value = fills[blank.getAttribute("data-fill")];
      if (value) {
        blank.textContent = value;
        blank.classList.add("sso-fill--done");
      }
    });
    host.classList.add("sso-letter--filled");
  }

  /* ---- start ------------------------------------------------------------------------------------------- */

  var plannerHost = document.querySelector(".sso-planner");
  var letterHost = document.querySelector(".sso-letter");
  if (!plannerHost && !letterHost) return;
  var root = siteRoot();
  loadModules(root).then(function (modules) {
    if (plannerHost) planner(plannerHost, modules, root);
    if (letterHost) letter(letterHost, modules);
  }).catch(function () {
    if (plannerHost) {
      plannerHost.textContent = "Perencana tidak dapat memuat daftar modul. Pakai jadwal siap pakai di bawah.";
    }
  });

})();
