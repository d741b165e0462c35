/* incident-mapper: grid clustering of very large marker layers (our own code, no third-party JS). */
"use strict";
// Our own grid clustering for very large layers: markercluster builds a cluster tree for every zoom
// level up front (seconds at 100,000 markers); this bins only the markers in view, on each move.
function mapperGridCluster(map, group, markers) {
  var shown = L.layerGroup().addTo(group), cell = 64;
  function refresh() {
    shown.clearLayers();
    if (!map.hasLayer(group)) return;
    var z = map.getZoom(), b = map.getBounds().pad(0.25), cells = {}, keys = [];
    for (var i = 0; i < markers.length; i++) {
      var m = markers[i], ll = m.getLatLng();
      if (m._mapperHidden || !b.contains(ll)) continue;
      var p = map.project(ll, z), k = Math.floor(p.x / cell) + ":" + Math.floor(p.y / cell);
      if (!cells[k]) { cells[k] = []; keys.push(k); }
      cells[k].push(m);
    }
    keys.forEach(function (k) {
      var ms = cells[k];
      if (ms.length === 1 || z >= map.getMaxZoom()) {
        ms.forEach(function (m) { shown.addLayer(m); });
        return;
      }
      var bounds = L.latLngBounds(ms.map(function (m) { return m.getLatLng(); }));
      var size = ms.length < 10 ? "small" : ms.length < 100 ? "medium" : "large";
      var c = L.marker(bounds.getCenter(), {icon: L.divIcon({html: "<div><span>" + ms.length + "</span></div>",
        className: "marker-cluster marker-cluster-" + size + " mapper-grid", iconSize: [40, 40]})});
      c.on("click", function () { map.fitBounds(bounds.pad(0.1)); });
      shown.addLayer(c);
    });
  }
  map.on("moveend", refresh);
  group.on("add", refresh);
  refresh();
  return {addLayers: refresh, removeLayers: refresh};
}
