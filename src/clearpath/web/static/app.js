// Small conveniences on top of pages that all work without JavaScript.
// Loaded from our own origin only; no inline script anywhere (see the CSP).
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;
  var HEARTBEAT_MS = 30000;

  function csrfToken() {
    return document.body.getAttribute("data-csrf") || "";
  }

  // A same-origin POST carrying the CSRF token; callers decide what a failure means.
  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "X-CSRF-Token": csrfToken() },
      body: body,
      credentials: "same-origin",
      cache: "no-store"
    });
  }

  function channel(name) {
    return typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : null;
  }

  // The same words as the server's describe_wait(): seconds under a minute, else minutes.
  function describeWait(seconds) {
    if (seconds < 60) { return seconds + " second" + (seconds === 1 ? "" : "s"); }
    var minutes = Math.ceil(seconds / 60);
    return minutes + " minute" + (minutes === 1 ? "" : "s");
  }

  // ---- Quick exit -------------------------------------------------------------------
  var exitLink = document.getElementById("quick-exit");
  var countdown = document.getElementById("exit-countdown");
  var leaving = false;
  // Other open tabs of this app leave too, so no second tab keeps showing the vault.
  var exitChannel = channel("quick-exit");

  function quickExit(toldByAnotherTab) {
    if (leaving || !exitLink) { return; }
    leaving = true;
    if (exitChannel && !toldByAnotherTab) {
      try { exitChannel.postMessage("exit"); } catch (e) { /* leave anyway */ }
    }
    var target = exitLink.getAttribute("data-exit-url") || "about:blank";
    try {
      // Tells the server to lock; sent even while this page is being replaced.
      navigator.sendBeacon("/exit", new Blob([""], { type: "text/plain" }));
    } catch (e) { /* the redirect below still leaves the page */ }
    document.title = "";
    document.body.textContent = "";
    // replace(), not assign(): this page is dropped from the tab's history.
    window.location.replace(target);
  }

  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      quickExit(false);
    });
  }
  if (exitChannel) {
    exitChannel.onmessage = function () { quickExit(true); };
  }

  var presses = [];
  var countdownTimer = null;

  function hideCountdown() {
    if (countdownTimer) { window.clearInterval(countdownTimer); countdownTimer = null; }
    if (countdown) { countdown.textContent = ""; }
  }

  function showCountdown() {
    if (!countdown) { return; }
    var update = function () {
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < SHIFT_WINDOW_MS; });
      if (presses.length === 0) { hideCountdown(); return; }
      var left = Math.max(1, Math.ceil((SHIFT_WINDOW_MS - (now - presses[0])) / 1000));
      var needed = SHIFT_PRESSES - presses.length;
      var text = "Quick exit: press Shift " + needed + " more time" +
        (needed === 1 ? "" : "s") + " within " + left + " second" + (left === 1 ? "" : "s") + ".";
      // Only touch the live region when the words change, so screen readers say it once.
      if (countdown.textContent !== text) { countdown.textContent = text; }
    };
    update();
    if (!countdownTimer) { countdownTimer = window.setInterval(update, 250); }
  }

  // A press counts only when Shift went down and up on its own: capital letters and
  // Shift+Tab must never throw a person out of what they are writing.
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftAlone = true; }
    } else {
      shiftAlone = false;
    }
  }, true);
  document.addEventListener("pointerdown", function () { shiftAlone = false; }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) { return; }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < SHIFT_WINDOW_MS; });
    presses.push(now);
    if (presses.length >= SHIFT_PRESSES) {
      hideCountdown();
      quickExit(false);
    } else {
      showCountdown();
    }
  }, true);

  // A page restored from the back/forward cache must ask the server again (it may be locked).
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  // ---- Passphrase strength meter ----------------------------------------------------
  function attachMeter(input) {
    var meter = document.getElementById(input.getAttribute("data-strength-meter"));
    if (!meter) { return; }
    var bar = meter.querySelector(".meter-bar");
    var text = meter.querySelector(".meter-text");
    var timer = null;
    var leaving = false;
    var check = function () {
      if (leaving) { return; }
      if (!input.value) { bar.hidden = true; text.textContent = ""; return; }
      var body = new URLSearchParams();
      body.set("passphrase", input.value);
      post("/strength", body).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (result) {
        if (!result) { return; }
        bar.hidden = false;
        bar.setAttribute("data-score", String(result.score));
        text.textContent = result.label + ". " + result.message;
      }).catch(function () { bar.hidden = true; text.textContent = ""; });
    };
    input.addEventListener("input", function () {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(check, 250);
    });
    // Once the form is sent, a check still waiting would reach the server after the page's
    // token was replaced, and be refused: drop it.
    if (input.form) {
      input.form.addEventListener("submit", function () {
        leaving = true;
        if (timer) { window.clearTimeout(timer); }
      });
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-strength-meter]"), attachMeter);

  // ---- Idle lock --------------------------------------------------------------------
  var idleSeconds = parseInt(document.body.getAttribute("data-idle-seconds") || "0", 10);
  var lockForm = document.querySelector("form.nav-lock");
  if (idleSeconds > 0 && lockForm) {
    var lastActivity = Date.now();
    var lastBeat = Date.now();
    var lastShared = 0;
    // Tabs share activity: an idle tab must not lock the vault under a tab in use.
    var activityChannel = channel("activity");
    if (activityChannel) {
      activityChannel.onmessage = function () { lastActivity = Date.now(); };
    }
    var mark = function () {
      lastActivity = Date.now();
      if (activityChannel && lastActivity - lastShared > 2000) {
        lastShared = lastActivity;
        activityChannel.postMessage("active");
      }
    };
    ["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "scroll"].forEach(
      function (name) { document.addEventListener(name, mark, { passive: true }); }
    );
    window.setInterval(function () {
      var now = Date.now();
      if (now - lastActivity >= idleSeconds * 1000) {
        // Lock on the server first, then show the unlock page.
        lockForm.submit();
        return;
      }
      if (lastActivity > lastBeat && now - lastBeat >= HEARTBEAT_MS) {
        lastBeat = now;
        post("/heartbeat", null).catch(function () { /* the server may have stopped */ });
      }
    }, 5000);
  }

  // ---- Small things -----------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("[data-print-row]"), function (row) {
    row.hidden = false;
    var button = row.querySelector("[data-print]");
    if (button) { button.addEventListener("click", function () { window.print(); }); }
  });

  var waitHint = document.getElementById("wait-hint");
  if (waitHint) {
    var remaining = parseInt(waitHint.getAttribute("data-wait-seconds") || "0", 10);
    var tick = window.setInterval(function () {
      remaining -= 1;
      if (remaining <= 0) {
        window.clearInterval(tick);
        waitHint.textContent = "You can try again now.";
      } else {
        waitHint.textContent = "You can try again in about " + describeWait(remaining) + ".";
      }
    }, 1000);
  }
})();
