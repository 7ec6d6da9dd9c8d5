/**
 * Registers the service worker (`public/sw.js`) that keeps the app shell (index.html and the built
 * assets) so a reload while offline still opens the workspace, whose plans live in IndexedDB. Once
 * it is active, the page tells it which assets it has loaded (the engine worker and chunks load
 * before the service worker controls the first visit), so they are cached too.
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const send = () => {
        const urls = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
          .map((url) => url.pathname);
        registration.active?.postMessage({ type: 'cache-assets', urls: ['/', ...new Set(urls)] });
      };
      send();
      // Chunks loaded later (a view, the version panel's worker) are cached when they arrive.
      new PerformanceObserver(send).observe({ type: 'resource' });
    })
    .catch(() => {
      // No service worker (private mode, http on a non-local host): the app works, just not after an offline reload.
    });
}
