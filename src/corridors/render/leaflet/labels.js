// Corridor Atlas: map labels for Leaflet, with collision handling (no dependencies).
// atlasLabels(parent, labels) adds one non-interactive DivIcon marker per label to
// `parent`; the labels come sorted most important first. After each zoom or move, each
// label is shown only if its box stays clear of every label shown before it, so the
// most important names show at the default zoom and more appear as the reader zooms in.
// A place's name tries four places around its dot (above, below, right, left); a label
// that is not a place's (areas, lines, water) also gives way to the places' dots.
// Every text arrives as escaped HTML from the server.
var atlasLabels = window.atlasLabels || (window.atlasLabels = (function () {
  var STYLE_ID = "atlas-label-style";
  var CSS = [
    ".atlas-label { width: 0; height: 0; }",
    ".atlas-label-text { position: absolute; left: 0; top: 0; white-space: nowrap;",
    "  font: 600 12px 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; line-height: 1.2;",
    "  pointer-events: none; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }",
  ].join("\n");
  var PAD = 2;

  function addStyle() {
    if (document.getElementById(STYLE_ID)) return;
    var style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }

  function overlaps(a, b) {
    return a.left < b.right + PAD && a.right > b.left - PAD &&
      a.top < b.bottom + PAD && a.bottom > b.top - PAD;
  }

  // The dot of a place label, as a box around the marker's anchor (its icon's corner).
  function dotBox(marker, radius) {
    var anchor = marker.getElement().getBoundingClientRect();
    return {left: anchor.left - radius, right: anchor.left + radius,
      top: anchor.top - radius, bottom: anchor.top + radius};
  }

  // Where a place's name may stand, in order of preference: above, below, right, left of
  // its dot (`o` pixels from its centre). Other names are centred on their anchor.
  function placements(o) {
    return [
      "translate(-50%, calc(-100% - " + o + "px))",
      "translate(-50%, " + o + "px)",
      "translate(" + o + "px, -50%)",
      "translate(calc(-100% - " + o + "px), -50%)",
    ];
  }

  function layout(markers, labels) {
    var shown = [];
    // names of areas, lines and water never cover a place's dot
    var dots = [];
    markers.forEach(function (marker, index) {
      if (marker.getElement() && labels[index].dot) dots.push(dotBox(marker, labels[index].dot));
    });
    markers.forEach(function (marker, index) {
      var icon = marker.getElement();
      if (!icon) return;
      var text = icon.firstChild;
      var label = labels[index];
      var obstacles = label.dot ? shown : shown.concat(dots);
      var tries = label.dot ? placements(label.offset) : [text.style.transform];
      text.style.visibility = "hidden";
      for (var i = 0; i < tries.length; i++) {
        text.style.transform = tries[i];
        var box = text.getBoundingClientRect();
        if (!obstacles.some(function (other) { return overlaps(box, other); })) {
          text.style.visibility = "visible";
          shown.push(box);
          return;
        }
      }
      text.style.transform = tries[0];
    });
  }

  return function (parent, labels) {
    addStyle();
    var markers = labels.map(function (label) {
      var icon = L.divIcon({className: "atlas-label", html: label.html, iconSize: null});
      return L.marker([label.lat, label.lon], {icon: icon, interactive: false, keyboard: false});
    });
    var group = L.layerGroup(markers);
    var relayout = function () { layout(markers, labels); };
    group.on("add", function () {
      group._map.on("zoomend moveend resize", relayout);
      window.requestAnimationFrame(relayout);
    });
    group.on("remove", function () {
      if (group._map) group._map.off("zoomend moveend resize", relayout);
    });
    group.addTo(parent);
    return group;
  };
})());
