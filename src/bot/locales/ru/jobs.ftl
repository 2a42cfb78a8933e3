# Job status, delivery and failures (shared by every generation family).
job-queued = ⏳ В очереди… ({ $model })
job-queued-charged = 💳 Зарезервировано { $price }, осталось { $balance }. Вернём, если не получится.
job-status-charged = 💳 Зарезервировано { $price }, вернём, если не получится.
job-queued-own-key = 🔑 Идёт на вашем API-ключе: здесь ничего не списывается.
job-confirm-question = 💳 { $model } стоит { $price }; на балансе останется { $balance }. Запустить?
job-confirm-start = ✅ Запустить · { $price }
job-confirm-cancel = ✖️ Отмена
job-confirm-starting = Запускаю…
job-confirm-dropped = ✖️ Не запущено. Ничего не списано.
job-confirm-expired = Этот вопрос устарел. Отправьте запрос ещё раз.
job-generating = 🎨 Генерирую в { $model }… { $elapsed }
job-running = ⏳ { $model }: { $progress } · { $elapsed }
job-held = ⚠️ Midjourney задержал запрос на проверку ({ $reason }) · { $elapsed }. Он ещё может выполниться; если нет — будет отклонён, а сумма возвращена.
job-done-caption = { $model } · { $cost }
job-album-buttons = ⬆️ { $count ->
        [one] { $count } изображение
        [few] { $count } изображения
       *[many] { $count } изображений
    } выше. Что дальше?
job-result-note = 💬 Модель пишет: { $note }
job-cost-own-key = ваш ключ
job-refunded = Зарезервированные { $amount } возвращены на баланс.
job-button-again = 🔁 Ещё раз
job-button-edit = ✏️ Изменить
job-button-original = 📎 Оригинал
job-button-support = 💬 Поддержка
job-button-cancel = ✖️ Отменить
job-cancelled = ✖️ Отменено. { $refund }
job-cancel-too-late = Генерация уже началась, отменить её нельзя.
job-not-yours = Эта кнопка относится к чужой генерации.
job-gone = Этой генерации больше нет.
job-original-gone = Оригинал больше не хранится. Создайте изображение заново кнопкой 🔁.
job-link-only = Файл слишком большой для загрузки сюда ({ $size }). Скачайте его: { $url }
jobs-empty = У вас ещё нет генераций. Пришлите описание картинки, чтобы начать.
jobs-title = <b>Ваши последние генерации</b>
jobs-line = { $icon } <code>{ $id }</code> · { $model } · { $status } · { $when }
job-status-queued = в очереди
job-status-submitting = запускается
job-status-running = выполняется
job-status-delivering = отправляется
job-status-done = готово
job-status-failed = ошибка
job-status-cancelled = отменено
job-insufficient = 💰 Недостаточно средств: стоимость { $price }, на балансе { $balance }.
job-insufficient-own-key = 🔑 Или подключите свой API-ключ через /key.
job-failed = ❌ Генерация не удалась: { $reason }
    { $refund }
    🆔 Номер задачи: <code>{ $job }</code>
