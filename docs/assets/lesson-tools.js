/* Lesson pages: remember the participant-view choice, and let the "Cetak" button print. */
(function () {
  "use strict";
  var KEY = "sso-participant-view";
  document.querySelectorAll("#sso-participant-view").forEach(function (box) {
    try { box.checked = window.localStorage.getItem(KEY) === "1"; } catch (e) { /* storage blocked */ }
    box.addEventListener("change", function () {
      try { window.localStorage.setItem(KEY, box.checked ? "1" : "0"); } catch (e) { /* storage blocked */ }
    });
  });
  document.querySelectorAll(".sso-print").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
