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

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mark);
  else window.addEventListener("load", mark);
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(mark, 200); });
})();
