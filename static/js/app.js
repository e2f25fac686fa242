// Small behaviours shared by every page. No inline scripts: the CSP forbids them.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("select[data-autosubmit]")) el.form.submit();
});
document.addEventListener("click", (event) => {
  const el = event.target.closest("[data-confirm]");
  if (el && !window.confirm(el.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
    return;
  }
  // The header's menu toggle (phones): show or hide the menu.
  const toggle = event.target.closest(".menu-toggle");
  if (toggle) {
    const menu = document.getElementById(toggle.getAttribute("aria-controls"));
    const open = menu.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
});
// A form sent twice on a flaky connection: the second press does nothing (the server also
// refuses a repeated one-time token, see accounts/crud.py).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || form.method.toLowerCase() !== "post" || form.hasAttribute("hx-post")) return;
  if (form.dataset.submitting) {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = "1";
  form.querySelectorAll("button[type=submit], button:not([type])").forEach((b) => b.setAttribute("aria-busy", "true"));
  // Let the user try again if the page stays (e.g. the connection dropped): after 15 s.
  setTimeout(() => {
    delete form.dataset.submitting;
    form.querySelectorAll("[aria-busy]").forEach((b) => b.removeAttribute("aria-busy"));
  }, 15000);
});
// Long checklists (the invite screen): a search box `data-filter-list="<id>"` hides the labels of
// the list that do not contain its text; a box `data-select-all="<id>"` ticks or unticks only the
// visible ones. Without JavaScript the page's own GET filter does the narrowing.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!box.matches("input[data-filter-list]")) return;
  const words = box.value.trim().toLowerCase();
  const list = document.getElementById(box.dataset.filterList);
  list.querySelectorAll("label").forEach((label) => {
    label.hidden = Boolean(words) && !label.textContent.toLowerCase().includes(words);
  });
});
document.addEventListener("change", (event) => {
  const all = event.target;
  if (!all.matches("input[data-select-all]")) return;
  const list = document.getElementById(all.dataset.selectAll);
  list.querySelectorAll("label:not([hidden]) input[type=checkbox]").forEach((box) => {
    box.checked = all.checked;
  });
});
