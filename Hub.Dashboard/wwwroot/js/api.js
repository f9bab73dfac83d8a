// The hub's HTTP API (relative URLs, so the page also works behind a path prefix).

const enc = encodeURIComponent;

/**
 * One request. Never throws: answers { ok, status, body, retryAfter, network }.
 * status 0 with network=true when the hub could not be reached at all.
 */
async function request(method, url, body, signal) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    return { ok: false, status: 0, body: null, retryAfter: null, network: true, aborted: e?.name === 'AbortError' };
  }
  let data = null;
  try {
    const text = await res.text();
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  return { ok: res.ok, status: res.status, body: data, retryAfter: res.headers.get('retry-after'), network: false };
}

let sessionOver = null;
let epoch = 0; // bumps at every sign-in: a 401 to a call sent before it is about the old session

/**
 * fn() is called whenever a data call answers 401: the session expired or was revoked (the cookie
 * is HttpOnly, so an answer is the only way the page learns it). The auth calls never call it:
 * their 401 means "not signed in" or "wrong password", which their callers handle.
 */
export function onSessionOver(fn) {
  sessionOver = fn;
}

/** A data call: like request, and a 401 ends the session. */
async function call(method, url, body, signal) {
  const sent = epoch;
  const res = await request(method, url, body, signal);
  if (res.status === 401 && sent === epoch) sessionOver?.();
  return res;
}

async function login(user, password) {
  const res = await request('POST', 'api/v1/auth/login', { user, password });
  if (res.ok) epoch++;
  return res;
}

async function changePassword(current, password) {
  // calls still under way with the old cookie may answer 401 once the change lands: not a sign-out
  epoch++;
  const res = await call('POST', 'api/v1/auth/password', { current, password });
  if (res.ok) epoch++;
  return res;
}

export const api = {
  status: (code, signal) => call('GET', `api/v1/units/${enc(code)}/status`, undefined, signal),
  /** The unit's map: its children's shapes with their health, and its active alerts at their points. */
  map: (code, signal) => call('GET', `api/v1/units/${enc(code)}/map`, undefined, signal),
  topology: (code, signal) => call('GET', `api/v1/topology/${enc(code)}`, undefined, signal),
  topologyAll: () => call('GET', 'api/v1/topology'),
  /** The cases still open in the loop (active, or waiting for 核查 or 结案) under `code`; without one, all the caller may see. */
  openAlerts: (code, limit, signal) =>
    call('GET', `api/v1/alerts?${code ? `unit=${enc(code)}&` : ''}state=open&sort=importance&limit=${limit}`, undefined, signal),
  /** action: ack | reject | dispatch | report-in | resolve | verify | close | rate */
  act: (id, action, body) => call('POST', `api/v1/alerts/${enc(id)}/${action}`, body ?? {}),
  /** The case's photos from the field: [{ url, kind }] (none when it has none or they cannot be read). */
  photos: async (id) => {
    const res = await call('GET', `api/v1/alerts/${enc(id)}/photos`);
    return res.ok ? (res.body?.photos || []).map((p) => ({ kind: p.kind, url: `api/v1/alerts/${enc(id)}/photos/${p.number}` })) : [];
  },
  /** A grid worker's one-time enrolment code for the field page (officers, admins). */
  enrolment: (worker) => call('POST', `api/v1/workers/${enc(worker)}/enrolment`, {}),
  /** Who is on watch at the unit now (值班). */
  duty: (code, signal) => call('GET', `api/v1/units/${enc(code)}/duty`, undefined, signal),
  /** This month's ranking of the unit's children (考核). */
  assessment: (code, signal) => call('GET', `api/v1/units/${enc(code)}/assessment`, undefined, signal),
  /** A department's month and rank among the departments serving its unit. */
  departmentAssessment: (code, signal) => call('GET', `api/v1/departments/${enc(code)}/assessment`, undefined, signal),
  /** 200 { user, role, scope, scopeName, expiresAt } when signed in, 401 when not. */
  me: () => request('GET', 'api/v1/auth/me'),
  /** 200 like me (and sets the session cookie), 401 wrong user/password, 429 locked (Retry-After). */
  login,
  logout: () => request('POST', 'api/v1/auth/logout'),
  /** 200 like login (a new session and cookie; every older session ends), 403 wrong current password, 422, 429 locked. */
  changePassword,
  chartUrl: (code, name, width, height, bust) =>
    `api/v1/units/${enc(code)}/charts/${enc(name)}.png?width=${width}&height=${height}&t=${bust}`,
};
