/* The site's search (index made by generator/site/search.py).
 *
 * Every part of the index is a plain script that calls ISHC_SEARCH.meta/shard/entries, so it
 * loads from a web server and from a folder opened from disk alike (browsers block fetch() on
 * file://). Words are folded as the index folds them: lower case, no marks, đ -> d; so "suc
 * khoe", "khoẻ" and "sức khỏe" are the same words.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = script.src.replace(/assets\/search\.js(\?.*)?$/, "search/");
  var site = script.src.replace(/assets\/search\.js(\?.*)?$/, "");
  var PAGE = 20;
  var loaded = {};  // url -> Promise
  var data = { meta: null, docs: { shards: {}, chunks: {} }, places: { shards: {}, chunks: {} } };
  var waiting = {};  // url -> resolve

  function load(path) {
    var url = root + path + (data.meta ? "?v=" + data.meta.version : "?t=" + Date.now());
    if (!loaded[path]) {
      loaded[path] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        waiting[path] = resolve;
        tag.src = url;
        tag.async = true;
        tag.onerror = function () { reject(new Error(path)); };
        // A part runs before its load event: still waiting then means it did not register.
        tag.onload = function () { if (waiting[path]) reject(new Error(path)); };
        document.head.appendChild(tag);
      });
    }
    return loaded[path];
  }

  function done(path) {
    if (waiting[path]) { waiting[path](); delete waiting[path]; }
  }

  var api = window.ISHC_SEARCH = {
    meta: function (meta) { data.meta = meta; done("meta.js"); },
    shard: function (args) {
      data[args[0]].shards[args[1]] = args[2];
      done(args[0] + "/w-" + args[1] + ".js");
    },
    entries: function (args) {
      data[args[0]].chunks[args[1]] = args[2];
      done(args[0] + "/e-" + args[1] + ".js");
    }
  };

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d");
  }

  function words(text) {
    return fold(text).match(/[a-z0-9]+/g) || [];
  }

  function shardOf(word) { return word.slice(0, data.meta.shard); }

  function loadShards(index, list) {
    var known = data.meta[index].shards;
    var names = list.map(shardOf).filter(function (name, i, all) {
      return all.indexOf(name) === i && known.indexOf(name) >= 0;
    });
    return Promise.all(names.map(function (name) { return load(index + "/w-" + name + ".js"); }));
  }

  /* Postings of a word: exact, or, for the word being typed, every word it begins. */
  function postings(index, part, word, prefix) {
    var shard = data[index].shards[shardOf(word)];
    if (!shard) return [];
    var table = part ? shard[part] : shard;
    if (!table) return [];
    if (!prefix || word.length < data.meta.shard) return table[word] ? [table[word]] : [];
    return Object.keys(table).filter(function (w) { return w.indexOf(word) === 0; })
      .map(function (w) { return table[w]; });
  }

  /* Docs: sections holding every word, ranked by where the words are (title, heading, text),
     how rare they are, and whether they stand side by side as typed. */
  function searchDocs(list) {
    var total = data.meta.docs.entries;
    var scores = null;
    list.forEach(function (word, n) {
      var found = {};
      postings("docs", "w", word, n === list.length - 1).forEach(function (encoded) {
        var idf = Math.log(1 + total / encoded.length);
        var id = 0;
        encoded.forEach(function (value) {
          id += value >> 2;
          found[id] = Math.max(found[id] || 0, (value & 3) * idf);
        });
      });
      if (scores === null) { scores = found; return; }
      var next = {};
      Object.keys(scores).forEach(function (id) {
        if (found[id] !== undefined) next[id] = scores[id] + found[id];
      });
      scores = next;
    });
    scores = scores || {};
    for (var i = 0; i + 1 < list.length; i++) {
      postings("docs", "p", list[i] + " " + list[i + 1], false).forEach(function (encoded) {
        var id = 0;
        encoded.forEach(function (value) {
          id += value >> 2;
          if (scores[id] !== undefined) scores[id] += 4 * (value & 3);
        });
      });
    }
    return Object.keys(scores).map(Number).sort(function (a, b) {
      return scores[b] - scores[a] || a - b;
    });
  }

  /* Places: provinces, communes and clubs holding every word; first those whose own name holds
     them all (a commune found by a former name comes after the clubs named so), each group in
     directory order (provinces first). Words in most club names ("clb", "thôn") are not indexed
     and are left out. */
  function searchPlaces(list) {
    var common = data.meta.places.common;
    var useful = list.filter(function (w) { return common.indexOf(w) < 0; });
    if (!useful.length) return { ids: [], common: list.length > 0 };
    var named = null;  // id -> every word so far is in its name
    useful.forEach(function (word, n) {
      var found = {};
      postings("places", null, word, n === useful.length - 1).forEach(function (encoded) {
        var id = 0;
        encoded.forEach(function (value) {
          id += value >> 1;
          found[id] = found[id] || (value & 1) === 1;
        });
      });
      if (named === null) { named = found; return; }
      var next = {};
      Object.keys(named).forEach(function (id) {
        if (found[id] !== undefined) next[id] = named[id] && found[id];
      });
      named = next;
    });
    var ids = Object.keys(named || {}).map(Number);
    ids.sort(function (a, b) { return (named[b] - named[a]) || a - b; });
    return { ids: ids, common: false };
  }

  function entries(index, ids) {
    var chunk = data.meta.chunk;
    var needed = ids.map(function (id) { return Math.floor(id / chunk); })
      .filter(function (n, i, all) { return all.indexOf(n) === i; });
    return Promise.all(needed.map(function (n) { return load(index + "/e-" + n + ".js"); }))
      .then(function () {
        return ids.map(function (id) {
          return data[index].chunks[Math.floor(id / chunk)][id % chunk];
        });
      });
  }

  function search(query) {
    var list = words(query);
    /* A pair lives in the shard of its first letters: "so quy" in "so ", not in "so". */
    var pairs = list.slice(1).map(function (word, i) { return list[i] + " " + word; });
    return load("meta.js").then(function () {
      return Promise.all([loadShards("docs", list.concat(pairs)), loadShards("places", list)]);
    }).then(function () {
      return { words: list, docs: searchDocs(list), places: searchPlaces(list) };
    });
  }
  api.search = search;

  api.fold = fold;

  /* --- The search page ------------------------------------------------------------------- */

  var form = document.getElementById("ishc-search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("ishc-search-status");
  var results = document.getElementById("ishc-search-results");
  var latest = 0;

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var KINDS = ["Tỉnh, thành phố", "Xã, phường", "Câu lạc bộ"];

  /* One result group: a heading and a list shown PAGE items at a time. An item is a list of
     entry ids rendered together (a page with its matching sections, or one place). */
  function group(title, count, items, index, render) {
    var section = el("section", { "class": "ishc-results" });
    var list = el("ol", { "class": "ishc-results__list" });
    section.appendChild(el("h2", {}, title + " (" + number(count) + ")"));
    section.appendChild(list);
    var shown = 0;
    var more = el("button", { type: "button", "class": "md-button" }, "Xem thêm");
    function next() {
      var page = items.slice(shown, shown + PAGE);
      shown += page.length;
      more.hidden = shown >= items.length;
      var ids = [].concat.apply([], page);
      return entries(index, ids).then(function (rows) {
        var at = 0;
        page.forEach(function (item) {
          list.appendChild(render(rows.slice(at, at + item.length)));
          at += item.length;
        });
      });
    }
    more.addEventListener("click", function () { next(); });
    section.appendChild(more);
    return next().then(function () { return section; });
  }

  /* Docs results by page, best page first; each shows up to three of its matching sections. */
  function byPage(ids) {
    var starts = data.meta.docs.pages;
    var order = [], groups = {};
    ids.forEach(function (id) {
      var lo = 0, hi = starts.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= id) lo = mid; else hi = mid - 1;
      }
      if (!groups[lo]) { groups[lo] = []; order.push(lo); }
      if (groups[lo].length < 3) groups[lo].push(id);
    });
    return order.map(function (page) { return groups[page]; });
  }

  function docItem(rows) {
    var item = el("li");
    var best = rows[0];
    item.appendChild(el("a", { href: site + best[2].split("#")[0] }, best[0]));
    if (best[3]) item.appendChild(el("p", {}, best[3]));
    var sections = rows.filter(function (row) { return row[1]; });
    if (sections.length) {
      var list = el("ul", { "class": "ishc-results__sections" });
      sections.forEach(function (row) {
        var li = el("li");
        li.appendChild(el("a", { href: site + row[2] }, row[1]));
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    return item;
  }

  function placeItem(rows) {
    var row = rows[0];
    var item = el("li");
    item.appendChild(el("a", { href: site + row[3] }, row[1]));
    item.appendChild(el("p", {}, KINDS[row[0]] + " · " + row[2]));
    return item;
  }

  function run(query, remember) {
    var ticket = ++latest;
    query = query.trim();
    if (remember && window.history && history.replaceState) {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      try { history.replaceState(null, "", url.toString()); } catch (e) { /* file:// */ }
    }
    if (!query) { status.textContent = ""; results.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    search(query).then(function (found) {
      if (ticket !== latest) return null;
      var parts = [];
      var places = found.places.ids;
      var pages = byPage(found.docs);
      if (places.length) {
        parts.push(group("Tỉnh, xã phường và câu lạc bộ", places.length,
                         places.map(function (id) { return [id]; }), "places", placeItem));
      }
      if (pages.length) parts.push(group("Bài học và tài liệu", pages.length, pages, "docs", docItem));
      return Promise.all(parts).then(function (sections) {
        if (ticket !== latest) return;
        // A place named in full (a province, a commune) comes before the lessons that mention it.
        if (sections.length === 2 && !placeFirst(found)) sections.reverse();
        results.textContent = "";
        sections.forEach(function (s) { results.appendChild(s); });
        var count = places.length + pages.length;
        status.textContent = count ? "Tìm thấy " + number(count) + " kết quả cho “" + query + "”."
          : found.places.common && !found.docs.length
            ? "Hãy gõ thêm tên thôn, xã hoặc tỉnh: những từ như “CLB”, “thôn” có ở hầu hết các CLB."
            : "Không tìm thấy kết quả cho “" + query + "”. Thử bỏ bớt từ hoặc kiểm tra chính tả.";
      });
    }).catch(function () {
      if (ticket !== latest) return;
      status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.";
    });
  }

  /* Places come first when one of those shown is named by the words typed, side by side (a
     province, a commune, a village: "hai phong", "thon dong hoa"); lessons first otherwise. */
  function placeFirst(found) {
    var common = data.meta.places.common;
    var phrase = found.words.filter(function (w) { return common.indexOf(w) < 0; }).join(" ");
    var chunk = data.meta.chunk;
    return phrase && found.places.ids.slice(0, PAGE).some(function (id) {
      var rows = data.places.chunks[Math.floor(id / chunk)];
      return rows && (" " + words(rows[id % chunk][1]).join(" ") + " ").indexOf(" " + phrase + " ") >= 0;
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value, true); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value, true);
  });
  var start = new URLSearchParams(window.location.search).get("q");
  if (start) { input.value = start; run(start, false); }
})();
