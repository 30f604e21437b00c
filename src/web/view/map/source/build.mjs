// Writes ../countries.txt, the country outlines the signatories' map draws:
// Natural Earth's 1:50m countries (public domain), as the world-atlas npm
// package publishes them in TopoJSON, projected once onto a Lambert
// azimuthal equal-area projection centred on Europe (the projection
// EPSG:3035 uses, on a sphere), clipped to Europe and its neighbours,
// simplified, and rounded to whole units of the drawing.
//
//     npm ci && node build.mjs
//
// The site reads the file at build time (include_str!) and projects the
// signatories' positions with the same numbers, written on its `projection`
// line. Nothing is fetched when the site runs.

import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';

const atlas = JSON.parse(readFileSync(new URL('./node_modules/world-atlas/countries-50m.json', import.meta.url)));
const version = JSON.parse(readFileSync(new URL('./node_modules/world-atlas/package.json', import.meta.url))).version;

// The projection's centre, in degrees, as in EPSG:3035.
const LAT0 = 52;
const LON0 = 10;
// The width of the drawing, in its own units.
const WIDTH = 1000;
// How far a simplified outline may stray from the original, in units.
const TOLERANCE = 0.4;

// ISO 3166-1 numeric → alpha-2, for the Council of Europe's member and
// observer states that the map can show; other countries are drawn, unnamed,
// as neighbours.
const ALPHA2 = {
  '020': 'AD', '008': 'AL', '051': 'AM', '040': 'AT', '031': 'AZ', '070': 'BA', '056': 'BE', '100': 'BG',
  '756': 'CH', '196': 'CY', '203': 'CZ', '276': 'DE', '208': 'DK', '233': 'EE', '724': 'ES', '246': 'FI',
  '250': 'FR', '826': 'GB', '268': 'GE', '300': 'GR', '191': 'HR', '348': 'HU', '372': 'IE', '352': 'IS',
  '380': 'IT', '438': 'LI', '440': 'LT', '442': 'LU', '428': 'LV', '492': 'MC', '498': 'MD', '499': 'ME',
  '807': 'MK', '470': 'MT', '528': 'NL', '578': 'NO', '616': 'PL', '620': 'PT', '642': 'RO', '688': 'RS',
  '752': 'SE', '705': 'SI', '703': 'SK', '674': 'SM', '792': 'TR', '804': 'UA', '336': 'VA',
};

const rad = (deg) => (deg * Math.PI) / 180;
const [sinLat0, cosLat0] = [Math.sin(rad(LAT0)), Math.cos(rad(LAT0))];

// Lambert azimuthal equal-area on the unit sphere; north up.
function project([lon, lat]) {
  const [phi, dLambda] = [rad(lat), rad(lon - LON0)];
  const k = Math.sqrt(2 / (1 + sinLat0 * Math.sin(phi) + cosLat0 * Math.cos(phi) * Math.cos(dLambda)));
  return [k * Math.cos(phi) * Math.sin(dLambda), k * (cosLat0 * Math.sin(phi) - sinLat0 * Math.cos(phi) * Math.cos(dLambda))];
}

// The frame: every place a signatory of a member state may be, from the
// Azores and Madeira to the Caspian, from Crete and Cyprus to the North Cape.
const corners = [[-27.5, 37.5], [-18, 31.5], [-24.5, 66.5], [26, 71.5], [45, 70], [51, 42], [51, 37], [35, 33.5], [-10, 35]]
  .map(project);
const minX = Math.min(...corners.map((p) => p[0]));
const maxX = Math.max(...corners.map((p) => p[0]));
const minY = Math.min(...corners.map((p) => p[1]));
const maxY = Math.max(...corners.map((p) => p[1]));
const scale = WIDTH / (maxX - minX);
const HEIGHT = Math.round((maxY - minY) * scale);
const toFrame = ([x, y]) => [(x - minX) * scale, (maxY - y) * scale];

