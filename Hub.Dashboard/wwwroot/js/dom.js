// Tiny DOM helpers. Text always goes in through textContent / text nodes, never as HTML.

/**
 * Creates an element. props: class, text, dataset, attrs (set as attributes), on<event> handlers.
 * children: nodes or strings (strings become text nodes).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v != null) el.dataset[k] = String(v);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Sets textContent only when it changes (keeps repaint and selection quiet on frequent pushes). */
export function setText(el, text) {
  if (!el) return;
  const s = text == null ? '' : String(text);
  if (el.textContent !== s) el.textContent = s;
}

/** Sets an attribute / data-* only when it changes. */
export function setData(el, name, value) {
  if (!el) return;
  const s = value == null ? '' : String(value);
  if (el.dataset[name] !== s) el.dataset[name] = s;
}

export function toggleClass(el, name, on) {
  if (el && el.classList.contains(name) !== !!on) el.classList.toggle(name, !!on);
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** Restarts a CSS animation bound to a class. */
export function replayClass(el, name) {
  el.classList.remove(name);
  void el.offsetWidth; // reflow so the animation starts again
  el.classList.add(name);
}
