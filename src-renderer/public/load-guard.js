/* global window, document, setTimeout */
// Chromium cuts off requests in flight with ERR_NETWORK_CHANGED whenever a network
// interface appears or goes, and starting or stopping a container adds or removes one
// (its veth pair): a Berth page loading at that moment lost its scripts or styles and
// stayed blank. This classic script runs before the app's module: if one of the page's
// scripts or stylesheets fails to load before the app has drawn anything (or the entry
// script says the app's code could not be imported: 'berth:app-load-failed'), it reloads
// the page, at most three times in a row (the token is in sessionStorage, so a reload keeps it).
// A classic script without imports: it must work when nothing else of the page loaded.
(function () {
  var KEY = 'berth.loadRetries';
  var MAX = 3;
  function drawn() {
    var root = document.getElementById('root');
    return !!(root && root.childElementCount > 0);
  }
  function storage() {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  }
  // One failure can be reported twice (a preload hint's error, then the entry's failed
  // import): a reload already on its way is not counted again.
  var reloading = false;
  function reloadUnlessDrawn() {
    if (reloading || drawn()) return;
    var s = storage();
    var tries = s ? Number(s.getItem(KEY) || '0') : MAX;
    if (tries >= MAX) return;
    s.setItem(KEY, String(tries + 1));
    reloading = true;
    window.location.reload();
  }
  window.addEventListener(
    'error',
    function (event) {
      var el = event.target;
      if (el && (el.tagName === 'SCRIPT' || el.tagName === 'LINK')) reloadUnlessDrawn();
    },
    true,
  );
  window.addEventListener('berth:app-load-failed', reloadUnlessDrawn);
  window.addEventListener('load', function () {
    // Loaded and drawn: the next failure gets its full three tries again.
    setTimeout(function () {
      var s = storage();
      if (s && drawn()) s.removeItem(KEY);
    }, 5000);
  });
})();
