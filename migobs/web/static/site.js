// Migration Observatory dashboard: small progressive enhancements; pages work without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Controls forms submit as soon as a choice changes. A select with data-resets="name" leaves
  // that field out (a new map variable opens on its own default year, not the old one's).
  for (const select of document.querySelectorAll("form.controls select")) {
    select.addEventListener("change", () => {
      const reset = select.dataset.resets && select.form.elements[select.dataset.resets];
      if (reset) reset.disabled = true;
      select.form.submit();
    });
  }
});
