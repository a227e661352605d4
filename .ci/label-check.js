// Injected into a copy of a report by .ci/render-report (the report itself carries no script):
// measures every <text> of every inline <svg> as Chromium lays it out and writes, into the DOM,
// each pair of labels whose boxes overlap and each label that leaves its chart.
(function () {
  const problems = [];
  const slack = 0.5;
  document.querySelectorAll("svg").forEach(function (svg, index) {
    const frame = svg.getBoundingClientRect();
    const name = (svg.querySelector("title") || {}).textContent || "chart " + index;
    const boxes = Array.from(svg.querySelectorAll("text"))
      .map(function (text) { return { text: text.textContent, box: text.getBoundingClientRect() }; })
      .filter(function (item) { return item.text.trim() !== "" && item.box.width > 0; });
    boxes.forEach(function (a, i) {
      if (a.box.left < frame.left - slack || a.box.right > frame.right + slack || a.box.top < frame.top - slack || a.box.bottom > frame.bottom + slack) {
        problems.push("clipped in " + name + ": \"" + a.text + "\"");
      }
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j];
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > slack && down > slack) problems.push("overlap in " + name + ": \"" + a.text + "\" / \"" + b.text + "\"");
      }
    });
  });
  const out = document.createElement("pre");
  out.id = "label-check";
  out.textContent = "label-check: " + document.querySelectorAll("svg").length + " charts, " + problems.length + " problems\n" + problems.join("\n");
  document.body.appendChild(out);
})();
