// Who is signed in and what the page offers them. The session cookie is HttpOnly: the page learns
// who it is only from auth/me and the sign-in answer. These rules only decide what is shown; the
// server checks every call again.
import { T } from './text.zh-CN.js';

// only these roles run cases through the loop (accept, dispatch, verify, close…); the others read
const ACTING_ROLES = new Set(['officer', 'admin']);

export const canAct = (role) => ACTING_ROLES.has(role);

/** A department's user (职能部门): sees and works only the cases their department is summoned to. */
export const isDepartment = (me) => me?.role === 'department' && !!me.department;

/** Who sees the month's assessment of the units below: leaders and admins. */
export const canAssess = (role) => role === 'leader' || role === 'admin';

export const roleName = (role) => T.roles[role] || role || '';

/** A usable auth/me (or sign-in) answer. */
export const isSession = (body) => !!body && typeof body.user === 'string' && typeof body.role === 'string';

/** The unit the user's scope starts at; null for the whole topology ("*"). */
export const scopeUnit = (me) => (me?.scope && me.scope !== '*' ? me.scope : null);

/** Retry-After as whole seconds (it may be a number of seconds or an HTTP date); null if absent. */
export function retryAfterSeconds(value) {
  if (!value) return null;
  const seconds = Number.parseInt(value, 10);
  if (Number.isFinite(seconds) && String(seconds) === value.trim()) return Math.max(1, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}
