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
