/** The index page's script, written beside it; the only script of the site. */
export const indexScript = 'filter.js';

/**
 * The filter box of the index, for an organisation of hundreds of teams:
 * typing shows only the teams, goals and people whose text contains what is
 * typed (case and width ignored), and opens the alignment tree down to each
 * goal found. The box is hidden in the page and shown by this script, so a
 * browser without scripts shows no box that does nothing. It reads the page
 * and changes only visibility: no network, no HTML built from text.
 */
export const indexFilterScript = `'use strict';
(function () {
  var box = document.getElementById('filter');
  if (!box) return;
  var normal = function (text) { return text.normalize('NFKC').toLowerCase(); };
  var own = function (node) {
    var text = '';
    node.childNodes.forEach(function (child) { if (child.nodeName !== 'DETAILS' && child.nodeName !== 'UL') text += child.textContent; });
    return normal(text);
  };
  // The rows the filter matches on their whole text; the alignment tree is matched node by node.
  var rowSelector = 'table.index tbody tr, ul.period-scores > li, ul.people > li';
  var none = document.getElementById('filter-none');
  var rows = Array.prototype.map.call(document.querySelectorAll(rowSelector), function (row) {
    return { row: row, text: normal(row.textContent) };
  });
  var details = Array.prototype.slice.call(document.querySelectorAll('ul.alignment-tree details'));
  var openAtFirst = details.map(function (element) { return element.open; });
  var nodes = document.querySelectorAll('ul.alignment-tree li');
  // A node is shown when it or a goal under it matches; its folds are opened to show the match.
  var shows = function (node, query) {
    var found = own(node).indexOf(query) !== -1;
    var fold = node.querySelector(':scope > details');
    var below = false;
    if (fold) fold.querySelectorAll(':scope > ul > li').forEach(function (child) { if (shows(child, query)) below = true; });
    node.hidden = !(found || below);
    if (fold && below) fold.open = true;
    return found || below;
  };
  var apply = function () {
    var query = normal(box.value.trim());
    rows.forEach(function (entry) { entry.row.hidden = query !== '' && entry.text.indexOf(query) === -1; });
    if (query === '') {
      nodes.forEach(function (node) { node.hidden = false; });
      details.forEach(function (element, index) { element.open = openAtFirst[index]; });
      sections(false);
      return;
    }
    document.querySelectorAll('ul.alignment-tree > li').forEach(function (root) { shows(root, query); });
    sections(true);
  };
  // A part of the index of which nothing matches is hidden, heading and all; and if nothing matches anywhere, it says so.
  var sections = function (filtering) {
    var any = !filtering;
    document.querySelectorAll('main > section').forEach(function (part) {
      var shown = !filtering;
      part.querySelectorAll(rowSelector + ', ul.alignment-tree > li').forEach(function (item) { if (!item.hidden) shown = true; });
      part.hidden = !shown;
      if (shown) any = true;
    });
    none.hidden = any;
  };
  box.closest('.filter').hidden = false;
  box.addEventListener('input', apply);
  apply();
})();
`;
