// Country outlines: Natural Earth 1:110m via world-atlas (TopoJSON), turned
// into GeoJSON and registered as the ECharts map 'world'.
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import echarts from './echarts.js';

// world-atlas is made for spherical projections: a ring that crosses the
// 180th meridian (Russia, Fiji) jumps from +180 to -180, which a flat map
// draws as a line across the world. Such rings are moved east of -180 and
// clipped at +180.
function unwrapAntimeridian(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const ring of polygon) {
      let jumps = false;
      for (let i = 1; i < ring.length; ++i) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) jumps = true;
      if (!jumps) continue;
      for (const p of ring) if (p[0] < 0) p[0] = Math.min(180, p[0] + 360);
    }
}

let registered = false;
export function registerWorld() {
  if (registered) return 'world';
  const geo = feature(countries, countries.objects.countries);
  geo.features = geo.features.filter((f) => f.id !== '010'); // Antarctica: no cities, much ink
  for (const f of geo.features) {
    f.properties = { name: f.properties.name || String(f.id) };
    unwrapAntimeridian(f.geometry);
  }
  echarts.registerMap('world', geo);
  registered = true;
  return 'world';
}
