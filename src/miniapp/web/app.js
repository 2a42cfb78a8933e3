// The gallery: the user's results from the bot's API, authenticated by Telegram's initData.
// Plain browser JavaScript, no build step; every string comes from the bot in the user's language.

const tg = window.Telegram?.WebApp;
const base = location.pathname.replace(/[^/]*$/, '');
const headers = { Authorization: `tma ${tg ? tg.initData : ''}` };
const $ = (id) => document.getElementById(id);
let strings = {};
let next = null;
/** The edit models ✏️ offers, from the bot; those with `mask` take a painted part. */
let editModels = [];

const say = (key, fallback) => strings[key] || fallback || '';

function applyTheme() {
  const params = tg?.themeParams || {};
  for (const [name, value] of Object.entries(params)) {
    document.documentElement.style.setProperty(`--tg-theme-${name.replace(/_/g, '-')}`, value);
  }
}

/** A call to the bot's API; a refusal throws with the bot's own message (in the user's language). */
async function api(path, body) {
  const init =
    body === undefined
      ? { headers }
      : {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        };
  const res = await fetch(`${base}api${path}`, init);
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    const err = new Error(body.message || say('app-error', 'Something went wrong.'));
    err.status = res.status;
    throw err;
  }
  return res;
}

/** An image or video from the API as an object URL (an <img src> cannot send the header). */
async function blobUrl(path) {
  const res = await api(path);
  if (res.status === 204) return null;
  return URL.createObjectURL(await res.blob());
}

function showError(err) {
  $('status').textContent = err.message;
}

/** What a card shows when there is no thumbnail (a video sent as a file, older results). */
function placeholder(file) {
  const box = document.createElement('span');
  box.className = 'placeholder';
  box.textContent = file.media === 'video' ? say('app-video', '🎬') : '🖼';
  return box;
}

function card(item) {
  const button = document.createElement('button');
  button.className = 'card';
  button.type = 'button';
  button.dataset.id = item.id;
  button.title = item.prompt;
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = item.model;
  button.append(badge);
  const first = item.files[0];
  if (first?.thumb) {
    blobUrl(`/results/${item.id}/thumb/${first.index}`)
      .then((url) => {
        if (!url) return button.prepend(placeholder(first));
        const img = document.createElement('img');
        img.alt = item.prompt;
        img.src = url;
        button.prepend(img);
      })
      .catch(() => button.prepend(placeholder(first)));
  } else if (first) {
    button.prepend(placeholder(first));
  }
  button.addEventListener('click', () => openItem(item));
  return button;
}

async function loadPage() {
  const query = next ? `?before=${next}` : '';
  const page = await (await api(`/results${query}`)).json();
  for (const item of page.items) $('grid').append(card(item));
  next = page.next;
  $('more').hidden = !next;
  if ($('grid').children.length === 0) $('status').textContent = say('app-empty');
  else $('status').textContent = '';
}

/** The words inline mode matches a result by: its prompt, cut at a word within 64 characters. */
function shareQuery(prompt) {
  const words = prompt.trim().split(/\s+/);
  let query = '';
  for (const word of words) {
    if (`${query} ${word}`.trim().length > 64) break;
    query = `${query} ${word}`.trim();
  }
  return query;
}

let shown = null;

async function openItem(item) {
  shown = item;
  $('region').hidden = !item.region;
  $('edit').hidden = !(editModels.length > 0 && item.files[0]?.media === 'image');
  $('again').hidden = !item.again;
  showMjButtons(item);
  $('detail-status').textContent = '';
  $('gallery').hidden = true;
  $('detail').hidden = false;
  if (tg) tg.BackButton.show();
  $('caption').textContent = [item.model, item.price].filter(Boolean).join(' · ');
  $('prompt').textContent = item.prompt;
  const media = $('media');
  media.textContent = say('app-loading');
  const file = item.files[0];
  try {
    const url = await blobUrl(`/results/${item.id}/file/${file.index}`);
    const el = document.createElement(file.media === 'video' ? 'video' : 'img');
    if (file.media === 'video') el.controls = true;
    el.src = url;
    media.replaceChildren(el);
    $('original').href = url;
    $('original').download = `${item.id}-${file.index + 1}`;
  } catch (err) {
    media.textContent = err.message;
  }
}

function closeItem() {
  if (!$('editor').hidden) {
    $('editor').hidden = true;
    $('detail').hidden = false;
    if (tg?.MainButton) tg.MainButton.hide();
    return;
  }
  $('detail').hidden = true;
  $('gallery').hidden = false;
  if (tg) tg.BackButton.hide();
}

