/* Repeatable rows of the forms (minutes, work plan, PPT feedback, monitoring), without a page reload. Without
   JavaScript the same buttons submit the form and the server shows it again with a row more or less, so nothing
   here is needed to use the form. */
(function () {
  "use strict";

  var FIELDS = "input:not([type=hidden]), select, textarea";

  function renumber(container) {
    container.querySelectorAll("[data-row]").forEach(function (row, i) {
      var number = row.querySelector("[data-row-number]");
      if (number) { number.textContent = String(i + 1); }
    });
  }

  function announce(text) {
    var status = document.getElementById("rows-status");
    if (status) { status.textContent = text; }
  }

  function addRow(button) {
    var group = button.getAttribute("data-add-row");
    var container = document.querySelector('[data-rows="' + group + '"]');
    var template = document.querySelector('template[data-row-template="' + group + '"]');
    if (!container || !template) { return false; }
    var index = Number(container.getAttribute("data-next-index")) || 0;
    container.setAttribute("data-next-index", String(index + 1));
    container.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__i__/g, String(index)));
    renumber(container);
    var rows = container.querySelectorAll("[data-row]");
    var first = rows[rows.length - 1].querySelector(FIELDS);
    if (first) { first.focus(); }
    announce(button.textContent.trim());
    return true;
  }

  function removeRow(button) {
    var row = button.closest("[data-row]");
    if (!row) { return false; }
    var container = row.parentElement;
    var group = container.getAttribute("data-rows");
    row.remove();
    renumber(container);
    var first = container.querySelector("[data-row]");
    var next = (first && first.querySelector(FIELDS)) ||
      document.querySelector('[data-add-row="' + group + '"]');
    if (next) { next.focus(); }
    return true;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-add-row], [data-remove-row]");
    if (!target) { return; }
    var done = target.hasAttribute("data-add-row") ? addRow(target) : removeRow(target);
    if (done) { event.preventDefault(); }
  });
}());
