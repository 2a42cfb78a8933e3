# Midjourney: /mj, result buttons, the modal prompt, /blend and /describe.
mj-usage =
    🖼 <b>Midjourney</b> ({ $model })

    /mj <i>промпт</i> — чотири зображення в сітці; параметри Midjourney, як-от <code>--ar 16:9 --v 6</code>, передаються як є. Фото з підписом <code>/mj промпт</code> стане референсом.
    /blend — змішати 2–5 фото.
    /describe — чотири промпти для фото.

    Кнопки під кожним результатом: Upscale (U1–U4), Vary (V1–V4, 🔄), Zoom і Pan.
    Швидкість і ціна: /settings або <code>--fast</code> / <code>--relax</code> / <code>--turbo</code> у промпті.
mj-unavailable = Midjourney зараз недоступний.
mj-speed-unavailable = --{ $mode } тут недоступний. Доступні швидкості: { $offered }. Нічого не списано.
mj-prompt-too-long = Промпт задовгий: щонайбільше { $limit ->
    [one] { $limit } символ
    [few] { $limit } символи
    [many] { $limit } символів
   *[other] { $limit } символу
}.
mj-too-many-images = Ця модель приймає щонайбільше { $limit ->
    [one] { $limit } фото-референс
    [few] { $limit } фото-референси
    [many] { $limit } фото-референсів
   *[other] { $limit } фото-референсу
}.
mj-images-not-supported = Ця модель не приймає фото-референсів.
mj-image-too-large = 📷 Цей файл має розмір { $size }, а боти можуть завантажувати з Telegram лише файли до { $sizeLimit }. Надішліть менше фото (саме як фото, а не файлом: Telegram його стисне). Нічого не списано.
mj-image-not-image = 📄 Цей елемент альбому не є зображенням, яке можна використати як референс: надішліть фото або файли PNG, JPEG чи WebP. Нічого не списано.
mj-button-working = ⏳ { $action }…
mj-button-unsupported = Ця кнопка недоступна для цієї моделі Midjourney. Спробуйте іншу кнопку або почніть заново з /mj.
mj-button-region = 🖌 Для Vary (Region) треба намалювати маску на зображенні, а в чаті це неможливо. Спробуйте 🪄 Vary (Subtle) чи (Strong) або 🔍 Custom Zoom.
mj-button-region-gallery = 🖌 Vary (Region) малюється в галереї: відкрийте /gallery, оберіть це зображення й зафарбуйте частину, яку треба перемалювати.
mj-button-stale = Ця кнопка застаріла.
mj-button-busy = Уже працюю…
mj-button-not-yours = Ці кнопки належать до чужого зображення.
mj-button-model-off = Ця модель Midjourney більше недоступна.
mj-result-caption = { $model } · { $cost }
mj-mode-fast = fast
mj-mode-relax = relax
mj-mode-turbo = turbo
mj-ran-mode = ⚡ Виконано в режимі { $mode }.
mj-ran-other-mode = ⚡ Виконано в режимі { $mode }, а не { $asked }: сервіс не передав швидкість. Ви заплатили за ціною { $asked }.
mj-document-note = Зображення в повному розмірі (більше, ніж Telegram дозволяє для фото).
mj-describe-title = 🔍 <b>Чотири промпти для вашого зображення</b>
mj-describe-hint = Натисніть номер, щоб згенерувати за цим промптом.
mj-describe-button = { $n } ✨ Згенерувати
mj-describe-gone = Цей промпт уже недоступний.
mj-preview-caption = 👀 Попередній перегляд
mj-modal-zoom-ask =
    🔍 <b>Custom Zoom</b>: надішліть промпт із <code>--zoom</code> від 1 до 2 або лише число (наприклад, <code>1.5</code>), щоб залишити промпт як є:
    <code>{ $prompt }</code>

    Zoom коштує { $price }. /cancel — скасувати.
mj-modal-remix-ask =
    🎛 <b>Remix</b>: перед запуском дії { $action } можна задати новий промпт. Поточний промпт:
    <code>{ $prompt }</code>

    Вартість: { $price }.
mj-modal-new-ask = ✏️ Надішліть новий промпт текстом. /cancel — скасувати.
mj-modal-button-keep = ▶️ Залишити промпт
mj-modal-button-new = ✏️ Новий промпт
mj-modal-button-cancel = ✖️ Скасувати
mj-modal-continuing = ▶️ Працюю.
mj-modal-waiting = ✅ Прийнято: продовжу, щойно Midjourney буде готовий.
mj-modal-cancelled = ✖️ Скасовано. { $refund }
mj-modal-gone = Цей крок уже не чекає на промпт.
mj-modal-text-only = Надішліть, будь ласка, промпт текстом або /cancel.
mj-modal-insufficient = 💰 Недостатньо коштів на балансі для цього кроку: він коштує { $price }, а у вас { $balance }.
mj-blend-ask = 🧩 <b>Blend</b>: надішліть 2–5 фото (найпростіше — альбомом). /cancel — скасувати.
mj-blend-choose = 📐 Фото: { $count }. Оберіть формат результату або надішліть ще фото (до 5).
mj-blend-portrait = ▯ Вертикальний
mj-blend-square = ◻️ Квадратний
mj-blend-landscape = ▭ Горизонтальний
mj-blend-need-more = Спершу надішліть щонайменше 2 фото.
mj-blend-too-many = Щонайбільше 5 фото: решту пропущено.
mj-blend-cancelled = Blend скасовано.
mj-describe-ask = 🔍 <b>Describe</b>: надішліть фото, і я напишу для нього чотири промпти. /cancel — скасувати.
mj-describe-cancelled = Describe скасовано.
mj-photo-only = Надішліть, будь ласка, фото або /cancel.
mj-finish-first = Спершу завершіть поточний крок або скасуйте його через /cancel.
mj-action-upscale = Upscale
mj-action-variation = Variation
mj-action-low_variation = Vary (Subtle)
mj-action-high_variation = Vary (Strong)
mj-action-reroll = Reroll
mj-action-zoom = Zoom Out
mj-action-pan = Pan
mj-action-custom_zoom = Custom Zoom
mj-action-inpaint = Vary (Region)
