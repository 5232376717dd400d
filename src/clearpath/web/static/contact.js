// The contact area: a copy button for filled-in messages, and a countdown for the breathing
// minute. Both pages work without this script (the text is selectable, the circle moves).
(function () {
  "use strict";

  // ---- Copy a filled-in message -------------------------------------------------------
  function copyText(target, status) {
    var text = target.value;
    function done(ok) {
      status.textContent = ok
        ? "Copied. Paste it into your message app when you are ready."
        : "Copying did not work here. Select the text and copy it instead.";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () {
        done(false);
      });
      return;
    }
    target.focus();
    target.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    done(ok);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".copy-button"), function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!target || !status) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { copyText(target, status); });
  });

  // ---- One minute of breathing ----------------------------------------------------------
  var BREATH_SECONDS = 4;

  Array.prototype.forEach.call(document.querySelectorAll(".breathe"), function (box) {
    var seconds = parseInt(box.getAttribute("data-breathe-seconds"), 10) || 60;
    var circle = box.querySelector(".breathe-circle");
    var status = box.querySelector(".breathe-status");
    var start = box.querySelector(".breathe-start");
    if (!circle || !status || !start) { return; }
    var timer = null;
    start.hidden = false;

    function stop(message) {
      if (timer !== null) { window.clearInterval(timer); timer = null; }
      status.textContent = message;
      start.textContent = "Start another minute";
    }

    start.addEventListener("click", function () {
      var left = seconds;
      // Restart the animation from the beginning, in step with the words.
      circle.classList.add("breathe-restart");
      void circle.offsetWidth;
      circle.classList.remove("breathe-restart");
      status.hidden = false;
      status.textContent = "Breathe in. " + left + " seconds left.";
      if (timer !== null) { window.clearInterval(timer); }
      timer = window.setInterval(function () {
        left -= BREATH_SECONDS;
        if (left <= 0) {
          stop("That was one minute. Take your time before you decide anything.");
          return;
        }
        var inhale = ((seconds - left) / BREATH_SECONDS) % 2 === 0;
        status.textContent = (inhale ? "Breathe in. " : "Breathe out. ") + left + " seconds left.";
      }, BREATH_SECONDS * 1000);
    });
  });
})();
