// Who is on watch at the unit shown (值班), under the breadcrumb: asked on entering a unit and
// every minute, since shifts change on the clock and not with any push.
import { T } from '../text.zh-CN.js';
import { setText, $ } from '../dom.js';
import { api } from '../api.js';

const REFRESH_MS = 60000;

export class Duty {
  constructor(root) {
    this.el = $('[data-testid="duty"]', root);
    this.who = $('.duty-who', this.el);
    this.code = null;
    this.gen = 0;
    setInterval(() => this.code && this.load(), REFRESH_MS);
  }

  /** Shows the roster of `code`; null hides the line (a department's wall, signed out). */
  show(code) {
    this.code = code;
    this.gen++;
    this.el.hidden = true;
    if (code) this.load();
  }

  async load() {
    const { code, gen } = this;
    const res = await api.duty(code);
    if (gen !== this.gen || !res.ok) return;
    const on = res.body?.onDuty || [];
    setText(this.who, on.length ? on.map((s) => T.duty.who(s.user, T.duty.post[s.post] || s.post)).join('　') : T.duty.none);
    this.el.dataset.empty = on.length ? 'false' : 'true';
    this.el.hidden = false;
  }
}
