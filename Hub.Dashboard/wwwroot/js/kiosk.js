// Kiosk mode: ?rotate=N cycles through the root unit's children every N seconds (watching each
// in turn), then back to the root; ?kiosk=1 hides the officer actions and the pointer;
// ?view=map shows the map instead of the tiles, ?view=split both side by side, ?view=alternate
// switches between map and tiles at each turn.
import { T } from './text.zh-CN.js';
import { setText } from './dom.js';

export function readOptions(search = location.search) {
  const q = new URLSearchParams(search);
  const rotate = Number.parseFloat(q.get('rotate') || '');
  const kiosk = q.get('kiosk');
  return {
    unit: q.get('unit') || null,
    rotate: Number.isFinite(rotate) && rotate > 0 ? Math.max(1, rotate) : 0,
    kiosk: kiosk === '1' || kiosk === 'true',
    // null: not asked for; the wall opens on the map where the topology has geometry
    view: ['map', 'tiles', 'split', 'alternate'].includes(q.get('view')) ? q.get('view') : null,
  };
}

export class Rotation {
  /**
   * @param {{seconds:number, indicator:HTMLElement, childrenOf:(code)=>string[]|null, go:(code)=>void}} opts
   *   childrenOf(root) answers the root's children codes from its latest status (null if unknown)
   *   hold() true while the cycle must not move (an officer is filling in a dialog)
   */
  constructor({ seconds, indicator, childrenOf, go, hold }) {
    this.seconds = seconds;
    this.hold = hold || (() => false);
    this.indicator = indicator;
    this.childrenOf = childrenOf;
    this.go = go;
    this.root = null;
    this.sequence = [];
    this.index = -1; // -1: the root itself
    this.timer = 0;
    this.ticker = 0;
    this.dueAt = 0;
  }

  /** (Re)starts the cycle at `root` (shown now). */
  start(root) {
    this.root = root;
    this.index = -1;
    this.sequence = [];
    this.indicator.hidden = false;
    this.schedule();
  }

  stop() {
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.indicator.hidden = true;
  }

  schedule() {
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.dueAt = Date.now() + this.seconds * 1000;
    this.timer = setTimeout(() => this.next(), this.seconds * 1000);
    this.ticker = setInterval(() => this.paint(), 1000);
    this.paint();
  }

  next() {
    if (this.hold()) {
      this.schedule(); // try again a full period later
      return;
    }
    if (this.index === -1) {
      // leaving the root: take its children as they are now
      this.sequence = this.childrenOf(this.root) || [];
    }
    this.index++;
    if (this.index >= this.sequence.length) this.index = -1;
    const code = this.index === -1 ? this.root : this.sequence[this.index];
    this.schedule();
    this.go(code);
  }

  paint() {
    const left = Math.max(0, Math.ceil((this.dueAt - Date.now()) / 1000));
    const count = this.index === -1 ? (this.childrenOf(this.root) || []).length : this.sequence.length;
    setText(this.indicator, this.index === -1 ? T.header.rotationRoot(count, left) : T.header.rotation(this.index + 1, count, left));
  }
}
