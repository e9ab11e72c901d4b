// The club page's "print the profile" button: shown only when it can work (with JavaScript);
// the page's print style (ishc.css, @media print) fits the profile on one A4 page.
document.querySelectorAll("button.ishc-print").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
