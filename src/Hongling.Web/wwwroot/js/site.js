// Behaviour every page shares, bound by data attributes instead of inline handlers (onclick=...), so the
// Content-Security-Policy can refuse every inline script:
//   data-confirm="question"  on a button or link: asks first and does nothing unless confirmed;
//                            on a form: asks before it is submitted;
//   data-autosubmit          on a select: submits its form when the choice changes;
//   data-print               on a button: prints the page.
(() => {
  'use strict';

  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const ask = target?.closest('button[data-confirm], input[data-confirm], a[data-confirm]');
    if (ask && !window.confirm(ask.dataset.confirm)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    if (target?.closest('[data-print]')) {
      e.preventDefault();
      window.print();
    }
  });

  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
    }
  });

  // Installable (manifest.webmanifest): the service worker keeps the shell and the articles a member opened.
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});

  // Signing out forgets the articles kept for offline reading (a shared phone keeps nobody's reading).
  document.addEventListener('submit', (e) => {
    if (e.target instanceof HTMLFormElement && e.target.action.endsWith('/Account/Logout') && window.caches) {
      caches.delete('hongling-articles-v1');
    }
  });

  document.addEventListener('change', (e) => {
    const select = e.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute('data-autosubmit') && select.form) {
      select.form.submit();
    }
  });
})();
