// Answering an exam: autosave each answer as it is given, a countdown, the answer map, one-or-all view, submit.
(function () {
  const root = document.getElementById('exam');
  if (!root) return;
  const attempt = root.dataset.attempt;
  const api = '/api/exams/attempts/' + attempt;
  const status = document.getElementById('save-status');
  const questions = Array.from(root.querySelectorAll('.question'));
  // One increasing sequence per page load, above anything already saved: the server keeps only the newest.
  let seq = Math.max(Date.now(), ...questions.map(q => Number(q.dataset.seq) || 0));
  let pending = 0;

  function answerOf(q) {
    const inputs = Array.from(q.querySelectorAll('.answer'));
    const type = q.dataset.type;
    if (type === 'Single' || type === 'TrueFalse' || type === 'Multiple') {
      return inputs.filter(i => i.checked).map(i => i.value);
    }
    return inputs.map(i => i.value);
  }
  function markAnswered(q) {
    const answered = answerOf(q).some(v => v.trim() !== '');
    const item = root.querySelector('.map-item[data-position="' + q.dataset.position + '"]');
    item.classList.toggle('btn-success', answered);
    item.classList.toggle('btn-outline-secondary', !answered);
  }
  async function save(q) {
    markAnswered(q);
    pending++;
    status.textContent = '正在保存…';
    try {
      const r = await fetch(api + '/answers/' + q.dataset.position, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ seq: ++seq, answer: answerOf(q) })
      });
      const problem = r.ok ? null : await r.json().catch(() => null);
      // answer_stale: a later save of this question has already been stored.
      if (r.ok || problem?.code === 'answer_stale') status.textContent = '已自动保存';
      else status.textContent = '保存失败:' + (problem?.detail || r.status);
    } catch (e) { status.textContent = '网络异常,答案未保存,请检查网络'; }
    finally { pending--; }
  }
  const timers = new Map();
  questions.forEach(q => {
    markAnswered(q);
    q.addEventListener('change', () => save(q));
    q.addEventListener('input', e => {
      if (e.target.type === 'radio' || e.target.type === 'checkbox') return;
      clearTimeout(timers.get(q));
      timers.set(q, setTimeout(() => save(q), 800));
    });
  });

  // Countdown from the server's remaining seconds; at zero the server has closed the paper anyway.
  const end = Date.now() + Number(root.dataset.secondsLeft) * 1000;
  const clock = document.getElementById('countdown');
  function tick() {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    clock.textContent = String(Math.floor(left / 60)).padStart(2, '0') + ':' + String(left % 60).padStart(2, '0');
    if (left === 0) submit(true); else setTimeout(tick, 1000);
  }
  tick();

  let current = 0;
  function show() { questions.forEach((q, i) => q.hidden = oneMode && i !== current); }
  let oneMode = false;
  const mode = (one) => {
    oneMode = one;
    document.getElementById('mode-one').classList.toggle('active', one);
    document.getElementById('mode-all').classList.toggle('active', !one);
    document.getElementById('one-nav').hidden = !one;
    show();
  };
  document.getElementById('mode-all').onclick = () => mode(false);
  document.getElementById('mode-one').onclick = () => mode(true);
  document.getElementById('prev').onclick = () => { current = Math.max(0, current - 1); show(); };
  document.getElementById('next').onclick = () => { current = Math.min(questions.length - 1, current + 1); show(); };
  root.querySelectorAll('.map-item').forEach((a, i) => a.addEventListener('click', () => { current = i; show(); }));

  let submitting = false;
  async function submit(timeUp) {
    if (submitting) return;
    if (!timeUp) {
      const empty = questions.filter(q => !answerOf(q).some(v => v.trim() !== '')).length;
      if (!confirm(empty > 0 ? '还有 ' + empty + ' 题未作答,确定交卷吗?' : '确定交卷吗?')) return;
    }
    submitting = true;
    while (pending > 0) await new Promise(r => setTimeout(r, 100));
    const r = await fetch(api + '/submit', { method: 'POST' });
    if (r.ok) location.href = (await r.json()).review;
    else { submitting = false; status.textContent = '交卷失败,请重试'; }
  }
  document.getElementById('submit').onclick = () => submit(false);
})();
