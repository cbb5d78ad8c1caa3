// Read-aloud (朗读) of a study article with the browser's speech synthesis, in a Chinese voice (Features/Study).
// While the page speaks, the reader carries data-speaking="on" (off when paused, stopped or done): the heartbeat
// (study.js) counts the page as active then, as it does while audio or video plays, so listening earns study
// time under the same rule. The buttons stay hidden where the browser cannot speak.
(function () {
  const reader = document.getElementById('reader');
  const box = document.getElementById('read-aloud');
  const body = reader && reader.querySelector('.material-body');
  if (!box || !body || !('speechSynthesis' in window)) return;
  const synth = window.speechSynthesis;
  const [play, pause, stop] = ['play', 'pause', 'stop'].map(k => box.querySelector('[data-speech="' + k + '"]'));
  let queue = [], state = 'idle';   // idle | speaking | paused

  const chinese = () => {
    const voices = synth.getVoices();
    return voices.find(v => /^zh[-_]CN/i.test(v.lang)) || voices.find(v => /^zh/i.test(v.lang)) || null;
  };
  // Chromium cuts long utterances short: the text is spoken sentence by sentence.
  const sentences = () => (body.innerText.match(/[^。！？!?；;\n]+[。！？!?；;]?/g) || [])
    .map(s => s.trim()).filter(Boolean);

  function set(next) {
    state = next;
    reader.dataset.speaking = next === 'speaking' ? 'on' : 'off';
    play.textContent = next === 'paused' ? '继续朗读' : '朗读';
    play.disabled = next === 'speaking';
    pause.disabled = next !== 'speaking';
    stop.disabled = next === 'idle';
  }

  function speakNext() {
    if (state !== 'speaking') return;
    const text = queue.shift();
    if (text === undefined) { set('idle'); return; }
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    const voice = chinese();
    if (voice) u.voice = voice;
    u.onend = speakNext;
    // A sentence that cannot be spoken is skipped; cancel (停止) ends the queue itself.
    u.onerror = e => { if (e.error !== 'interrupted' && e.error !== 'canceled') speakNext(); };
    synth.speak(u);
  }

  play.addEventListener('click', () => {
    if (state === 'paused') { set('speaking'); synth.resume(); return; }
    synth.cancel();
    queue = sentences();
    set('speaking');
    speakNext();
  });
  pause.addEventListener('click', () => { synth.pause(); set('paused'); });
  stop.addEventListener('click', () => { queue = []; set('idle'); synth.cancel(); });
  window.addEventListener('pagehide', () => synth.cancel());
  set('idle');
  box.hidden = false;
})();