// Sutherland–Hodgman: a ring clipped to the frame, a little beyond it.
function clip(ring) {
  const m = 4;
  const edges = [
    [(p) => p[0] >= -m, (a, b) => cross(a, b, 0, -m)],
    [(p) => p[0] <= WIDTH + m, (a, b) => cross(a, b, 0, WIDTH + m)],
    [(p) => p[1] >= -m, (a, b) => cross(a, b, 1, -m)],
    [(p) => p[1] <= HEIGHT + m, (a, b) => cross(a, b, 1, HEIGHT + m)],
  ];
  let out = ring;
  for (const [inside, at] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const [a, b] = [input[(i + input.length - 1) % input.length], input[i]];
      if (inside(b)) {
        if (!inside(a)) out.push(at(a, b));
        out.push(b);
      } else if (inside(a)) {
        out.push(at(a, b));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}
function cross(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

// Douglas–Peucker on an open run of points.
function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let [worst, at] = [0, -1];
    const [a, b] = [points[first], points[last]];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const length = Math.hypot(dx, dy);
    for (let i = first + 1; i < last; i++) {
      const p = points[i];
      const d = length === 0 ? Math.hypot(p[0] - a[0], p[1] - a[1]) : Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > TOLERANCE) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// A closed ring as a path: absolute move, then relative whole-unit steps.
function ringPath(ring) {
  // Split the ring at its farthest point so that both halves simplify well.
  const far = ring.reduce((best, p, i) => (Math.hypot(p[0] - ring[0][0], p[1] - ring[0][1]) > best[0] ? [Math.hypot(p[0] - ring[0][0], p[1] - ring[0][1]), i] : best), [0, 0])[1];
  let points = [...simplify(ring.slice(0, far + 1)), ...simplify([...ring.slice(far), ring[0]]).slice(1, -1)];
  let rounded = points.map(([x, y]) => [Math.round(x), Math.round(y)]);
  rounded = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1][0] || p[1] !== rounded[i - 1][1]);
  if (rounded.length < 3) return '';
  let d = `M${rounded[0][0]} ${rounded[0][1]}l`;
  for (let i = 1; i < rounded.length; i++) {
    const [dx, dy] = [rounded[i][0] - rounded[i - 1][0], rounded[i][1] - rounded[i - 1][1]];
    d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
  }
  return `${d}z`;
}

// Only what lies near Europe is projected (far from the projection's
// antipode, where it breaks down).
const near = ([lon, lat]) => lon > -45 && lon < 75 && lat > 20 && lat < 85;

const lines = [];
const shapes = feature(atlas, atlas.objects.countries).features;
const polygonsOf = (country) =>
  country.geometry?.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry?.coordinates ?? [];

// Crimea is part of Ukraine, as the Council of Europe holds; Natural
// Earth's default view draws it within Russia. Move its polygon back.
const russia = shapes.find((country) => country.id === '643');
const ukraine = shapes.find((country) => country.id === '804');
const inCrimea = (polygon) => polygon[0].every(([lon, lat]) => lon > 32 && lon < 37 && lat > 44 && lat < 46.5);
if (russia && ukraine) {
  const crimea = polygonsOf(russia).filter(inCrimea);
  if (crimea.length !== 1) throw new Error(`expected Crimea as one polygon of Russia's, found ${crimea.length}`);
  russia.geometry = { type: 'MultiPolygon', coordinates: polygonsOf(russia).filter((p) => !inCrimea(p)) };
  ukraine.geometry = { type: 'MultiPolygon', coordinates: [...polygonsOf(ukraine), ...crimea] };
}
for (const country of shapes) {
  const polygons = polygonsOf(country);
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (!ring.some(near)) continue;
      const clipped = clip(ring.filter(near).map((p) => toFrame(project(p))));
      if (clipped.length >= 3) d += ringPath(clipped);
    }
  }
  // The north of Cyprus is drawn as part of the Republic of Cyprus, the
  // member state whose territory it is.
  const code = country.properties.name === 'N. Cyprus' ? 'CY' : ALPHA2[country.id] ?? '..';
  if (!d && code !== '..') {
    // Too small to keep a shape at this scale (Monaco, the Holy See): a
    // small diamond where it is, so that it can still be seen and pointed at.
    const ring = polygons.flat().find((r) => r.some(near));
    if (ring) {
      const [x, y] = toFrame(project(ring[0])).map(Math.round);
      d = `M${x} ${y - 2}l2 2-2 2-2-2z`;
    }
  }
  if (!d) continue;
  const same = code === '..' ? undefined : lines.find((line) => line.code === code);
  if (same) same.d += d;
  else lines.push({ code, name: country.properties.name, d });
}
// Small countries last, so that they are drawn over the larger around them.
lines.sort((a, b) => b.d.length - a.d.length);
for (const code of Object.values(ALPHA2)) {
  if (!lines.some((line) => line.code === code)) console.warn(`no outline for ${code}`);
}

const header = [
  `# Country outlines for the map of the Pact's signatories. Generated by source/build.mjs from`,
  `# Natural Earth 1:50m Admin 0 countries (public domain), as world-atlas ${version} publishes them.`,
  `# Lambert azimuthal equal-area on a sphere centred on ${LAT0}°N ${LON0}°E; x = (X - x0) * scale, y = (y0 - Y) * scale.`,
  `viewbox ${WIDTH} ${HEIGHT}`,
  `projection ${LAT0} ${LON0} ${minX} ${maxY} ${scale}`,
];
writeFileSync(new URL('../countries.txt', import.meta.url), [...header, ...lines.map((line) => `${line.code} ${line.d}`), ''].join('\n'));
console.log(`${lines.length} countries, ${lines.filter((l) => l.code !== '..').length} named; viewBox ${WIDTH}×${HEIGHT}`);
