// A map without tiles: the options, home and the places that matter, drawn as SVG over the
// centres of the municipalities around them, with a scale bar. The same facts are in the
// list beside it; the map only shows how they lie.
import { formatNumber, t } from '../i18n';
import type { LatLon, Municipality } from '../types';

export interface MapPoint {
  kind: 'home' | 'place' | 'option';
  label: string;
  pos: LatLon;
  n?: number;
}

const W = 640;
const H = 480;
const PAD = 40;

export function MapView({
  points,
  municipalities,
  title,
}: {
  points: MapPoint[];
  municipalities: Municipality[];
  title: string;
}) {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.pos.lat);
  const lons = points.map((p) => p.pos.lon);
  // At least ~10 km across, so a single point still has surroundings.
  const minLat = Math.min(...lats) - 0.03;
  const maxLat = Math.max(...lats) + 0.03;
  const minLon = Math.min(...lons) - 0.05;
  const maxLon = Math.max(...lons) + 0.05;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * kx;
  const spanY = maxLat - minLat;
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  // Centre the drawing.
  const offX = (W - spanX * scale) / 2;
  const offY = (H - spanY * scale) / 2;
  const x = (lon: number) => offX + (lon - minLon) * kx * scale;
  const y = (lat: number) => offY + (maxLat - lat) * scale;
  const inside = (p: LatLon) => {
    const px = x(p.lon);
    const py = y(p.lat);
    return px >= 0 && px <= W && py >= 0 && py <= H;
  };
  // Scale bar: a round number of km near a fifth of the width.
  const kmPerUnit = 111.32 / scale; // one degree of latitude is about 111 km
  const target = (W / 5) * kmPerUnit;
  const barKm = [1, 2, 5, 10, 20, 50].reduce((best, k) => (Math.abs(k - target) < Math.abs(best - target) ? k : best), 5);
  const barLen = barKm / kmPerUnit;
  const towns = municipalities.filter((m) => inside(m.centroid));
  // A town's name is left out where it would lie under an option, the home, a place that
  // matters, their names, the scale bar or another town's name, or would run off the map
  // (its dot stays): names drawn over one another read as neither. Boxes are [x0, y0, x1, y1]; text widths are
  // estimated from the number of letters.
  type Box = [number, number, number, number];
  const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const taken: Box[] = [[W - barLen - 30, H - 34, W, H]];
  for (const p of points) {
    const px = x(p.pos.lon);
    const py = y(p.pos.lat);
    taken.push([px - 15, py - 15, px + 15, py + 15]);
    if (p.kind === 'home') taken.push([px + 11, py - 26, px + 15 + p.label.length * 10, py - 6]);
    if (p.kind === 'place') taken.push([px + 11, py + 2, px + 15 + p.label.length * 10, py + 22]);
  }
  const named = new Set<string>();
  for (const m of towns) {
    const tx = x(m.centroid.lon) + 6;
    const ty = y(m.centroid.lat) + 5;
    const box: Box = [tx, ty - 12, tx + m.name.length * 8, ty + 3];
    if (box[2] > W || taken.some((b) => overlaps(box, b))) continue;
    taken.push(box);
    named.add(m.code);
  }
  const descId = 'kaart-uitleg';

  return (
    <figure class="map-figure">
      <svg
        class="map"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="kaart-titel"
        aria-describedby={descId}
      >
        <title id="kaart-titel">{title}</title>
        <desc id={descId}>{t('map.description', { count: points.filter((p) => p.kind === 'option').length })}</desc>
        <rect x="0" y="0" width={W} height={H} fill="#f7fafc" />
        {towns.map((m) => (
          <g key={m.code}>
            <circle cx={x(m.centroid.lon)} cy={y(m.centroid.lat)} r="3" fill="#8c8c8c" />
            {named.has(m.code) && (
              <text x={x(m.centroid.lon) + 6} y={y(m.centroid.lat) + 5} font-size="14" fill="#4a4a4a">
                {m.name}
              </text>
            )}
          </g>
        ))}
        {points
          .filter((p) => p.kind !== 'option')
          .map((p, i) =>
            p.kind === 'home' ? (
              <g key={`h${i}`}>
                <rect x={x(p.pos.lon) - 9} y={y(p.pos.lat) - 9} width="18" height="18" fill="#1e6b2f" stroke="#fff" stroke-width="2" />
                <text x={x(p.pos.lon) + 13} y={y(p.pos.lat) - 10} font-size="16" font-weight="700" fill="#1e6b2f">
                  {p.label}
                </text>
              </g>
            ) : (
              <g key={`p${i}`}>
                <path
                  d={`M ${x(p.pos.lon)} ${y(p.pos.lat) - 11} l 11 19 h -22 z`}
                  fill="#8a4b00"
                  stroke="#fff"
                  stroke-width="2"
                />
                <text x={x(p.pos.lon) + 13} y={y(p.pos.lat) + 18} font-size="16" font-weight="700" fill="#8a4b00">
                  {p.label}
                </text>
              </g>
            ),
          )}
        {points
          .filter((p) => p.kind === 'option')
          .map((p) => (
            <g key={`o${p.n}`}>
              <circle cx={x(p.pos.lon)} cy={y(p.pos.lat)} r="13" fill="#1a4f8b" stroke="#fff" stroke-width="2" />
              <text
                x={x(p.pos.lon)}
                y={y(p.pos.lat) + 5}
                font-size="15"
                font-weight="700"
                fill="#fff"
                text-anchor="middle"
              >
                {p.n}
              </text>
            </g>
          ))}
        <g>
          <rect x={W - barLen - 30} y={H - 34} width={barLen + 20} height="26" fill="#fff" opacity="0.85" />
          <line x1={W - barLen - 20} y1={H - 14} x2={W - 20} y2={H - 14} stroke="#1a1a1a" stroke-width="3" />
          <text x={W - 20 - barLen / 2} y={H - 19} font-size="14" text-anchor="middle" fill="#1a1a1a">
            {t('common.km', { km: formatNumber(barKm) })}
          </text>
        </g>
      </svg>
      <figcaption>
        <ul class="map-legend">
          <li>
            <span aria-hidden="true" class="legend-home">■</span> {t('map.home')}
          </li>
          <li>
            <span aria-hidden="true" class="legend-place">▲</span> {t('map.places')}
          </li>
          <li>
            <span aria-hidden="true" class="legend-option">●</span> {t('map.options')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
