// The red cue: the frame pulses red for a few seconds and a banner names what happened; an
// optional beep (WebAudio, off by default, toggled by the 声音 button, remembered per screen).
import { T } from './text.zh-CN.js';
import { setText, replayClass, $ } from './dom.js';

const PULSE_MS = 6000;
const BANNER_MS = 15000;
const STORE_KEY = 'hub.wall.sound';

export class Alarm {
  constructor({ banner, toggle }) {
    this.banner = banner;
    this.bannerKind = $('.alarm-kind', banner);
    this.bannerText = $('.alarm-text', banner);
    this.bannerPlace = $('.alarm-place', banner);
    this.bannerTime = $('.alarm-time', banner);
    this.toggle = toggle;
    this.pulseTimer = 0;
    this.bannerTimer = 0;
    this.ctx = null;
    this.lastBeep = 0;
    let stored = false;
    try {
      stored = localStorage.getItem(STORE_KEY) === 'on';
    } catch {
      /* storage may be unavailable in kiosk browsers */
    }
    this.soundOn = stored;
    this.paintToggle();
    toggle.title = T.header.soundTitle;
    toggle.addEventListener('click', () => this.setSound(!this.soundOn));
    // browsers start audio only after a gesture: wake the context on the first click anywhere
    document.addEventListener('pointerdown', () => this.soundOn && this.audio(), { once: true, capture: true });
    const dismiss = $('.alarm-dismiss', banner);
    setText(dismiss, T.alarm.dismiss);
    dismiss.addEventListener('click', () => this.hideBanner());
  }

  setSound(on) {
    this.soundOn = on;
    try {
      localStorage.setItem(STORE_KEY, on ? 'on' : 'off');
    } catch {
      /* ignore */
    }
    this.paintToggle();
    if (on) {
      this.audio();
      this.beep(1);
    }
  }

  paintToggle() {
    this.toggle.setAttribute('aria-pressed', String(this.soundOn));
    this.toggle.dataset.on = String(this.soundOn);
    setText($('.sound-text', this.toggle), this.soundOn ? T.header.soundOn : T.header.soundOff);
  }

  /**
   * Raises the cue. kind: 'critical' (a critical alert was raised), 'overdue' (a critical or major
   * case ran past its limit) or 'red' (the view turned red).
   */
  trigger({ kind, title, place, time }) {
    const body = document.body;
    replayClass(body, 'is-alarm');
    body.dataset.alarm = 'true';
    clearTimeout(this.pulseTimer);
    this.pulseTimer = setTimeout(() => {
      body.classList.remove('is-alarm');
      delete body.dataset.alarm;
    }, PULSE_MS);
    setText(this.bannerKind, T.alarm.kinds[kind] ?? T.alarm.turnedRed);
    setText(this.bannerText, title || '');
    setText(this.bannerPlace, place || '');
    setText(this.bannerTime, time || '');
    this.banner.hidden = false;
    replayClass(this.banner, 'is-in');
    clearTimeout(this.bannerTimer);
    this.bannerTimer = setTimeout(() => this.hideBanner(), BANNER_MS);
    if (this.soundOn) this.beep(3);
  }

  hideBanner() {
    this.banner.hidden = true;
    this.banner.classList.remove('is-in');
  }

  audio() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return null;
      if (!this.ctx) this.ctx = new Ctx();
      if (this.ctx.state === 'suspended') this.ctx.resume().catch(() => {});
      return this.ctx;
    } catch {
      return null;
    }
  }

  /** n short two-tone beeps; never more than one burst every 3 s. */
  beep(n) {
    const now = Date.now();
    if (now - this.lastBeep < 3000) return;
    this.lastBeep = now;
    const ctx = this.audio();
    if (!ctx || ctx.state !== 'running') return;
    const t0 = ctx.currentTime + 0.02;
    for (let i = 0; i < n; i++) {
      for (const [offset, freq] of [[0, 880], [0.16, 660]]) {
        const start = t0 + i * 0.45 + offset;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 0.16);
      }
    }
  }
}

