// The reader's heartbeat (Features/Study). Beats only while the page is visible and the reader has been
// active in the last two minutes, or audio/video is playing or the article is read aloud; the server decides
// what a beat is worth.
(function () {
  const reader = document.getElementById('reader');
  if (!reader || reader.dataset.study !== 'on') return;
  const materialId = Number(reader.dataset.material);
  const every = Number(reader.dataset.beatSeconds || 15) * 1000;
  const media = reader.querySelector('video, audio');
  const minutes = document.getElementById('study-minutes');
  const done = document.getElementById('study-done');
  const json = { 'Content-Type': 'application/json' };
  // paused: why beats were skipped since the last one ('hidden' wins over 'idle'); told to the server with the next.
  let session = null, seq = 0, lastInput = Date.now(), ended = false, busy = false, paused = null;

  ['pointerdown', 'pointermove', 'keydown', 'scroll', 'touchstart', 'wheel'].forEach(e =>
    window.addEventListener(e, () => { lastInput = Date.now(); }, { passive: true }));

  const playing = () => media && !media.paused && !media.ended;
  // Read-aloud (read-aloud.js) counts as media does: the reader listens.
  const speaking = () => reader.dataset.speaking === 'on';
  const active = () => document.visibilityState === 'visible'
    && (Date.now() - lastInput < 120000 || playing() || speaking());

  function show(r) {
    if (minutes && typeof r.creditedMinutes === 'number') minutes.textContent = r.creditedMinutes;
    if (done && r.completed) done.hidden = false;
  }

  async function open() {
    const request = JSON.stringify({ materialId });
    const r = await fetch('/api/study/sessions', { method: 'POST', headers: json, body: request });
    if (!r.ok) return;
    const body = await r.json();
    session = body.sessionId; seq = 0;
    show(body);
  }

  async function beat() {
    if (busy) return;
    if (!active()) {
      paused = document.visibilityState !== 'visible' || paused === 'hidden' ? 'hidden' : 'idle';
      return;
    }
    busy = true;
    try {
      if (!session) await open();
      if (!session) return;
      const body = JSON.stringify({ sessionId: session, seq: ++seq, ended, paused });
      const r = await fetch('/api/study/heartbeat', { method: 'POST', headers: json, body });
      paused = null;
      if (r.ok) show(await r.json());
      // closed elsewhere: open a new session on the next beat
      else if (r.status === 409 || r.status === 404) session = null;
    } catch (e) { /* offline: the next beat tries again */ }
    finally { busy = false; }
  }

  setInterval(beat, every);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') beat(); });
  if (media) media.addEventListener('ended', () => { ended = true; beat(); });
  window.addEventListener('pagehide', () => {
    const empty = new Blob(['{}'], { type: 'application/json' });
    if (session) navigator.sendBeacon('/api/study/sessions/' + session + '/close', empty);
    session = null;
  });
  beat();
})();
