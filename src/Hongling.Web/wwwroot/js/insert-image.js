// 插入图片 (Features/Shared/_InsertImage.cshtml): the chosen picture is uploaded to the platform, which checks,
// re-encodes and stores it, and an <img> of the platform's URL goes into the editor at the cursor.
(function () {
  if (window.honglingInsertImage) return;   // the partial may appear more than once on a page
  window.honglingInsertImage = true;

  // On a line of its own, so that plain text keeps its paragraphs around the picture; at the end of the text
  // when the editor was never entered (its cursor then sits before the first character).
  function insert(textarea, html, atCursor) {
    const text = textarea.value;
    const start = atCursor ? textarea.selectionStart : text.length;
    const end = atCursor ? textarea.selectionEnd : text.length;
    const before = text.slice(0, start), after = text.slice(end);
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    textarea.value = before + lead + html + trail + after;
    const caret = (before + lead + html + trail).length;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
  }

  document.querySelectorAll('.insert-image').forEach(control => {
    const button = control.querySelector('.insert-image-button');
    const input = control.querySelector('.insert-image-file');
    const status = control.querySelector('.insert-image-status');
    const textarea = document.getElementById(control.dataset.target);
    if (!textarea) return;
    let entered = false;
    textarea.addEventListener('focus', () => { entered = true; });
    function say(message, error) {
      status.textContent = message;
      status.className = 'insert-image-status ' + (error ? 'text-danger' : 'text-muted');
    }

    button.addEventListener('click', () => input.click());
    input.addEventListener('change', async () => {
      const file = input.files[0];
      if (!file) return;
      const max = Number(control.dataset.maxBytes);
      if (file.size > max) {
        say('图片未上传:文件不能超过 ' + Math.floor(max / 1048576) + ' MB,请压缩后再上传。', true);
        input.value = '';
        return;
      }
      const body = new FormData();
      body.append('file', file);
      button.disabled = true;
      say('正在上传图片…', false);
      try {
        const response = await fetch(control.dataset.upload, {
          method: 'POST', body, credentials: 'same-origin',
          headers: { 'RequestVerificationToken': control.dataset.token }
        });
        const result = await response.json().catch(() => null);
        if (!response.ok || !result || !result.url) {
          say('图片未上传:' + (result?.detail || result?.title || '错误 ' + response.status), true);
          return;
        }
        insert(textarea, '<img src="' + result.url + '" alt="">', entered);
        say('图片已插入。', false);
      } catch (e) {
        say('网络异常,图片未上传,请检查网络后重试。', true);
      } finally {
        button.disabled = false;
        input.value = '';
      }
    });
  });
})();
