// Actions on a case: ack over the hub (HTTP when the hub is away), every other step of the loop
// over HTTP. Every outcome is normalised to { ok, alert?, error? } with a Chinese error text.
import { T } from './text.zh-CN.js';
import { api } from './api.js';

function stateName(state) {
  return T.state[state] || state || '';
}

/** Error text for an HTTP-like outcome. */
export function errorText(status, body, retryAfter) {
  switch (status) {
    case 0:
      return T.actions.network;
    case 401:
      return T.actions.signedOut; // the sign-in screen follows at once
    case 403:
      return T.actions.forbidden;
    case 404:
      return T.actions.notFound;
    case 409: {
      const by = body?.by ?? body?.alert?.lastBy;
      const state = body?.state ?? body?.alert?.state;
      return by ? T.actions.conflict(by, stateName(state)) : T.actions.conflictNoBy(stateName(state));
    }
    case 422: {
      const list = Array.isArray(body?.errors) ? body.errors.join('；') : body?.detail || '';
      return T.actions.invalid(list);
    }
    case 503:
      return T.actions.unavailable(Number.parseInt(retryAfter, 10) || 5);
    default:
      return T.actions.failed(status);
  }
}

export function createActions(live) {
  return {
    async ack(alertId, note) {
      const answer = await live.ack(alertId, note);
      if (answer && typeof answer.status === 'number') {
        if (answer.status === 200) return { ok: true, alert: answer.alert };
        // the hub answers 409 with the alert as it is now: who moved it, and where to
        const body = answer.status === 409 ? { by: answer.alert?.lastBy, state: answer.alert?.state } : { detail: answer.detail };
        return { ok: false, status: answer.status, alert: answer.alert, error: errorText(answer.status, body) };
      }
      return http(alertId, 'ack', note ? { note } : {});
    },

    /**
     * One step of the loop from a dialog's values ({ assignee, departments, note, score }).
     * `department` is the acting department's code for its own part (报到, 办结).
     */
    async step(action, alertId, values, department) {
      const note = values.note || undefined;
      switch (action) {
        case 'dispatch':
          return http(alertId, 'dispatch', {
            assignee: values.assignee || undefined,
            departments: values.departments?.length ? values.departments : undefined,
            note,
          });
        case 'resolve':
          return http(alertId, 'resolve', { note });
        case 'reject':
          return http(alertId, 'reject', { reason: values.note });
        case 'verify':
          return http(alertId, 'verify', { passed: true, note });
        case 'rework':
          return http(alertId, 'verify', { passed: false, note });
        case 'report-in':
          return http(alertId, 'report-in', { department, note });
        case 'part-done':
          return http(alertId, 'resolve', { department, note });
        case 'supervise':
          return http(alertId, 'supervise', { note });
        case 'close': {
          const closed = await http(alertId, 'close', { note });
          if (!closed.ok || !values.score) return closed;
          // 评价 follows 结案; the case stays closed whatever the rating's answer
          const rated = await http(alertId, 'rate', { score: values.score });
          return rated.ok ? rated : { ok: false, alert: closed.alert, error: T.actions.rated + rated.error };
        }
        default:
          return { ok: false, error: T.actions.failed(0) };
      }
    },
  };
}

async function http(alertId, action, body) {
  const res = await api.act(alertId, action, body);
  if (res.ok) return { ok: true, alert: res.body };
  return { ok: false, status: res.status, error: errorText(res.status, res.body, res.retryAfter) };
}
