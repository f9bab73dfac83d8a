// What the worker did, kept on the phone until the hub has it: an IndexedDB store that survives a
// closed page, a dead battery and a day without network. Each item carries the id the hub counts
// it by, so sending it twice (an answer lost on the way) counts once.

const DB_NAME = 'governance-hub-field';
const WAITING = 'waiting';
const REFUSED = 'refused';

let opened = null;

function db() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(WAITING, { keyPath: 'id' });
      request.result.createObjectStore(REFUSED, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(store, mode, work) {
  const tx = (await db()).transaction(store, mode);
  const result = work(tx.objectStore(store));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result.result;
}

const byTime = (items) => items.sort((a, b) => a.at - b.at);

export const queue = {
  /** item: { id, worker, kind, url, body, label, at } */
  add: (item) => run(WAITING, 'readwrite', (s) => s.put(item)),
  waiting: async () => byTime(await run(WAITING, 'readonly', (s) => s.getAll())),
  sent: (id) => run(WAITING, 'readwrite', (s) => s.delete(id)),
  /** The hub refused it on its merits: kept apart with the reason, for the worker to see. */
  refuse: async (item, reason) => {
    await run(REFUSED, 'readwrite', (s) => s.put({ ...item, reason }));
    await run(WAITING, 'readwrite', (s) => s.delete(item.id));
  },
  refused: async () => byTime(await run(REFUSED, 'readonly', (s) => s.getAll())),
  dismiss: (id) => run(REFUSED, 'readwrite', (s) => s.delete(id)),
};
