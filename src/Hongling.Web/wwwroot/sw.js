// The service worker (served at /sw.js, so its scope is the whole site). It keeps two caches:
//  - the shell: this site's CSS, scripts, fonts and icons, by their exact (versioned) address, first from the cache;
//  - the study articles a member opened (/Study/Read/N), network first, so an opened article can be read offline.
// Nothing else is cached, and nothing is queued: the API (study heartbeats included) goes to the network or fails,
// so study time counts only while online, under the same rule as before.
const SHELL = 'hongling-shell-v1';
const ARTICLES = 'hongling-articles-v1';
const PRECACHE = ['/css/site.css', '/lib/bootstrap/css/bootstrap.min.css', '/lib/bootstrap/js/bootstrap.bundle.min.js',
  '/js/site.js', '/js/study.js', '/js/read-aloud.js', '/icons/icon-192.png', '/manifest.webmanifest'];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(SHELL).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== ARTICLES).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const isShell = (path) => /^\/(css|js|lib|icons|fonts)\//.test(path) || path === '/manifest.webmanifest';
const isArticle = (path) => /^\/Study\/Read\/\d+$/.test(path);

async function shell(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (err) {
    // Offline with a new version in the address: the unversioned copy is better than nothing.
    const any = await cache.match(request, { ignoreSearch: true });
    if (any) return any;
    throw err;
  }
}

async function article(request) {
  const cache = await caches.open(ARTICLES);
  try {
    const response = await fetch(request);
    // Only the article itself: a redirect (to sign-in) or an error page is not kept.
    if (response.ok && !response.redirected) cache.put(request, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    return new Response('<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>离线</title>'
      + '<p style="font-size:20px;padding:1rem">现在没有网络,这篇文章还没有在本机打开过,联网后再看。</p>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}

self.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isShell(url.pathname)) e.respondWith(shell(request));
  else if (isArticle(url.pathname)) e.respondWith(article(request));
});
