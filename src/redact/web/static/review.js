// Manual redaction by mouse selection. Offsets are Python code points into the document text:
// each segment <span data-start> holds one text node, so an offset is data-start plus the code
// points before the caret inside that node (never derived from the selected string alone).
(function () {
  "use strict";
  var root = document.getElementById("doctext");
  var form = document.getElementById("manual-form");
  if (!root || !form) { return; }
  var startInput = document.getElementById("sel-start");
  var endInput = document.getElementById("sel-end");
  var shown = document.getElementById("selection-text");

  function codePoints(s) { return Array.from(s).length; }

  function segOf(node) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return el && el.closest ? el.closest("[data-start]") : null;
  }

  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      var seg = segOf(node);
      if (!seg || !root.contains(seg)) { return null; }
      return Number(seg.dataset.start) + codePoints(node.data.slice(0, offset));
    }
    // An element boundary: the caret sits before child number `offset`.
    if (node === root || root.contains(node)) {
      var child = node.childNodes[offset];
      if (child) {
        var s = child.nodeType === Node.ELEMENT_NODE && child.dataset.start !== undefined ? child : segOf(child);
        if (s) { return Number(s.dataset.start); }
      }
      var last = node.nodeType === Node.ELEMENT_NODE && node.dataset.start !== undefined ? node : root.lastElementChild;
      if (last) { return Number(last.dataset.start) + codePoints(last.textContent); }
    }
    return null;
  }

  function update() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    var range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) { return; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return; }
    startInput.value = start;
    endInput.value = end;
    shown.textContent = "「" + range.toString() + "」（第 " + start + "–" + end + " 字）";
  }

  root.addEventListener("mouseup", update);
  root.addEventListener("keyup", update);

  // Overriding a non-public suggestion to public needs a written justification.
  var labelSelect = document.getElementById("label-select");
  var justification = document.getElementById("justification");
  if (labelSelect && justification) {
    var check = function () {
      justification.required = labelSelect.dataset.suggested === "non_public" && labelSelect.value === "public";
    };
    labelSelect.addEventListener("change", check);
    check();
  }
})();
