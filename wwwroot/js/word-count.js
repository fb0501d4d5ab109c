// Live word count for long answers with a limit. The server's count decides; this only helps.
(function () {
  "use strict";
  function count(text) {
    var trimmed = text.trim();
    return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
  }
  document.querySelectorAll("textarea[data-word-limit]").forEach(function (area) {
    var limit = parseInt(area.getAttribute("data-word-limit"), 10);
    var output = document.querySelector('[data-word-count-for="' + area.id + '"]');
    if (!output || isNaN(limit)) {
      return;
    }
    function update() {
      var words = count(area.value);
      var left = limit - words;
      output.textContent = left >= 0
        ? "You have " + left + " word" + (left === 1 ? "" : "s") + " remaining"
        : "You have " + (-left) + " word" + (left === -1 ? "" : "s") + " too many";
      output.classList.toggle("text-danger", left < 0);
      output.classList.toggle("fw-semibold", left < 0);
    }
    area.addEventListener("input", update);
    update();
  });
})();
