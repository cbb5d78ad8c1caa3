// Search-as-you-type member picker: the text box asks /api/members (the caller's scope only) and a chosen row fills
// the hidden id that the form posts. Typing again clears the id, so a name never posts without its member.
document.querySelectorAll('[data-member-picker]').forEach((picker) => {
  const box = picker.querySelector('input[type=search]');
  const id = picker.querySelector('input[type=hidden]');
  const list = picker.querySelector('.picker-results');
  let timer = 0;
  let asked = '';

  const show = (rows) => {
    list.replaceChildren(...rows.map((m) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'list-group-item list-group-item-action';
      item.dataset.id = m.id;
      item.dataset.name = m.name;
      item.textContent = `${m.name} · ${m.organization}` + (m.cardNumber ? ` · ${m.cardNumber}` : '');
      return item;
    }));
    if (rows.length === 0) {
      const none = document.createElement('div');
      none.className = 'list-group-item text-muted';
      none.textContent = '没有找到匹配的党员(仅限您管辖范围内)';
      list.replaceChildren(none);
    }
  };

  const search = async () => {
    const q = box.value.trim();
    if (q === asked) return;
    asked = q;
    if (q.length === 0) { list.replaceChildren(); return; }
    const response = await fetch(`/api/members?q=${encodeURIComponent(q)}`, { credentials: 'same-origin' });
    if (!response.ok || q !== asked) return;
    show((await response.json()).rows);
  };

  box.addEventListener('input', () => {
    id.value = '';
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  list.addEventListener('click', (e) => {
    const item = e.target.closest('button[data-id]');
    if (!item) return;
    id.value = item.dataset.id;
    box.value = item.dataset.name;
    asked = box.value;
    list.replaceChildren();
  });
});