// ── Midjourney's buttons: the chat keyboard's rows; each is asked in the chat with its price ──

let zoomButton = null;

function showMjButtons(item) {
  zoomButton = null;
  $('mj-zoom').hidden = true;
  const rows = (item.mj || []).map((row) => {
    const line = document.createElement('div');
    line.className = 'mj-row';
    for (const cell of row) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'mj-button';
      b.textContent = cell.text;
      b.addEventListener('click', () => pressMj(item, cell));
      line.append(b);
    }
    return line;
  });
  $('mj').replaceChildren(...rows);
}

function pressMj(item, cell) {
  if (!cell.prompt) {
    post(`/results/${item.id}/action`, { button: cell.index }, $('detail-status'));
    return;
  }
  // Custom Zoom needs a prompt: asked here, starting from the result's own.
  zoomButton = cell;
  $('mj-prompt').value = item.prompt;
  $('mj-zoom').hidden = false;
  $('mj-prompt').focus();
}

function sendZoom() {
  if (!shown || !zoomButton) return;
  const prompt = $('mj-prompt').value.trim();
  if (!prompt) {
    $('detail-status').textContent = say('app-mj-prompt-needed');
    return;
  }
  post(`/results/${shown.id}/action`, { button: zoomButton.index, prompt }, $('detail-status'));
}

function setUpMjButtons() {
  $('mj-prompt').placeholder = say('app-mj-prompt');
  $('mj-zoom-send').textContent = say('app-mj-send');
  $('mj-zoom-send').addEventListener('click', sendZoom);
}

// ── The mask editor: Vary (Region), or ✏️ with an edit model; painted white, black elsewhere ──

const editor = { mode: 'region', erase: false, drawing: false, painted: false };

/** The chosen edit model takes a mask (the brush is shown then, and painting is optional). */
function editTakesMask() {
  return editModels.find((m) => m.id === $('edit-model').value)?.mask === true;
}

/** The editor's words and tools for its mode and, for ✏️, the chosen model. */
function showEditorMode() {
  const region = editor.mode === 'region';
  const brush = region || editTakesMask();
  $('edit-model-box').hidden = region;
  $('tools').hidden = !brush;
  $('region-canvas').hidden = !brush;
  $('region-hint').textContent = region
    ? say('app-region-hint')
    : say(brush ? 'app-edit-hint-mask' : 'app-edit-hint');
  $('region-prompt').placeholder = say(region ? 'app-region-prompt' : 'app-edit-prompt');
  const send = say(region ? 'app-region-send' : 'app-edit-send');
  $('region-send').textContent = send;
  if (tg?.MainButton) tg.MainButton.setText(send);
}

/** The canvas has the image's own size, so the mask it becomes needs no scaling. */
function openEditor(mode) {
  const img = $('media').querySelector('img');
  if (!img || !shown) return;
  editor.mode = mode;
  showEditorMode();
  $('detail').hidden = true;
  $('editor').hidden = false;
  $('region-image').src = img.src;
  const canvas = $('region-canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
  editor.painted = false;
  $('region-status').textContent = '';
  $('region-prompt').value = '';
  if (tg?.MainButton) tg.MainButton.show();
}

function paint(event) {
  const canvas = $('region-canvas');
  const box = canvas.getBoundingClientRect();
  const scale = canvas.width / box.width;
  const ctx = canvas.getContext('2d');
  ctx.globalCompositeOperation = editor.erase ? 'destination-out' : 'source-over';
  ctx.fillStyle = '#ff3b30';
  ctx.beginPath();
  const radius = Math.max(8, canvas.width / 24);
  ctx.arc(
    (event.clientX - box.left) * scale,
    (event.clientY - box.top) * scale,
    radius,
    0,
    2 * Math.PI,
  );
  ctx.fill();
  if (!editor.erase && !editor.painted) {
    editor.painted = true;
    $('region-status').textContent = '';
  }
}

function setTool(erase) {
  editor.erase = erase;
  $('tool-draw').classList.toggle('active', !erase);
  $('tool-erase').classList.toggle('active', erase);
}

/** What was painted, as Midjourney reads a mask: opaque white on black, the image's size. */
function maskBase64() {
  const canvas = $('region-canvas');
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, 0, out.width, out.height);
  const white = document.createElement('canvas');
  white.width = canvas.width;
  white.height = canvas.height;
  const w = white.getContext('2d');
  w.drawImage(canvas, 0, 0);
  w.globalCompositeOperation = 'source-in';
  w.fillStyle = '#ffffff';
  w.fillRect(0, 0, white.width, white.height);
  ctx.drawImage(white, 0, 0);
  return out.toDataURL('image/png').replace(/^data:[^,]*,/, '');
}