job-failed-bad_key = поставщик отклонил API-ключ бота, и генерации не заработают, пока оператор это не исправит. Ничего не потеряно: попробуйте позже или напишите в /support.
job-failed-key_exhausted = у бота временно закончилась квота генераций. Попробуйте позже или напишите в /support.
job-failed-model_not_allowed = эта модель сейчас недоступна. Выберите другую в /settings.
job-failed-insufficient_balance = на счёте бота у поставщика сейчас нет средств. Попробуйте позже или напишите в /support.
job-failed-own-bad_key = ваш API-ключ отклонён (неверный или истёк). Пришлите новый через /key или удалите его командой /key remove, чтобы платить с баланса.
job-failed-own-key_exhausted = у вашего API-ключа закончилась квота. Пополните её там, где вы получили ключ, или удалите ключ командой /key remove, чтобы платить с баланса.
job-failed-own-model_not_allowed = вашему API-ключу недоступна эта модель. Выберите другую в /settings или разрешите модель для ключа там, где вы его получили.
job-failed-own-insufficient_balance = на счёте вашего API-ключа нет средств. Пополните его там, где вы получили ключ, или удалите ключ командой /key remove, чтобы платить с баланса.
job-failed-banned_prompt = в описании есть запрещённое слово{ $word ->
    [none] {""}
   *[other] {" "}(«{ $word }»)
}. Перефразируйте и попробуйте снова.
job-failed-content_policy = запрос отклонён правилами модели. Перефразируйте описание и попробуйте снова.
job-failed-rate_limited = модели сейчас перегружены. Попробуйте через минуту.
job-failed-queue_full = очередь сейчас заполнена. Попробуйте через несколько минут.
job-failed-no_channel = модель временно недоступна. Выберите другую в /settings или попробуйте позже.
job-failed-not_implemented = эта модель не умеет выполнять такую операцию. Выберите другую модель в /settings.
job-failed-not_found = исходный результат, к которому это относится, у поставщика уже удалён. Начните новую генерацию.
job-failed-timeout = модель слишком долго не отвечала. Попробуйте ещё раз.
job-failed-upstream = у поставщика модели произошла ошибка. Попробуйте чуть позже.
job-failed-network = сервис генерации сейчас недоступен. Попробуйте через минуту.
job-failed-malformed = модель прислала ответ, который я не смог прочитать. Попробуйте ещё раз; если повторится — выберите другую модель в /settings.
job-failed-invalid_request = модель отклонила запрос. Измените промпт или настройки и попробуйте снова.
job-failed-too_large = результат слишком большой, чтобы отправить его сюда. Напишите в /support и укажите номер задачи ниже.
job-failed-interrupted = бот перезапустился во время работы над ней. Отправьте запрос ещё раз.
job-failed-deadline = не успела завершиться вовремя. Попробуйте ещё раз; в очереди relax бывает дольше — может помочь скорость побыстрее.
job-failed-lost_task = поставщик потерял задачу. Отправьте запрос ещё раз.
job-failed-task_failed = модель не смогла довести дело до конца. Попробуйте ещё раз или выберите другую модель в /settings.
job-failed-provider-words = Ответ модели: «{ $detail }».
job-failed-mj_moderation = Midjourney задержал или отклонил этот запрос по правилам сообщества («{ $detail }»). Он не продолжится. Переформулируйте запрос и попробуйте снова; если это ошибка, напишите в поддержку.
job-failed-mj_invalid_parameter = Midjourney не принял параметр запроса: { $detail }. Исправьте его (--ar, --v, --stylize …) и попробуйте снова.
job-failed-mj_account = аккаунт Midjourney сервиса сейчас не принимает задачи (тариф или быстрые часы). Попробуйте позже или напишите в поддержку.
job-failed-mj_image_fetch = Midjourney не смог прочитать одно из изображений. Пришлите фото ещё раз или другое.
job-failed-delivery_failed = я не смог отправить вам результат. Напишите в /support и укажите номер задачи ниже.
job-failed-input_unavailable = не удалось скачать ваше фото из Telegram. Пришлите его ещё раз.
job-failed-input_too_large = ваше фото больше, чем Telegram позволяет скачать ботам (20 МБ). Пришлите поменьше.
job-failed-input_not_image = присланный файл — не изображение, которое я могу использовать. Пришлите фото в JPG, PNG или WebP.
job-failed-input_not_audio = присланный звуковой файл не подходит (нужен MP3, M4A, WAV или AAC).
job-failed-input_not_video = присланный файл не подходит как видео (нужен MP4, MOV или WebM).
job-failed-unknown = что-то пошло не так{ $detail ->
    [none] {""}
   *[other] : { $detail }
}.
job-failed-reason = Причина: { $detail }
# Requests the catalog refuses (any family): nothing is charged. $allowed lists the choices.
job-problem-prompt_empty = ✍️ Описание пустое. Напишите, что нужно, например: рыжая лиса в снегу, акварель.
job-problem-prompt_too_long = ✍️ Описание слишком длинное: { $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[many] { $length } символов
}, а { $model } принимает не больше { $limit }. Сократите его и пришлите снова. Ничего не списано.
job-problem-size_unsupported = 📐 { $model } не предлагает такой размер. Выберите один из: { $allowed }. Ничего не списано.
job-problem-aspect_unsupported = 📐 { $model } не предлагает такое соотношение сторон. Выберите одно из: { $allowed }. Ничего не списано.
job-problem-n_out_of_range = 🔢 { $model } делает не больше { $limit ->
    [one] { $limit } изображения
    [few] { $limit } изображений
   *[many] { $limit } изображений
} за запрос. Выберите: { $allowed }. Ничего не списано.
job-problem-duration_unsupported = ⏱ { $model } не предлагает такую длительность. Выберите одну из: { $allowed }. Ничего не списано.
job-problem-mode_unsupported = ⚙️ { $model } не предлагает такой режим. Выберите один из: { $allowed }. Ничего не списано.
job-problem-image_required = 📷 { $model } нужно изображение: пришлите фото с описанием в подписи. Ничего не списано.
job-problem-image_not_supported = 📷 { $model } не принимает изображения. Пришлите только описание или выберите другую модель в /settings. Ничего не списано.
job-problem-too_many_images = 📷 { $model } принимает не больше { $limit ->
    [one] { $limit } изображения
    [few] { $limit } изображений
   *[many] { $limit } изображений
} за запрос. Пришлите меньше. Ничего не списано.
job-problem-too_few_images = 📷 { $model } нужно не меньше { $limit ->
    [one] { $limit } изображения
    [few] { $limit } изображений
   *[many] { $limit } изображений
}. Пришлите больше одним альбомом. Ничего не списано.
job-problem-option_unsupported = ⚙️ { $model } не поддерживает такое значение { $option }. Выберите одно из: { $allowed }. Ничего не списано.
job-problem-option_not_taken = ⚙️ { $model } не принимает { $option }. Отправьте запрос без этого параметра или выберите другую модель в /settings. Ничего не списано.
job-problem-seed_invalid = 🎲 Seed — целое число от 0 до { $limit }, например --seed 42. Ничего не списано.
job-problem-transparent_format = 🫥 Прозрачный фон возможен только в PNG или WebP: добавьте --format png. Ничего не списано.
job-problem-effect_unsupported = ✨ { $model } не предлагает такой эффект. Выберите один из: { $allowed }. Ничего не списано.
job-too-many-active = ⏳ У вас уже { $limit ->
    [one] { $limit } генерация
    [few] { $limit } генерации
   *[many] { $limit } генераций
} в работе. Дождитесь завершения одной из них (см. /jobs) и попробуйте снова.
job-original-limit = { $seconds ->
    [one] Слишком много оригиналов подряд: попробуйте через { $seconds } секунду.
    [few] Слишком много оригиналов подряд: попробуйте через { $seconds } секунды.
   *[other] Слишком много оригиналов подряд: попробуйте через { $seconds } секунд.
}
job-button-extend = ⏩ Продолжить
job-problem-source_required = ⏩ { $model } работает с вашим прошлым видео: нажмите кнопку под ним. Ничего не списано.
job-problem-source_not_supported = ⏩ { $model } не может работать с этим видео. Выберите модель, предложенную для него. Ничего не списано.
job-button-lipsync = 🗣 Озвучить
job-problem-voice_unsupported = 🗣 { $model } не предлагает такой голос. Выберите один из: { $allowed }. Ничего не списано.
job-problem-audio_not_supported = 🎵 { $model } озвучивает только текст: пришлите текст вместо звукового файла. Ничего не списано.
job-problem-video_required = 🎞 { $model } работает с видео: пришлите его с подписью /video и описанием. Ничего не списано.
job-problem-video_not_supported = 🎞 { $model } не принимает видео. Выберите другую модель на клавиатуре. Ничего не списано.
