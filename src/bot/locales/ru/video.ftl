# Генерация видео: /video, клавиатура настроек, запасные способы доставки.
video-usage =
    🎬 Опишите видео после команды, например:
    <code>/video колибри зависла у цветка, замедленная съёмка</code>

    Чтобы оживить фото, пришлите его с подписью <code>/video</code> и описанием или ответьте на фото командой <code>/video</code> с описанием. Добавьте <code>--duration 10</code>, <code>--ar 9:16</code> или <code>--mode pro</code>, чтобы задать их для этого запроса.
video-no-model = 🎬 Сейчас нет доступной модели для видео. Попробуйте позже.
video-image-too-large = 📷 Этот файл весит { $size }, а боты могут скачивать из Telegram файлы не больше { $sizeLimit }. Пришлите фото поменьше (как фото, а не файлом: Telegram его сожмёт). Ничего не списано.
video-image-not-image = 📄 Это не изображение, которое я могу оживить. Пришлите фото или файл PNG, JPEG или WebP с подписью /video и описанием. Ничего не списано.
video-screen-title = 🎬 <b>Видео</b> · { $model }
video-screen-frames = { $count ->
    [one] 🖼 Начнётся с вашего фото
   *[other] 🖼 Начнётся с первого фото и закончится вторым
}
video-screen-references = { $count ->
    [one] 🖼 Ваше фото — референс
    [few] 🖼 Ваши { $count } фото — референсы
    [many] 🖼 Ваши { $count } фото — референсы
   *[other] 🖼 Ваши { $count } фото — референсы
}
video-screen-duration = ⏱ { $seconds } с
video-screen-mode = ⚙️ { $mode ->
    [pro] Pro
   *[std] Стандарт
}
video-screen-price = 💰 Цена: { $price }
video-screen-own-key = 🔑 Оплачивается вашим API-ключом
video-button-model = 🎬 { $model } ▾
video-duration-label = { $seconds } с
video-mode-label = { $mode ->
    [pro] Pro
   *[std] Стандарт
}
video-button-confirm = ✅ Создать · { $price }
video-button-confirm-own = ✅ Создать (ваш ключ)
video-button-cancel = ✖️
video-button-back = ⬅️ Назад
video-price-second = { $price }/с
video-price-call = { $price }
video-choose-model = 🎬 Выберите модель для видео:
video-choose-model-image = { $count ->
    [one] 🎬 Выберите модель, которая оживит ваше фото:
    [few] 🎬 Выберите модель, которая принимает { $count } фото:
    [many] 🎬 Выберите модель, которая принимает { $count } фото:
   *[other] 🎬 Выберите модель, которая принимает { $count } фото:
}
video-saved-model = ✅ Модель: { $model }
video-draft-gone = Этот запрос устарел. Отправьте /video ещё раз.
video-not-yours = Это чужой запрос. Отправьте /video, чтобы сделать свой.
video-already-started = Это видео уже делается. Смотрите /jobs.
video-model-gone = Эта модель больше недоступна. Выберите другую.
video-cancelled = ✖️ Отменено, ничего не списано.
video-started = 🎬 { $model } · { $seconds } с · { $price }: запущено. Пришлю видео сюда, когда оно будет готово; обычно это занимает несколько минут.
video-again-toast = 🔁 Ещё раз…
video-again-model-gone = Модель { $model } больше недоступна, поэтому повторить нельзя. Отправьте /video, чтобы выбрать другую.
video-size-over = больше { $sizeLimit }
video-link = Видео слишком большое для загрузки сюда ({ $size }). Скачайте его: { $url }
    Ссылка от провайдера и может перестать работать в течение суток.
video-link-private = Видео готово, но оно слишком большое для загрузки сюда ({ $size }), а поставщик отдаёт его только тому ключу, которым оно создано, поэтому ссылку дать не могу. Напишите в /support и укажите номер задачи { $task } — вам пришлют файл.
video-effect-squish = 🫳 Сжать
video-effect-expansion = 🎈 Надуть
video-effect-fuzzyfuzzy = 🧸 Пушистик
video-effect-bloombloom = 🌸 Цветение
video-effect-dizzydizzy = 💫 Головокружение
video-extend-unavailable = Для этого видео сейчас ничего не предлагается, или оно ещё не готово.
video-extend-toast = ⏩ Продолжение: проверьте и подтвердите
video-screen-extend = ⏩ Продолжит ваше прошлое видео
video-lipsync-toast = 🗣 Озвучка: ответьте на новое сообщение словами, которые нужно сказать
video-screen-ask-words = 🗣 <b>Ответьте на это сообщение</b> словами, которые должен сказать человек.
video-screen-ask-prompt = ✍️ <b>Ответьте на это сообщение</b> описанием видео.
video-prompt-set = ✅ Принято: текст на клавиатуре выше. Проверьте и нажмите «Создать».
video-voice-oversea_male1 = 👨 Мужчина
video-voice-commercial_lady_en_f-v1 = 👩 Женщина
video-voice-reader_en_m-v1 = 📖 Диктор
video-voice-uk_boy1 = 👦 Мальчик (UK)
video-voice-uk_man2 = 🎩 Мужчина (UK)
video-audio-voice-note = 🎙 Голосовые сообщения (OGG) озвучка Kling не принимает. Пришлите звук файлом MP3, M4A, WAV или AAC в ответ на клавиатуру или ответьте текстом, который нужно сказать.
video-audio-format = 🎵 Формат этого звукового файла озвучка не принимает: пришлите MP3, M4A, WAV или AAC.
video-audio-not-taken = 🎵 { $model } озвучивает только текст: ответьте текстом.
video-audio-too-large = 🎵 Звуковой файл слишком большой: озвучка принимает до { $sizeLimit }. Пришлите покороче.
video-audio-set = ✅ Принято: видео скажет ваш звуковой файл. Проверьте клавиатуру выше и нажмите «Создать».
video-screen-ask-words-or-audio = 🗣 <b>Ответьте на это сообщение</b> словами, которые должен сказать человек, или звуковым файлом (MP3, M4A, WAV, AAC).
video-input-too-large = 🎞 Это видео слишком большое: боты могут скачивать из Telegram файлы до { $sizeLimit }. Пришлите покороче или поменьше. Ничего не списано.
video-screen-video = 🎞 Работает с вашим видео