/** Posts a gallery action; the bot asks in the chat (with the price) and ✅ there starts it. */
async function post(path, body, status) {
  try {
    const answer = await (await api(path, body)).json();
    status.textContent = answer.message || say('app-error');
  } catch (err) {
    status.textContent = err.message;
  }
}

/** What the editor sends, or a reason (a string key) it cannot yet. */
function editorRequest() {
  const prompt = $('region-prompt').value.trim();
  if (editor.mode === 'region') {
    if (!editor.painted) return 'app-region-empty';
    return { path: 'region', body: { mask: maskBase64(), prompt } };
  }
  if (!prompt) return 'app-edit-no-prompt';
  const body = { model: $('edit-model').value, prompt };
  // Nothing painted with a brush model, or a model without one: the whole image is edited.
  if (editTakesMask() && editor.painted) body.mask = maskBase64();
  return { path: 'edit', body };
}

async function sendEditor() {
  if (!shown) return;
  const status = $('region-status');
  const request = editorRequest();
  if (typeof request === 'string') {
    status.textContent = say(request);
    return;
  }
  $('region-send').disabled = true;
  if (tg?.MainButton) tg.MainButton.showProgress();
  await post(`/results/${shown.id}/${request.path}`, request.body, status);
  $('region-send').disabled = false;
  if (tg?.MainButton) tg.MainButton.hideProgress();
}

/** The edit models, as a choice in the editor; the first that takes a mask is chosen first. */
function setUpEditModels(models) {
  editModels = models;
  $('edit-model-label').textContent = say('app-edit-model');
  const options = models.map((m) => {
    const option = document.createElement('option');
    option.value = m.id;
    option.textContent = m.mask ? `${m.title} 🖌` : m.title;
    return option;
  });
  $('edit-model').replaceChildren(...options);
  const brush = models.find((m) => m.mask);
  if (brush) $('edit-model').value = brush.id;
  $('edit-model').addEventListener('change', showEditorMode);
}

function setUpEditor() {
  const canvas = $('region-canvas');
  canvas.addEventListener('pointerdown', (e) => {
    editor.drawing = true;
    canvas.setPointerCapture(e.pointerId);
    paint(e);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (editor.drawing) paint(e);
  });
  for (const end of ['pointerup', 'pointercancel']) {
    canvas.addEventListener(end, () => {
      editor.drawing = false;
    });
  }
  $('again').textContent = say('app-again');
  $('again').addEventListener('click', () => {
    if (shown) post(`/results/${shown.id}/again`, {}, $('detail-status'));
  });
  $('region').textContent = say('app-region');
  $('region').addEventListener('click', () => openEditor('region'));
  $('edit').textContent = say('app-edit');
  $('edit').addEventListener('click', () => openEditor('edit'));
  $('tool-draw').textContent = say('app-region-draw');
  $('tool-erase').textContent = say('app-region-erase');
  $('tool-draw').addEventListener('click', () => setTool(false));
  $('tool-erase').addEventListener('click', () => setTool(true));
  $('region-send').addEventListener('click', sendEditor);
  // In Telegram the client's own main button sends; the page's button is for other browsers.
  if (tg?.MainButton) {
    $('region-send').hidden = true;
    tg.MainButton.onClick(sendEditor);
  }
}

async function start() {
  applyTheme();
  if (tg) {
    tg.ready();
    tg.expand();
    tg.onEvent('themeChanged', applyTheme);
    tg.BackButton.onClick(closeItem);
  }
  try {
    const me = await (await api('/me')).json();
    strings = me.strings;
    document.documentElement.lang = me.locale;
    document.title = say('app-title', document.title);
    $('status').textContent = say('app-loading');
    $('more').textContent = say('app-more');
    $('original').textContent = say('app-original');
    $('share').textContent = say('app-share');
    // Inline mode sends the result, by its Telegram file id, to a chat the user picks.
    $('share').hidden = !tg?.switchInlineQuery;
    $('share').addEventListener('click', () => {
      if (shown) tg.switchInlineQuery(shareQuery(shown.prompt), ['users', 'groups', 'channels']);
    });
    $('more').addEventListener('click', () => loadPage().catch(showError));
    setUpEditor();
    setUpMjButtons();
    const [models] = await Promise.all([api('/edit-models').then((res) => res.json()), loadPage()]);
    setUpEditModels(models.models);
  } catch (err) {
    showError(err);
  }
}

start();
