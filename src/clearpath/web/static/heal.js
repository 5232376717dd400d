// Heal area comforts. Every form here also works as a plain post without this script.
(function () {
  "use strict";

  function announce(text) {
    var live = document.getElementById("heal-live");
    if (!live) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function showErrors(form, errors) {
    var box = form.querySelector(".heal-form-errors");
    if (!box) {
      box = document.createElement("div");
      box.className = "heal-form-errors field-error";
      box.setAttribute("role", "alert");
      form.insertBefore(box, form.firstChild);
    }
    box.textContent = "";
    Object.keys(errors).forEach(function (name) {
      var line = document.createElement("p");
      line.textContent = errors[name];
      box.appendChild(line);
      var input = form.querySelector("[name='" + name + "']");
      if (input) { input.setAttribute("aria-invalid", "true"); }
    });
  }

  function clearErrors(form) {
    var box = form.querySelector(".heal-form-errors");
    if (box) { box.remove(); }
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
    });
  }

  function send(form) {
    var button = form.querySelector("button[type=submit], button:not([type])");
    var body = new URLSearchParams(new FormData(form));
    if (button) { button.disabled = true; }
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Heal-Fetch": "1" }
    }).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (type.indexOf("application/json") === -1) {
        // Not an answer this script understands (a lock, an expired form): go the plain way.
        form.submit();
        return null;
      }
      return response.json().then(function (data) {
        if (!response.ok) { showErrors(form, data.errors || {}); announce("Please check the form."); return; }
        clearErrors(form);
        var target = form.getAttribute("data-heal-target");
        var list = target ? document.getElementById(target) : null;
        if (list && data.html) {
          list.insertAdjacentHTML(form.hasAttribute("data-heal-replace") ? "afterend" : "afterbegin", data.html);
          if (form.hasAttribute("data-heal-replace")) { list.remove(); }
          var empty = document.getElementById(target + "-empty");
          if (empty) { empty.remove(); }
        }
        if (form.hasAttribute("data-heal-clear")) { form.reset(); }
        if (form.hasAttribute("data-heal-done")) {
          var done = document.createElement("p");
          done.className = "heal-done";
          done.textContent = data.message;
          form.replaceWith(done);
        }
        announce(data.message);
      });
    }).catch(function () {
      form.submit();
    }).finally(function () {
      if (button) { button.disabled = false; }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-heal-fetch")) { return; }
    event.preventDefault();
    send(form);
  });

  // Breathing: a circle that grows and shrinks, with the words and counts beside it.
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function Breather(root) {
    this.root = root;
    this.circle = root.querySelector(".breath-circle");
    this.word = root.querySelector(".breath-word");
    this.count = root.querySelector(".breath-count");
    this.button = root.querySelector(".breath-toggle");
    this.steps = JSON.parse(root.getAttribute("data-steps"));
    this.timer = null;
  }
  Breather.prototype.start = function () {
    var self = this, index = 0, left = 0;
    self.root.classList.add("is-running");
    if (reduce) { self.root.classList.add("is-still"); }
    self.button.textContent = "Stop";
    function tick() {
      if (left === 0) {
        var step = self.steps[index % self.steps.length];
        while (step.seconds === 0) { index += 1; step = self.steps[index % self.steps.length]; }
        index += 1;
        left = step.seconds;
        self.circle.setAttribute("data-phase", step.phase);
        self.circle.setAttribute("data-seconds", String(step.seconds));
        self.word.textContent = step.word;
        announce(step.word);
      }
      self.count.textContent = String(left);
      left -= 1;
    }
    tick();
    self.timer = window.setInterval(tick, 1000);
  };
  Breather.prototype.stop = function () {
    window.clearInterval(this.timer);
    this.timer = null;
    this.root.classList.remove("is-running");
    this.circle.setAttribute("data-phase", "rest");
    this.word.textContent = "Paused";
    this.count.textContent = "";
    this.button.textContent = "Start";
    announce("Paused");
  };
  document.querySelectorAll("[data-breath]").forEach(function (root) {
    var breather = new Breather(root);
    root.querySelector(".breath-live").hidden = false;
    // With the animation there, the paced text folds away (one click opens it again).
    root.querySelector(".breath-paced-box").open = false;
    breather.button.addEventListener("click", function () {
      if (breather.timer) { breather.stop(); } else { breather.start(); }
    });
  });
})();

// A photo over the limit is caught here, before a long upload the server would refuse anyway.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () {
      var limit = Number(input.getAttribute("data-max-bytes"));
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > limit ? "This photo is larger than 4 MB. Please choose a smaller one." : "");
      input.reportValidity();
    });
  });
})();
