// Static search and catalogue filters on Pagefind's index (built with the site).
// Progressive enhancement: forms work without JavaScript (the search form submits
// to the search page, the filter form stays hidden and the plain lists remain).
// Queries and filters live in the URL so a result can be shared.
(function () {
  "use strict";
  var engine = null;
  var latest = 0; // only the newest search may draw its results

  function current() { latest += 1; var mine = latest; return function () { return mine === latest; }; }

  function siteRoot(bundle) {
    var url = new URL(bundle, document.baseURI);
    return { bundle: url.href, root: url.pathname.replace(/pagefind\/$/, "") };
  }

  function load(bundle) {
    if (!engine) {
      var where = siteRoot(bundle);
      engine = import(where.bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: where.root }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  // Words compared without tone marks, "đ" or case, as the index compares them.
  function plain(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[^a-z0-9]/g, "");
  }

  // Whether Pagefind's <mark> is on a word of the query: the whole word, not a longer word it begins
  // ("ca" finds "cá", but "cấp" is not marked); a longer query word may still end differently (English stems).
  function marks(wanted, word) {
    var w = plain(word);
    return wanted.some(function (q) { return w === q || (q.length >= 4 && w.indexOf(q) === 0); });
  }

  // The đ-less spellings the pages add for the index only (between ⟦ and ⟧, template_helpers.search_alias)
  // are not shown, even when the excerpt begins or ends inside one.
  function withoutAliases(html) {
    return html.replace(/⟦[^⟧]*⟧/g, "").replace(/^[^⟦]*⟧/, "").replace(/⟦[^⟧]*$/, "").replace(/\s{2,}/g, " ");
  }

  // Pagefind's excerpts mark matches with <mark>; keep that (for the words of the query) and nothing else.
  function excerptNode(html, wanted) {
    var node = document.createElement("p");
    node.className = "excerpt";
    withoutAliases(html).split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") { return true; }
      if (part === "</mark>") { return false; }
      var text = document.createTextNode(part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
        .replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
      if (inMark && marks(wanted, text.data)) {
        var mark = document.createElement("mark"); mark.appendChild(text); node.appendChild(mark);
      } else { node.appendChild(text); }
      return inMark;
    }, false);
    node.normalize();
    return node;
  }

  function resultItem(data, wanted) {
    var item = document.createElement("li");
    item.className = "result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    if (data.meta && data.meta.kind) {
      var kind = document.createElement("p");
      kind.className = "result-kind";
      kind.textContent = data.meta.kind + (data.meta.facts ? " · " + data.meta.facts : "");
      item.appendChild(kind);
    }
    if (data.excerpt) { item.appendChild(excerptNode(data.excerpt, wanted || [])); }
    return item;
  }

  // A product's card exactly as the lists show it: kept in the index (the product page's data-card, with the
  // site root as {site-root}), so a filtered catalogue looks like the unfiltered one.
  function cardItem(root) {
    return function (data) {
      if (!data.meta || !data.meta.card) { return resultItem(data); }
      var template = document.createElement("template");
      template.innerHTML = data.meta.card.split("{site-root}").join(root);
      return template.content.firstElementChild;
    };
  }

  // Pagefind folds tone marks in the index, but not "đ" in queries: do it here.
  function fold(query) { return query.replace(/đ/g, "d").replace(/Đ/g, "D"); }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] === undefined ? "" : values[key]; });
  }

  // Show results in pages of 24, with a "more" button.
  function render(list, status, results, texts, values, itemOf) {
    list.textContent = "";
    var shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "more";
    more.textContent = texts.more;
    function next() {
      var slice = results.slice(shown, shown + 24);
      shown += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
        items.forEach(function (data) { list.appendChild((itemOf || resultItem)(data)); });
        if (shown < results.length) { list.after(more); } else { more.remove(); }
      });
    }
    more.addEventListener("click", function () { next(); });
    values.n = results.length;
    var count = results.length === 1 && texts.one ? texts.one : texts.count; // plural forms from gettext
    status.textContent = results.length ? fill(count, values) : fill(texts.none, values);
    return next();
  }

  function setupSearch(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".search-status");
    var list = document.querySelector(".search-results");
    var texts = { count: form.dataset.count, one: form.dataset.countOne, none: form.dataset.none, more: form.dataset.more };
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var timer = null;
    input.value = query;
    function run() {
      var q = input.value.trim();
      var params = new URLSearchParams(window.location.search);
      if (q) { params.set("q", q); } else { params.delete("q"); }
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      var still = current();
      if (!q) { list.textContent = ""; status.textContent = ""; return Promise.resolve(); }
      return load(form.dataset.bundle).then(function (pagefind) {
        // Search the words as typed and without "đ", keeping each page's best score.
        var queries = fold(q) === q ? [q] : [q, fold(q)];
        return Promise.all(queries.map(function (one) { return pagefind.search(one); }));
      }).then(function (found) {
        var best = {};
        found.forEach(function (one) {
          one.results.forEach(function (result) {
            if (!best[result.id] || best[result.id].score < result.score) { best[result.id] = result; }
          });
        });
        var results = Object.keys(best).map(function (id) { return best[id]; });
        results.sort(function (a, b) { return b.score - a.score; });
        var wanted = q.split(/\s+/).map(plain).filter(Boolean);
        if (still()) { return render(list, status, results, texts, { q: q }, function (data) { return resultItem(data, wanted); }); }
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
    if (query) { run(); }
  }

  function setupFilters(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector(".filter-status");
    var list = document.getElementById(form.dataset.results);
    var plain = document.getElementById(form.dataset.plain);
    var texts = { count: form.dataset.count, one: form.dataset.countOne, none: form.dataset.none, more: form.dataset.more };
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) { if (params.get(select.name)) { select.value = params.get(select.name); } });
    function run() {
      var filters = {};
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) { filters[select.name] = select.value; query.set(select.name, select.value); }
        else { query.delete(select.name); }
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      var still = current();
      if (!Object.keys(filters).length) {
        list.hidden = true; plain.hidden = false; status.textContent = "";
        return Promise.resolve();
      }
      filters.kind = "product";
      return load(form.dataset.bundle).then(function (pagefind) {
        return pagefind.search(null, { filters: filters, sort: { name: "asc" } });
      }).then(function (found) {
        if (!still()) { return; }
        plain.hidden = true; list.hidden = false;
        return render(list, status, found.results, texts, {}, cardItem(siteRoot(form.dataset.bundle).root.replace(/\/$/, "")));
      });
    }
    selects.forEach(function (select) { select.addEventListener("change", run); });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.hidden = false;
    run();
  }

  var searchForm = document.querySelector("form[data-search]");
  if (searchForm) { setupSearch(searchForm); }
  var filterForm = document.querySelector("form[data-filters]");
  if (filterForm) { setupFilters(filterForm); }
}());
