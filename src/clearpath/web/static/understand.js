// Danger signs: show the help box as soon as a high-danger sign is ticked.
// Without this script the same box appears after the form is sent.
(function () {
  "use strict";
  var list = document.querySelector("[data-danger-signs]");
  var urgent = document.getElementById("urgent");
  if (!list || !urgent) {
    return;
  }
  var shownByServer = !urgent.hidden;
  function update() {
    var high = list.querySelector("input[data-high]:checked") !== null;
    urgent.hidden = !(high || shownByServer);
  }
  list.addEventListener("change", function () {
    shownByServer = false;
    update();
  });
})();
