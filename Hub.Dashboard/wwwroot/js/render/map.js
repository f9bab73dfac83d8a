// The map (一张图): the unit's children as shapes filled by health, its active alerts at their
// points (critical ones pulsing), names inside the shapes; a click drills down like a tile. Drawn
// as SVG in screen pixels from the hub's own geometry (Web Mercator, so the city's own raster tiles
// line up under it when Hub:Map:TileUrl is set).
import { T } from '../text.zh-CN.js';
import { h, setText } from '../dom.js';
import { api } from '../api.js';

const SVG = 'http://www.w3.org/2000/svg';
const TILE = 256;
const PAD = 0.06; // of the smaller side, kept clear around the shapes
const REFRESH_MS = 1200; // a burst of cases is placed again once, this long after its first
const MIN_GAP_MS = 5000; // and never sooner than this after the last reading: a flood costs a read every 5 s, not one per case
const MIN_SPAN = 0.004; // degrees (about 400 m): a building alone is shown with its street around it

function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  return el;
}

/** Web Mercator, in world units (0..1 across the whole world). */
function mercator([lon, lat]) {
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}

export class UnitMap {
  constructor(host, { onPick, onLoaded }) {
    this.host = host;
    this.onPick = onPick;
    this.onLoaded = onLoaded || (() => {});
    this.eager = false; // load while hidden too (the wall is still deciding which view to open on)
    this.root = h('div', { class: 'map', 'data-testid': 'map', hidden: true });
    this.note = h('div', { class: 'map-note', hidden: true });
    this.svg = svg('svg', { class: 'map-svg', role: 'img' });
    this.root.append(this.svg, this.note);
    host.append(this.root);
    this.code = null;
    this.data = null;
    this.gen = 0;
    this.timer = 0;
    this.svg.addEventListener('click', (e) => this.pick(e.target));
    this.svg.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.pick(e.target);
    });
    new ResizeObserver(() => this.data && this.draw()).observe(this.root);
  }

  get visible() {
    return !this.root.hidden;
  }

  setVisible(on) {
    this.eager = false;
    this.root.hidden = !on;
    if (on && this.code && !this.data) this.load();
    else if (on && this.data) this.draw();
  }

  /** A new unit is shown. */
  show(code) {
    this.code = code;
    this.data = null;
    this.gen++;
    clearTimeout(this.timer);
    this.svg.replaceChildren();
    this.root.dataset.unit = code || '';
    delete this.root.dataset.ready;
    if (code && (this.visible || this.eager)) this.load();
  }

  /** The unit's status was pushed: children take their new health at once. */
  status(s) {
    if (!this.data || s.code !== this.code) return;
    for (const c of s.children || []) {
      const kept = this.data.children.find((k) => k.code === c.code);
      if (kept) Object.assign(kept, { health: c.health, active: c.alerts?.active ?? kept.active, critical: c.alerts?.critical ?? kept.critical });
      for (const el of this.svg.querySelectorAll(`[data-unit="${CSS.escape(c.code)}"]`)) el.dataset.health = c.health;
    }
  }

  /** Cases came or went under the unit: their points are read again, soon, once for a burst. */
  alertsChanged() {
    if (!this.code || this.timer) return;
    const wait = Math.max(REFRESH_MS, MIN_GAP_MS - (performance.now() - (this.loadedAt || -Infinity)));
    this.timer = setTimeout(() => {
      this.timer = 0;
      if (this.visible) this.load();
      else this.data = null; // read when shown
    }, wait);
  }

  async load() {
    const gen = this.gen;
    this.loadedAt = performance.now();
    const res = await api.map(this.code);
    if (gen !== this.gen) return;
    if (!res.ok || !res.body) {
      if (res.status !== 403 && res.status !== 404 && res.status !== 401) setTimeout(() => gen === this.gen && this.visible && this.load(), 3000);
      return;
    }
    this.data = res.body;
    this.onLoaded(this.data);
    if (this.visible) this.draw();
  }

  pick(target) {
    const shape = target.closest?.('[data-unit]');
    if (!shape || shape === this.root) return;
    this.onPick(shape.dataset.unit, shape.dataset.name, shape.dataset.level);
  }

  /** Screen pixels of [lon, lat] for the current size and bounds. */
  projection(width, height) {
    let [w, s, e, n] = this.data.bounds;
    if (e - w < MIN_SPAN) [w, e] = [(w + e) / 2 - MIN_SPAN / 2, (w + e) / 2 + MIN_SPAN / 2];
    if (n - s < MIN_SPAN) [s, n] = [(s + n) / 2 - MIN_SPAN / 2, (s + n) / 2 + MIN_SPAN / 2];
    const [x0, y1] = mercator([w, s]);
    const [x1, y0] = mercator([e, n]);
    const pad = Math.min(width, height) * PAD;
    const scale = Math.min((width - 2 * pad) / Math.max(x1 - x0, 1e-9), (height - 2 * pad) / Math.max(y1 - y0, 1e-9));
    const dx = (width - (x1 - x0) * scale) / 2 - x0 * scale;
    const dy = (height - (y1 - y0) * scale) / 2 - y0 * scale;
    const at = (p) => {
      const [x, y] = mercator(p);
      return [x * scale + dx, y * scale + dy];
    };
    return { at, scale, dx, dy };
  }

  draw() {
    const d = this.data;
    const width = this.root.clientWidth;
    const height = this.root.clientHeight;
    if (!width || !height) return;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('aria-label', T.map.label(d.name));
    if (!d.bounds) {
      this.svg.replaceChildren();
      setText(this.note, T.map.none);
      this.note.hidden = false;
      this.root.dataset.ready = 'true';
      return;
    }
    this.note.hidden = true;
    const proj = this.projection(width, height);
    const layers = [];
    if (d.tiles) layers.push(this.tiles(d.tiles, proj, width, height));
    const shapes = svg('g', { class: 'map-shapes' });
    const points = svg('g', { class: 'map-buildings' });
    const labels = svg('g', { class: 'map-labels' });
    if (d.outline?.type === 'Point') {
      const [x, y] = proj.at(d.outline.coordinates);
      layers.push(svg('circle', { class: 'map-self', cx: x.toFixed(1), cy: y.toFixed(1), r: 14, 'data-health': d.health }));
    } else if (d.outline) {
      layers.push(svg('path', { class: 'map-outline', d: this.path(d.outline, proj), 'fill-rule': 'evenodd' }));
    }
    for (const c of d.children) {
      if (!c.geometry) continue;
      const data = { 'data-unit': c.code, 'data-name': c.name, 'data-level': c.level, 'data-health': c.health, tabindex: 0, role: 'button' };
      if (c.geometry.type === 'Point') {
        const [x, y] = proj.at(c.geometry.coordinates);
        const dot = svg('circle', { class: 'map-building', cx: x.toFixed(1), cy: y.toFixed(1), r: 9, ...data });
        dot.append(this.title(c));
        points.append(dot);
      } else {
        const shape = svg('path', { class: 'map-shape', d: this.path(c.geometry, proj), 'fill-rule': 'evenodd', ...data });
        shape.append(this.title(c));
        shapes.append(shape);
      }
      if (c.label) {
        const [x, y] = proj.at(c.label);
        const label = svg('text', { class: `map-label map-label-${c.geometry.type === 'Point' ? 'point' : 'area'}`, 'data-label-of': c.code, x: x.toFixed(1), y: (c.geometry.type === 'Point' ? y - 14 : y).toFixed(1) });
        label.textContent = c.name;
        labels.append(label);
      }
    }
    layers.push(shapes, points, labels, this.alerts(d.alerts, proj));
    this.svg.replaceChildren(...layers);
    this.root.dataset.ready = 'true';
    this.root.dataset.alerts = String(d.alerts.length);
  }

  title(c) {
    const t = svg('title');
    t.textContent = T.map.tip(c.name, T.health[c.health] || c.health, c.active || 0);
    return t;
  }

  alerts(list, proj) {
    const g = svg('g', { class: 'map-alerts' });
    // least important first, so the most urgent is drawn on top
    for (const a of [...list].reverse()) {
      const [x, y] = proj.at(a.point);
      const pulsing = a.severity === 'critical'; // the map lists active cases only
      const mark = svg('g', {
        class: `map-alert${pulsing ? ' is-pulsing' : ''}`,
        'data-alert': a.id,
        'data-severity': a.severity,
        'data-state': a.state,
        transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`,
      });
      if (pulsing) mark.append(svg('circle', { class: 'map-pulse', r: 10 }));
      mark.append(svg('circle', { class: 'map-alert-dot', r: 7 }));
      const t = svg('title');
      t.textContent = `${T.severity[a.severity] || a.severity} · ${a.title || T.category[a.category] || a.category}`;
      mark.append(t);
      g.append(mark);
    }
    return g;
  }

  path(geometry, proj) {
    const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
    let d = '';
    for (const rings of polygons) {
      for (const ring of rings) {
        ring.forEach((p, i) => {
          const [x, y] = proj.at(p);
          d += `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
        });
        d += 'Z';
      }
    }
    return d;
  }

  /** The city's own raster tiles under the shapes, at the zoom nearest to the screen's scale. */
  tiles(template, proj, width, height) {
    const g = svg('g', { class: 'map-tiles', 'aria-hidden': 'true' });
    const z = Math.max(0, Math.min(19, Math.round(Math.log2(proj.scale / TILE))));
    const n = 2 ** z;
    const size = proj.scale / n;
    const first = (offset) => Math.max(0, Math.floor((-offset / proj.scale) * n));
    const [fx, fy] = [first(proj.dx), first(proj.dy)];
    const [lx, ly] = [Math.min(n - 1, Math.floor(((width - proj.dx) / proj.scale) * n)), Math.min(n - 1, Math.floor(((height - proj.dy) / proj.scale) * n))];
    for (let x = fx; x <= lx; x++) {
      for (let y = fy; y <= ly; y++) {
        const href = template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
        g.append(svg('image', { href, x: (x * size + proj.dx).toFixed(1), y: (y * size + proj.dy).toFixed(1), width: size.toFixed(1), height: size.toFixed(1) }));
      }
    }
    return g;
  }
}
