// Comfort only: every backup page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Print buttons are hidden until the script can make them work.
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
  // Long work (a backup, a restore): say so, and keep the button from being pressed twice.
  for (const form of document.querySelectorAll("form[data-working]")) {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]");
      if (button) {
        button.disabled = true;
      }
      let status = form.querySelector(".backup-working");
      if (!status) {
        status = document.createElement("p");
        status.className = "backup-working";
        status.setAttribute("role", "status");
        form.append(status);
      }
      status.textContent = form.dataset.working;
    });
  }
});
