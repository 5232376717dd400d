// Evidence: a progress bar for file uploads. Without JavaScript the same form posts as an
// ordinary multipart form; here it is sent with XMLHttpRequest to show progress, with the
// CSRF token in a header as well as in the form's first field.
(function () {
  "use strict";

  function humanSize(bytes) {
    if (bytes < 1024 * 1024) { return Math.max(1, Math.round(bytes / 1024)) + " KB"; }
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function setUp(form) {
    var box = form.querySelector(".upload-progress");
    var bar = box ? box.querySelector("progress") : null;
    var status = box ? box.querySelector(".upload-status") : null;
    var button = form.querySelector("button[type=submit]");
    if (!box || !bar || !status || !window.FormData || !window.XMLHttpRequest) { return; }

    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]");
      if (!input || !input.files || input.files.length === 0) { return; }
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("X-CSRF-Token", document.body.getAttribute("data-csrf") || "");
      box.hidden = false;
      button.disabled = true;
      status.textContent = "Encrypting and saving " + input.files.length + " file(s)…";
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round((e.loaded / e.total) * 100);
          status.textContent = humanSize(e.loaded) + " of " + humanSize(e.total) + " sent.";
        }
      });
      request.addEventListener("load", function () {
        var next = request.getResponseHeader("X-Next-Page");
        if (request.status === 200 && next && next.charAt(0) === "/") {
          bar.value = 100;
          window.location.assign(next);
          return;
        }
        button.disabled = false;
        status.textContent = "The files were not accepted, and nothing was kept. " +
          "Please reload the page and try again.";
      });
      request.addEventListener("error", function () {
        button.disabled = false;
        status.textContent = "The upload stopped. Nothing half-finished was kept. Please try again.";
      });
      request.send(new FormData(form));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-upload]");
    for (var i = 0; i < forms.length; i += 1) { setUp(forms[i]); }
  });
}());
