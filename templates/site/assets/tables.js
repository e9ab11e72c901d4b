/* A table wider than the screen scrolls inside its box; such a box must take keyboard focus
   (and say what it is) so that it can be scrolled without a mouse or a finger. Material wraps
   Markdown tables after loading, so this runs on its document$ (its public hook for scripts)
   when there is one, and on load otherwise. */
(function () {
  "use strict";
  var BOXES = ".md-typeset__scrollwrap, .md-typeset table.form-table, .md-typeset table.form-fields";

  function mark() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Bảng (kéo ngang để xem hết)");
      } else if (!scrolls && box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  // Tables of three columns or more (a session plan, a worked example, a list): on a phone
  // each row becomes a card, every cell under its column's name (ishc.css), instead of words
  // squeezed one per line. The names come from the header row, so the Markdown stays plain.
  function label() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      if (heads.length < 3 || table.hasAttribute("data-ishc-stack")) return;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (heads[i]) cell.setAttribute("data-label", heads[i]);
        });
      });
      table.setAttribute("data-ishc-stack", "");
    });
  }

  function ready() { label(); mark(); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(ready);
  else window.addEventListener("load", ready);
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(mark, 200); });
})();
