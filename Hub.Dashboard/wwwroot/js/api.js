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

export const api = {
  status: (code, signal) => request('GET', `api/v1/units/${enc(code)}/status`, undefined, signal),
  topology: (code, signal) => request('GET', `api/v1/topology/${enc(code)}`, undefined, signal),
  topologyAll: () => request('GET', 'api/v1/topology'),
  activeAlerts: (code, limit, signal) =>
    request('GET', `api/v1/alerts?unit=${enc(code)}&state=active&limit=${limit}`, undefined, signal),
  /** action: ack | dispatch | resolve | close */
  act: (id, action, body) => request('POST', `api/v1/alerts/${enc(id)}/${action}`, body ?? {}),
  chartUrl: (code, name, width, height, bust) =>
    `api/v1/units/${enc(code)}/charts/${enc(name)}.png?width=${width}&height=${height}&t=${bust}`,
};
