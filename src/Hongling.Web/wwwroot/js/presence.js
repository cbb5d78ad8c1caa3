// Online time (Features/Study): a signed-in member's page says "present" once a minute while it is
// visible and the member has been active in the last two minutes.
(function () {
  let lastInput = Date.now();
  ['pointerdown', 'pointermove', 'keydown', 'scroll', 'touchstart'].forEach(e =>
    window.addEventListener(e, () => { lastInput = Date.now(); }, { passive: true }));
  function present() {
    if (document.visibilityState !== 'visible' || Date.now() - lastInput > 120000) return;
    if (document.getElementById('reader')) return;   // the reader's own beats count as online time
    fetch('/api/study/presence', { method: 'POST' }).catch(() => {});
  }
  setInterval(present, 60000);
  present();
})();
