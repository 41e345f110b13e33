// Migration Observatory dashboard: small progressive enhancements; pages work without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Controls forms submit as soon as a choice changes.
  for (const select of document.querySelectorAll("form.controls select")) {
    select.addEventListener("change", () => select.form.submit());
  }
});
