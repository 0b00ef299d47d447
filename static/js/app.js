// Small page behaviours that need no inline script (CSP): focus management after htmx swaps.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var focusTarget = event.detail.target.querySelector("[data-autofocus]");
    if (focusTarget) {
      focusTarget.focus({ preventScroll: false });
    }
  });
})();
