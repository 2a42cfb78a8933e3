# Генерация изображений, редактирование фото, /settings и /jobs.
imagine-usage =
    🎨 Опишите картинку после команды, например:
    <code>/imagine рыжая лиса в снегу, акварель</code>

    В личном чате можно просто прислать описание. Добавьте <code>--ar 16:9</code>, <code>--size 1024x768</code> или <code>--n 2</code>, чтобы на один запрос изменить параметры из /settings.
imagine-no-model = 🎨 Сейчас нет доступной модели для изображений. Попробуйте позже.
edit-no-model = ✏️ Сейчас нет доступной модели для редактирования фото. Попробуйте позже.
edit-ask = ✏️ Что изменить на этом фото? Пришлите инструкцию сообщением (или /cancel).
edit-ask-album = ✏️ Что изменить на этих фото ({ $count })? Пришлите инструкцию сообщением (или /cancel).
edit-send-photo = 📷 Теперь пришлите фото, которое нужно изменить (или /cancel).
edit-send-photo-captioned = 📷 Пришлите фото с инструкцией в подписи, например «сделай небо фиолетовым» (или /cancel).
edit-too-large = 📷 Размер файла { $size }: боты могут скачивать из Telegram файлы только до { $limit }. Пришлите фото поменьше (как фото, а не файлом — Telegram его сожмёт). Ничего не списано.
edit-not-image = 📄 Этот файл — не изображение, которое я могу изменить. Пришлите фото или файл PNG, JPEG или WebP. Ничего не списано.
edit-cancelled = ✖️ Отменено. Пришлите описание, чтобы создать изображение, или фото с подписью, чтобы изменить его.
settings-title = ⚙️ <b>Настройки</b>
settings-line-model = 🎨 Модель изображений: <b>{ $model }</b> · { $price }
settings-line-size = 📐 Размер: { $value }
settings-line-aspect = 📐 Соотношение сторон: { $value }
settings-line-n = 🔢 Изображений за запрос: { $n } (до { $max })
settings-line-edit = ✏️ Модель редактирования: <b>{ $model }</b> · { $price }
settings-line-mj = 🖼 Midjourney: <b>{ $model }</b> · { $price }
settings-button-mj = 🖼 Скорость Midjourney
settings-choose-mj = 🖼 Midjourney и Niji на каждой скорости: relax дешевле, но может ждать в очереди, turbo быстрее всех. Цены — за сетку и за апскейл.
settings-button-model = 🎨 Модель изображений
settings-button-size = 📐 Размер
settings-button-aspect = 📐 Соотношение сторон
settings-button-n = 🔢 Количество изображений
settings-button-edit = ✏️ Модель редактирования
settings-button-back = ⬅️ Назад
settings-button-close = ✖️ Закрыть
settings-family-image = 🖼 Модели изображений ({ $count })
settings-family-chat-image = 💬 Чат-модели с картинками ({ $count })
settings-family-edit = ✏️ Модели редактирования фото ({ $count })
settings-choose-family-g = 🎨 Какой тип модели будет создавать ваши изображения?
settings-choose-family-e = ✏️ Какой тип модели будет редактировать ваши фото?
settings-choose-model-g = 🎨 { $family }: выберите модель для новых изображений.
settings-choose-model-e = ✏️ { $family }: выберите модель для редактирования фото.
settings-choose-size = 📐 Размеры, которые предлагает { $model }:
settings-choose-aspect = 📐 Соотношения сторон, которые предлагает { $model }:
settings-choose-n = 🔢 Сколько изображений за запрос? { $model } делает до { $max }; оплачивается каждое.
settings-price-image = { $price } за изображение
settings-price-call = { $price } за запрос
settings-price-mj = { $imagine } за сетку, { $upscale } за апскейл
settings-not-yours = Это чужие настройки. Отправьте /settings, чтобы открыть свои.
settings-model-gone = Эта модель больше не предлагается. Выберите другую.
settings-saved-model = ✅ Модель: { $model }
settings-saved-value = ✅ Сохранено: { $value }
settings-no-sizes = У { $model } нет выбора размера: модель выбирает его сама.
settings-single-n = { $model } делает одно изображение за запрос.
jobs-cancel-button = ✖️ Отменить { $id }
jobs-cancelled-toast = ✖️ Отменено, ничего не списано.
jobs-already-cancelled = Уже отменено.
jobs-again-toast = 🔁 Ещё раз…
jobs-model-gone = Модель { $model } больше не предлагается, повторить не получится. Выберите другую в /settings.
jobs-not-finished = Эта генерация ещё не завершена.
jobs-edit-which = Ответьте на изображение, которое нужно изменить, командой /edit и описанием изменений.
