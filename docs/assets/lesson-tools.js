/* Lesson pages: remember the participant-view choice, let the "Cetak" button print, run the self-checks. */
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

  /* Self-check: each question's options become buttons; a choice says at once whether it is right, in the item's
     live region, with the explanation. Nothing is stored (no storage, no cookie) and nothing is sent. */
  document.querySelectorAll(".sso-quiz__item").forEach(function (item) {
    var list = item.querySelector(".sso-quiz__options");
    var feedback = item.querySelector(".sso-quiz__feedback");
    var explanation = item.querySelector(".sso-quiz__explanation");
    var right = parseInt(item.getAttribute("data-sso-quiz-answer"), 10);
    if (!list || !feedback) { return; }
    var group = document.createElement("div");
    group.className = "sso-quiz__choices";
    group.setAttribute("role", "group");
    var label = list.getAttribute("aria-labelledby");
    if (label) { group.setAttribute("aria-labelledby", label); }
    var buttons = [];
    list.querySelectorAll("li").forEach(function (option, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sso-quiz__choice";
      button.textContent = option.textContent;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
          other.classList.remove("is-right", "is-wrong");
        });
        var correct = index === right;
        button.classList.add(correct ? "is-right" : "is-wrong");
        var text = correct ? "Benar. " : "Belum tepat. Jawaban yang benar: " + buttons[right].textContent + ". ";
        feedback.textContent = text + (explanation ? explanation.textContent : "");
      });
      buttons.push(button);
      group.appendChild(button);
    });
    list.replaceWith(group);
  });
})();
