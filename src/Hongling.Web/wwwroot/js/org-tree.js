// Expands and collapses the organization tree, loading a level from the server the first time it opens.
document.addEventListener('click', async (e) => {
  const button = e.target.closest('.org-tree .toggle[data-children-url]');
  if (!button) return;
  const children = button.parentElement.querySelector(':scope > .children');
  const open = button.getAttribute('aria-expanded') === 'true';
  if (!open && !children.dataset.loaded && !children.querySelector('li')) {
    const response = await fetch(button.dataset.childrenUrl, { credentials: 'same-origin' });
    if (!response.ok) return;
    children.innerHTML = await response.text();
    children.dataset.loaded = '1';
  }
  children.hidden = open;
  button.setAttribute('aria-expanded', String(!open));
  button.textContent = open ? '＋' : '－';
});

// Levels rendered open by the server start with their buttons showing "collapse".
document.querySelectorAll('.org-tree .children:not([hidden])').forEach((children) => {
  const button = children.parentElement.querySelector(':scope > .toggle[data-children-url]');
  if (button && children.querySelector('li')) {
    button.setAttribute('aria-expanded', 'true');
    button.textContent = '－';
  }
});
