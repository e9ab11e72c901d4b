/* Opened from a disk (file://): say so once, and mark the links that need a network. */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  document.addEventListener("DOMContentLoaded", function () {
    var article = document.querySelector("article");
    if (article && !sessionStorage.getItem("ishc-offline-seen")) {
      var note = document.createElement("p");
      note.className = "ishc-offline-note";
      note.setAttribute("role", "note");
      note.textContent = "Bạn đang xem bản ngoại tuyến, không cần mạng: mọi trang, tìm kiếm và tệp PDF " +
        "đều dùng được. Chỉ các liên kết ra trang web khác (có dấu ↗) cần mạng.";
      article.insertBefore(note, article.firstChild);
      try { sessionStorage.setItem("ishc-offline-seen", "1"); } catch (e) { /* private mode */ }
    }
    document.querySelectorAll('a[href^="http:"], a[href^="https:"]').forEach(function (link) {
      link.classList.add("ishc-needs-network");
      link.title = (link.title ? link.title + " — " : "") + "cần kết nối mạng";
    });
  });
})();
