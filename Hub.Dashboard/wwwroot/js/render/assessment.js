// A leader's assessment panel (考核评价): this month's ranking of the children of the unit shown,
// each with its score as a bar, its grade and its rank. Asked on entering a unit and every five
// minutes (the figures come from history, not from pushes).
import { T } from '../text.zh-CN.js';
import { h, setText, $ } from '../dom.js';
import { api } from '../api.js';

const REFRESH_MS = 5 * 60000;
const ROWS = 8; // what the panel shows at 1080p; the rest is in the xlsx

export class Assessment {
  constructor(root) {
    this.root = root;
    this.title = $('.assessment-title', root);
    this.body = $('.assessment-bd', root);
    this.code = null;
    this.gen = 0;
    setInterval(() => this.code && this.load(), REFRESH_MS);
  }

  /** Shows the ranking below `code`; null hides the panel (no right to it, no children, signed out). */
  show(code) {
    this.code = code;
    this.gen++;
    this.root.hidden = !code;
    if (!code) return;
    this.body.replaceChildren();
    this.load();
  }

  async load() {
    const { code, gen } = this;
    const res = await api.assessment(code);
    if (gen !== this.gen) return;
    if (!res.ok) {
      this.body.replaceChildren(h('div', { class: 'assessment-none', text: T.assessment.failed }));
      return;
    }
    setText(this.title, T.assessment.title(res.body.month));
    const ranked = (res.body.items || []).filter((r) => r.rank != null);
    if (!ranked.length) {
      this.body.replaceChildren(h('div', { class: 'assessment-none', text: T.assessment.none }));
      return;
    }
    this.body.replaceChildren(
      ...ranked.slice(0, ROWS).map((r) => {
        const fill = h('span', { class: 'rank-fill' });
        // through the CSSOM: the page's CSP allows no inline style attributes
        fill.style.width = `${Math.max(0, Math.min(100, r.score))}%`;
        return h(
          'div',
          { class: 'rank-row', dataset: { testid: 'rank-row', code: r.code, grade: r.grade, rank: r.rank } },
          h('span', { class: 'rank-no', text: r.rank }),
          h('span', { class: 'rank-name', text: r.name }),
          h('span', { class: 'rank-bar' }, fill),
          h('span', { class: 'rank-score', dataset: { testid: 'rank-score' }, text: r.score.toFixed(1) }),
          h('span', { class: 'rank-grade', text: r.grade }),
        );
      }),
    );
  }
}
