// Formatting of numbers and times. Times from the hub carry the hub's own offset
// (Hub:TimeZone, e.g. +08:00); the wall shows them in that zone, whatever the browser's zone is.
import { T } from './text.zh-CN.js';

const pad = (n) => String(n).padStart(2, '0');

/** The hub's zone until its first answer says otherwise: Hub:TimeZone defaults to Asia/Shanghai. */
export const DEFAULT_OFFSET_MINUTES = 480;

/** Whole number, or "—" when missing. */
export function count(n) {
  return n == null || Number.isNaN(n) ? T.none : String(n);
}

/** Splits a percentage for display: { value: "93.1", unit: "%" } or { value: "—", unit: "" }. */
export function percentParts(rate) {
  if (rate == null || Number.isNaN(rate)) return { value: T.none, unit: '' };
  return { value: (rate * 100).toFixed(1), unit: '%' };
}

/** Offset in minutes of an ISO-8601 time ("+08:00" → 480, "Z" → 0), null if none. */
export function offsetOf(iso) {
  if (typeof iso !== 'string') return null;
  if (/Z$/i.test(iso)) return 0;
  const m = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Wall-clock parts of an instant (ms) seen at a fixed offset (minutes); browser zone when offset is null. */
export function partsAt(ms, offsetMinutes) {
  if (offsetMinutes == null) {
    const d = new Date(ms);
    return { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), wd: d.getDay() };
  }
  const d = new Date(ms + offsetMinutes * 60000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), wd: d.getUTCDay() };
}

/** Parts of an ISO time in its own offset. */
export function isoParts(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return partsAt(ms, offsetOf(iso));
}

/** "HH:mm:ss" of an ISO time, in the offset it carries. */
export function hms(iso) {
  const p = isoParts(iso);
  return p ? `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}` : T.none;
}

/** "MM-DD" of an ISO time, in its own offset. */
export function monthDay(iso) {
  const p = isoParts(iso);
  return p ? `${pad(p.mo)}-${pad(p.d)}` : '';
}

/** True when the ISO time falls on the same calendar day (in its offset) as now. */
export function isToday(iso, nowMs = Date.now()) {
  const p = isoParts(iso);
  if (!p) return false;
  const n = partsAt(nowMs, offsetOf(iso));
  return p.y === n.y && p.mo === n.mo && p.d === n.d;
}

export function clockText(ms, offsetMinutes) {
  const p = partsAt(ms, offsetMinutes);
  return {
    time: `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`,
    date: T.header.date(p.y, p.mo, p.d, T.header.weekdays[p.wd]),
  };
}

/** "12 分钟前" for an ISO time. */
export function ago(iso, nowMs = Date.now()) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const s = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (s < 10) return T.time.justNow;
  if (s < 60) return T.time.secondsAgo(s);
  const m = Math.floor(s / 60);
  if (m < 60) return T.time.minutesAgo(m);
  const hrs = Math.floor(m / 60);
  if (hrs < 48) return T.time.hoursAgo(hrs);
  return T.time.daysAgo(Math.floor(hrs / 24));
}

/** A duration (ms, positive) as "42 分钟" / "3 小时 5 分" / "2 天 4 小时". */
export function duration(ms) {
  const totalMinutes = Math.max(0, Math.floor(ms / 60000));
  if (totalMinutes < 60) return T.time.minutes(Math.max(1, totalMinutes));
  const hours = Math.floor(totalMinutes / 60);
  if (hours < 48) return T.time.hoursMinutes(hours, totalMinutes % 60);
  return T.time.days(Math.floor(hours / 24), hours % 24);
}

/** Traffic light of a handling-limit fraction: green < 0.8 ≤ yellow ≤ 1.0 < red; none when unknown. */
export function lightOf(handleUsed) {
  if (handleUsed == null || Number.isNaN(handleUsed)) return 'none';
  if (handleUsed < 0.8) return 'green';
  if (handleUsed <= 1) return 'yellow';
  return 'red';
}
