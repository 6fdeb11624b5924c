// Progressive enhancement for lists: a <form data-filter-list="ID" hidden> with <select name="x">
// filters the items of #ID by their data-x attribute ("a|b" lists several values). The choice
// is kept in the URL (?x=value) so a filtered view can be shared; without JavaScript the
// form stays hidden and the whole list is shown.
(function () {
  "use strict";
  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-filter-list"));
    if (!list) { return; }
    var selects = Array.prototype.slice.call(form.querySelectorAll("select, input[type=search]"));
    var items = Array.prototype.slice.call(list.children);
    var count = form.querySelector(".filter-count");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (control) {
      var value = params.get(control.name);
      if (value !== null) { control.value = value; }
    });
    function apply() {
      var shown = 0;
      var query = new URLSearchParams(window.location.search);
      items.forEach(function (item) {
        var ok = selects.every(function (control) {
          var wanted = control.value;
          if (!wanted) { return true; }
          var have = (item.getAttribute("data-" + control.name) || "").split("|");
          return have.indexOf(wanted) !== -1;
        });
        item.hidden = !ok;
        if (ok) { shown += 1; }
      });
      selects.forEach(function (control) {
        if (control.value) { query.set(control.name, control.value); } else { query.delete(control.name); }
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      if (count) { count.textContent = (form.getAttribute("data-count-text") || "{n} / {total}").replace("{n}", shown).replace("{total}", items.length); }
    }
    selects.forEach(function (control) { control.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-filter-list]"), setup);
}());
