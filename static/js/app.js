// Page behaviours that need no inline script (CSP): error swaps and focus after htmx swaps.
(function () {
  "use strict";
  // Our 400/403 answers carry a message meant to replace the panel: show them.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 403 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // A request that never got an answer may be sent again.
  ["htmx:sendError", "htmx:responseError"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var form = event.target.closest ? event.target.closest("form") : null;
      if (form) { delete form.dataset.sent; }
    });
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = document.querySelector("[data-autofocus]");
    if (target) { target.focus({ preventScroll: false }); }
  });
})();
