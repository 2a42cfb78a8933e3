# Midjourney: /mj, кнопки результата, промпт для modal, /blend и /describe.
mj-usage =
    🖼 <b>Midjourney</b> ({ $model })

    /mj <i>промпт</i> — четыре картинки сеткой; параметры Midjourney вроде <code>--ar 16:9 --v 6</code> передаются как есть. Фото с подписью <code>/mj промпт</code> станет референсом.
    /blend — смешать 2–5 фото.
    /describe — четыре промпта по фото.

    Кнопки под результатом увеличивают (U1–U4), варьируют (V1–V4, 🔄), отдаляют и сдвигают кадр.
    Скорость и цена: /settings или <code>--fast</code> / <code>--relax</code> / <code>--turbo</code> в промпте.
mj-unavailable = Midjourney сейчас недоступен.
mj-speed-unavailable = Режима --{ $mode } здесь нет. Доступные скорости: { $offered }. Ничего не списано.
mj-prompt-too-long = Промпт слишком длинный: не больше { $limit ->
    [one] { $limit } символа
    [few] { $limit } символов
   *[many] { $limit } символов
}.
mj-too-many-images = Не больше { $limit ->
    [one] { $limit } фото-референса
    [few] { $limit } фото-референсов
   *[many] { $limit } фото-референсов
} для этой модели.
mj-images-not-supported = Эта модель не принимает фото-референсы.
mj-image-too-large = 📷 Этот файл весит { $size }: боты могут скачивать из Telegram файлы не больше { $sizeLimit }. Пришлите фото поменьше (как фото, а не файлом: Telegram его сожмёт). Ничего не списано.
mj-image-not-image = 📄 Этот элемент альбома — не изображение, которое можно взять референсом: пришлите фото или файлы PNG, JPEG, WebP. Ничего не списано.
mj-button-working = ⏳ { $action }…
mj-button-unsupported = Эта кнопка недоступна для этой модели Midjourney. Попробуйте другую кнопку или начните заново с /mj.
mj-button-region = 🖌 Для Vary (Region) нужна маска, нарисованная на картинке, а в чате её не нарисовать. Попробуйте 🪄 Vary (Subtle) или (Strong), или 🔍 Custom Zoom.
mj-button-region-gallery = 🖌 Vary (Region) рисуется в галерее: откройте /gallery, выберите это изображение и закрасьте часть, которую нужно перерисовать.
mj-button-stale = Эта кнопка устарела.
mj-button-busy = Уже делаю…
mj-button-not-yours = Эти кнопки относятся к чужой картинке.
mj-button-model-off = Эта модель Midjourney больше недоступна.
mj-result-caption = { $model } · { $cost }
mj-mode-fast = fast
mj-mode-relax = relax
mj-mode-turbo = turbo
mj-ran-mode = ⚡ Выполнено в режиме { $mode }.
mj-ran-other-mode = ⚡ Выполнено в режиме { $mode }, а не { $asked }: сервис не передал скорость. Списана цена { $asked }.
mj-document-note = Картинка в полном размере (больше, чем Telegram разрешает для фото).
mj-describe-title = 🔍 <b>Четыре промпта для вашей картинки</b>
mj-describe-hint = Нажмите номер, чтобы сгенерировать по этому промпту.
mj-describe-button = { $n } ✨ Создать
mj-describe-gone = Этот промпт больше недоступен.
mj-preview-caption = 👀 Превью
mj-modal-zoom-ask =
    🔍 <b>Custom Zoom</b>: пришлите промпт с <code>--zoom</code> от 1 до 2 или только число (например, <code>1.5</code>), чтобы оставить промпт:
    <code>{ $prompt }</code>

    Отдаление стоит { $price }. /cancel — отменить.
mj-modal-remix-ask =
    🎛 <b>Remix</b>: для этого действия ({ $action }) можно задать новый промпт. Текущий промпт:
    <code>{ $prompt }</code>

    Стоимость: { $price }.
mj-modal-new-ask = ✏️ Пришлите новый промпт текстом. /cancel — отменить.
mj-modal-button-keep = ▶️ Оставить промпт
mj-modal-button-new = ✏️ Новый промпт
mj-modal-button-cancel = ✖️ Отменить
mj-modal-continuing = ▶️ Делаю.
mj-modal-waiting = ✅ Принято: продолжу, как только Midjourney будет готов.
mj-modal-cancelled = ✖️ Отменено. { $refund }
mj-modal-gone = Этот шаг больше не ждёт промпта.
mj-modal-text-only = Пришлите промпт текстом или /cancel.
mj-modal-insufficient = 💰 Не хватает баланса на этот шаг: он стоит { $price }, у вас { $balance }.
mj-blend-ask = 🧩 <b>Blend</b>: пришлите 2–5 фото (проще всего альбомом). /cancel — отменить.
mj-blend-choose = 📐 Фото: { $count }. Выберите форму результата или пришлите ещё фото (до 5).
mj-blend-portrait = ▯ Портрет
mj-blend-square = ◻️ Квадрат
mj-blend-landscape = ▭ Альбом
mj-blend-need-more = Сначала пришлите хотя бы 2 фото.
mj-blend-too-many = Не больше 5 фото: остальные не учитываются.
mj-blend-cancelled = Blend отменён.
mj-describe-ask = 🔍 <b>Describe</b>: пришлите фото, и я напишу к нему четыре промпта. /cancel — отменить.
mj-describe-cancelled = Describe отменён.
mj-photo-only = Пришлите фото или /cancel.
mj-finish-first = Сначала завершите текущий шаг или отмените его: /cancel.
mj-action-upscale = Увеличение
mj-action-variation = Вариация
mj-action-low_variation = Vary (Subtle)
mj-action-high_variation = Vary (Strong)
mj-action-reroll = Перегенерация
mj-action-zoom = Отдаление
mj-action-pan = Сдвиг
mj-action-custom_zoom = Custom Zoom
mj-action-inpaint = Vary (Region)
