// The quiz page: shows the server's countdown, submits a timeout at zero, and keyboard use.
// It only *shows* time: the server decides what counts (data-remaining comes from it).
(function () {
  "use strict";

  var timerHandle = null;

  function announce(text) {
    var region = document.getElementById("timer-announce");
    if (region) { region.textContent = text; }
  }

  function submitForm(form, submitter) {
    if (!form || form.dataset.sent) { return; }
    form.dataset.sent = "1";
    // Content swapped in a moment ago may not be wired to htmx yet: wire it first, so
    // the answer travels as an htmx request rather than a full page load.
    if (window.htmx) { htmx.process(form); }
    if (submitter) {
      // A real click, so htmx (and the browser) know which button was meant.
      submitter.click();
    } else if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function startCountdown(root) {
    var timer = root.querySelector("#timer");
    if (!timer) { return; }
    if (timerHandle) { clearInterval(timerHandle); }
    var remaining = parseFloat(timer.dataset.remaining);
    var total = parseFloat(timer.dataset.total) || remaining;
    var endsAt = performance.now() + remaining * 1000;
    var bar = document.getElementById("timebar");
    var lastWhole = null;
    var announced = {};

    function tick() {
      var left = Math.max(0, (endsAt - performance.now()) / 1000);
      var whole = Math.ceil(left);
      if (whole !== lastWhole) {
        timer.firstChild.nodeValue = String(whole);
        lastWhole = whole;
        var low = left <= 5;
        timer.classList.toggle("low", low);
        if (bar) { bar.classList.toggle("low", low); }
        if ((whole === 10 || whole === 5) && !announced[whole] && total > whole) {
          announced[whole] = true;
          announce(whole + " " + (timer.dataset.secondsWord || "seconds left"));
        }
      }
      if (bar) { bar.style.transform = "scaleX(" + (total ? left / total : 0) + ")"; }
      if (left <= 0) {
        clearInterval(timerHandle);
        timerHandle = null;
        submitForm(document.getElementById("timeout-form"));
      }
    }
    tick();
    timerHandle = setInterval(tick, 100);
  }

  function answerForm() { return document.getElementById("answer-form"); }

  // A pointer tap on an option answers at once; arrow keys only move the choice.
  document.addEventListener("click", function (event) {
    var input = event.target.closest && event.target.closest("input[data-option]");
    if (!input) { return; }
    if (event.detail === 0) { return; }  // keyboard-generated click (arrow keys, Space)
    var form = answerForm();
    submitForm(form, form.querySelector("[data-submit]"));
  });

  document.addEventListener("keydown", function (event) {
    var form = answerForm();
    if (!form || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "textarea" || (tag === "input" && event.target.type !== "radio")) { return; }
    var options = form.querySelectorAll("input[data-option]");
    var digit = parseInt(event.key, 10);
    if (digit >= 1 && digit <= options.length) {
      options[digit - 1].checked = true;
      options[digit - 1].focus();
      event.preventDefault();
      submitForm(form, form.querySelector("[data-submit]"));
    } else if (event.key === "Enter" && event.target.matches && event.target.matches("input[data-option]")) {
      event.preventDefault();
      submitForm(form, form.querySelector("[data-submit]"));
    } else if ((event.key === "s" || event.key === "S") && tag !== "button") {
      event.preventDefault();
      submitForm(form, form.querySelector("[data-skip]"));
    }
  });

  function init(root) {
    startCountdown(root);
    document.documentElement.dataset.quizReady = "1";
  }

  if (window.htmx) {
    htmx.onLoad(function (element) { init(element); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  }
})();
