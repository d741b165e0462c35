/* incident-mapper: draws the embedded incidents client-side (our own code, no third-party JS). */
(function (map, groups, base, payload) {
  "use strict";
  // on a small screen the layer control (added after this script) starts folded: open, it covers the title
  var smallScreen = map.getSize().x < 900 || map.getSize().y < 500;
  if (smallScreen && L.control.layers && !L.control.layers.mapperFolded) {
    var layersControl = L.control.layers;
    L.control.layers = function (baseLayers, overlays, options) {
      return layersControl(baseLayers, overlays, L.extend({}, options, {collapsed: true}));
    };
    L.control.layers.mapperFolded = true;
  }
  // a large map carries its data gzip-compressed (base64); DecompressionStream is built into browsers
  if (payload.gz) {
    var bytes = Uint8Array.from(atob(payload.gz), function (c) { return c.charCodeAt(0); });
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json()
      .then(draw, function (e) { console.error("incident-mapper: cannot read the map data: " + e); });
  } else {
    draw(payload);
  }

  function draw(D) {
  var S = D.S, IC = D.ic;
  var ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
  function esc(v) { return String(v).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  function str(i) { return i === null || i === undefined || i < 0 ? null : S[i]; }
  function col(row, name) { return row[IC[name]]; }
  function scol(row, name) { return str(row[IC[name]]); }
  // no tile layer sets a max zoom and clusters need one; each level costs clustering time
  if (map.options.maxZoom === undefined) map.options.maxZoom = D.maxZoom;
  var pending = 1;  // cluster groups still loading, plus this function
  function settle() { if (--pending === 0 && window.mapper) window.mapper.ready = true; }
  var T0 = performance.now();
  function lap(what) { if (D.debug) console.log(what + " " + Math.round(performance.now() - T0) + " ms"); }
  map.options.zoomSnap = 0.5;  // half levels: the padded fit below need not lose a whole level
  var many = D.F.length + D.P.length > D.canvasAbove, bulk = D.F.length > D.clusterMax;
  var renderer = many ? L.canvas({padding: 0.5}) : L.svg();
  var counts = {}, timed = [], flows = [], labelled = {}, labels = [];
  function count(key, what) {
    counts[key] = counts[key] || {markers: 0, lines: 0, areas: 0};
    counts[key][what] += 1;
  }
  function styleOf(type) { return D.styles[type] || D.styles._default; }
  // a subtype with its own colour (a return, an evacuation) is drawn in it, else in its layer's
  function colorOf(r) {
    var type = scol(r, "type"), sub = (D.subColors || {})[type];
    return (sub && sub[scol(r, "subtype") || ""]) || styleOf(type).color;
  }
  var NOUN = {drone: "Drone ", operation: "Military "};
  function titleOf(r) {  // "Drone strike", "Military raid", "Return": what happened, in two words
    var type = scol(r, "type"), sub = scol(r, "subtype") || "";
    var t = NOUN[type] !== undefined ? NOUN[type] + sub : sub || styleOf(type).label;
    return t.charAt(0).toUpperCase() + t.slice(1);
  }
  // markers on the very same spot (three strikes on one refinery) are fanned out around it, each
  // still clickable, instead of hiding under one another
  // (areas of one region on one another: see areaPopup). Not on a map of bulk data (0.2 s at 100,000
  // features), whose grid clusters count what is on one spot.
  var spots = {}, areaSpots = {}, fan = new Map(), named = {}, nMarkers = 0;
  function spot(f) { return Math.round(f[4][0] * 1e4) + ":" + Math.round(f[4][1] * 1e4); }
  if (!bulk) D.F.forEach(function (f, i) {
    if (f[4].length !== 2) return;
    var k = spot(f), prec = str(f[2]);
    if (D.coarse.indexOf(prec) >= 0) {
      k += prec;
      (areaSpots[k] || (areaSpots[k] = [])).push(f);
    } else {
      (spots[k] || (spots[k] = [])).push(i);
      nMarkers += 1;
    }
  });
  // every spot is named while the markers are few or clustered (a name shows once its marker is out of a
  // cluster); else only the spots with the most incidents (D.labelTop), the rest in popups
  var nameSpots = {}, clustered = nMarkers > D.clusterAbove;
  Object.keys(spots).sort(function (a, b) { return spots[b].length - spots[a].length; })
    .slice(0, nMarkers < D.labelPlacesBelow || clustered ? undefined : D.labelTop)
    .forEach(function (k) { nameSpots[k] = true; });
  Object.keys(spots).forEach(function (k) {
    var ids = spots[k], n = ids.length, rad = Math.max(10, 20 * n / (2 * Math.PI));
    if (n < 2 || n > 24) return;  // more on one spot: the cluster group spreads them
    ids.forEach(function (i, j) {
      var a = 2 * Math.PI * j / n - Math.PI / 2;
      fan.set(D.F[i], [Math.round(rad * Math.cos(a)), Math.round(rad * Math.sin(a))]);
    });
  });

  var SHAPES = {
    debris: '<path d="M12 3L21.5 20H2.5Z"/>',
    strike: '<path d="M12 1.5l2.8 7.2h7.7l-6.2 4.6 2.4 7.7L12 16.3 5.3 21l2.4-7.7L1.5 8.7h7.7z"/>',
    sighting: '<circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="12" r="3" fill="#fff"/>',
    interception: '<circle cx="12" cy="12" r="9"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2.5"/>',
    target: '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="4.5" fill="#fff"/>' +
            '<circle cx="12" cy="12" r="2"/>',
    staging: '<rect x="3.5" y="3.5" width="17" height="17" rx="2"/>',
    point: '<circle cx="12" cy="12" r="8"/>'
  };
  function shapeOf(type, subtype, role) {
    if (role === "target" || role === "staging") return role;
    if (type === "drone" && SHAPES[subtype]) return subtype;
    return "point";
  }
  function svg(shape, color, size) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="' + size + '" height="' + size +
      '"><g fill="' + color + '" stroke="#fff" stroke-width="1.5">' + SHAPES[shape] + "</g></svg>";
  }
  var iconCache = {};
  // an incident one side claims or denies and nobody confirms wears a "?" badge
  var BADGE = '<span class="mapper-badge">?</span>', BADGE_KEY = '<span class="mapper-badge mapper-badge-key">?</span>';
  function icon(shape, color, approx, shift, unconfirmed) {
    var dx = shift ? shift[0] : 0, dy = shift ? shift[1] : 0;
    var key = shape + color + approx + (unconfirmed ? "?" : "") + (shift ? dx + "," + dy : "");
    if (!iconCache[key]) {
      iconCache[key] = L.divIcon({html: svg(shape, color, 22) + (unconfirmed ? BADGE : ""), iconSize: [22, 22],
        iconAnchor: [11 - dx, 11 - dy], popupAnchor: [dx, dy - 10], className: "mapper-icon mapper-" + shape +
        (approx ? " mapper-approx" : "") + (shift ? " mapper-fanned" : "") + (unconfirmed ? " mapper-unconfirmed" : "")});
    }
    return iconCache[key];
  }

  function sourcesHtml(r) {
    function lines(name) { return (scol(r, name) || "").split("\n"); }
    var titles = lines("source_titles"), urls = lines("source_urls"), quotes = lines("source_quotes");
    var dates = lines("source_dates"), ids = lines("source_articles"), groups = [], byKey = {};
    var n = Math.max(titles.length, quotes.length);
    for (var i = 0; i < n; i++) {  // one entry per article, its quoted sentences under it
      var key = (ids[i] || "#" + i) + "\u0000" + (titles[i] || "") + "\u0000" + (urls[i] || "");
      var g = byKey[key];
      if (!g) {
        g = byKey[key] = {title: titles[i] || "source " + (groups.length + 1), url: urls[i] || "",
          date: dates[i] || "", quotes: []};
        groups.push(g);
      }
      if (quotes[i] && g.quotes.indexOf(quotes[i]) < 0) g.quotes.push(quotes[i]);
    }
    var out = groups.map(function (g) {
      // only web links become links: a javascript: or data: URL from a feed stays text
      var link = /^https?:\/\//i.test(g.url) ?
        '<a href="' + esc(g.url) + '" target="_blank" rel="noopener noreferrer">' + esc(g.title) + "</a>" :
        esc(g.title);
      return "<li>" + link + (g.date ? ' <span class="mapper-date">(' + esc(g.date) + ")</span>" : "") +
        g.quotes.map(function (q) { return '<blockquote class="mapper-quote">' + esc(q) + "</blockquote>"; })
          .join("") + "</li>";
    });
    return '<ol class="mapper-sources">' + out.join("") + "</ol>";
  }
  function popupHtml(f) {
    var r = D.I[f[0]], type = scol(r, "type"), subtype = scol(r, "subtype") || "";
    var role = str(f[1]), prec = str(f[2]), place = str(f[3]), origin = str(f[5]);
    var date = scol(r, "date"), rows = [];
    function add(label, value) {
      if (value !== null && value !== undefined && value !== "") {
        rows.push("<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>");
      }
    }
    var oprec = str(f[6]) || prec;
    var title = scol(r, "name") || titleOf(r) + (!place ? "" : (origin ? " to " : " at ") + place);
    function where(name, p) { return name + " (" + p + (p !== "point" ? ", approximate" : "") + ")"; }
    add("Type", type + " / " + subtype);
    add("Date", date ? date + " (" + scol(r, "date_precision") + ")" : "not given");
    // each end of a flow with its own precision: a line from a country is no exact route
    add("Place", !origin ? where(place, prec) : where(origin, oprec) + " \u2192 " + where(place, prec));
    if (origin && (oprec !== "point" || prec !== "point")) {
      var rough = oprec !== "point" ? oprec : prec;  // a country's end is drawn at its capital, others at their centre
      add("Line", "dashed: an end is only a " + rough + ", drawn at its " + (rough === "country" ? "capital" : "centre"));
    }
    if (role && role !== "site" && role !== "flow") add("Role", role);
    add("Figures", scol(r, "figures"));
    add("Actors", scol(r, "actors"));
    add("Status", scol(r, "status"));
    add("Confidence", Number(col(r, "confidence")).toFixed(2));
    var why = scol(r, "summary");  // how the rules read it: after the sources, for whoever checks
    return '<div class="mapper-popup"><h4>' + esc(title) + "</h4><table>" + rows.join("") + "</table>" +
      sourcesHtml(r) + (why ? '<div class="mapper-why">' + esc(why) + "</div>" : "") + "</div>";
  }
  function bind(layer, f, content) {
    // a popup taller than the map scrolls inside instead of running off the screen
    layer.bindPopup(content || function () { return popupHtml(f); }, {maxWidth: 360,
      autoPanPaddingTopLeft: [20, 150], maxHeight: Math.max(200, map.getSize().y - 300)});
    return layer;
  }
  // areas of one region drawn on one another (three incidents "in the Belgorod region"): only the top
  // circle can be clicked, so its popup tells every incident shown there, the clicked one first
  var layerOf = new Map();
  function areaPopup(f) {
    return function () {
      var same = (areaSpots[spot(f) + str(f[2])] || [f]).filter(function (g) {
        return g !== f && map.hasLayer(layerOf.get(g));  // not those of a layer off or filtered out
      });
      if (!same.length) return popupHtml(f);
      return '<div class="mapper-count">' + (same.length + 1) + " incidents in this area</div>" +
        [f].concat(same).map(popupHtml).join("<hr>");
    };
  }
  // a cluster is a disc in its layer's colour (drone clusters told from operations') with its count
  function clusterIcon(color) {
    return function (cluster) {
      var n = cluster.getChildCount(), size = n < 10 ? 30 : n < 100 ? 36 : 42;
      return L.divIcon({html: '<div style="background:' + color + '"><span>' + n + "</span></div>",
        className: "marker-cluster mapper-cluster", iconSize: [size, size]});
    };
  }
  function area(f, latlng, color) {
    var prec = str(f[2]);
    return L.circle(latlng, {radius: D.areaRadius[prec] || 50000, color: color, weight: 2, dashArray: "6 5",
      fillOpacity: 0.12, renderer: renderer, className: "mapper-area"});
  }
  function place(key, f, into, t0) {
    var r = D.I[f[0]], type = scol(r, "type"), color = colorOf(r), prec = str(f[2]);
    var latlng = [f[4][0], f[4][1]], layer;
    if (D.coarse.indexOf(prec) >= 0) {
      layer = area(f, latlng, color); count(key, "areas"); into.vectors.push(layer);
      layerOf.set(f, layer);
      timed.push([layer, t0]);
      return bind(layer, f, areaPopup(f));
    } else {
      layer = L.marker(latlng, {icon: icon(shapeOf(type, scol(r, "subtype"), str(f[1])), color,
        prec !== "point", fan.get(f), (scol(r, "status") || "confirmed") !== "confirmed"), title: str(f[3]) || ""});
      count(key, "markers"); into.markers.push(layer);
      // the offline base map names no town: a small map names its incidents' places, once a spot
      if (!bulk && nameSpots[spot(f)] && str(f[3]) && !named[spot(f)]) {
        named[spot(f)] = true;
        layer.bindTooltip(esc(str(f[3])), {permanent: true, direction: "right", offset: [fan.get(f) ? 24 : 10, 0],
          className: "mapper-place-label", pane: labelPane()});
        labels.push({layer: layer, size: -1, name: true});
      }
    }
    timed.push([layer, t0]);
    return bind(layer, f);
  }
  // flow figures sit above the lines but under the markers: a label must not hide an incident
  function labelPane() {
    if (!map.getPane("mapperFlowLabels")) {
      var pane = map.createPane("mapperFlowLabels");
      pane.style.zIndex = 450;
      pane.style.pointerEvents = "none";
    }
    return "mapperFlowLabels";
  }
  // many flows are drawn thinner and fainter: a hundred full-width lines are a thicket hiding the map
  var manyFlows = D.nFlows >= D.labelFlowsBelow, thin = manyFlows ? 0.5 : 1;
  function flowWeight(r) {
    var v = col(r, "figure_value"), unit = scol(r, "figure_unit") || "";
    if (typeof v !== "number" || !/people|migrant|person|worker|child|refugee/i.test(unit)) return 2.5 * thin;
    return thin * Math.max(2.5, Math.min(14, 1.5 + 1.6 * Math.log10(1 + v)));
  }
  // which flows have their figure written: all of a few, else the D.labelTop largest (the others in popups)
  var figureRank = {};
  D.F.forEach(function (f) {
    var r = D.I[f[0]];
    if (f[4].length === 4 && scol(r, "figures")) figureRank[f[0]] = Number(col(r, "figure_value")) || 0;
  });
  var labelFlow = {};
  Object.keys(figureRank).sort(function (a, b) { return figureRank[b] - figureRank[a]; })
    .slice(0, manyFlows ? D.labelTop : undefined).forEach(function (k) { labelFlow[k] = true; });
  function arrowParts(a, b, weight) {
    var z = map.getZoom(), p0 = map.project(a, z), p1 = map.project(b, z);
    var dx = p1.x - p0.x, dy = p1.y - p0.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var ux = dx / len, uy = dy / len, s = Math.min(8 + weight * 1.5, len / 3);
    var w1 = L.point(p1.x - ux * s - uy * s * 0.6, p1.y - uy * s + ux * s * 0.6);
    var w2 = L.point(p1.x - ux * s + uy * s * 0.6, p1.y - uy * s - ux * s * 0.6);
    return [[a, b], [map.unproject(w1, z), b, map.unproject(w2, z)]];
  }
  function updateArrows() {
    for (var i = 0; i < flows.length; i++) {
      var fl = flows[i], parts = arrowParts(fl.a, fl.b, fl.weight);
      // a dashed line's head is a layer of its own, solid: a dashed chevron reads as no arrow
      if (fl.head) fl.head.setLatLngs(parts[1]); else fl.layer.setLatLngs(parts);
    }
  }
  // the point a share t along the line a -> b as drawn (straight on the Mercator plane, not in degrees)
  function along(a, b, t) {
    var p0 = map.project(a, 0), p1 = map.project(b, 0);
    return map.unproject(L.point(p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y)), 0);
  }
  var flowBadge = null, badged = {}, flowBadges = [];
  var BADGE_AT = [0.62, 0.75, 0.5, 0.85, 0.38, 0.25];  // where along its line a claimed flow's "?" is tried
  function unconfirmed(r) { return (scol(r, "status") || "confirmed") !== "confirmed"; }

  // title and legend: our own small controls, placed before the fit that leaves room for them
  var head = L.control({position: "topleft"});
  head.onAdd = function () {
    var div = L.DomUtil.create("div", "mapper-title");
    div.innerHTML = "<h3>" + esc(D.title) + "</h3><div>" + esc(D.subtitle) + "</div>";
    return div;
  };
  head.addTo(map);
  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "mapper-legend"), out = [], group = null;
    // one row a layer, its symbols side by side: a legend of a dozen symbols must not cover the map
    D.legend.forEach(function (e) {
      var sym = e.shape === "line" ? '<span class="mapper-swatch" style="background:' + e.color + '"></span>' :
        e.shape === "area" ? '<span class="mapper-ring" style="border-color:' + e.color + '"></span>' :
        e.shape === "link" ? '<span class="mapper-link-swatch" style="border-color:' + e.color + '"></span>' :
        e.shape === "badge" ? BADGE_KEY :
        svg(e.shape, e.color, 16);
      if (e.group !== group) {
        if (group !== null) out.push("</div>");
        group = e.group;
        out.push('<div class="mapper-legend-row">' + (group ? "<b>" + esc(group) + "</b>" : ""));
      }
      out.push('<span class="mapper-legend-item" title="' + esc(e.label) + '">' + sym + " " +
        esc(e.what || e.label) + "</span>");
    });
    // on a small screen the legend starts folded: open, it would cover most of the data
    var size = map.getSize(), small = size.x < 900 || size.y < 500;
    div.innerHTML = "<details" + (small ? "" : " open") + '><summary class="mapper-legend-head">Legend</summary>' +
      out.join("") + (group !== null ? "</div>" : "") + "</details>";
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  if (D.legend.length) legend.addTo(map);
  // fit before drawing: moving the view after would redraw every path once more; room for the title
  // and layer control above, the legend and slider below, so none hides a marker (at most a fifth
  // of a small screen above and a quarter below: the data must keep the middle)
  var H = map.getSize().y, legendDiv = legend.getContainer && legend.getContainer();
  var below = Math.max(90, (legendDiv && legendDiv.offsetHeight ? legendDiv.offsetHeight : 0) + 30);
  var leftCorner = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");  // the scale; the slider to come
  below = Math.max(below, (leftCorner ? leftCorner.offsetHeight : 0) + (D.days ? 70 : 0) + 20);
  // a legend taller than that quarter (a dozen symbols) would still cover data: the data is fitted beside it
  var W = map.getSize().x, right = 40;
  if (legendDiv && legendDiv.offsetHeight + 30 > 0.25 * H && legendDiv.offsetWidth + 60 < 0.45 * W) {
    right = legendDiv.offsetWidth + 30;
  }
  if (D.bounds) map.fitBounds(D.bounds, {paddingTopLeft: [40, Math.min(150, 0.2 * H)],
    paddingBottomRight: [right, Math.min(below, 0.25 * H)], animate: false,
    maxZoom: D.F.length ? 9 : 5});  // no incident: the places mentioned, seen from a region's height

  // group features by layer key and incident
  var per = {};
  D.F.forEach(function (f) {
    var type = scol(D.I[f[0]], "type");
    var bucket = per[type] = per[type] || {markers: [], vectors: [], byIncident: {}};
    (bucket.byIncident[f[0]] = bucket.byIncident[f[0]] || []).push(f);
  });
  Object.keys(per).forEach(function (key) {
    var bucket = per[key];
    Object.keys(bucket.byIncident).forEach(function (k) {
      var feats = bucket.byIncident[k], r = D.I[k], t0 = col(r, "t0"), color = colorOf(r);
      var staging = null;
      feats.forEach(function (f) {
        var role = str(f[1]);
        if (f[4].length === 4) {  // a flow line origin -> destination
          var a = L.latLng(f[4][0], f[4][1]), b = L.latLng(f[4][2], f[4][3]), w = flowWeight(r);
          // an end known only as a country (at its capital) or region (at its centre): dashed, no exact route
          var rough = str(f[2]) !== "point" || (str(f[6]) || "point") !== "point";
          var line = L.polyline([[a, b]], {color: color, weight: w, opacity: manyFlows ? 0.6 : 0.75, lineCap: "butt",
            dashArray: rough ? Math.round(2 * w) + " " + Math.round(1.6 * w) : null,
            renderer: renderer, className: "mapper-flow" + (rough ? " mapper-flow-approx" : "")});
          var head = null;
          if (rough) {
            head = L.polyline([a, b], {color: color, weight: w, opacity: manyFlows ? 0.6 : 0.75, lineCap: "butt",
              renderer: renderer,
              className: "mapper-flow-head"});
            bind(head, f); bucket.vectors.push(head); timed.push([head, t0]);
          }
          flows.push({layer: line, head: head, a: a, b: b, weight: w});
          bind(line, f); count(key, "lines"); bucket.vectors.push(line); timed.push([line, t0]);
          var claimed = unconfirmed(r) && !bulk && !badged[k], label = null;
          if (labelFlow[k] && !labelled[k]) {
            labelled[k] = true;  // one label per incident, on its first line
            label = line.bindTooltip((claimed ? BADGE_KEY + " " : "") + esc(scol(r, "figures")), {permanent: true,
              direction: "center", className: "mapper-flow-label", pane: labelPane()});
            labels.push({layer: line, size: Number(col(r, "figure_value")) || 0});
          }
          if (claimed) {  // a claimed flow wears a claimed symbol's "?" (once): in its figure, else on its line
            badged[k] = true;
            if (!label) {
              flowBadge = flowBadge || L.divIcon({html: BADGE, className: "mapper-flow-badge", iconSize: [0, 0]});
              var badge = L.marker(along(a, b, BADGE_AT[0]), {icon: flowBadge, interactive: false, keyboard: false});
              bucket.vectors.push(badge); timed.push([badge, t0, null, true]);  // in its layer, never clustered
              flowBadges.push({marker: badge, a: a, b: b});
            }
          }
          return;
        }
        place(key, f, bucket, t0);
        if (role === "staging" && !staging) staging = f;
      });
      if (staging) {
        feats.forEach(function (f) {
          if (str(f[1]) !== "target") return;
          var link = L.polyline([[staging[4][0], staging[4][1]], [f[4][0], f[4][1]]], {color: color,
            weight: bulk ? 1 : 2, dashArray: bulk ? null : "8 6", opacity: 0.8, renderer: renderer,
            className: "mapper-link"});  // dashes cost canvas time: solid when bulk
          bind(link, f); count(key, "lines"); bucket.vectors.push(link); timed.push([link, t0]);
        });
      }
    });
    lap("built " + key);
    var group = groups[key] || groups._other, markersInto = group;
    if (bulk && bucket.markers.length > D.clusterAbove) {
      markersInto = mapperGridCluster(map, group, bucket.markers);  // grid.js
    } else if ((bucket.markers.length > D.clusterAbove || nMarkers > D.clusterAbove) && bucket.markers.length > 1 &&
               L.markerClusterGroup) {
      // a map of many markers clusters every layer's: a small layer left alone piles up over the others
      pending += 1;
      markersInto = L.markerClusterGroup({chunkedLoading: true, chunkInterval: 400, chunkDelay: 1,
        maxClusterRadius: 45, iconCreateFunction: clusterIcon(styleOf(key).color),
        chunkProgress: function (done, total) {
          if (total > 0 && done >= total) { lap("cluster done " + key); settle(); } }});
      group.addLayer(markersInto);  // on the map first: addLayers off the map is quadratic
      markersInto.on("animationend", function () { declutter(); });  // the names checked against the new clusters
      markersInto.addLayers(bucket.markers, true);
      lap("clustered " + key);
    } else {
      bucket.markers.forEach(function (m) { group.addLayer(m); });
    }
    bucket.vectors.forEach(function (v) { group.addLayer(v); });
    bucket.container = markersInto;
    lap("added " + key);
    timed.forEach(function (t) { if (!t[2]) t[2] = (t[0] instanceof L.Marker && !t[3]) ? markersInto : group; });
  });

  lap("incidents");
  // every literal place mentioned (off by default)
  if (groups.places) {
    D.P.forEach(function (p) {
      var m = L.circleMarker([p[0], p[1]], {radius: 4, color: D.styles.places.color, weight: 1.5,
        fillOpacity: 0.7, renderer: renderer, className: "mapper-place"});
      m.bindPopup(function () {  // every value escaped: a places file may come from anywhere
        var kind = str(p[4]) || "", prec = str(p[5]) || "";
        return '<div class="mapper-popup"><h4>' + esc(str(p[2]) || "") + "</h4><table>" +
          "<tr><th>Place</th><td>" + esc(str(p[3]) || "") + " (" + esc(kind) +
          (prec && prec !== kind ? ", precision: " + esc(prec) : "") + ")</td></tr>" +
          "<tr><th>Article</th><td>" + esc(str(p[6]) || "") + " @" + esc(p[7]) + "\u2013" + esc(p[8]) +
          "</td></tr><tr><th>Score</th><td>" + Number(p[10]).toFixed(2) + "</td></tr></table></div>";
      });
      groups.places.addLayer(m); count("places", "markers");
    });
  }
  if (D.outlines) {  // own pane under the overlays: the opaque land must not cover the incidents
    map.createPane("mapperOutlines").style.zIndex = 250;
    L.geoJSON(D.outlines, {interactive: false, pane: "mapperOutlines", style: {color: "#8a8a8a", weight: 0.8, fillColor: "#f4f1ea",
      fillOpacity: 1}}).addTo(base);
  }
  lap("outlines");
  map.attributionControl.addAttribution(D.attribution);

  // the time slider: our own small control
  function filterTo(day) {
    var add = new Map(), del = new Map();
    timed.forEach(function (t) {
      var show = t[1] === null || t[1] === undefined || t[1] <= day;
      if (show === (t[0]._mapperHidden !== true)) return;
      t[0]._mapperHidden = !show;
      var m = show ? add : del;
      if (!m.has(t[2])) m.set(t[2], []);
      m.get(t[2]).push(t[0]);
    });
    del.forEach(function (ls, c) { if (c.removeLayers) c.removeLayers(ls); else ls.forEach(function (l) { c.removeLayer(l); }); });
    add.forEach(function (ls, c) { if (c.addLayers) c.addLayers(ls); else ls.forEach(function (l) { c.addLayer(l); }); });
    declutter();
  }
  if (D.days) {
    var slider = L.control({position: "bottomleft"});
    slider.onAdd = function () {
      var div = L.DomUtil.create("div", "mapper-slider");
      div.innerHTML = '<label>Events up to <b class="mapper-day"></b></label><br>' +
        '<input type="range" min="' + D.days[0] + '" max="' + D.days[1] + '" value="' + D.days[1] + '" step="1">';
      var input = div.querySelector("input"), out = div.querySelector(".mapper-day");
      function show() { out.textContent = new Date(Number(input.value) * 864e5).toISOString().slice(0, 10); }
      show();
      input.addEventListener("input", function () { show(); filterTo(Number(input.value)); });
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    slider.addTo(map);
  }
  // A flow figure that would cover another is hidden (the larger flow's is kept) and comes back
  // when zooming in gives it room; its line's popup still tells the figure. Place names come after
  // every flow figure and never cover another name or an incident's symbol.
  function declutter() {
    var icons = null, frame = map.getContainer().getBoundingClientRect();
    // nothing written under the title, legend, layer control or slider
    var kept = Array.prototype.map.call(map.getContainer().querySelectorAll(".leaflet-control"),
      function (e) { return e.getBoundingClientRect(); });
    function overlaps(r, k) { return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom; }
    labels.slice().sort(function (a, b) { return b.size - a.size; }).forEach(function (l) {
      var tip = l.layer.getTooltip(), el = tip && tip.getElement();
      if (!el || !map.hasLayer(l.layer)) return;
      el.style.visibility = "";
      var r = el.getBoundingClientRect(), hit = kept.some(function (k) { return overlaps(r, k); });
      // a figure cut by the map's edge reads as another number (a phone): hidden until panned into view
      hit = hit || r.left < frame.left || r.right > frame.right || r.top < frame.top || r.bottom > frame.bottom;
      if (!hit && (l.name || manyFlows)) {  // many flows: a figure half under a cluster misreads as another
        if (!icons) {
          icons = Array.prototype.map.call(document.querySelectorAll(".leaflet-marker-pane .leaflet-marker-icon"),
            function (e) { return e.getBoundingClientRect(); });
        }
        hit = icons.some(function (k) { return overlaps(r, k); });
      }
      if (hit) el.style.visibility = "hidden"; else kept.push(r);
    });
    // a claimed flow's "?" on its line moves along it off the figures shown (back to its first spot if none is free)
    flowBadges.forEach(function (fb) {
      var el = map.hasLayer(fb.marker) && fb.marker.getElement();
      if (!el) return;
      var mark = el.querySelector(".mapper-badge") || el;
      for (var n = 0; n < BADGE_AT.length; n++) {
        fb.marker.setLatLng(along(fb.a, fb.b, BADGE_AT[n]));
        var r = mark.getBoundingClientRect();
        if (!kept.some(function (k) { return overlaps(r, k); })) return;
      }
      fb.marker.setLatLng(along(fb.a, fb.b, BADGE_AT[0]));
    });
  }
  updateArrows();
  map.on("zoomend", updateArrows);
  map.on("zoomend overlayadd overlayremove", declutter);
  // clusters open and close after the view moves: the names shown are checked again once they have
  map.on("moveend", function () { setTimeout(declutter, 0); });
  declutter();
  lap("arrows");
  window.mapper = {map: map, groups: groups, counts: counts, filterTo: filterTo, ready: false};
  settle();
  }
})
