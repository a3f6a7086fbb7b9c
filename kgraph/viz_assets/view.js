(function () {
  "use strict";
  // Node and edge data arrive as inert JSON; tooltips become DOM text, never HTML.
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var status = document.getElementById("status");

  function tooltip(text) {
    var element = document.createElement("div");
    element.className = "kg-tip";
    element.textContent = text;
    return element;
  }

  function withTooltips(items) {
    return items.map(function (item) {
      if (item.tip) {
        item.title = tooltip(item.tip);
        delete item.tip;
      }
      return item;
    });
  }

  var network = new vis.Network(
    document.getElementById("network"),
    { nodes: new vis.DataSet(withTooltips(data.nodes)),
      edges: new vis.DataSet(withTooltips(data.edges)) },
    data.options
  );

  function freeze() {
    network.setOptions({ physics: false });
    status.textContent = "drag to move, scroll to zoom";
    document.body.setAttribute("data-ready", "1");
  }

  window.kgraphNetwork = network;
  network.on("stabilizationProgress", function (progress) {
    status.textContent = "laying out " + Math.round(100 * progress.iterations / progress.total) + "%";
  });
  network.once("stabilizationIterationsDone", freeze);
  if (data.nodes.length === 0 || !data.options.physics.enabled) {
    freeze();
  }
})();
