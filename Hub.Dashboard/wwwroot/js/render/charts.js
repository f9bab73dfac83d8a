// Bottom row: the four server-drawn chart PNGs, sized to their boxes (× devicePixelRatio),
// refreshed every minute with a cache-busting parameter, and sooner (at most every FOLLOW_MS) when
// the live status shows their numbers changed, so a chart never disagrees for long with the tiles
// beside it. A chart that is not there shows a quiet placeholder and is tried again next minute.
import { T } from '../text.zh-CN.js';
import { h, setText } from '../dom.js';
import { api } from '../api.js';

export const CHARTS = ['alerts-24h', 'checkins-24h', 'handling-30d', 'children-health'];
const REFRESH_MS = 60000;
// a chart following live changes is drawn again at most this often (each is a server render)
const FOLLOW_MS = 10000;
// the sizes the chart endpoint accepts
const MIN_W = 300;
const MAX_W = 3840;
const MIN_H = 200;
const MAX_H = 2160;
const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));

export class Charts {
  constructor(root) {
    this.root = root;
    this.code = null;
    this.cards = CHARTS.map((name) => {
      const img = h('img', { class: 'chart-img', alt: T.charts[name], dataset: { chart: name }, decoding: 'async' });
      // the PNGs carry their own titles; the placeholder names the chart while there is none
      const note = h('div', { class: 'chart-note', text: T.charts.loading });
      const frame = h(
        'div',
        { class: 'chart-frame', dataset: { state: 'loading' } },
        img,
        h('div', { class: 'chart-placeholder' }, h('div', { class: 'chart-name', text: T.charts[name] }), note),
      );
      const card = h('figure', { class: 'panel chart', 'aria-label': T.charts[name] }, frame);
      root.append(card);
      return { name, img, note, frame, size: '', token: 0, loadedAt: 0, follow: 0 };
    });
    this.timer = setInterval(() => this.reload(), REFRESH_MS);
    let resizeTimer = 0;
    new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => this.reload(true), 400);
    }).observe(root);
  }

  setUnit(code) {
    if (code === this.code) return;
    this.code = code;
    this.unfollow();
    for (const c of this.cards) {
      c.frame.dataset.state = 'loading';
      setText(c.note, T.charts.loading);
      c.img.removeAttribute('src');
    }
    this.reload();
  }

  /**
   * Loads nothing until the next setUnit: signed out (every chart would answer 401), or the unit is
   * outside the user's scope (403; then `text` says so instead of "loading" for ever). Loads under
   * way are dropped.
   */
  stop(text = null) {
    this.code = null;
    this.unfollow();
    for (const c of this.cards) {
      c.token++;
      if (!text) continue;
      c.img.removeAttribute('src');
      c.frame.dataset.state = 'missing';
      setText(c.note, text);
    }
  }

  /** After the hub comes back: try again the charts that could not be loaded. */
  retryMissing() {
    if (this.cards.some((c) => c.frame.dataset.state !== 'ok')) this.reload();
  }

  /** What a chart shows has changed: draw it again now, or when FOLLOW_MS has passed since its last drawing. */
  changed(name) {
    const c = this.cards.find((card) => card.name === name);
    if (!c || !this.code || c.follow) return;
    const wait = Math.max(0, c.loadedAt + FOLLOW_MS - Date.now());
    c.follow = setTimeout(() => {
      c.follow = 0;
      this.reload(false, [c]);
    }, wait);
  }

  /** Drops the drawings that were waiting to follow the figures of the unit shown until now. */
  unfollow() {
    for (const c of this.cards) {
      clearTimeout(c.follow);
      c.follow = 0;
    }
  }

  /** onlyResized: reload only charts whose box size changed. */
  reload(onlyResized = false, cards = this.cards) {
    if (!this.code) return;
    const dpr = Math.min(window.devicePixelRatio || 1, 3);
    const bust = Date.now();
    for (const c of cards) {
      const box = c.frame.getBoundingClientRect();
      if (box.width < 10 || box.height < 10) continue;
      const w = clamp(Math.round((box.width * dpr) / 10) * 10, MIN_W, MAX_W);
      const hgt = clamp(Math.round((box.height * dpr) / 10) * 10, MIN_H, MAX_H);
      const size = `${w}x${hgt}`;
      if (onlyResized && size === c.size) continue;
      c.size = size;
      c.loadedAt = Date.now();
      this.load(c, api.chartUrl(this.code, c.name, w, hgt, bust));
    }
  }

  load(c, url) {
    const token = ++c.token;
    const code = this.code;
    // a fresh element loads and decodes off-screen, then takes the old one's place: no blank frame
    const next = h('img', { class: 'chart-img', alt: T.charts[c.name], dataset: { chart: c.name }, decoding: 'async' });
    const current = () => token === c.token && code === this.code;
    next.onload = () => {
      if (!current()) return;
      next.decode().catch(() => {}).then(() => {
        if (!current()) return;
        c.img.replaceWith(next);
        c.img = next;
        c.frame.dataset.state = 'ok';
      });
    };
    next.onerror = () => {
      if (!current()) return;
      // keep the last good picture of this unit if there is one; else the quiet placeholder
      if (c.frame.dataset.state !== 'ok') {
        c.frame.dataset.state = 'missing';
        setText(c.note, T.charts.missing);
      }
    };
    next.src = url;
  }
}
