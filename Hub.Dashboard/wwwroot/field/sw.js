// The field page's service worker: the page and its files come from the network when there is
// one (and are kept), from what was kept when there is none. The API is never answered from here:
// what the worker does offline waits in the page's own queue.

const CACHE = 'field-v1';
const SHELL = ['./', 'index.html', 'field.css', 'field.js', 'queue.js', 'photos.js', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', '../js/text.zh-CN.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => (await caches.match(request, { ignoreSearch: true }))
        ?? (request.mode === 'navigate' ? caches.match('index.html') : Response.error())),
  );
});
